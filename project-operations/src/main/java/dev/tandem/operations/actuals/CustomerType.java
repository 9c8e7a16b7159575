package dev.tandem.operations.actuals;

import dev.tandem.operations.OptionValue;

/** {@code msdyn_customertype} of an actual: whether its customer is an account or a contact (§3.1). */
public enum CustomerType implements OptionValue {
    ACCOUNT(192350001, "Account"),
    CONTACT(192350002, "Contact");

    private final int value;
    private final String label;

    CustomerType(int value, String label) {
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
