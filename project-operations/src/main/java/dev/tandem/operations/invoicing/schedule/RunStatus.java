package dev.tandem.operations.invoicing.schedule;

import dev.tandem.operations.OptionValue;

/**
 * Run Status of an invoice schedule row (§3.5, §4.9, [D:SCHED]): Not Run → Run Successful | Run Failed. The
 * original's option values are unpublished; these are Tandem's, stored in {@code tdm_invoiceschedule.tdm_runstatus}.
 */
public enum RunStatus implements OptionValue {
    NOT_RUN(690970500, "Not Run"),
    RUN_SUCCESSFUL(690970501, "Run Successful"),
    RUN_FAILED(690970502, "Run Failed");

    private final int value;
    private final String label;

    RunStatus(int value, String label) {
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
