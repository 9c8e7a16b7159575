package dev.tandem.operations.invoicing;

import dev.tandem.operations.OptionValue;

/** {@code msdyn_ordertype} of a proforma invoice (§3.2): Tandem's project invoices are Work based. */
public enum OrderType implements OptionValue {
    ITEM_BASED(192350000, "Item based"),
    WORK_BASED(192350001, "Work based"),
    SERVICE_MAINTENANCE(690970002, "Service-maintenance");

    private final int value;
    private final String label;

    OrderType(int value, String label) {
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
