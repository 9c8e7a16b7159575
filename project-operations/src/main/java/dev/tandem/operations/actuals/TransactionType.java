package dev.tandem.operations.actuals;

import dev.tandem.operations.OptionValue;

/** {@code msdyn_transactiontypecode} of an actual (§3.1). */
public enum TransactionType implements OptionValue {
    COST(192350000, "Cost"),
    PROJECT_CONTRACT(192350004, "Project Contract"),
    UNBILLED_SALES(192350005, "Unbilled Sales"),
    BILLED_SALES(192350006, "Billed Sales"),
    RESOURCING_UNIT_COST(192350007, "Resourcing Unit Cost"),
    INTER_ORGANIZATIONAL_SALES(192350008, "Inter-Organizational Sales");

    private final int value;
    private final String label;

    TransactionType(int value, String label) {
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
