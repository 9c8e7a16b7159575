package dev.tandem.operations.actuals;

import dev.tandem.operations.OptionValue;

/** {@code msdyn_billingstatus} of an unbilled sales actual (§3.1, §4.2). */
public enum BillingStatus implements OptionValue {
    UNBILLED_SALES_CREATED(192350000, "Unbilled Sales Created"),
    CUSTOMER_INVOICE_CREATED(192350001, "Customer Invoice Created"),
    CUSTOMER_INVOICE_POSTED(192350002, "Customer Invoice Posted"),
    CANCELED(192350003, "Canceled"),
    READY_TO_INVOICE(192350004, "Ready to Invoice"),
    WORK_ORDER_CLOSED_POSTED(690970000, "Work order closed - posted");

    private final int value;
    private final String label;

    BillingStatus(int value, String label) {
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
