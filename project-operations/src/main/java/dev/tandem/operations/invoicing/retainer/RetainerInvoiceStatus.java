package dev.tandem.operations.invoicing.retainer;

import dev.tandem.operations.OptionValue;

/**
 * Invoice status of a retainer or advance (§3.5; the ad hoc advance's "Invoice Status" uses the milestone option
 * values). Not ready ↔ Ready to invoice → Customer invoice created (on a draft) → Customer invoice posted (the
 * invoice is confirmed: the retainer is <i>invoiced</i> and its amount becomes available).
 *
 * <p>Customer invoice created is derived from the draft's line detail, never stored, so deleting the draft or
 * the detail returns the retainer to Ready to invoice.
 */
public enum RetainerInvoiceStatus implements OptionValue {
    NOT_READY_TO_INVOICE(192350000, "Not ready to invoice"),
    READY_TO_INVOICE(192350001, "Ready to invoice"),
    CUSTOMER_INVOICE_CREATED(192350002, "Customer invoice created"),
    CUSTOMER_INVOICE_POSTED(192350003, "Customer invoice posted");

    private final int value;
    private final String label;

    RetainerInvoiceStatus(int value, String label) {
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
}
