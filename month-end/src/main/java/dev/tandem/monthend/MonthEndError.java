package dev.tandem.monthend;

import dev.tandem.common.ErrorCode;

/**
 * Error codes the month-end job itself produces, next to those of the apps ({@code OperationsError},
 * {@code FinanceError}) whose refusals it passes on. Problems of the input folder are not errors but
 * {@link dev.tandem.monthend.input.InputProblem}s, all reported together before anything is written.
 */
public enum MonthEndError implements ErrorCode {
    /** A file the run wrote or reads back (e.g. an invoice PDF) is not what the run expects; the message names it. */
    INVALID_INPUT("Invalid input", 400);

    private final String title;
    private final int httpStatus;

    MonthEndError(String title, int httpStatus) {
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
