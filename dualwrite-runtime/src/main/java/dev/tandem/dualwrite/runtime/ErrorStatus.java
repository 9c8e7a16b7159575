package dev.tandem.dualwrite.runtime;

/**
 * Status of an error-log row ({@code dw_error.status}). The stored value is the constant's name; {@link #stored()}
 * and {@link #ofStored(String)} are the only conversions.
 */
public enum ErrorStatus {
    /** Waiting: retryable, or to be looked at. */
    OPEN,
    /** A retry applied it. */
    RESOLVED,
    /** A live-sync refusal: the source transaction rolled back, nothing to retry. */
    ROLLED_BACK;

    /** The value in the database. */
    public String stored() {
        return name();
    }

    /** @throws IllegalArgumentException for a value no constant stores */
    public static ErrorStatus ofStored(String value) {
        return valueOf(value);
    }
}
