package dev.tandem.finance.journal;

import java.time.LocalDate;

/**
 * "Period unit on Project Operations Integration journal" (§3.8): Import from staging puts the lines of one run into
 * one journal per day, month or year of their accounting date, or into one journal for all of them.
 */
public enum PeriodUnit {
    DAYS,
    MONTHS,
    YEARS,
    ALL;

    /** First day of the period that holds {@code date}; {@code null} for ALL, which has one period. */
    public LocalDate periodStart(LocalDate date) {
        return switch (this) {
            case DAYS -> date;
            case MONTHS -> date.withDayOfMonth(1);
            case YEARS -> date.withDayOfYear(1);
            case ALL -> null;
        };
    }

    /** How a period of this unit reads in a journal description: 2026-03-02, 2026-03, 2026 or "all dates". */
    public String describe(LocalDate periodStart) {
        return switch (this) {
            case DAYS -> periodStart.toString();
            case MONTHS -> periodStart.toString().substring(0, 7);
            case YEARS -> String.valueOf(periodStart.getYear());
            case ALL -> "all dates";
        };
    }
}
