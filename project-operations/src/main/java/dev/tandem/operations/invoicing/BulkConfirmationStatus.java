package dev.tandem.operations.invoicing;

import dev.tandem.operations.OptionValue;

/**
 * Bulk confirmation status of an invoice (§3.2, [D:BULK]; the original's column name and values are unpublished,
 * these are Tandem's): Scheduled → Processing → Complete or Failed.
 */
public enum BulkConfirmationStatus implements OptionValue {
    SCHEDULED(690970300, "Scheduled"),
    PROCESSING(690970301, "Processing"),
    COMPLETE(690970302, "Complete"),
    FAILED(690970303, "Failed");

    private final int value;
    private final String label;

    BulkConfirmationStatus(int value, String label) {
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
