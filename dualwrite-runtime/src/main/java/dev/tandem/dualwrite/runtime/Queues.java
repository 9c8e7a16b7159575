package dev.tandem.dualwrite.runtime;

import dev.tandem.common.Page;
import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.DualWriteError;
import dev.tandem.dualwrite.capture.ChangeOperation;
import dev.tandem.dualwrite.map.MapLeg;
import dev.tandem.dualwrite.runtime.BatchApplier.Prepared;
import dev.tandem.dualwrite.runtime.FailurePolicy.Failure;
import dev.tandem.dualwrite.runtime.Views.QueuedChange;
import dev.tandem.dualwrite.spi.SyncApp;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue of paused maps (DESIGN §3, dual-write §4.3): batches queue in the source database inside the source
 * transaction, in order, never coalesced across transactions, never expiring.
 *
 * <p>Draining applies them in that order, under the {@link FailurePolicy}: a batch the target refuses goes to the
 * error log (retryable) and draining goes on, as the original's catch-up errors; a target that cannot be reached or
 * does not answer stops the drain with the batch and every later one still queued, in order, so no later change to a
 * row can overtake an earlier one. The map's {@link RetrySchedule} then says when to try again, and the first such
 * failure raises an alert. Discarding logs every discarded change with its payload.
 */
final class Queues {

    private static final Logger LOG = LoggerFactory.getLogger(Queues.class);

    private record QueueRow(long queueId, UUID batchId) {
    }

    /**
     * What a drain did.
     *
     * @param delivered batches applied
     * @param refused   batches the target refused: FAILED, their rows in the error log
     * @param waiting   the failure that stopped the drain with batches still queued; {@code null} when the queue
     *                  was emptied
     */
    record Drained(int delivered, int refused, Failure waiting) {

        static final Drained NOTHING = new Drained(0, 0, null);

        boolean complete() {
            return waiting == null;
        }

        Drained plus(Drained other) {
            return new Drained(delivered + other.delivered, refused + other.refused,
                    waiting != null ? waiting : other.waiting);
        }

        Drained waitingFor(Failure failure) {
            return new Drained(delivered, refused, failure);
        }
    }

    private final SyncApps apps;
    private final DualWriteSettings settings;
    private final BatchApplier applier;
    private final ErrorLog errors;
    private final HomeStore home;
    private final DualWriteMetrics metrics;
    private final Workers workers;

    Queues(SyncApps apps, DualWriteSettings settings, BatchApplier applier, ErrorLog errors, HomeStore home,
           DualWriteMetrics metrics, Workers workers) {
        this.apps = apps;
        this.settings = settings;
        this.applier = applier;
        this.errors = errors;
        this.home = home;
        this.metrics = metrics;
        this.workers = workers;
    }

    /**
     * Queues a batch for a map, in the source transaction (the caller's thread).
     *
     * @throws TandemException QUEUE_LIMIT when the queue would exceed the limit; the source transaction rolls back
     */
    void enqueue(SyncApp source, MapRuntime m, UUID batchId, int changes) {
        long depth = depth(source, m.id());
        long limit = settings.queueLimit();
        if (depth + changes > limit) {
            String message = "Table map " + m.map.name() + " is " + MapStates.label(m.state) + " and its queue holds "
                    + depth + " changes; the limit is " + limit + ". Resume the map before making more changes. This "
                    + "change was not saved; nothing queued was lost.";
            LOG.warn("Table map {}: queue limit reached ({} changes, limit {})", m.id(), depth, limit);
            workers.submit(() -> home.activity(m.id(), ActivityEvent.QUEUE_LIMIT, message, MapStates.SYSTEM));
            metrics.alert(m.id(), ActivityEvent.QUEUE_LIMIT.name());
            throw new TandemException(DualWriteError.QUEUE_LIMIT, message, Map.of("map", m.id(), "queued", depth,
                    "limit", limit));
        }
        source.jdbc().update("INSERT INTO dw_queue (map_id, batch_id, changes, status, queued_at) VALUES (?, ?, ?, ?, "
                + "?)", m.id(), batchId, changes, QueueStatus.QUEUED.stored(),
                Timestamp.from(source.context().clock().instant()));
    }

    /** Changes queued for a map in one app's database. */
    long depth(SyncApp app, String mapId) {
        Long n = app.jdbc().queryForObject("SELECT COALESCE(SUM(changes), 0) FROM dw_queue WHERE map_id = ? AND "
                + "status = ?", Long.class, mapId, QueueStatus.QUEUED.stored());
        return n == null ? 0 : n;
    }

    /**
     * Changes queued for a map in all its legs' databases. A database that cannot be reached counts as 0 (and is
     * logged): nothing can have been queued there since it went away, and the map's status must still answer.
     */
    long depth(MapRuntime m) {
        long depth = 0;
        for (MapLeg leg : m.legs) {
            try {
                depth += depth(apps.app(leg.fromApp()), m.id());
            } catch (RuntimeException e) {
                unreadable(m, leg, e);
            }
        }
        return depth;
    }

    private static void unreadable(MapRuntime m, MapLeg leg, RuntimeException e) {
        Failure failure = FailurePolicy.of(e);
        if (!failure.retriable()) {
            throw e;
        }
        LOG.warn("Table map {}: the queue in {} cannot be read now ({}); counted as empty", m.id(), leg.fromApp(),
                failure.message());
    }

    /** Age of the oldest queued change of a map; zero when nothing is queued. */
    Duration lag(MapRuntime m) {
        Instant oldest = null;
        for (MapLeg leg : m.legs) {
            SyncApp app = apps.app(leg.fromApp());
            Timestamp t;
            try {
                t = app.jdbc().queryForObject("SELECT MIN(queued_at) FROM dw_queue WHERE map_id = ? AND status = ?",
                        Timestamp.class, m.id(), QueueStatus.QUEUED.stored());
            } catch (RuntimeException e) {
                unreadable(m, leg, e);
                continue;
            }
            if (t != null && (oldest == null || t.toInstant().isBefore(oldest))) {
                oldest = t.toInstant();
            }
        }
        if (oldest == null) {
            return Duration.ZERO;
        }
        Duration lag = Duration.between(oldest, home.instant());
        return lag.isNegative() ? Duration.ZERO : lag;
    }

    /**
     * Applies queued batches of a map (QUEUED, or RETRY for the retry list) in queue order until none is left or
     * the target cannot be reached, a chunk of batches per target transaction. Records the outcome in the map's
     * {@link RetrySchedule}: an unreachable target raises an alert when it starts an outage, and a drain that
     * reaches the target again ends it.
     */
    Drained drain(MapRuntime m, QueueStatus status) {
        synchronized (m) {
            Drained drained = Drained.NOTHING;
            for (MapLeg leg : m.legs) {
                try {
                    drained = drained.plus(drain(m, leg, status));
                } catch (RuntimeException e) {
                    Failure failure = FailurePolicy.of(e);
                    if (!failure.retriable()) {
                        throw e;
                    }
                    // The leg's source database itself cannot be read: nothing of it can be delivered now either.
                    drained = drained.waitingFor(failure);
                }
                if (!drained.complete()) {
                    waiting(m, drained.waiting());
                    return drained;
                }
            }
            if (m.retry.recovered()) {
                LOG.info("Table map {}: the target answers again; the queue was applied in order", m.id());
                home.activity(m.id(), ActivityEvent.TARGET_AVAILABLE, "the target answers again; " + drained.delivered()
                        + " queued batches applied in order", MapStates.SYSTEM);
            }
            return drained;
        }
    }

    /** Whether a drain of the map may try now (its target is not being waited for, or its back-off has passed). */
    boolean due(MapRuntime m) {
        return m.retry.due(home.instant());
    }

    private void waiting(MapRuntime m, Failure failure) {
        boolean started = !m.retry.backingOff();
        Duration delay = m.retry.failed(home.instant());
        LOG.warn("Table map {}: the target is unavailable ({}: {}); queued changes stay queued in order, next try in {}",
                m.id(), failure.type(), failure.message(), delay);
        if (started) {
            metrics.alert(m.id(), ActivityEvent.TARGET_UNAVAILABLE.name());
            try {
                home.activity(m.id(), ActivityEvent.TARGET_UNAVAILABLE, failure.type() + ": " + failure.message()
                        + "; queued changes wait in order and are tried again with back-off", MapStates.SYSTEM);
            } catch (RuntimeException e) {
                LOG.warn("Table map {}: could not record the alert in the activity log", m.id(), e);
            }
        }
    }

    private Drained drain(MapRuntime m, MapLeg leg, QueueStatus status) {
        SyncApp from = apps.app(leg.fromApp());
        SyncApp to = apps.app(leg.toApp());
        Drained drained = Drained.NOTHING;
        while (true) {
            List<QueueRow> rows = from.jdbc().query("SELECT queue_id, batch_id FROM dw_queue WHERE map_id = ? AND "
                    + "status = ? ORDER BY queue_id FETCH FIRST " + settings.drainChunk() + " ROWS ONLY",
                    (rs, i) -> new QueueRow(rs.getLong(1), rs.getObject(2, UUID.class)), m.id(), status.stored());
            if (rows.isEmpty()) {
                return drained;
            }
            List<Prepared> prepared = new ArrayList<>(rows.size());
            try {
                for (QueueRow row : rows) {
                    prepared.add(prepare(leg, from, to, row.batchId()));
                }
                applier.apply(to, from.name(), prepared, BatchApplier.Inbox.QUEUED);
            } catch (RuntimeException chunkFailed) {
                Failure failure = FailurePolicy.of(chunkFailed);
                if (failure.retriable()) {
                    return drained.waitingFor(failure);
                }
                LOG.info("Table map {}: {} refused a chunk of {} queued batches ({}); applying them one by one",
                        m.id(), to.name(), rows.size(), failure.message());
                drained = drained.plus(oneByOne(m, leg, from, to, rows, prepared));
                if (!drained.complete()) {
                    return drained;
                }
                continue;
            }
            for (int i = 0; i < rows.size(); i++) {
                delivered(m, from, rows.get(i), prepared.get(i));
            }
            drained = drained.plus(new Drained(rows.size(), 0, null));
        }
    }

    /** Finds the batches the target refuses: applies a chunk one batch at a time, in order. */
    private Drained oneByOne(MapRuntime m, MapLeg leg, SyncApp from, SyncApp to, List<QueueRow> rows,
                             List<Prepared> prepared) {
        int delivered = 0;
        int refused = 0;
        for (int i = 0; i < rows.size(); i++) {
            Prepared p = i < prepared.size() ? prepared.get(i) : null;
            try {
                if (p == null) {
                    p = prepare(leg, from, to, rows.get(i).batchId());
                }
                applier.apply(to, from.name(), List.of(p), BatchApplier.Inbox.QUEUED);
                delivered(m, from, rows.get(i), p);
                delivered++;
            } catch (RuntimeException e) {
                Failure failure = FailurePolicy.of(e);
                if (failure.retriable()) {
                    return new Drained(delivered, refused, failure);
                }
                refused(m, leg, from, rows.get(i), p, failure);
                refused++;
            }
        }
        return new Drained(delivered, refused, null);
    }

    private void delivered(MapRuntime m, SyncApp from, QueueRow row, Prepared p) {
        errors.logUnmapped(m, p.batchId(), p.failures(), ErrorStatus.OPEN, true);
        mark(from, List.of(row), QueueStatus.DELIVERED);
        metrics.applied(m.id(), "queued", p.rows().size(), 0);
    }

    /** A batch the target refused: each of its rows in the error log (retryable), the batch FAILED. */
    private void refused(MapRuntime m, MapLeg leg, SyncApp from, QueueRow row, Prepared p, Failure failure) {
        LOG.warn("Table map {}: batch {} refused by the target: {}", m.id(), row.batchId(), failure.message());
        if (p == null) {
            // The batch could not even be mapped: one entry for the whole batch, nothing to replay.
            errors.log(m, List.of(new HomeStore.ErrorEntry(m.id(), row.batchId(), null, leg.fromEntity(), null,
                    ErrorLog.BATCH, null, failure.type(), failure.message(), ErrorStatus.OPEN, false)));
        } else {
            errors.logUnmapped(m, p.batchId(), p.failures(), ErrorStatus.OPEN, true);
            errors.log(m, p.rows().stream().map(r -> ErrorLog.change(m, p.batchId(), r.change(), failure.type(),
                    failure.message(), ErrorStatus.OPEN, true)).toList());
        }
        mark(from, List.of(row), QueueStatus.FAILED);
    }

    /** Reads a queued batch from the outbox and maps it; rows that can't be mapped are logged when it leaves. */
    private Prepared prepare(MapLeg leg, SyncApp from, SyncApp to, UUID batchId) {
        List<SourceChange> changes = outbox(from, batchId, leg).stream()
                .filter(c -> MapRuntime.carries(leg, c)).toList();
        return applier.prepare(leg, batchId, changes, new AppLookups(from), new AppLookups(to));
    }

    /** The outbox rows of a batch for a leg's entity, in order, payloads as JSON types. */
    static List<SourceChange> outbox(SyncApp from, UUID batchId, MapLeg leg) {
        return from.jdbc().query("SELECT sequence_no, entity, integration_key, operation, payload, origin FROM "
                + "dw_outbox WHERE batch_id = ? AND entity = ? ORDER BY sequence_no", (rs, i) -> new SourceChange(
                        rs.getLong(1), rs.getString(2), rs.getString(3), ChangeOperation.valueOf(rs.getString(4)),
                        Json.read(rs.getString(5)), rs.getString(6)), batchId, leg.fromEntity());
    }

    private void mark(SyncApp from, List<QueueRow> rows, QueueStatus status) {
        Timestamp now = Timestamp.from(from.context().clock().instant());
        from.inTransaction(() -> from.jdbc().batchUpdate("UPDATE dw_queue SET status = ?, resolved_at = ? WHERE "
                + "queue_id = ?", rows, 500, (ps, r) -> {
                    ps.setString(1, status.stored());
                    ps.setTimestamp(2, now);
                    ps.setLong(3, r.queueId());
                }));
    }

    /** Moves every QUEUED batch of a map to the retry list (resume LIVE_RETRY_QUEUED). */
    int moveToRetry(MapRuntime m) {
        int moved = 0;
        for (MapLeg leg : m.legs) {
            SyncApp from = apps.app(leg.fromApp());
            moved += from.inTransaction(() -> from.jdbc().update("UPDATE dw_queue SET status = ? WHERE map_id = ? AND "
                    + "status = ?", QueueStatus.RETRY.stored(), m.id(), QueueStatus.QUEUED.stored()));
        }
        return moved;
    }

    /**
     * Discards every QUEUED batch of a map, writing each carried change to {@code dw_discarded} in the same
     * transaction as the status change.
     *
     * @return the discarded changes
     */
    List<QueuedChange> discard(MapRuntime m, String user) {
        List<QueuedChange> discarded = new ArrayList<>();
        for (MapLeg leg : m.legs) {
            SyncApp from = apps.app(leg.fromApp());
            discarded.addAll(from.inTransaction(() -> discard(m, leg, from, user)));
        }
        return discarded;
    }

    private List<QueuedChange> discard(MapRuntime m, MapLeg leg, SyncApp from, String user) {
        List<QueueRow> rows = from.jdbc().query("SELECT queue_id, batch_id FROM dw_queue WHERE map_id = ? AND status = "
                + "? ORDER BY queue_id FOR UPDATE", (rs, i) -> new QueueRow(rs.getLong(1), rs.getObject(2,
                UUID.class)), m.id(), QueueStatus.QUEUED.stored());
        Timestamp now = Timestamp.from(from.context().clock().instant());
        List<QueuedChange> out = new ArrayList<>();
        for (QueueRow row : rows) {
            for (SourceChange c : outbox(from, row.batchId(), leg)) {
                if (!MapRuntime.carries(leg, c)) {
                    continue;
                }
                String payload = Json.write(c.row());
                from.jdbc().update("INSERT INTO dw_discarded (map_id, batch_id, sequence_no, entity, integration_key, "
                        + "operation, payload, discarded_at, discarded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", m.id(),
                        row.batchId(), c.sequenceNo(), c.entity(), c.key(), c.operation().name(), payload, now, user);
                out.add(new QueuedChange(row.queueId(), m.id(), row.batchId(), c.sequenceNo(), c.entity(), c.key(),
                        c.operation().name(), payload, QueueStatus.DISCARDED, now.toInstant()));
            }
        }
        from.jdbc().update("UPDATE dw_queue SET status = ?, resolved_at = ? WHERE map_id = ? AND status = ?",
                QueueStatus.DISCARDED.stored(), now, m.id(), QueueStatus.QUEUED.stored());
        return out;
    }

    /** A page of a map's queue (one change per row), or of its discard log for status DISCARDED. */
    Page<QueuedChange> list(MapRuntime m, QueueStatus status, int page, int size) {
        int n = Page.clampSize(size);
        List<QueuedChange> all = new ArrayList<>();
        long total = 0;
        for (MapLeg leg : m.legs) {
            SyncApp from = apps.app(leg.fromApp());
            if (status == QueueStatus.DISCARDED) {
                Long count = from.jdbc().queryForObject("SELECT COUNT(*) FROM dw_discarded WHERE map_id = ?",
                        Long.class, m.id());
                total += count == null ? 0 : count;
                all.addAll(from.jdbc().query("SELECT * FROM dw_discarded WHERE map_id = ? ORDER BY discarded_id OFFSET "
                        + Page.offset(page, n) + " ROWS FETCH FIRST " + n + " ROWS ONLY", (rs, i) -> new QueuedChange(
                                rs.getLong("discarded_id"), m.id(), rs.getObject("batch_id", UUID.class),
                                rs.getLong("sequence_no"), rs.getString("entity"), rs.getString("integration_key"),
                                rs.getString("operation"), rs.getString("payload"), QueueStatus.DISCARDED,
                                HomeStore.instant(rs, "discarded_at")), m.id()));
                continue;
            }
            String where = " WHERE q.map_id = ? AND o.entity = ?" + (status == null ? "" : " AND q.status = ?");
            Object[] args = status == null ? new Object[] {m.id(), leg.fromEntity()}
                    : new Object[] {m.id(), leg.fromEntity(), status.stored()};
            Long count = from.jdbc().queryForObject("SELECT COUNT(*) FROM dw_queue q JOIN dw_outbox o ON o.batch_id = "
                    + "q.batch_id" + where, Long.class, args);
            total += count == null ? 0 : count;
            all.addAll(from.jdbc().query("SELECT q.queue_id, q.batch_id, o.sequence_no, o.entity, o.integration_key, "
                    + "o.operation, o.payload, q.status, o.recorded_at FROM dw_queue q JOIN dw_outbox o ON o.batch_id = "
                    + "q.batch_id" + where + " ORDER BY q.queue_id, o.sequence_no OFFSET " + Page.offset(page, n)
                    + " ROWS FETCH FIRST " + n + " ROWS ONLY", (rs, i) -> new QueuedChange(rs.getLong(1), m.id(),
                    rs.getObject(2, UUID.class), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getString(7), QueueStatus.ofStored(rs.getString(8)), HomeStore.instant(rs, 9)), args));
        }
        return new Page<>(all.size() > n ? all.subList(0, n) : all, page, n, total);
    }
}
