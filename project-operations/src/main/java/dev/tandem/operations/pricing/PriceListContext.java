package dev.tandem.operations.pricing;

import dev.tandem.operations.OptionValue;

/** {@code msdyn_context} of a price list: cost or sales. */
public enum PriceListContext implements OptionValue {
    COST(192350000, "Cost"),
    SALES(192350001, "Sales");

    private final int value;
    private final String label;

    PriceListContext(int value, String label) {
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
