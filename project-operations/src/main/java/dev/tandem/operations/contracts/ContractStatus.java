package dev.tandem.operations.contracts;

import dev.tandem.operations.OptionValue;

/** {@code tdm_contractstatus} of a project contract: Draft, then Confirmed (§3.5, §4.9). */
public enum ContractStatus implements OptionValue {
    DRAFT(192350000, "Draft"),
    CONFIRMED(192350001, "Confirmed");

    private final int value;
    private final String label;

    ContractStatus(int value, String label) {
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
