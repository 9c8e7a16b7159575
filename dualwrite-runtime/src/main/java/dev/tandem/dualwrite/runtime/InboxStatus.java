package dev.tandem.dualwrite.runtime;

/**
 * Status of a batch applied to a target ({@code dw_inbox.status}). The stored value is the constant's name;
 * {@link #stored()} and {@link #ofStored(String)} are the only conversions.
 */
enum InboxStatus {
    /** Applied by live sync; whether the source committed is not known yet. */
    IN_DOUBT,
    /** The source committed (or the batch came from a queue, initial sync or a retry). */
    CONFIRMED,
    /** The source never committed: the before-images were restored. */
    UNDONE;

    String stored() {
        return name();
    }

    static InboxStatus ofStored(String value) {
        return value == null ? null : valueOf(value);
    }
}
