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
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live sync for one source app (DESIGN §3, dual-write R14–R16): just before a source transaction commits, its
 * changes are applied to each running map's target in a target transaction; a refusal or a timeout rolls the source
 * back and the caller gets the target's error. Changes for a paused (or resuming, or initializing) map are queued
 * inside the source transaction instead.
 *
 * <p>Its collaborators: the {@link MapRegistry} (which maps carry the source's changes, in which state), the
 * {@link Queues} (a map that does not run live), the {@link BatchApplier}, the {@link ErrorLog} (refusals) and the
 * {@link InDoubtResolver} (undo of a batch whose source rolled back).
 */
final class LiveSync implements SyncHook {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSync.class);

    /** What a transaction took in its parts and beforeCommit and gives back in afterCompletion. */
    private static final class Held {
        final List<MapRuntime> locked = new ArrayList<>();
        final List<Applied> applied = new ArrayList<>();
        /** The ids of the parts delivered so far, in doubt until the transaction ends. */
        final List<UUID> parts = new ArrayList<>();
        /** A part was refused: the transaction must not commit, even if its caller caught the refusal. */
        RuntimeException refused;
    }

    /**
     * Batches applied to a target: the legs of the maps they went through, not their rows (confirming and undoing
     * need only the map and the batch id, and a transaction delivered in parts must not hold every part's rows
     * until it ends); {@code batchId} is the transaction's, or a part's own.
     */
    private record Applied(SyncApp target, UUID batchId, List<MapLeg> legs) {
    }

    /** The changes of one transaction a running map carries. */
    private record LiveWork(MapRuntime map, MapLeg leg, List<SourceChange> carried) {
    }

    private final SyncApp source;
    private final SyncApps apps;
    private final MapRegistry maps;
    private final DualWriteSettings settings;
    private final Queues queues;
    private final BatchApplier applier;
    private final ErrorLog errors;
    private final InDoubtResolver resolver;
    private final DualWriteMetrics metrics;
    private final Workers workers;
    private final Confirmations confirmations;
    private final Map<UUID, Held> pending = new ConcurrentHashMap<>();

    LiveSync(SyncApp source, SyncApps apps, MapRegistry maps, DualWriteSettings settings, Queues queues,
             BatchApplier applier, ErrorLog errors, InDoubtResolver resolver, DualWriteMetrics metrics,
             Workers workers, Confirmations confirmations) {
        this.source = source;
        this.apps = apps;
        this.maps = maps;
        this.settings = settings;
        this.queues = queues;
        this.applier = applier;
        this.errors = errors;
        this.resolver = resolver;
        this.metrics = metrics;
        this.workers = workers;
        this.confirmations = confirmations;
    }

    @Override
    public void beforeCommit(UUID batchId, List<RecordedChange> recorded) {
        Held held = pending.computeIfAbsent(batchId, k -> new Held());
        if (held.refused != null) {
            throw held.refused;
        }
        deliver(batchId, held, recorded);
    }

    /**
     * A part of a big transaction (more changes than the recorder's part size): delivered as its own batch with its
     * own id, so that each part has its own delivery row in the source and inbox row in the target, and the
     * resolver confirms or undoes each as it does any batch (newest first, so a row two parts changed is undone
     * back to its first image). The maps stay locked from the first part to the transaction's end; a source that
     * rolls back undoes every part it delivered.
     */
    @Override
    public void deliverPart(UUID transactionId, List<RecordedChange> recorded) {
        Held held = pending.computeIfAbsent(transactionId, k -> new Held());
        if (held.refused != null) {
            throw held.refused;
        }
        UUID part = UUID.randomUUID();
        // Known as open before it is applied: the periodic resolver must not undo a part whose source transaction
        // is still running (it has no delivery row to find until that transaction commits).
        resolver.opened(part);
        held.parts.add(part);
        try {
            deliver(part, held, recorded);
        } catch (RuntimeException e) {
            held.refused = e;
            throw e;
        }
    }

    private void deliver(UUID batchId, Held held, List<RecordedChange> recorded) {
        List<SourceChange> changes = new ArrayList<>(recorded.size());
        for (int i = 0; i < recorded.size(); i++) {
            RecordedChange c = recorded.get(i);
            changes.add(new SourceChange(i, c.entity(), c.integrationKey(), c.operation(), c.row(), c.origin()));
        }
        Map<String, List<LiveWork>> liveByTarget = new LinkedHashMap<>();
        // Positions of the changes some queued map carries: their full images go to the outbox, once per batch.
        BitSet queued = new BitSet(changes.size());
        for (MapRuntime m : maps.from(source.name())) {
            MapLeg leg = m.legFrom(source.name());
            List<SourceChange> carried = changes.stream().filter(c -> MapRuntime.carries(leg, c)).toList();
            if (carried.isEmpty()) {
                continue;
            }
            lock(m, held);
            switch (m.state) {
                case RUNNING -> liveByTarget.computeIfAbsent(leg.toApp(), k -> new ArrayList<>())
                        .add(new LiveWork(m, leg, carried));
                case PAUSED, RESUMING, INITIALIZING -> {
                    queues.enqueue(source, m, batchId, carried.size());
                    carried.forEach(c -> queued.set((int) c.sequenceNo()));
                }
                default -> {
                    // Not running or stopped: the map does not sync (initial sync or "run" catches up later).
                }
            }
        }
        if (!queued.isEmpty()) {
            // A queued batch is replayed from the outbox, in full order (R22): the only changes written there.
            source.context().changeRecorder().writeOutbox(batchId, queued.stream().mapToObj(recorded::get).toList());
        }
        for (Map.Entry<String, List<LiveWork>> e : liveByTarget.entrySet()) {
            applyLive(batchId, apps.app(e.getKey()), e.getValue(), held);
        }
    }

    private void lock(MapRuntime m, Held held) {
        if (held.locked.contains(m)) {
            return;
        }
        try {
            if (!m.lock.readLock().tryLock(settings.liveTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TandemException(DualWriteError.SYNC_TIMEOUT, "Table map " + m.map.name() + " is changing "
                        + "state; the change could not be synced within " + settings.liveTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException(DualWriteError.SYNC_FAILED, "Interrupted while waiting for table map "
                    + m.map.name());
        }
        held.locked.add(m);
    }

    private void applyLive(UUID batchId, SyncApp target, List<LiveWork> work, Held held) {
        List<Prepared> batches = new ArrayList<>();
        for (LiveWork w : work) {
            Prepared p = applier.prepare(w.leg(), batchId, w.carried(), new AppLookups(source),
                    AppLookups.onWorker(target, workers));
            if (!p.failures().isEmpty()) {
                errors.logUnmapped(w.map(), batchId, p.failures(), ErrorStatus.ROLLED_BACK, false);
                BatchApplier.Failure first = p.failures().get(0);
                throw new TandemException(DualWriteError.LOOKUP_FAILED, first.message()
                        + (p.failures().size() > 1 ? " (and " + (p.failures().size() - 1) + " more rows)" : "")
                        + " Table map: " + w.map().map.name() + ".", Map.of("map", w.map().id(), "batchId",
                        batchId.toString()));
            }
            if (!p.rows().isEmpty()) {
                batches.add(p);
            }
        }
        if (batches.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(source.context().clock().instant());
        // In the source transaction: exists exactly when the source commits. The resolver relies on it. One row per
        // (map, batch), deleted again once the target's inbox row is (Confirmations).
        source.jdbc().batchUpdate("INSERT INTO dw_delivery (map_id, batch_id, delivered_at) VALUES (?, ?, ?)", batches,
                100, (ps, p) -> {
                    ps.setString(1, p.leg().map().id());
                    ps.setObject(2, batchId);
                    ps.setTimestamp(3, now);
                });
        AtomicBoolean abandoned = new AtomicBoolean();
        long started = System.nanoTime();
        try {
            workers.call(() -> {
                int n = applier.apply(target, source.name(), batches, BatchApplier.Inbox.LIVE);
                if (abandoned.get()) {
                    // The source gave up waiting and rolls back: take the batch back now.
                    batches.forEach(p -> applier.undo(target, p.leg(), batchId, source.name()));
                }
                return n;
            }, settings.liveTimeout());
            held.applied.add(new Applied(target, batchId, batches.stream().map(Prepared::leg).toList()));
            batches.forEach(p -> metrics.applied(p.leg().map().id(), "live", p.rows().size(),
                    System.nanoTime() - started));
        } catch (TimeoutException e) {
            abandoned.set(true);
            String message = "Table map " + batches.get(0).leg().map().name() + ": " + target.name() + " did not "
                    + "answer within " + settings.liveTimeout() + "; nothing was saved";
            LOG.warn("{} (batch {})", message, batchId);
            logFailure(batchId, batches, ErrorType.TIMEOUT, message);
            throw new TandemException(DualWriteError.SYNC_TIMEOUT, message);
        } catch (RuntimeException e) {
            FailurePolicy.Failure failure = FailurePolicy.of(e);
            LOG.info("Table map {}: {} did not take batch {} ({}, {}); the source transaction rolls back",
                    batches.get(0).leg().map().id(), target.name(), batchId, failure.verdict(), failure.message());
            logFailure(batchId, batches, failure.type(), failure.message());
            if (e instanceof TandemException) {
                throw e;
            }
            // The target's deadlock or lock timeout is the source's contention too: the whole request rolls back
            // and may be sent again (the server answers 503 CONTENTION with Retry-After), not a failed sync.
            FailurePolicy.contention(e).ifPresent(contention -> {
                throw contention;
            });
            throw new TandemException(DualWriteError.SYNC_FAILED, "Table map " + batches.get(0).leg().map().name()
                    + ": " + target.name() + " failed: " + failure.message());
        }
    }

    /** A refused live batch: one error-log row per map, ROLLED_BACK (the source transaction rolls back). */
    private void logFailure(UUID batchId, List<Prepared> batches, ErrorType type, String cause) {
        for (Prepared p : batches) {
            BatchApplier.Row first = p.rows().get(0);
            MapRuntime m = maps.get(p.leg().map().id());
            errors.log(m, List.of(new ErrorEntry(m.id(), batchId, first.change().sequenceNo(),
                    first.change().entity(), p.rows().size() == 1 ? first.change().key() : null,
                    first.change().operation().name(), p.rows().size() == 1 ? Json.write(first.change().row()) : null,
                    type, cause + (p.rows().size() > 1 ? " (batch of " + p.rows().size() + " rows)" : ""),
                    ErrorStatus.ROLLED_BACK, false)));
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
        if (committed) {
            for (Applied a : held.applied) {
                // Served: the inbox row and its undo images, then the delivery row, go in the background.
                a.legs().forEach(leg -> confirmations.offer(new BatchApplier.Confirmation(a.target(), source,
                        leg.map().id(), a.batchId())));
            }
        } else {
            // Newest first: a row two parts changed goes back to the image before the first.
            for (int i = held.applied.size() - 1; i >= 0; i--) {
                undo(held.applied.get(i), held.applied.get(i).batchId());
            }
        }
        held.parts.forEach(resolver::closed);
    }

    private void undo(Applied a, UUID batchId) {
        try {
            workers.call(() -> {
                a.legs().forEach(leg -> resolver.undo(a.target(), leg, batchId, source.name()));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Batch {} from {} left in doubt in {}; the resolver undoes it later", batchId, source.name(),
                    a.target().name(), e);
        }
    }
}
