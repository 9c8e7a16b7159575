package dev.tandem.dualwrite.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.testing.DatabaseTest;
import dev.tandem.dualwrite.capture.ChangeOperation;
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
import org.springframework.jdbc.core.RowMapper;
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
        recorder.setCarried((entity, operation) -> entity.equals("things"));
        recorder.setHook(new SyncHook() {
            @Override
            public void beforeCommit(UUID batchId, List<SyncHook.RecordedChange> changes) {
                changes.forEach(c -> seen.add(c.operation() + " " + c.row().get("label")));
                assertThat(count("dw_outbox")).isZero();
                recorder.writeOutbox(batchId, changes.subList(1, 2));
            }

            @Override
            public void deliverPart(UUID batchId, List<SyncHook.RecordedChange> changes) {
                throw new AssertionError("no part expected");
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

    /**
     * Issue 13: a map that carries only inserts of an entity (the actuals map) makes the recorder drop that entity's
     * updates and deletes, and the writer does not even read their row images: a contract's invoice creation marks
     * tens of thousands of actuals invoiced in one transaction, and live sync held every image until commit.
     */
    @Test
    void anOperationNoMapCarriesIsNeitherKeptNorRead() {
        List<String> seen = new ArrayList<>();
        recorder.setCarried((entity, operation) -> entity.equals("things") && operation == ChangeOperation.INSERT);
        recorder.setHook(new SyncHook() {
            @Override
            public void beforeCommit(UUID batchId, List<SyncHook.RecordedChange> changes) {
                changes.forEach(c -> seen.add(c.operation() + " " + c.row().get("label")));
            }

            @Override
            public void deliverPart(UUID batchId, List<SyncHook.RecordedChange> changes) {
                throw new AssertionError("no part expected");
            }

            @Override
            public void afterCompletion(UUID batchId, boolean committed) {
                seen.add(committed ? "committed" : "rolled back");
            }
        });
        Map<String, Object> row = row("8");
        List<String> statements = new ArrayList<>();
        JdbcTemplate counting = new JdbcTemplate(dataSource()) {
            @Override
            public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
                statements.add(sql);
                return super.query(sql, mapper, args);
            }
        };
        DataEntityWriter readingWriter = new DataEntityWriter(counting, recorder);
        tx.executeWithoutResult(s -> {
            readingWriter.insert(THINGS, List.of(row));
            readingWriter.update(THINGS, List.of(row.get("thingid")), Map.of("label", "z"));
            readingWriter.delete(THINGS, List.of(row.get("thingid")));
        });

        assertThat(seen).containsExactly("INSERT x", "committed");
        assertThat(recorder.records("things", ChangeOperation.UPDATE)).isFalse();
        assertThat(recorder.records("things", ChangeOperation.INSERT)).isTrue();
        assertThat(recorder.records("others", ChangeOperation.INSERT)).isFalse();
        assertThat(count("thing")).isZero();
        assertThat(statements).isEmpty();
    }

    /**
     * Issue 13: a transaction that records more than the part size hands its changes over in parts of that size as
     * it goes, in order, also when one call brings more than a part; the commit gets only the rest; every part and
     * the commit carry the transaction's batch id.
     */
    @Test
    void aBigTransactionHandsItsChangesOverInParts() {
        List<String> seen = new ArrayList<>();
        List<UUID> batches = new ArrayList<>();
        recorder.setPartSize(2);
        recorder.setHook(new SyncHook() {
            @Override
            public void beforeCommit(UUID batchId, List<SyncHook.RecordedChange> changes) {
                batches.add(batchId);
                seen.add("commit " + changes.stream().map(c -> String.valueOf(c.row().get("amount"))).toList());
            }

            @Override
            public void deliverPart(UUID batchId, List<SyncHook.RecordedChange> changes) {
                batches.add(batchId);
                seen.add("part " + changes.stream().map(c -> String.valueOf(c.row().get("amount"))).toList());
            }

            @Override
            public void afterCompletion(UUID batchId, boolean committed) {
                batches.add(batchId);
            }
        });
        tx.executeWithoutResult(s -> {
            writer.insert(THINGS, List.of(row("1")));
            writer.insert(THINGS, List.of(row("2")));
            writer.insert(THINGS, List.of(row("3"), row("4"), row("5")));
            writer.insert(THINGS, List.of(row("6")));
        });

        assertThat(seen).containsExactly("part [1, 2]", "part [3, 4]", "part [5, 6]", "commit []");
        assertThat(batches).hasSize(5).containsOnly(batches.get(0));
        assertThatThrownBy(() -> recorder.setPartSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Issue 13 (the million-row month end ran out of heap posting an invoice proposal): writing back thousands of
     * rows reads their images a chunk of 1,000 at a time and records each chunk before reading the next, so the
     * first part goes to the hook after one read, not after every image of the update was read and held. The same
     * for inserts and deletes; every change arrives once, in parts no bigger than the part size.
     */
    @Test
    void aBigWriteHandsItsImagesOverChunkByChunk() {
        int rows = 2_500;
        List<String> reads = new ArrayList<>();
        JdbcTemplate counting = new JdbcTemplate(dataSource()) {
            @Override
            public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
                reads.add(sql);
                return super.query(sql, mapper, args);
            }
        };
        ChangeRecorder parted = new ChangeRecorder(counting, Clock.systemUTC());
        DataEntityWriter chunked = new DataEntityWriter(counting, parted);
        parted.setPartSize(1_000);
        List<String> parts = new ArrayList<>();
        parted.setHook(new SyncHook() {
            @Override
            public void beforeCommit(UUID batchId, List<SyncHook.RecordedChange> changes) {
                parts.add("commit " + changes.size() + " " + operations(changes));
            }

            @Override
            public void deliverPart(UUID batchId, List<SyncHook.RecordedChange> changes) {
                parts.add("part " + changes.size() + " " + operations(changes) + " after " + reads.size() + " reads");
            }

            @Override
            public void afterCompletion(UUID batchId, boolean committed) {
            }
        });
        List<Map<String, Object>> inserted = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            inserted.add(row(String.valueOf(i)));
        }
        List<UUID> keys = inserted.stream().map(r -> (UUID) r.get("thingid")).toList();
        Map<UUID, Map<String, Object>> updates = new java.util.LinkedHashMap<>();
        keys.forEach(k -> updates.put(k, new HashMap<>(Map.of("label", "y"))));

        tx.executeWithoutResult(s -> chunked.insert(THINGS, inserted));
        tx.executeWithoutResult(s -> chunked.updateEach(THINGS, updates));
        tx.executeWithoutResult(s -> chunked.delete(THINGS, keys));

        assertThat(parts).containsExactly(
                "part 1000 [INSERT] after 0 reads", "part 1000 [INSERT] after 0 reads", "commit 500 [INSERT]",
                "part 1000 [UPDATE] after 1 reads", "part 1000 [UPDATE] after 2 reads", "commit 500 [UPDATE]",
                "part 1000 [DELETE] after 4 reads", "part 1000 [DELETE] after 5 reads", "commit 500 [DELETE]");
        assertThat(count("thing")).isZero();
    }

    private static List<String> operations(List<SyncHook.RecordedChange> changes) {
        return changes.stream().map(c -> c.operation().name()).distinct().toList();
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
