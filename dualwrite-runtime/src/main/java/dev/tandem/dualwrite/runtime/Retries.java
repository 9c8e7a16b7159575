package dev.tandem.dualwrite.runtime;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.DualWriteError;
import dev.tandem.dualwrite.capture.ChangeOperation;
import dev.tandem.dualwrite.map.AlertRule.ErrorType;
import dev.tandem.dualwrite.map.MapLeg;
import dev.tandem.dualwrite.runtime.BatchApplier.Prepared;
import dev.tandem.dualwrite.runtime.HomeStore.ErrorEntry;
import dev.tandem.dualwrite.runtime.Views.RetryResult;
import dev.tandem.dualwrite.runtime.Views.SyncError;
import dev.tandem.dualwrite.spi.SyncApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries (DESIGN §3, "failed rows stay in an error log with the cause, and can be retried one by one or in bulk"):
 * error-log rows applied again, the retry list drained, one source row synced again.
 */
final class Retries {

    private static final Logger LOG = LoggerFactory.getLogger(Retries.class);

    private final SyncApps apps;
    private final BatchApplier applier;
    private final Queues queues;
    private final HomeStore home;
    private final DualWriteMetrics metrics;

    Retries(SyncApps apps, BatchApplier applier, Queues queues, HomeStore home, DualWriteMetrics metrics) {
        this.apps = apps;
        this.applier = applier;
        this.queues = queues;
        this.home = home;
        this.metrics = metrics;
    }

    /** @throws TandemException ERROR_NOT_FOUND */
    SyncError error(long errorId) {
        SyncError e = home.error(errorId);
        if (e == null) {
            throw new TandemException(DualWriteError.ERROR_NOT_FOUND, "No error-log row " + errorId);
        }
        return e;
    }

    /**
     * Retries error-log rows: a queued or catch-up change is applied again as recorded; an initial-sync row is read
     * again from the source (so a fix made there counts). Empty ids = every open retryable row of the map.
     */
    RetryResult retry(MapRuntime m, List<Long> errorIds, String user) {
        List<SyncError> errors = new ArrayList<>();
        if (errorIds.isEmpty()) {
            errors.addAll(home.openRetryable(m.id()));
        } else {
            for (Long errorId : errorIds) {
                errors.add(retryable(m, errorId));
            }
        }
        int ok = 0;
        for (SyncError e : errors) {
            if (retryOne(m, e)) {
                ok++;
            }
        }
        home.activity(m.id(), ActivityEvent.RETRY, errors.size() + " error-log rows retried, " + ok + " applied", user);
        return new RetryResult(errors.size(), ok, errors.size() - ok);
    }

    private SyncError retryable(MapRuntime m, long errorId) {
        SyncError e = error(errorId);
        if (!e.mapId().equals(m.id())) {
            throw new TandemException(DualWriteError.ERROR_NOT_FOUND, "Error-log row " + errorId + " belongs to map "
                    + e.mapId() + ", not " + m.id());
        }
        if (!e.retryable() || e.status() != ErrorStatus.OPEN) {
            throw new TandemException(DualWriteError.MAP_STATE, "Error-log row " + errorId + " is " + e.status()
                    + (e.retryable() ? "" : " and not retryable: its source transaction rolled back, so there is "
                    + "nothing to apply"), Map.of("errorId", errorId));
        }
        return e;
    }

    private boolean retryOne(MapRuntime m, SyncError e) {
        MapLeg leg = m.legs.stream().filter(l -> l.fromEntity().equals(e.entity())).findFirst().orElse(null);
        if (leg == null) {
            home.failedAgain(e.errorId(), e.type(), "Map " + m.id() + " no longer carries " + e.entity());
            return false;
        }
        SyncApp from = apps.app(leg.fromApp());
        SyncApp to = apps.app(leg.toApp());
        SourceChange change;
        if (InitialSync.OPERATION.equals(e.operation())) {
            var entity = from.entity(leg.fromEntity()).orElseThrow();
            Map<String, Object> row = from.inTransaction(() -> entity.read(entity.definition().integrationKey(),
                    List.of(e.integrationKey()))).stream().findFirst().orElse(null);
            if (row == null) {
                home.failedAgain(e.errorId(), e.type(), e.entity() + " " + e.integrationKey() + " no longer exists in "
                        + from.name());
                return false;
            }
            change = new SourceChange(0, e.entity(), e.integrationKey(), ChangeOperation.INSERT, row, null);
        } else {
            change = new SourceChange(0, e.entity(), e.integrationKey(),
                    ChangeOperation.valueOf(e.operation()), Json.read(e.payload()), null);
        }
        try {
            Prepared p = applier.prepare(leg, UUID.randomUUID(), List.of(change), new AppLookups(from),
                    new AppLookups(to));
            if (!p.failures().isEmpty()) {
                home.failedAgain(e.errorId(), p.failures().get(0).type(), p.failures().get(0).message());
                return false;
            }
            applier.apply(to, from.name(), List.of(p), BatchApplier.Inbox.NONE);
            home.resolved(e.errorId());
            metrics.applied(m.id(), "retry", p.rows().size(), 0);
            return true;
        } catch (RuntimeException ex) {
            FailurePolicy.Failure failure = FailurePolicy.of(ex);
            LOG.info("Table map {}: retry of error-log row {} failed ({}): {}", m.id(), e.errorId(), failure.verdict(),
                    failure.message());
            home.failedAgain(e.errorId(), failure.type(), failure.message());
            return false;
        }
    }

    /** Applies the retry list (changes moved there by resume LIVE_RETRY_QUEUED), in order. */
    RetryResult retryQueue(MapRuntime m, String user) {
        Queues.Drained drained = queues.drain(m, QueueStatus.RETRY);
        int delivered = drained.delivered();
        home.activity(m.id(), ActivityEvent.RETRY_QUEUE, delivered + " batches of the retry list applied"
                + (drained.complete() ? "" : "; the rest waits for the target: " + drained.waiting().message()), user);
        return new RetryResult(delivered + drained.refused(), delivered, drained.refused());
    }

    /**
     * Syncs one source row again, by its integration key, as initial sync would (master: source).
     *
     * <p>The source row is looked up first, before anything is written: a key the source entity has no row for is
     * refused with {@code SOURCE_ROW_NOT_FOUND} (404). Writing its error-log row first would leave an open error that
     * no retry can ever resolve (the row to apply doesn't exist), failing invariant 6 of DESIGN §4 for good.
     *
     * @throws TandemException SOURCE_ROW_NOT_FOUND naming the entity and key; nothing is written then
     */
    RetryResult resyncRow(MapRuntime m, String key, String user) {
        MapLeg leg = m.legs.stream().filter(MapLeg::forward).findFirst().orElseThrow();
        SyncApp from = apps.app(leg.fromApp());
        var source = from.entity(leg.fromEntity()).orElseThrow();
        boolean exists = !from.inTransaction(() -> source.read(source.definition().integrationKey(), List.of(key)))
                .isEmpty();
        if (!exists) {
            throw new TandemException(DualWriteError.SOURCE_ROW_NOT_FOUND, from.name() + " has no " + leg.fromEntity()
                    + " row with integration key '" + key + "'; nothing to re-sync on map " + m.id(),
                    Map.of("mapId", m.id(), "entity", leg.fromEntity(), "key", key));
        }
        List<ErrorEntry> entry = List.of(new ErrorEntry(m.id(), null, null, leg.fromEntity(), key,
                InitialSync.OPERATION, null, ErrorType.APPLICATION, "re-sync requested", ErrorStatus.OPEN, true));
        long errorId = home.errors(entry).get(0);
        boolean ok = retryOne(m, home.error(errorId));
        home.activity(m.id(), ActivityEvent.RESYNC_ROW, leg.fromEntity() + " " + key + (ok ? " synced" : " failed: "
                + home.error(errorId).cause()), user);
        if (ok) {
            home.purge(m.id(), List.of(errorId));
        }
        return new RetryResult(1, ok ? 1 : 0, ok ? 0 : 1);
    }
}
