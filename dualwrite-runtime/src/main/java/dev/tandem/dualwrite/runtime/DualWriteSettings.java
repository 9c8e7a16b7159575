package dev.tandem.dualwrite.runtime;

import java.time.Duration;

/**
 * Settings of the runtime.
 *
 * @param homeApp            app whose database keeps map states, the error log and the activity log
 * @param liveTimeout        time limit of applying one batch to the target during live sync (the original: 2 min)
 * @param queueLimit         most changes a paused map may queue; beyond it source transactions are refused with
 *                           QUEUE_LIMIT and an alert, never dropped
 * @param inDoubtAfter       age after which the periodic resolver treats an unconfirmed applied batch as in doubt
 * @param initialSyncChunk   rows per chunk of initial sync
 * @param drainChunk         queued batches applied per target transaction while draining
 * @param pollInterval       how often queued work (drains, stragglers, in-doubt batches) is looked at; zero = never
 */
public record DualWriteSettings(String homeApp, Duration liveTimeout, long queueLimit, Duration inDoubtAfter,
                                int initialSyncChunk, int drainChunk, Duration pollInterval) {

    public static DualWriteSettings defaults() {
        return new DualWriteSettings("operations", Duration.ofMinutes(2), 1_000_000, Duration.ofMinutes(5), 1000,
                200, Duration.ofSeconds(5));
    }

    public DualWriteSettings withQueueLimit(long limit) {
        return new DualWriteSettings(homeApp, liveTimeout, limit, inDoubtAfter, initialSyncChunk, drainChunk,
                pollInterval);
    }

    public DualWriteSettings withLiveTimeout(Duration timeout) {
        return new DualWriteSettings(homeApp, timeout, queueLimit, inDoubtAfter, initialSyncChunk, drainChunk,
                pollInterval);
    }

    public DualWriteSettings withPollInterval(Duration interval) {
        return new DualWriteSettings(homeApp, liveTimeout, queueLimit, inDoubtAfter, initialSyncChunk, drainChunk,
                interval);
    }
}
