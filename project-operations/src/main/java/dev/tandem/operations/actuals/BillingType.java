package dev.tandem.operations.actuals;

import dev.tandem.operations.OptionValue;

/** {@code msdyn_billingtype}: only Chargeable adds to invoice totals (§3.1, §4.4). */
public enum BillingType implements OptionValue {
    NON_CHARGEABLE(192350000, "Non Chargeable"),
    CHARGEABLE(192350001, "Chargeable"),
    COMPLIMENTARY(192350002, "Complimentary"),
    NOT_AVAILABLE(192350003, "Not Available");

    private final int value;
    private final String label;

    BillingType(int value, String label) {
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
