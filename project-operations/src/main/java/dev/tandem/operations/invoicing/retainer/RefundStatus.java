package dev.tandem.operations.invoicing.retainer;

import dev.tandem.operations.OptionValue;

/**
 * Refund status of a retainer (§4.9): blank → <b>Ready to refund</b> (action Refund) ↔ blank (Cancel refund) →
 * <b>Refunded</b> (the invoice carrying the refund is confirmed; final). Blank is {@code null}. Tandem's values
 * (§12).
 */
public enum RefundStatus implements OptionValue {
    READY_TO_REFUND(690970320, "Ready to refund"),
    REFUNDED(690970321, "Refunded");

    private final int value;
    private final String label;

    RefundStatus(int value, String label) {
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
