package dev.tandem.operations.nte;

/** The four not-to-exceed levels, in the order they are checked (§4.5). */
public enum NteLevel {
    CONTRACT_LINE_CUSTOMER("contract-line customer"),
    CONTRACT_LINE("contract line"),
    CONTRACT_CUSTOMER("contract customer"),
    CONTRACT("contract");

    private final String label;

    NteLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
