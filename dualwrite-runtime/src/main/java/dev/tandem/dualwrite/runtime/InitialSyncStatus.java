package dev.tandem.dualwrite.runtime;

/**
 * Status of an initial sync run ({@code dw_initial_sync.status}). The stored value is the constant's name;
 * {@link #stored()} and {@link #ofStored(String)} are the only conversions.
 */
public enum InitialSyncStatus {
    RUNNING,
    COMPLETED,
    COMPLETED_WITH_ERRORS,
    FAILED,
    /** Stopped before its end (a failure or a stopped process); a new start resumes after its checkpoint. */
    INTERRUPTED;

    /** Whether a new start of the map's initial sync resumes this run. */
    public boolean resumable() {
        return this == RUNNING || this == INTERRUPTED;
    }

    /** The value in the database. */
    public String stored() {
        return name();
    }

    /** @throws IllegalArgumentException for a value no constant stores */
    public static InitialSyncStatus ofStored(String value) {
        return valueOf(value);
    }
}
