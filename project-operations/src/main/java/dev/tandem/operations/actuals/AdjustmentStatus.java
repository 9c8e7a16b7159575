package dev.tandem.operations.actuals;

import dev.tandem.operations.OptionValue;

/** {@code msdyn_adjustmentstatus}: reversed originals become Adjusted, their reversals Unadjustable (§4.3). */
public enum AdjustmentStatus implements OptionValue {
    IN_PROCESS(192350000, "In Process"),
    ADJUSTED(192350001, "Adjusted"),
    UNADJUSTABLE(192350002, "Unadjustable");

    private final int value;
    private final String label;

    AdjustmentStatus(int value, String label) {
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
