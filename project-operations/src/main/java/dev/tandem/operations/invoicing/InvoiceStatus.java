package dev.tandem.operations.invoicing;

import dev.tandem.operations.OptionValue;

/**
 * {@code msdyn_projectinvoicestatus} of a proforma invoice (§3.2, §4.1): Draft ↔ In Review (both editable) →
 * Confirmed (one-way, read-only) → Posted (set only by Finance's write-back, §10 item 5) → Invoice Paid.
 *
 * <p>Posted belongs to the "Enhanced proforma invoice" feature, whose option value is unpublished (§3.2); Tandem
 * uses 690970000. A posted invoice is read-only like a confirmed one and can be revised and marked Paid like one.
 */
public enum InvoiceStatus implements OptionValue {
    DRAFT(192350000, "Draft"),
    IN_REVIEW(192350001, "In Review"),
    CONFIRMED(192350002, "Confirmed"),
    INVOICE_PAID(192350003, "Invoice Paid"),
    /** Posted in Finance; Tandem's value, the original's is unpublished (§3.2). */
    POSTED(690970000, "Posted");

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

    /** Draft and In Review invoices can be edited and deleted; Confirmed, Posted and Paid ones can't (§11 rule 4). */
    public boolean editable() {
        return this == DRAFT || this == IN_REVIEW;
    }

    /** Confirmed or Posted: the invoice is in Finance and not yet paid; it may be revised or marked Paid. */
    public boolean confirmed() {
        return this == CONFIRMED || this == POSTED;
    }
}
