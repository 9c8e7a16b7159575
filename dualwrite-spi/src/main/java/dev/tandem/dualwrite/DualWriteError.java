package dev.tandem.dualwrite;

import dev.tandem.common.ErrorCode;

/**
 * Error codes of the dual-write runtime. A refusal by the target app during live sync is not wrapped in one of
 * these: the source caller gets the target's own error (its code and message), as dual-write R15 says.
 */
public enum DualWriteError implements ErrorCode {
    MAP_NOT_FOUND("No table map with this id", 404),
    MAP_INVALID("The table map is not valid", 422),
    MAP_STATE("The table map's state does not allow this action", 409),
    CONFIRMATION_REQUIRED("Discarding queued changes needs explicit confirmation", 409),
    QUEUE_LIMIT("The paused map's queue reached its limit", 503),
    SYNC_TIMEOUT("The target did not answer within the live-sync time limit", 504),
    SYNC_FAILED("The change could not be applied to the target", 502),
    LOOKUP_FAILED("A lookup or value map of the table map could not be resolved", 422),
    ERROR_NOT_FOUND("No error-log row with this id", 404),
    /** A re-sync named an integration key the map's source entity has no row for; nothing was written. */
    SOURCE_ROW_NOT_FOUND("The source entity has no row with this integration key", 404),
    ENTITY_READ_ONLY("The entity does not accept this write from dual-write", 409),
    INVALID_INPUT("Invalid input", 400);

    private final String title;
    private final int httpStatus;

    DualWriteError(String title, int httpStatus) {
        this.title = title;
        this.httpStatus = httpStatus;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
