package dev.tandem.dualwrite.runtime;

/** What a row of a map's activity log ({@code dw_activity.event}) records; stored by name. */
public enum ActivityEvent {
    /** A state change, with its reason. */
    STATE,
    /** An alert rule fired. */
    ALERT,
    /** A paused map's queue reached its limit; the source transaction was refused. */
    QUEUE_LIMIT,
    /** A drain found the target unavailable: the queue waits, in order, and is tried again with back-off. */
    TARGET_UNAVAILABLE,
    /** The target of a waiting queue answered again. */
    TARGET_AVAILABLE,
    QUEUE_DISCARDED,
    DEFINITION_REPLACED,
    /** The definition stored through the API no longer validates; the file's is used. */
    DEFINITION_REJECTED,
    BATCH_UNDONE,
    RETRY,
    RETRY_QUEUE,
    RESYNC_ROW,
    ERRORS_PURGED,
    INITIAL_SYNC_STARTED,
    INITIAL_SYNC_RESUMED,
    INITIAL_SYNC_FINISHED,
    INITIAL_SYNC_INTERRUPTED;

    /** The value in the database. */
    public String stored() {
        return name();
    }

    /** @throws IllegalArgumentException for a value no constant stores */
    public static ActivityEvent ofStored(String value) {
        return valueOf(value);
    }
}
