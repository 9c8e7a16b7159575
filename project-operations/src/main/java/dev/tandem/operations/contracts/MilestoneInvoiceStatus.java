package dev.tandem.operations.contracts;

import dev.tandem.operations.OptionValue;

/** {@code msdyn_invoicestatus} of a fixed-price milestone (§3.5, §4.6). */
public enum MilestoneInvoiceStatus implements OptionValue {
    NOT_READY_FOR_INVOICING(192350000, "Not Ready for invoicing"),
    READY_FOR_INVOICING(192350001, "Ready for invoicing"),
    CUSTOMER_INVOICE_CREATED(192350002, "Customer invoice created"),
    CUSTOMER_INVOICE_POSTED(192350003, "Customer invoice posted");

    private final int value;
    private final String label;

    MilestoneInvoiceStatus(int value, String label) {
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
