package dev.tandem.operations.invoicing.retainer;

import dev.tandem.operations.OptionValue;

/**
 * Kind of a contract retainer record (§3.5): a scheduled <b>Retainer</b> or a one-time <b>Advance</b>. Both are
 * invoiced, applied and refunded the same way; the kind is descriptive. Tandem's values: the original's option
 * values are unpublished (§12).
 */
public enum RetainerType implements OptionValue {
    RETAINER(690970310, "Retainer"),
    ADVANCE(690970311, "Advance");

    private final int value;
    private final String label;

    RetainerType(int value, String label) {
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
