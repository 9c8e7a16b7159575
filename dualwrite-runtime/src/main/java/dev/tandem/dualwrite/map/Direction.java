package dev.tandem.dualwrite.map;

/** Sync direction of a field mapping, written as in the dual-write UI (dual-write §3.2). */
public enum Direction {
    /** {@code >}: source → target only. */
    TO_TARGET(">"),
    /** {@code <}: target → source only (write-back). */
    TO_SOURCE("<"),
    /** {@code =}: both ways. */
    BOTH("=");

    private final String symbol;

    Direction(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether values flow source → target. */
    public boolean forward() {
        return this != TO_SOURCE;
    }

    /** Whether values flow target → source. */
    public boolean reverse() {
        return this != TO_TARGET;
    }
}
