package dev.tandem.dualwrite.runtime;

import java.time.Duration;

/**
 * Settings of the runtime.
 *
 * @param homeApp              app whose database keeps map states, the error log and the activity log
 * @param liveTimeout          time limit of applying one batch to the target during live sync (the original: 2 min)
 * @param queueLimit           most changes a paused map may queue; beyond it source transactions are refused with
 *                             QUEUE_LIMIT and an alert, never dropped
 * @param inDoubtAfter         age after which the periodic resolver treats an unconfirmed applied batch as in doubt
 * @param initialSyncChunk     rows per chunk of initial sync
 * @param drainChunk           queued batches applied per target transaction while draining
 * @param pollInterval         how often queued work (drains, stragglers, in-doubt batches) is looked at; zero = never
 * @param retryInitialInterval first wait after a drain found the target unavailable; each further failure doubles it
 * @param retryMaxInterval     longest wait between tries of an unavailable target; tries go on at this interval (a
 *                             queue never expires)
 * @param outboxRetention      how long delivered outbox rows are kept before {@link DualWriteRuntime#purgeOutbox()}
 *                             deletes them; undelivered rows are never deleted
 */
public record DualWriteSettings(String homeApp, Duration liveTimeout, long queueLimit, Duration inDoubtAfter,
                                int initialSyncChunk, int drainChunk, Duration pollInterval,
                                Duration retryInitialInterval, Duration retryMaxInterval, Duration outboxRetention) {

    /** Default first wait after the target was found unavailable. */
    public static final Duration RETRY_INITIAL_INTERVAL = Duration.ofSeconds(1);
    /** Default longest wait between tries of an unavailable target. */
    public static final Duration RETRY_MAX_INTERVAL = Duration.ofMinutes(1);
    /** Default retention of delivered outbox rows. */
    public static final Duration OUTBOX_RETENTION = Duration.ofDays(7);

    /** The settings with the default back-off and outbox retention. */
    public DualWriteSettings(String homeApp, Duration liveTimeout, long queueLimit, Duration inDoubtAfter,
                             int initialSyncChunk, int drainChunk, Duration pollInterval) {
        this(homeApp, liveTimeout, queueLimit, inDoubtAfter, initialSyncChunk, drainChunk, pollInterval,
                RETRY_INITIAL_INTERVAL, RETRY_MAX_INTERVAL, OUTBOX_RETENTION);
    }

    public static DualWriteSettings defaults() {
        return new DualWriteSettings("operations", Duration.ofMinutes(2), 1_000_000, Duration.ofMinutes(5), 1000,
                200, Duration.ofSeconds(5));
    }

    public DualWriteSettings withQueueLimit(long limit) {
        return new DualWriteSettings(homeApp, liveTimeout, limit, inDoubtAfter, initialSyncChunk, drainChunk,
                pollInterval, retryInitialInterval, retryMaxInterval, outboxRetention);
    }

    public DualWriteSettings withLiveTimeout(Duration timeout) {
        return new DualWriteSettings(homeApp, timeout, queueLimit, inDoubtAfter, initialSyncChunk, drainChunk,
                pollInterval, retryInitialInterval, retryMaxInterval, outboxRetention);
    }

    public DualWriteSettings withPollInterval(Duration interval) {
        return new DualWriteSettings(homeApp, liveTimeout, queueLimit, inDoubtAfter, initialSyncChunk, drainChunk,
                interval, retryInitialInterval, retryMaxInterval, outboxRetention);
    }

    /** These settings with another back-off for an unavailable target. */
    public DualWriteSettings withRetryBackoff(Duration initialInterval, Duration maxInterval) {
        return new DualWriteSettings(homeApp, liveTimeout, queueLimit, inDoubtAfter, initialSyncChunk, drainChunk,
                pollInterval, initialInterval, maxInterval, outboxRetention);
    }

    /** These settings with another retention of delivered outbox rows. */
    public DualWriteSettings withOutboxRetention(Duration retention) {
        return new DualWriteSettings(homeApp, liveTimeout, queueLimit, inDoubtAfter, initialSyncChunk, drainChunk,
                pollInterval, retryInitialInterval, retryMaxInterval, retention);
    }
}
