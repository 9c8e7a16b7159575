package dev.tandem.operations.contracts;

import dev.tandem.operations.OptionValue;

/** {@code msdyn_billingmethod} of a contract line (§3.5). */
public enum BillingMethod implements OptionValue {
    TIME_AND_MATERIAL(192350000, "Time and Material"),
    FIXED_PRICE(192350001, "Fixed Price");

    private final int value;
    private final String label;

    BillingMethod(int value, String label) {
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
