package dev.tandem.dualwrite.runtime;

import dev.tandem.common.Page;
import dev.tandem.dualwrite.map.MapProblem;
import dev.tandem.dualwrite.map.TableMap;
import dev.tandem.dualwrite.runtime.Views.ActivityEntry;
import dev.tandem.dualwrite.runtime.Views.InitialSyncRun;
import dev.tandem.dualwrite.runtime.Views.MapStatus;
import dev.tandem.dualwrite.runtime.Views.QueuedChange;
import dev.tandem.dualwrite.runtime.Views.ResumeResult;
import dev.tandem.dualwrite.runtime.Views.RetryResult;
import dev.tandem.dualwrite.runtime.Views.SyncError;
import dev.tandem.dualwrite.spi.SyncApp;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The dual-write runtime (DESIGN §3): live sync inside the source transaction, the in-doubt resolver, map states,
 * pause/queue/resume, the error log with retry, alert rules, initial sync, the activity log and metrics.
 * Every public method throws {@link dev.tandem.common.TandemException} with a {@link dev.tandem.dualwrite.DualWriteError}
 * code: MAP_NOT_FOUND for an unknown map id, MAP_STATE for an action the map's state does not allow.
 */
public final class DualWriteRuntime {

    public DualWriteRuntime(List<SyncApp> apps, List<TableMap> maps, DualWriteSettings settings,
                            MeterRegistry registry) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Hooks live sync into both apps, resolves in-doubt batches (all of them: nothing is in flight at start). */
    public void start() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Stops background work. */
    public void close() {
        throw new UnsupportedOperationException("in progress");
    }

    public List<MapStatus> maps() {
        throw new UnsupportedOperationException("in progress");
    }

    public MapStatus map(String id) {
        throw new UnsupportedOperationException("in progress");
    }

    public TableMap definition(String id) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The YAML text of the map as loaded or last replaced. */
    public String yaml(String id) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Validates a map file without loading it; empty when it is valid. */
    public List<MapProblem> validate(String file, String yaml) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Replaces a map's definition; only when Not running or Stopped (R35). @throws MAP_INVALID, MAP_STATE */
    public MapStatus replace(String id, String yaml, String user) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Not running/Stopped → Running (through Initializing when {@code initialSync}). */
    public MapStatus run(String id, boolean initialSync, String user) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Running → Paused: later changes queue in full order. */
    public MapStatus pause(String id, String reason, String user) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Paused → Resuming → Running with one of the three options. LIVE_DISCARD_QUEUED needs {@code confirmDiscard}.
     *
     * @throws dev.tandem.common.TandemException CONFIRMATION_REQUIRED, MAP_STATE
     */
    public ResumeResult resume(String id, ResumeOption option, boolean confirmDiscard, String user) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Any state → Stopped. Queued changes stay queued. */
    public MapStatus stop(String id, String user) {
        throw new UnsupportedOperationException("in progress");
    }

    /** @param status QUEUED, RETRY, DELIVERED, DISCARDED, FAILED or {@code null} for all */
    public Page<QueuedChange> queue(String id, String status, int page, int size) {
        throw new UnsupportedOperationException("in progress");
    }

    /** @param status OPEN, RESOLVED, ROLLED_BACK or {@code null} for all */
    public Page<SyncError> errors(String id, String status, int page, int size) {
        throw new UnsupportedOperationException("in progress");
    }

    public SyncError error(long errorId) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Retries error-log rows (re-reads nothing: applies the recorded change again). Empty ids = all open ones. */
    public RetryResult retry(String id, List<Long> errorIds, String user) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Applies the retry list (changes moved there by resume LIVE_RETRY_QUEUED), in order. */
    public RetryResult retryQueue(String id, String user) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Deletes resolved error-log rows, or the given ones; the only way rows leave the error log. */
    public int purgeErrors(String id, List<Long> errorIds, String user) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Starts (or resumes after its checkpoint) the initial sync of a map and waits for it. */
    public InitialSyncRun initialSync(String id, String user) {
        throw new UnsupportedOperationException("in progress");
    }

    public InitialSyncRun initialSyncRun(UUID runId) {
        throw new UnsupportedOperationException("in progress");
    }

    public List<InitialSyncRun> initialSyncRuns(String id) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Syncs one source row again, by its integration key, as initial sync would. */
    public RetryResult resyncRow(String id, String key, String user) {
        throw new UnsupportedOperationException("in progress");
    }

    public Page<ActivityEntry> activity(String id, int page, int size) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Undoes applied batches whose source transaction never committed, older than {@code minAge}. */
    public int resolveInDoubt(Duration minAge) {
        throw new UnsupportedOperationException("in progress");
    }
}
