package dev.tandem.finance.journal;

/**
 * Status of an integration journal header and of its lines (§4.7, with "Enable integration journal processing
 * improvements"): DRAFT → PROCESSING → POSTED; a line that fails posting is ERROR (and moves to an error journal), and
 * goes back to DRAFT only through "Update to draft" ({@link IntegrationJournal#resetToDraft}).
 */
public enum JournalStatus {
    DRAFT,
    PROCESSING,
    POSTED,
    ERROR
}
