package dev.tandem.dualwrite.runtime;

import dev.tandem.dualwrite.map.AlertRule.ErrorType;
import dev.tandem.dualwrite.map.MapLeg;
import dev.tandem.dualwrite.runtime.HomeStore.ErrorEntry;
import dev.tandem.dualwrite.spi.SyncApp;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-doubt resolver (DESIGN §3): a live batch is applied to the target before its source commits; the source's
 * delivery row ({@code dw_delivery}, written in the source transaction) says afterwards whether it did. Batches whose
 * source committed are confirmed (their inbox and delivery rows deleted: they have served); the others are undone
 * from their before-images, and rows changed since are left and reported in the error log. Normally
 * {@link Confirmations} confirms a batch right after its source commits; the resolver catches what it could not
 * (a crash, a full queue, a database away).
 */
final class InDoubtResolver {

    private static final Logger LOG = LoggerFactory.getLogger(InDoubtResolver.class);

    /** A batch applied live whose source's outcome is not known yet. */
    private record InDoubtBatch(String mapId, UUID batchId, String sourceApp) {
    }

    private final SyncApps apps;
    private final MapRegistry maps;
    private final BatchApplier applier;
    private final ErrorLog errors;
    private final HomeStore home;
    private final Workers workers;
    /** Parts of source transactions still running in this process (LiveSync#deliverPart): not in doubt yet. */
    private final java.util.Set<UUID> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    InDoubtResolver(SyncApps apps, MapRegistry maps, BatchApplier applier, ErrorLog errors, HomeStore home,
                    Workers workers) {
        this.apps = apps;
        this.maps = maps;
        this.applier = applier;
        this.errors = errors;
        this.home = home;
        this.workers = workers;
    }

    /**
     * Undoes applied live batches whose source transaction never committed (no delivery row in the source), and
     * confirms the others; only batches applied at least {@code minAge} ago.
     *
     * @return batches undone
     */
    int resolve(Duration minAge) {
        int undone = 0;
        Instant cutoff = home.instant().minus(minAge);
        for (SyncApp target : apps.all()) {
            try {
                undone += resolve(target, cutoff);
            } catch (RuntimeException e) {
                FailurePolicy.Failure failure = FailurePolicy.of(e);
                if (!failure.retriable()) {
                    throw e;
                }
                LOG.warn("In-doubt batches in {} not resolved now ({}); the next round tries again", target.name(),
                        failure.message());
            }
        }
        return undone;
    }

    private int resolve(SyncApp target, Instant cutoff) {
        int undone = 0;
        List<InDoubtBatch> batches = target.jdbc().query("SELECT map_id, batch_id, source_app FROM dw_inbox WHERE "
                + "status = ? AND applied_at <= ? ORDER BY applied_at DESC", (rs, i) -> new InDoubtBatch(
                        rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)),
                InboxStatus.IN_DOUBT.stored(), Timestamp.from(cutoff));
        for (InDoubtBatch b : batches) {
            if (resolve(target, b)) {
                undone++;
            }
        }
        return undone;
    }

    /** A part of a source transaction that still runs was (or is about to be) applied: leave it alone. */
    void opened(UUID part) {
        open.add(part);
    }

    /** The source transaction of a part ended (and its part was confirmed or undone, or is queued to be). */
    void closed(UUID part) {
        open.remove(part);
    }

    /** Confirms or undoes one batch; returns whether it was undone. */
    private boolean resolve(SyncApp target, InDoubtBatch b) {
        if (open.contains(b.batchId())) {
            return false;
        }
        MapRuntime m = maps.find(b.mapId());
        SyncApp source = apps.find(b.sourceApp());
        if (m == null || source == null) {
            LOG.warn("Batch {} in {} is in doubt for map {} from {}, which this runtime does not know; left as it is",
                    b.batchId(), target.name(), b.mapId(), b.sourceApp());
            return false;
        }
        Integer delivered = source.jdbc().queryForObject("SELECT COUNT(*) FROM dw_delivery WHERE map_id = ? AND "
                + "batch_id = ?", Integer.class, m.id(), b.batchId());
        if (delivered != null && delivered > 0) {
            workers.call(() -> {
                applier.confirm(target, source, List.of(new BatchApplier.Confirmation(target, source, m.id(),
                        b.batchId())));
                return null;
            });
            return false;
        }
        MapLeg leg = m.legFrom(source.name());
        workers.call(() -> {
            undo(target, leg, b.batchId(), source.name());
            return null;
        });
        return true;
    }

    /** Undoes one batch and logs rows that changed since it was applied. */
    void undo(SyncApp target, MapLeg leg, UUID batchId, String sourceApp) {
        List<String> conflicts = applier.undo(target, leg, batchId, sourceApp);
        String mapId = leg.map().id();
        LOG.info("Table map {}: batch {} undone in {}: its source transaction in {} never committed ({} conflicts)",
                mapId, batchId, target.name(), sourceApp, conflicts.size());
        home.activity(mapId, ActivityEvent.BATCH_UNDONE, "batch " + batchId + ": its source transaction in "
                + sourceApp + " never committed" + (conflicts.isEmpty() ? "" : "; " + conflicts.size()
                + " rows had changed since"), MapStates.SYSTEM);
        if (!conflicts.isEmpty()) {
            errors.log(maps.get(mapId), conflicts.stream().map(c -> new ErrorEntry(mapId, batchId, null,
                    leg.toEntity(), null, ErrorLog.UNDO, null, ErrorType.APPLICATION, c, ErrorStatus.OPEN, false))
                    .toList());
        }
    }
}
