package dev.tandem.operations.invoicing;

import dev.tandem.operations.OptionValue;

/**
 * {@code msdyn_projectinvoicestatus} of a proforma invoice (§3.2, §4.1): Draft ↔ In Review (both editable) →
 * Confirmed (one-way, read-only) → Invoice Paid.
 */
public enum InvoiceStatus implements OptionValue {
    DRAFT(192350000, "Draft"),
    IN_REVIEW(192350001, "In Review"),
    CONFIRMED(192350002, "Confirmed"),
    INVOICE_PAID(192350003, "Invoice Paid");

    private final int value;
    private final String label;

    InvoiceStatus(int value, String label) {
        this.value = value;
        this.label = label;
    }

    @Override
    public int value() {
        return value;
    }

    @Override
    public String label() {
        return label;
    }

    /** Draft and In Review invoices can be edited and deleted; Confirmed and Paid ones can't (§11 rule 4). */
    public boolean editable() {
        return this == DRAFT || this == IN_REVIEW;
    }
}
