package dev.tandem.server.reconcile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The outcome of checking one invariant of DESIGN §4 across both databases.
 *
 * @param number     the invariant's number in DESIGN §4 (1 to 6)
 * @param name       a short name, e.g. {@code invoices = AR = billed actuals}
 * @param checked    how many rows (or groups of rows, as the invariant's Javadoc says) were looked at
 * @param violations how many of them break the invariant; 0 when it holds
 * @param samples    up to {@value Reconciliation#MAX_SAMPLES} sentences, each naming a violating row by its invoice
 *                   number, actual id, voucher or map key
 */
public record InvariantResult(int number, String name, long checked, long violations, List<String> samples) {

    public InvariantResult {
        samples = List.copyOf(samples);
    }

    /** Whether the invariant holds. */
    @JsonProperty("ok")
    public boolean ok() {
        return violations == 0;
    }
}
