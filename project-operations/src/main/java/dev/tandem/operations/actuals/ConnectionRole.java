package dev.tandem.operations.actuals;

import dev.tandem.operations.OptionValue;

/** Role of a transaction in a {@code msdyn_transactionconnection} (§3.6). Type roles reuse the transaction-type values; Reversing, Original and Replacing are Tandem's (unpublished in the original). */
public enum ConnectionRole implements OptionValue {
    COST(192350000, "Cost"),
    UNBILLED_SALES(192350005, "Unbilled Sales"),
    BILLED_SALES(192350006, "Billed Sales"),
    REVERSING(690970100, "Reversing"),
    ORIGINAL(690970101, "Original"),
    REPLACING(690970102, "Replacing");

    private final int value;
    private final String label;

    ConnectionRole(int value, String label) {
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
