package dev.tandem.dualwrite.runtime;

import dev.tandem.dualwrite.map.AlertRule.ErrorType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the runtime reports: read-only views for the REST API, the CLI and tests. */
public final class Views {

    private Views() {
    }

    /**
     * A map and how it is doing.
     *
     * @param queueDepth changes queued and not yet applied (paused or resuming maps)
     * @param lagSeconds age in seconds of the oldest queued change; 0 with an empty queue
     * @param openErrors error-log rows not yet resolved
     */
    public record MapStatus(String id, String name, String version, String source, String target, MapState state,
                            long queueDepth, long lagSeconds, long openErrors, Instant changedAt, String changedBy,
                            String reason) {
    }

    /**
     * One change waiting in a map's queue (or on its retry or discard list).
     *
     * @param status where the batch of the change stands
     * @param payload the full row image as recorded, JSON
     */
    public record QueuedChange(long queueId, String mapId, UUID batchId, long sequenceNo, String entity,
                               String integrationKey, String operation, String payload, QueueStatus status,
                               Instant recordedAt) {
    }

    /**
     * One row of the error log.
     *
     * @param status    open, resolved by a retry, or rolled back with its source (see {@link ErrorStatus})
     * @param payload   the source row image, JSON
     * @param retryable whether retry applies: queued, catch-up and initial-sync errors are; live-sync refusals are not
     */
    public record SyncError(long errorId, String mapId, UUID batchId, String entity, String integrationKey,
                            String operation, String payload, ErrorType type, String cause, ErrorStatus status,
                            boolean retryable, int attempts, Instant occurredAt, Instant resolvedAt) {
    }

    /** One event of a map's activity log: state changes, alerts, resumes, discards, initial sync. */
    public record ActivityEntry(long id, String mapId, Instant at, ActivityEvent event, String detail, String by) {
    }

    /**
     * An initial sync run (chunked, resumable).
     *
     * @param status  where the run stands; an interrupted one resumes after its checkpoint
     * @param lastKey last integration key of the source done: the checkpoint a resume starts after
     * @param pass    1, or 2 while self-references are filled in
     */
    public record InitialSyncRun(UUID runId, String mapId, InitialSyncStatus status, long synced, long failed, String lastKey,
                                 int pass, Instant startedAt, Instant finishedAt) {
    }

    /** Outcome of a resume. {@code discarded} lists the discarded changes (LIVE_DISCARD_QUEUED). */
    public record ResumeResult(MapStatus status, int drained, int movedToRetry, List<QueuedChange> discarded) {
    }

    /** Outcome of a retry of error-log rows or of the retry list. */
    public record RetryResult(int retried, int succeeded, int failed) {
    }

    /**
     * How a map's rows compare with their counterparts (DESIGN §4 invariant 5).
     *
     * @param checked   source rows that pass the map's filter and striping
     * @param missing   of those, rows the other side does not have
     * @param different rows whose mapped fields differ (legs that carry updates only; an insert-only leg is checked
     *                  for presence)
     * @param samples   up to 20 descriptions naming the row and the field
     */
    public record Reconciliation(String mapId, long checked, long missing, long different, List<String> samples) {

        public boolean consistent() {
            return missing == 0 && different == 0;
        }
    }
}
