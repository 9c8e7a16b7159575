package dev.tandem.server.dualwrite;

import dev.tandem.dualwrite.runtime.DualWriteSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dual-write runtime, under {@code tandem.dualwrite.*} (relaxed binding: also
 * {@code TANDEM_DUALWRITE_AUTO_RUN} and so on). Durations are ISO-8601 ({@code PT2M}) or Spring's short form
 * ({@code 2m}).
 *
 * @param enabled          whether this server runs the runtime at all; {@code false}: no live sync, no
 *                         {@code /api/dualwrite} endpoints (for a node that must not touch the maps)
 * @param autoRun          maps that have never run start Running with the server, without initial sync; maps that
 *                         ran before keep their stored state whatever this says
 * @param homeApp          the app whose database keeps map states, the error log, the activity log and initial sync
 *                         runs ({@code operations} or {@code finance})
 * @param liveTimeout      time limit of applying one batch to the target during live sync
 * @param queueLimit       most changes a paused map may queue; beyond it source transactions are refused with
 *                         {@code QUEUE_LIMIT} and an alert, never dropped
 * @param inDoubtAfter     age after which the periodic in-doubt resolver looks at an unconfirmed applied batch
 * @param initialSyncChunk source rows per chunk (and target transaction) of initial sync
 * @param drainChunk       queued batches applied per target transaction while a queue drains
 * @param pollInterval     how often queued work and in-doubt batches are looked at; {@code PT0S}: never
 * @param retryInitialInterval first wait after a drain found the target unavailable (the queue stays queued, in
 *                         order); each further failure doubles it
 * @param retryMaxInterval longest wait between tries of an unavailable target; tries go on at this interval
 * @param outboxRetention  how long delivered outbox rows are kept; undelivered rows are never deleted
 * @param mapsDir          a directory whose {@code *.yaml} files are the table maps, instead of the maps packaged in
 *                         the server jar ({@code classpath:maps/*.yaml}, the repository's {@code maps/})
 */
@ConfigurationProperties(DualWriteProperties.PREFIX)
public record DualWriteProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("true") boolean autoRun,
        @DefaultValue("operations") String homeApp,
        @DefaultValue("PT2M") Duration liveTimeout,
        @DefaultValue("1000000") long queueLimit,
        @DefaultValue("PT5M") Duration inDoubtAfter,
        @DefaultValue("1000") int initialSyncChunk,
        @DefaultValue("200") int drainChunk,
        @DefaultValue("PT5S") Duration pollInterval,
        @DefaultValue("PT1S") Duration retryInitialInterval,
        @DefaultValue("PT1M") Duration retryMaxInterval,
        @DefaultValue("P7D") Duration outboxRetention,
        Path mapsDir) {

    /** Prefix of the properties. */
    public static final String PREFIX = "tandem.dualwrite";

    /** The property that switches the runtime off. */
    public static final String ENABLED = PREFIX + ".enabled";

    /**
     * The runtime's settings.
     *
     * @throws IllegalArgumentException naming the property when a value is out of range
     */
    public DualWriteSettings settings() {
        require(homeApp.equals("operations") || homeApp.equals("finance"), "home-app",
                "must be operations or finance, not '" + homeApp + "'");
        require(liveTimeout.isPositive(), "live-timeout", "must be a positive duration");
        require(queueLimit > 0, "queue-limit", "must be at least 1");
        require(!inDoubtAfter.isNegative(), "in-doubt-after", "must not be negative");
        require(initialSyncChunk > 0, "initial-sync-chunk", "must be at least 1");
        require(drainChunk > 0, "drain-chunk", "must be at least 1");
        require(!pollInterval.isNegative(), "poll-interval", "must not be negative");
        require(retryInitialInterval.isPositive(), "retry-initial-interval", "must be a positive duration");
        require(retryMaxInterval.compareTo(retryInitialInterval) >= 0, "retry-max-interval",
                "must not be shorter than retry-initial-interval");
        require(outboxRetention.isPositive(), "outbox-retention", "must be a positive duration");
        return new DualWriteSettings(homeApp, liveTimeout, queueLimit, inDoubtAfter, initialSyncChunk, drainChunk,
                pollInterval, retryInitialInterval, retryMaxInterval, outboxRetention);
    }

    private static void require(boolean ok, String property, String message) {
        if (!ok) {
            throw new IllegalArgumentException(PREFIX + "." + property + " " + message);
        }
    }
}
