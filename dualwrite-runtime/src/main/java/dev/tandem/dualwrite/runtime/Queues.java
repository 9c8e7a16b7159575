package dev.tandem.dualwrite.runtime;

import dev.tandem.common.Page;
import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.DualWriteError;
import dev.tandem.dualwrite.capture.ChangeOperation;
import dev.tandem.dualwrite.map.MapLeg;
import dev.tandem.dualwrite.runtime.BatchApplier.Prepared;
import dev.tandem.dualwrite.runtime.HomeStore.ErrorEntry;
import dev.tandem.dualwrite.runtime.Views.QueuedChange;
import dev.tandem.dualwrite.spi.SyncApp;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The queue of paused maps (DESIGN §3, dual-write §4.3): batches queue in the source database inside the source
 * transaction, in order, never coalesced across transactions, never expiring. Draining applies them in that order;
 * a batch the target refuses goes to the error log (retryable) and draining goes on, as the original's catch-up
 * errors. Discarding logs every discarded change with its payload.
 */
final class Queues {

    private record QueueRow(long queueId, UUID batchId) {
    }

    private final DualWriteRuntime runtime;

    Queues(DualWriteRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Queues a batch for a map, in the source transaction (the caller's thread).
     *
     * @throws TandemException QUEUE_LIMIT when the queue would exceed the limit; the source transaction rolls back
     */
    void enqueue(SyncApp source, MapRuntime m, UUID batchId, int changes) {
        long depth = depth(source, m.id());
        long limit = runtime.settings().queueLimit();
        if (depth + changes > limit) {
            String message = "Table map " + m.map.name() + " is " + m.state.name().toLowerCase().replace('_', ' ')
                    + " and its queue holds " + depth + " changes; the limit is " + limit + ". Resume the map before "
                    + "making more changes. This change was not saved; nothing queued was lost.";
            runtime.workers().submit(() -> runtime.home().activity(m.id(), "QUEUE_LIMIT", message, "dual-write"));
            runtime.metrics().alert(m.id(), "QUEUE_LIMIT");
            throw new TandemException(DualWriteError.QUEUE_LIMIT, message, Map.of("map", m.id(), "queued", depth,
                    "limit", limit));
        }
        source.jdbc().update("INSERT INTO dw_queue (map_id, batch_id, changes, status, queued_at) VALUES (?, ?, ?, "
                + "'QUEUED', ?)", m.id(), batchId, changes, Timestamp.from(source.context().clock().instant()));
    }

    /** Changes queued for a map in one app's database. */
    long depth(SyncApp app, String mapId) {
        Long n = app.jdbc().queryForObject("SELECT COALESCE(SUM(changes), 0) FROM dw_queue WHERE map_id = ? AND "
                + "status = 'QUEUED'", Long.class, mapId);
        return n == null ? 0 : n;
    }

    /** Changes queued for a map in all its legs' databases. */
    long depth(MapRuntime m) {
        return m.legs.stream().mapToLong(l -> depth(runtime.app(l.fromApp()), m.id())).sum();
    }

    /** Age of the oldest queued change of a map; zero when nothing is queued. */
    Duration lag(MapRuntime m) {
        Instant oldest = null;
        for (MapLeg leg : m.legs) {
            SyncApp app = runtime.app(leg.fromApp());
            Timestamp t = app.jdbc().queryForObject("SELECT MIN(queued_at) FROM dw_queue WHERE map_id = ? AND status = "
                    + "'QUEUED'", Timestamp.class, m.id());
            if (t != null && (oldest == null || t.toInstant().isBefore(oldest))) {
                oldest = t.toInstant();
            }
        }
        if (oldest == null) {
            return Duration.ZERO;
        }
        Duration lag = Duration.between(oldest, runtime.home().instant());
        return lag.isNegative() ? Duration.ZERO : lag;
    }

    /**
     * Applies queued batches of a map (status QUEUED, or RETRY for the retry list) in queue order until none is
     * left, a chunk of batches per target transaction.
     *
     * @return batches delivered
     */
    int drain(MapRuntime m, String status) {
        synchronized (m) {
            int delivered = 0;
            for (MapLeg leg : m.legs) {
                delivered += drain(m, leg, status);
            }
            return delivered;
        }
    }

    private int drain(MapRuntime m, MapLeg leg, String status) {
        SyncApp from = runtime.app(leg.fromApp());
        SyncApp to = runtime.app(leg.toApp());
        int delivered = 0;
        while (true) {
            List<QueueRow> rows = from.jdbc().query("SELECT queue_id, batch_id FROM dw_queue WHERE map_id = ? AND "
                    + "status = ? ORDER BY queue_id FETCH FIRST " + runtime.settings().drainChunk() + " ROWS ONLY",
                    (rs, i) -> new QueueRow(rs.getLong(1), rs.getObject(2, UUID.class)), m.id(), status);
            if (rows.isEmpty()) {
                return delivered;
            }
            List<Prepared> prepared = new ArrayList<>(rows.size());
            for (QueueRow row : rows) {
                prepared.add(prepare(m, leg, from, to, row.batchId()));
            }
            try {
                runtime.applier().apply(to, from.name(), prepared, false);
                mark(from, rows, "DELIVERED");
                delivered += rows.size();
                prepared.forEach(p -> runtime.metrics().applied(m.id(), "queued", p.rows().size(), 0));
            } catch (RuntimeException chunkFailed) {
                // Find the batch that fails: apply one by one, in order.
                for (int i = 0; i < rows.size(); i++) {
                    Prepared p = prepared.get(i);
                    try {
                        runtime.applier().apply(to, from.name(), List.of(p), false);
                        mark(from, List.of(rows.get(i)), "DELIVERED");
                        delivered++;
                        runtime.metrics().applied(m.id(), "queued", p.rows().size(), 0);
                    } catch (RuntimeException e) {
                        runtime.logErrors(m, p.rows().stream().map(r -> new ErrorEntry(m.id(), p.batchId(),
                                r.change().sequenceNo(), r.change().entity(), r.change().key(),
                                r.change().operation().name(), Json.write(r.change().row()),
                                DualWriteRuntime.classify(e), DualWriteRuntime.message(e), "OPEN", true)).toList());
                        mark(from, List.of(rows.get(i)), "FAILED");
                    }
                }
            }
        }
    }

    /** Reads a queued batch from the outbox and maps it; rows that can't be mapped go to the error log. */
    private Prepared prepare(MapRuntime m, MapLeg leg, SyncApp from, SyncApp to, UUID batchId) {
        List<SourceChange> changes = outbox(from, batchId, leg).stream()
                .filter(c -> MapRuntime.carries(leg, c)).toList();
        Prepared p = runtime.applier().prepare(leg, batchId, changes, new AppLookups(from), new AppLookups(to));
        runtime.logErrors(m, p.failures().stream().map(f -> new ErrorEntry(m.id(), batchId, f.change().sequenceNo(),
                f.change().entity(), f.change().key(), f.change().operation().name(), Json.write(f.change().row()),
                f.type(), f.message(), "OPEN", true)).toList());
        return p;
    }

    /** The outbox rows of a batch for a leg's entity, in order, payloads as JSON types. */
    static List<SourceChange> outbox(SyncApp from, UUID batchId, MapLeg leg) {
        return from.jdbc().query("SELECT sequence_no, entity, integration_key, operation, payload, origin FROM "
                + "dw_outbox WHERE batch_id = ? AND entity = ? ORDER BY sequence_no", (rs, i) -> new SourceChange(
                        rs.getLong(1), rs.getString(2), rs.getString(3), ChangeOperation.valueOf(rs.getString(4)),
                        Json.read(rs.getString(5)), rs.getString(6)), batchId, leg.fromEntity());
    }

    private void mark(SyncApp from, List<QueueRow> rows, String status) {
        Timestamp now = Timestamp.from(from.context().clock().instant());
        from.inTransaction(() -> from.jdbc().batchUpdate("UPDATE dw_queue SET status = ?, resolved_at = ? WHERE "
                + "queue_id = ?", rows, 500, (ps, r) -> {
                    ps.setString(1, status);
                    ps.setTimestamp(2, now);
                    ps.setLong(3, r.queueId());
                }));
    }

    /** Moves every QUEUED batch of a map to the retry list (resume LIVE_RETRY_QUEUED). */
    int moveToRetry(MapRuntime m) {
        int moved = 0;
        for (MapLeg leg : m.legs) {
            SyncApp from = runtime.app(leg.fromApp());
            moved += from.inTransaction(() -> from.jdbc().update("UPDATE dw_queue SET status = 'RETRY' WHERE map_id = "
                    + "? AND status = 'QUEUED'", m.id()));
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
            SyncApp from = runtime.app(leg.fromApp());
            discarded.addAll(from.inTransaction(() -> {
                List<QueueRow> rows = from.jdbc().query("SELECT queue_id, batch_id FROM dw_queue WHERE map_id = ? AND "
                        + "status = 'QUEUED' ORDER BY queue_id FOR UPDATE", (rs, i) -> new QueueRow(rs.getLong(1),
                        rs.getObject(2, UUID.class)), m.id());
                Timestamp now = Timestamp.from(from.context().clock().instant());
                List<QueuedChange> out = new ArrayList<>();
                for (QueueRow row : rows) {
                    for (SourceChange c : outbox(from, row.batchId(), leg)) {
                        if (!MapRuntime.carries(leg, c)) {
                            continue;
                        }
                        String payload = Json.write(c.row());
                        from.jdbc().update("INSERT INTO dw_discarded (map_id, batch_id, sequence_no, entity, "
                                + "integration_key, operation, payload, discarded_at, discarded_by) VALUES (?, ?, ?, ?, "
                                + "?, ?, ?, ?, ?)", m.id(), row.batchId(), c.sequenceNo(), c.entity(), c.key(),
                                c.operation().name(), payload, now, user);
                        out.add(new QueuedChange(row.queueId(), m.id(), row.batchId(), c.sequenceNo(), c.entity(),
                                c.key(), c.operation().name(), payload, "DISCARDED", now.toInstant()));
                    }
                }
                from.jdbc().update("UPDATE dw_queue SET status = 'DISCARDED', resolved_at = ? WHERE map_id = ? AND "
                        + "status = 'QUEUED'", now, m.id());
                return out;
            }));
        }
        return discarded;
    }

    /** A page of a map's queue (one change per row), or of its discard log for status DISCARDED. */
    Page<QueuedChange> list(MapRuntime m, String status, int page, int size) {
        int n = Page.clampSize(size);
        List<QueuedChange> all = new ArrayList<>();
        long total = 0;
        for (MapLeg leg : m.legs) {
            SyncApp from = runtime.app(leg.fromApp());
            if ("DISCARDED".equals(status)) {
                Long count = from.jdbc().queryForObject("SELECT COUNT(*) FROM dw_discarded WHERE map_id = ?",
                        Long.class, m.id());
                total += count == null ? 0 : count;
                all.addAll(from.jdbc().query("SELECT * FROM dw_discarded WHERE map_id = ? ORDER BY discarded_id OFFSET "
                        + Page.offset(page, n) + " ROWS FETCH FIRST " + n + " ROWS ONLY", (rs, i) -> new QueuedChange(
                                rs.getLong("discarded_id"), m.id(), rs.getObject("batch_id", UUID.class),
                                rs.getLong("sequence_no"), rs.getString("entity"), rs.getString("integration_key"),
                                rs.getString("operation"), rs.getString("payload"), "DISCARDED",
                                HomeStore.instant(rs, "discarded_at")), m.id()));
                continue;
            }
            String where = " WHERE q.map_id = ? AND o.entity = ?" + (status == null ? "" : " AND q.status = ?");
            Object[] args = status == null ? new Object[] {m.id(), leg.fromEntity()}
                    : new Object[] {m.id(), leg.fromEntity(), status};
            Long count = from.jdbc().queryForObject("SELECT COUNT(*) FROM dw_queue q JOIN dw_outbox o ON o.batch_id = "
                    + "q.batch_id" + where, Long.class, args);
            total += count == null ? 0 : count;
            all.addAll(from.jdbc().query("SELECT q.queue_id, q.batch_id, o.sequence_no, o.entity, o.integration_key, "
                    + "o.operation, o.payload, q.status, o.recorded_at FROM dw_queue q JOIN dw_outbox o ON o.batch_id = "
                    + "q.batch_id" + where + " ORDER BY q.queue_id, o.sequence_no OFFSET " + Page.offset(page, n)
                    + " ROWS FETCH FIRST " + n + " ROWS ONLY", (rs, i) -> new QueuedChange(rs.getLong(1), m.id(),
                    rs.getObject(2, UUID.class), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getString(7), rs.getString(8), HomeStore.instant(rs, 9)), args));
        }
        return new Page<>(all.size() > n ? all.subList(0, n) : all, page, n, total);
    }
}
