package dev.tandem.dualwrite.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.testing.DatabaseTest;
import dev.tandem.dualwrite.capture.ChangeRecorder;
import dev.tandem.dualwrite.capture.SyncHook;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class DataEntityWriterTest extends DatabaseTest {

    private static final DataEntityDefinition THINGS =
            new DataEntityDefinition("things", "thing", "thingid", List.of("thingid", "amount", "label"));
    /** Another entity over the same table, which the hook's maps do not carry. */
    private static final DataEntityDefinition OTHERS =
            new DataEntityDefinition("others", "thing", "thingid", List.of("thingid", "label"));

    private JdbcTemplate jdbc;
    private TransactionTemplate tx;
    private ChangeRecorder recorder;
    private DataEntityWriter writer;

    @Override
    protected List<String> migrationLocations() {
        return List.of("classpath:db/dualwrite");
    }

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(dataSource());
        jdbc.execute("CREATE TABLE thing (thingid UUID PRIMARY KEY, amount NUMERIC(19,6), label VARCHAR(20))");
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
        recorder = new ChangeRecorder(jdbc, Clock.systemUTC());
        writer = new DataEntityWriter(jdbc, recorder);
    }

    @Test
    void insertRecordsOneOutboxRowPerRowWithTheTransactionsBatchId() {
        tx.executeWithoutResult(s -> writer.insert(THINGS, List.of(row("1.50"), row("2.25"))));

        assertThat(count("thing")).isEqualTo(2);
        assertThat(count("dw_outbox")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT batch_id) FROM dw_outbox", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT payload FROM dw_outbox", String.class))
                .anySatisfy(p -> assertThat(p).contains("\"amount\":1.5").contains("\"label\":\"x\""));
    }

    @Test
    void twoTransactionsGetTwoBatches() {
        tx.executeWithoutResult(s -> writer.insert(THINGS, List.of(row("1"))));
        tx.executeWithoutResult(s -> writer.insert(THINGS, List.of(row("2"))));

        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT batch_id) FROM dw_outbox", Integer.class)).isEqualTo(2);
    }

    @Test
    void updateRecordsTheFullRowImage() {
        Map<String, Object> row = row("3");
        tx.executeWithoutResult(s -> writer.insert(THINGS, List.of(row)));
        tx.executeWithoutResult(s -> writer.update(THINGS, List.of(row.get("thingid")), Map.of("label", "y")));

        String payload = jdbc.queryForObject("SELECT payload FROM dw_outbox WHERE operation = 'UPDATE'", String.class);
        assertThat(payload).contains("\"label\":\"y\"").contains("\"amount\":3");
    }

    @Test
    void failureBeforeCommitRollsBackBusinessRowsAndOutboxRows() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            writer.insert(THINGS, List.of(row("4")));
            throw new IllegalStateException("injected failure after the business write");
        })).hasMessageContaining("injected");

        assertThat(count("thing")).isZero();
        assertThat(count("dw_outbox")).isZero();
    }

    @Test
    void writingOutsideATransactionIsRefusedAndWritesNothing() {
        assertThatThrownBy(() -> writer.insert(THINGS, List.of(row("5"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside a transaction");
        assertThat(count("thing")).isZero();
    }

    @Test
    void unknownFieldIsRefused() {
        Map<String, Object> row = row("6");
        row.put("colour", "red");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> writer.insert(THINGS, List.of(row))))
                .hasMessageContaining("things has no field colour");
    }

    /**
     * Issue 13: with a live-sync hook the changes reach it in memory, in order, just before commit, and no outbox row
     * is written unless the hook writes one (a queued map's changes); a change of an entity no map carries is not
     * even kept.
     */
    @Test
    void withAHookChangesGoToItAndOnlyWhatItWritesReachesTheOutbox() {
        List<String> seen = new ArrayList<>();
        recorder.setCarried(entity -> entity.equals("things"));
        recorder.setHook(new SyncHook() {
            @Override
            public void beforeCommit(UUID batchId, List<SyncHook.RecordedChange> changes) {
                changes.forEach(c -> seen.add(c.operation() + " " + c.row().get("label")));
                assertThat(count("dw_outbox")).isZero();
                recorder.writeOutbox(batchId, changes.subList(1, 2));
            }

            @Override
            public void afterCompletion(UUID batchId, boolean committed) {
                seen.add(committed ? "committed" : "rolled back");
            }
        });
        Map<String, Object> row = row("7");
        tx.executeWithoutResult(s -> {
            writer.insert(THINGS, List.of(row));
            writer.update(THINGS, List.of(row.get("thingid")), Map.of("label", "y"));
            writer.insert(OTHERS, List.of(Map.of("thingid", UUID.randomUUID(), "label", "not carried")));
        });

        assertThat(seen).containsExactly("INSERT x", "UPDATE y", "committed");
        assertThat(jdbc.queryForList("SELECT operation FROM dw_outbox", String.class)).containsExactly("UPDATE");
        assertThat(count("thing")).isEqualTo(2);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    private static Map<String, Object> row(String amount) {
        Map<String, Object> row = new HashMap<>();
        row.put("thingid", UUID.randomUUID());
        row.put("amount", new BigDecimal(amount));
        row.put("label", "x");
        return row;
    }
}
