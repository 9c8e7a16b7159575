package dev.tandem.finance;

import dev.tandem.common.ErrorCode;

/**
 * Error codes of the Finance app. Codes are stable: clients rely on them, as on the other modules' codes.
 */
public enum FinanceError implements ErrorCode {
    NOT_FOUND("Row not found", 404),
    DUPLICATE("Row already exists", 409),
    INVALID_INPUT("Invalid input", 400);

    private final String title;
    private final int httpStatus;

    FinanceError(String title, int httpStatus) {
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
