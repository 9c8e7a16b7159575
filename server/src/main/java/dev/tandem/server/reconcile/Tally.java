package dev.tandem.server.reconcile;

import java.util.ArrayList;
import java.util.List;

/** Counts what one invariant's check looked at and what broke it, keeping the first samples. */
final class Tally {

    private final int number;
    private final String name;
    private long checked;
    private long violations;
    private final List<String> samples = new ArrayList<>();

    Tally(int number, String name) {
        this.number = number;
        this.name = name;
    }

    /** {@code n} more rows (or groups) looked at. */
    void checked(long n) {
        checked += n;
    }

    /** One violation, described by a sentence that names the row. */
    void violation(String sample) {
        violations(1, sample);
    }

    /** {@code n} violations described by one sentence (e.g. a map's count of missing rows). */
    void violations(long n, String sample) {
        violations += n;
        if (samples.size() < Reconciliation.MAX_SAMPLES) {
            samples.add(sample);
        }
    }

    InvariantResult result() {
        return new InvariantResult(number, name, checked, violations, samples);
    }
}
