package dev.tandem.dualwrite.runtime;

/**
 * Status of a queued batch ({@code dw_queue.status}; DESIGN §3, queued sync). The stored value is the constant's
 * name; {@link #stored()} and {@link #ofStored(String)} are the only conversions.
 */
public enum QueueStatus {
    /** Waiting for a paused or resuming map, or for its target to be reachable again. */
    QUEUED,
    /** Moved to the retry list by "resume live, retry the queue later". */
    RETRY,
    /** Applied to the target. */
    DELIVERED,
    /** Discarded by "resume live and discard"; every change is in {@code dw_discarded}. */
    DISCARDED,
    /** Refused by the target; its rows are in the error log. Never used for an unreachable target. */
    FAILED;

    /** The value in the database. */
    public String stored() {
        return name();
    }

    /** @throws IllegalArgumentException for a value no constant stores */
    public static QueueStatus ofStored(String value) {
        return valueOf(value);
    }
}
