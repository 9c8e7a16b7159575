package dev.tandem.server;

import dev.tandem.common.ErrorCode;

/**
 * Error codes the server itself produces, next to the codes of the apps ({@code OperationsError},
 * {@code FinanceError}). Other HTTP errors (unknown path, wrong method) carry the HTTP status name as code, see
 * {@link dev.tandem.server.api.ProblemResponses}.
 */
public enum ServerError implements ErrorCode {
    /** The request could not be read or broke a validation rule; the problem names the field. */
    INVALID_INPUT("Invalid input", 400),
    /**
     * A write hit a unique key of the database: the row already exists, typically because two requests created it
     * at the same moment. Same code and status as the apps' own {@code DUPLICATE} refusal.
     */
    DUPLICATE("Row already exists", 409),
    /** An unexpected failure; the cause is in the server log only. */
    INTERNAL("Internal error", 500);

    private final String title;
    private final int httpStatus;

    ServerError(String title, int httpStatus) {
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
