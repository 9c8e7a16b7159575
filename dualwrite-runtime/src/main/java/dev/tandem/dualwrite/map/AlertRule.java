package dev.tandem.dualwrite.map;

import java.time.Duration;

/**
 * "N errors of a type within a window → action" (dual-write §4.2), e.g. 10 APPLICATION errors in 15 minutes pause
 * the map.
 *
 * @param errorType which errors count
 * @param count     threshold, at least 1
 * @param window    sliding window, positive
 * @param action    what happens when the threshold is reached
 */
public record AlertRule(ErrorType errorType, int count, Duration window, Action action) {

    /** Error types of the sync runtime. */
    public enum ErrorType {
        /** The target app refused the row (its validation); retrying alone won't help. */
        APPLICATION,
        /** A lookup or value map could not be resolved. */
        LOOKUP,
        /** The target database could not be reached or failed. */
        UNAVAILABLE,
        /** The target did not answer within the live-sync time limit. */
        TIMEOUT
    }

    /** Action of an alert rule (dual-write §4.2). */
    public enum Action {
        /** Only record the alert. */
        NONE,
        /** Pause the map: later changes queue. */
        PAUSE,
        /** Stop the map. */
        STOP
    }
}
