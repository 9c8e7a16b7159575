package dev.tandem.dualwrite.runtime;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.DualWriteError;
import dev.tandem.dualwrite.capture.SyncHook;
import dev.tandem.dualwrite.map.AlertRule.ErrorType;
import dev.tandem.dualwrite.map.MapLeg;
import dev.tandem.dualwrite.runtime.BatchApplier.Prepared;
import dev.tandem.dualwrite.runtime.HomeStore.ErrorEntry;
import dev.tandem.dualwrite.spi.SyncApp;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Live sync for one source app (DESIGN §3, dual-write R14–R16): just before a source transaction commits, its
 * changes are applied to each running map's target in a target transaction; a refusal or a timeout rolls the source
 * back and the caller gets the target's error. Changes for a paused (or resuming, or initializing) map are queued
 * inside the source transaction instead.
 */
final class LiveSync implements SyncHook {

    /** What a transaction took in beforeCommit and gives back in afterCompletion. */
    private static final class Held {
        final List<MapRuntime> locked = new ArrayList<>();
        final List<Applied> applied = new ArrayList<>();
    }

    private record Applied(SyncApp target, List<Prepared> batches) {
    }

    private final DualWriteRuntime runtime;
    private final SyncApp source;
    private final Map<UUID, Held> pending = new ConcurrentHashMap<>();

    LiveSync(DualWriteRuntime runtime, SyncApp source) {
        this.runtime = runtime;
        this.source = source;
    }

    @Override
    public void beforeCommit(UUID batchId, List<RecordedChange> recorded) {
        List<SourceChange> changes = new ArrayList<>(recorded.size());
        for (int i = 0; i < recorded.size(); i++) {
            RecordedChange c = recorded.get(i);
            changes.add(new SourceChange(i, c.entity(), c.integrationKey(), c.operation(), c.row(), c.origin()));
        }
        Held held = new Held();
        pending.put(batchId, held);
        Map<String, List<Object[]>> liveByTarget = new LinkedHashMap<>();
        List<MapRuntime> maps = new ArrayList<>(runtime.mapsFrom(source.name()));
        maps.sort(Comparator.comparing(MapRuntime::id));
        for (MapRuntime m : maps) {
            MapLeg leg = m.legFrom(source.name());
            List<SourceChange> carried = changes.stream().filter(c -> MapRuntime.carries(leg, c)).toList();
            if (carried.isEmpty()) {
                continue;
            }
            lock(m, held);
            switch (m.state) {
                case RUNNING -> liveByTarget.computeIfAbsent(leg.toApp(), k -> new ArrayList<>())
                        .add(new Object[] {m, leg, carried});
                case PAUSED, RESUMING, INITIALIZING -> runtime.queues().enqueue(source, m, batchId, carried.size());
                default -> {
                    // Not running or stopped: the map does not sync (initial sync or "run" catches up later).
                }
            }
        }
        for (Map.Entry<String, List<Object[]>> e : liveByTarget.entrySet()) {
            applyLive(batchId, runtime.app(e.getKey()), e.getValue(), held);
        }
    }

    private void lock(MapRuntime m, Held held) {
        try {
            if (!m.lock.readLock().tryLock(runtime.settings().liveTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TandemException(DualWriteError.SYNC_TIMEOUT, "Table map " + m.map.name() + " is changing "
                        + "state; the change could not be synced within " + runtime.settings().liveTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException(DualWriteError.SYNC_FAILED, "Interrupted while waiting for table map "
                    + m.map.name());
        }
        held.locked.add(m);
    }

    private void applyLive(UUID batchId, SyncApp target, List<Object[]> work, Held held) {
        List<Prepared> batches = new ArrayList<>();
        for (Object[] w : work) {
            MapRuntime m = (MapRuntime) w[0];
            MapLeg leg = (MapLeg) w[1];
            @SuppressWarnings("unchecked")
            List<SourceChange> carried = (List<SourceChange>) w[2];
            Prepared p = runtime.applier().prepare(leg, batchId, carried, new AppLookups(source),
                    AppLookups.onWorker(target, runtime.workers()));
            if (!p.failures().isEmpty()) {
                List<ErrorEntry> errors = p.failures().stream().map(f -> new ErrorEntry(m.id(), batchId,
                        f.change().sequenceNo(), f.change().entity(), f.change().key(), f.change().operation().name(),
                        Json.write(f.change().row()), f.type(), f.message(), "ROLLED_BACK", false)).toList();
                runtime.logErrors(m, errors);
                BatchApplier.Failure first = p.failures().get(0);
                throw new TandemException(DualWriteError.LOOKUP_FAILED, first.message()
                        + (p.failures().size() > 1 ? " (and " + (p.failures().size() - 1) + " more rows)" : "")
                        + " Table map: " + m.map.name() + ".", Map.of("map", m.id(), "batchId", batchId.toString()));
            }
            if (!p.rows().isEmpty()) {
                batches.add(p);
            }
        }
        if (batches.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(source.context().clock().instant());
        // In the source transaction: exists exactly when the source commits. The resolver relies on it.
        source.jdbc().batchUpdate("INSERT INTO dw_delivery (map_id, batch_id, delivered_at) VALUES (?, ?, ?)", batches,
                100, (ps, p) -> {
                    ps.setString(1, p.leg().map().id());
                    ps.setObject(2, batchId);
                    ps.setTimestamp(3, now);
                });
        AtomicBoolean abandoned = new AtomicBoolean();
        long started = System.nanoTime();
        try {
            runtime.workers().call(() -> {
                int n = runtime.applier().apply(target, source.name(), batches, true);
                if (abandoned.get()) {
                    // The source gave up waiting and rolls back: take the batch back now.
                    batches.forEach(p -> runtime.applier().undo(target, p.leg(), batchId, source.name()));
                }
                return n;
            }, runtime.settings().liveTimeout());
            held.applied.add(new Applied(target, batches));
            batches.forEach(p -> runtime.metrics().applied(p.leg().map().id(), "live", p.rows().size(),
                    System.nanoTime() - started));
        } catch (TimeoutException e) {
            abandoned.set(true);
            String message = "Table map " + batches.get(0).leg().map().name() + ": " + target.name() + " did not "
                    + "answer within " + runtime.settings().liveTimeout() + "; nothing was saved";
            logFailure(batchId, batches, ErrorType.TIMEOUT, message);
            throw new TandemException(DualWriteError.SYNC_TIMEOUT, message);
        } catch (RuntimeException e) {
            ErrorType type = DualWriteRuntime.classify(e);
            logFailure(batchId, batches, type, DualWriteRuntime.message(e));
            if (e instanceof TandemException) {
                throw e;
            }
            throw new TandemException(DualWriteError.SYNC_FAILED, "Table map " + batches.get(0).leg().map().name()
                    + ": " + target.name() + " failed: " + DualWriteRuntime.message(e));
        }
    }

    /** A refused live batch: one error-log row per map, ROLLED_BACK (the source transaction rolls back). */
    private void logFailure(UUID batchId, List<Prepared> batches, ErrorType type, String cause) {
        for (Prepared p : batches) {
            BatchApplier.Row first = p.rows().get(0);
            MapRuntime m = runtime.runtimeOf(p.leg().map().id());
            runtime.logErrors(m, List.of(new ErrorEntry(m.id(), batchId, first.change().sequenceNo(),
                    first.change().entity(), p.rows().size() == 1 ? first.change().key() : null,
                    first.change().operation().name(), p.rows().size() == 1 ? Json.write(first.change().row()) : null,
                    type, cause + (p.rows().size() > 1 ? " (batch of " + p.rows().size() + " rows)" : ""),
                    "ROLLED_BACK", false)));
        }
    }

    @Override
    public void afterCompletion(UUID batchId, boolean committed) {
        Held held = pending.remove(batchId);
        if (held == null) {
            return;
        }
        for (MapRuntime m : held.locked) {
            m.lock.readLock().unlock();
        }
        for (Applied a : held.applied) {
            if (committed) {
                runtime.workers().submit(() -> a.batches().forEach(p -> {
                    try {
                        runtime.applier().confirm(a.target(), p.leg().map().id(), batchId);
                    } catch (RuntimeException e) {
                        // Left IN_DOUBT: the resolver confirms it later from the delivery row.
                    }
                }));
            } else {
                try {
                    runtime.workers().call(() -> {
                        a.batches().forEach(p -> runtime.undoAndReport(a.target(), p.leg(), batchId, source.name()));
                        return null;
                    });
                } catch (RuntimeException e) {
                    // Left IN_DOUBT: the resolver undoes it later.
                }
            }
        }
    }
}
