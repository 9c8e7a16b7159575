package dev.tandem.dualwrite.capture;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.core.StreamWriteFeature;

/**
 * Captures changes of data-entity rows inside the caller's transaction (DESIGN §3, change capture). All changes of
 * one transaction share one batch id, the unit of live sync.
 *
 * <p>What is written depends on whether a dual-write runtime is wired:
 * <ul>
 *   <li><b>With a {@link SyncHook}</b> (the runtime runs): nothing is written per change. The changes some loaded
 *       table map carries ({@link #setCarried}: its entity and operation) are kept for the transaction and handed to the hook just before
 *       commit; the hook applies them live and writes only the bookkeeping a guarantee needs: one delivery row per
 *       (batch, map) applied live, and the full ordered images ({@link #writeOutbox}) of the changes of a map that
 *       is paused, so its queue can be replayed in order. A change no map carries is not kept at all; a map started
 *       later starts from an initial sync, which reads the tables, not the outbox. A transaction that records
 *       more than {@link #setPartSize the part size} hands them over in parts of that size as it goes
 *       ({@link SyncHook#deliverPart}), so its memory stays bounded however many rows it writes.</li>
 *   <li><b>Without a hook</b> (no runtime): each change is written to the app's {@code dw_outbox} as it is
 *       recorded, one row per change with its full row image.</li>
 * </ul>
 *
 * <p>Refuses to record outside a transaction: a change recorded in its own transaction could commit while the
 * business write rolls back (or the reverse), which is exactly the "silently never syncs" failure of the original.
 */
public final class ChangeRecorder {

    private static final String INSERT_SQL = """
            INSERT INTO dw_outbox (batch_id, entity, integration_key, operation, payload, origin, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    /**
     * The app whose change the current thread is applying, set by the runtime around a target transaction: changes
     * recorded meanwhile carry it as their origin, and the runtime never sends them back there (loop prevention).
     */
    private static final ThreadLocal<String> ORIGIN = new ThreadLocal<>();

    /** Recorded changes a transaction holds at most before handing them to the hook as a part. */
    public static final int DEFAULT_PART_SIZE = 5_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile SyncHook hook;
    private volatile BiPredicate<String, ChangeOperation> carried;
    private volatile int partSize = DEFAULT_PART_SIZE;
    private final JsonMapper json = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    public ChangeRecorder(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One captured change: the full row image after the change (all fields, not the delta, as dual-write R10). */
    public record Change(String entity, String integrationKey, ChangeOperation operation, Map<String, Object> row) {
    }

    /**
     * Records changes of the current transaction: hands them to the hook at commit when one is set (writing
     * nothing now), else writes one {@code dw_outbox} row per change with JDBC batching.
     *
     * @throws IllegalStateException when no transaction is active
     */
    public void record(List<Change> all) {
        List<Change> changes = all.stream().filter(c -> records(c.entity(), c.operation())).toList();
        if (changes.isEmpty()) {
            return;
        }
        UUID batchId = currentBatchId();
        String origin = ORIGIN.get();
        List<SyncHook.RecordedChange> recorded = changes.stream().map(c -> new SyncHook.RecordedChange(c.entity(),
                c.integrationKey(), c.operation(), c.row(), origin)).toList();
        if (hook != null) {
            Pending pending = pending(batchId);
            // A big transaction (a contract's invoice of 50,000 details) hands its changes over in parts of the part
            // size as they come, so that the recorder holds fewer than partSize row images between calls and a
            // part is never bigger than partSize, however many changes one call brings (issue 13).
            for (SyncHook.RecordedChange change : recorded) {
                pending.changes.add(change);
                if (pending.changes.size() >= partSize) {
                    List<SyncHook.RecordedChange> part = List.copyOf(pending.changes);
                    pending.changes.clear();
                    pending.hook.deliverPart(batchId, part);
                }
            }
        } else {
            writeOutbox(batchId, recorded);
        }
    }

    /**
     * Writes changes to the app's {@code dw_outbox}, one row per change with its full row image as JSON, in the
     * given order (their sequence numbers follow it), in the current transaction. The runtime calls it for the
     * changes of a batch that queues for a paused map.
     *
     * @throws IllegalStateException when no transaction is active
     */
    public void writeOutbox(UUID batchId, List<SyncHook.RecordedChange> changes) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("outbox rows may only be written inside the transaction of their changes");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate(INSERT_SQL, changes, 1000, (ps, change) -> {
            ps.setObject(1, batchId);
            ps.setString(2, change.entity());
            ps.setString(3, change.integrationKey());
            ps.setString(4, change.operation().name());
            ps.setString(5, json.writeValueAsString(change.row()));
            ps.setString(6, change.origin());
            ps.setTimestamp(7, now);
        });
    }

    /** Sets the live-sync hook called for each transaction that records changes ({@code null}: none). */
    public void setHook(SyncHook hook) {
        this.hook = hook;
    }

    /**
     * Sets which changes are recorded, by entity and operation: the dual-write runtime sets those some loaded table
     * map (in any state) carries out of this app, write-back maps included, so a change no map carries is neither
     * kept nor written (an update of an actual, which the actuals map carries only as an insert, is not held for the
     * transaction; issue 13). {@code null} (the default, no runtime wired): every change is recorded. A map loaded
     * or started later starts from an initial sync, which reads the tables; the outbox is never its history.
     */
    public void setCarried(BiPredicate<String, ChangeOperation> carried) {
        this.carried = carried;
    }

    /**
     * Whether a change of {@code entity} by {@code operation} is recorded (see {@link #setCarried}). The write path
     * asks first, so that it reads no row image nobody needs.
     */
    public boolean records(String entity, ChangeOperation operation) {
        BiPredicate<String, ChangeOperation> filter = carried;
        return filter == null || filter.test(entity, operation);
    }

    /** Runs work with changes recorded as coming from {@code origin} (see {@link #ORIGIN}). */
    public static <T> T withOrigin(String origin, java.util.function.Supplier<T> work) {
        String previous = ORIGIN.get();
        ORIGIN.set(origin);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                ORIGIN.remove();
            } else {
                ORIGIN.set(previous);
            }
        }
    }

    /** The changes of one transaction not yet handed to the hook, and the hook they go to. */
    private record Pending(SyncHook hook, List<SyncHook.RecordedChange> changes) {
    }

    /**
     * The changes of the current transaction kept for the hook; on first use registers the synchronization that
     * hands them to the hook before commit and reports the outcome after completion.
     */
    private Pending pending(UUID batchId) {
        Object key = this;
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(key);
        if (pending == null) {
            Pending created = new Pending(hook, new java.util.ArrayList<>());
            TransactionSynchronizationManager.bindResource(key, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    created.hook().beforeCommit(batchId, created.changes());
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                    created.hook().afterCompletion(batchId, status == STATUS_COMMITTED);
                }
            });
            pending = created;
        }
        return pending;
    }

    /**
     * Sets how many recorded changes a transaction holds before it hands them to the hook as a part
     * ({@link SyncHook#deliverPart}); {@value #DEFAULT_PART_SIZE} by default.
     *
     * @throws IllegalArgumentException when {@code size} is not positive
     */
    public void setPartSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("part size must be positive: " + size);
        }
        this.partSize = size;
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
