package dev.tandem.operations.actuals;

import dev.tandem.operations.OptionValue;

/** {@code msdyn_amountmethod} of an actual (§3.1). */
public enum AmountMethod implements OptionValue {
    MULTIPLY_QUANTITY_BY_PRICE(192350000, "Multiply Quantity By Price"),
    FIXED_PRICE(192350001, "Fixed Price"),
    MULTIPLY_BASIS_QUANTITY_BY_PRICE(192350002, "Multiply Basis Quantity By Price"),
    MULTIPLY_BASIS_AMOUNT_BY_PERCENT(192350003, "Multiply Basis Amount By Percent"),
    TAX_CALCULATION(690970000, "Tax Calculation");

    private final int value;
    private final String label;

    AmountMethod(int value, String label) {
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
