package dev.tandem.dualwrite.capture;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.core.StreamWriteFeature;

/**
 * Records changes of data-entity rows in the app's {@code dw_outbox} table, inside the caller's transaction
 * (DESIGN §3, change capture). All changes of one transaction share one batch id, the unit of live sync.
 *
 * <p>Refuses to record outside a transaction: a change recorded in its own transaction could commit while the
 * business write rolls back (or the reverse), which is exactly the "silently never syncs" failure of the original.
 */
public final class ChangeRecorder {

    private static final String INSERT_SQL = """
            INSERT INTO dw_outbox (batch_id, entity, integration_key, operation, payload, origin, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    public ChangeRecorder(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One captured change: the full row image after the change (all fields, not the delta, as dual-write R10). */
    public record Change(String entity, String integrationKey, ChangeOperation operation, Map<String, Object> row) {
    }

    /**
     * Records changes with JDBC batching.
     *
     * @throws IllegalStateException when no transaction is active
     */
    public void record(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        UUID batchId = currentBatchId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate(INSERT_SQL, changes, 1000, (ps, change) -> {
            ps.setObject(1, batchId);
            ps.setString(2, change.entity());
            ps.setString(3, change.integrationKey());
            ps.setString(4, change.operation().name());
            ps.setString(5, json.writeValueAsString(change.row()));
            ps.setString(6, null);
            ps.setTimestamp(7, now);
        });
    }

    /**
     * The batch id of the current transaction, created on first use and forgotten when the transaction completes.
     *
     * @throws IllegalStateException when no transaction is active
     */
    public static UUID currentBatchId() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("data-entity rows may only be written inside a transaction, so that the "
                    + "outbox row commits or rolls back with the business row");
        }
        UUID batchId = (UUID) TransactionSynchronizationManager.getResource(ChangeRecorder.class);
        if (batchId == null) {
            UUID created = UUID.randomUUID();
            TransactionSynchronizationManager.bindResource(ChangeRecorder.class, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ChangeRecorder.class);
                }
            });
            batchId = created;
        }
        return batchId;
    }
}
