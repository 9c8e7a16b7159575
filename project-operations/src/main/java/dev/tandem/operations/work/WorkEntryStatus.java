package dev.tandem.operations.work;

/**
 * Lifecycle of a time, expense, material or fee entry: Draft → Submitted → Approved | Rejected. Recall returns a
 * submitted or rejected entry to Draft; cancel approval returns an approved one to Draft and reverses its actuals.
 */
public enum WorkEntryStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    REJECTED
}
