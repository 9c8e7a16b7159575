package dev.tandem.operations.actuals;

import dev.tandem.operations.OptionValue;

/** {@code msdyn_transactionclassification} of an actual and of a work entry (§3.1). */
public enum TransactionClassification implements OptionValue {
    TIME(192350000, "Time"),
    EXPENSE(192350001, "Expense"),
    MATERIAL(192350002, "Material"),
    MILESTONE(192350003, "Milestone"),
    FEE(192350004, "Fee"),
    COMMISSION(690970000, "Commission"),
    ADDITIONAL(690970001, "Additional"),
    TAX(690970002, "Tax"),
    /** Tandem's value (§3.1 has none): the sales actuals of retainers and advances, "of type Retainer" (§6). */
    RETAINER(690970300, "Retainer");

    private final int value;
    private final String label;

    TransactionClassification(int value, String label) {
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
