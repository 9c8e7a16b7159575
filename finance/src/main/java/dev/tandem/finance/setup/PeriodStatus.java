package dev.tandem.finance.setup;

/** Status of a ledger period: posting is allowed into OPEN periods only. */
public enum PeriodStatus {
    OPEN,
    ON_HOLD,
    CLOSED
}
