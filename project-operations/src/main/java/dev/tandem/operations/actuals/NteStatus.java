package dev.tandem.operations.actuals;

import dev.tandem.operations.OptionValue;

/** Not-to-exceed status of an actual ({@code tdm_ntestatus}; the original's logical name and values are unpublished, §3.1, §4.5, §12). */
public enum NteStatus implements OptionValue {
    NOT_EVALUATED(690970200, "Not Evaluated"),
    COMMITTED(690970201, "Committed"),
    FAILED(690970202, "Failed"),
    NOT_APPLICABLE(690970203, "Not Applicable");

    private final int value;
    private final String label;

    NteStatus(int value, String label) {
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
