package dev.tandem.server.reconcile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What {@code tandem reconcile} and {@code GET /api/reconcile} answer: one result per invariant of DESIGN §4, in
 * order. As JSON: {@code {"ok": true, "violations": 0, "invariants": [{number, name, checked, violations, ok,
 * samples}]}}.
 */
public record ReconcileReport(List<InvariantResult> invariants) {

    public ReconcileReport {
        invariants = List.copyOf(invariants);
    }

    /** Whether every invariant holds. */
    @JsonProperty("ok")
    public boolean ok() {
        return invariants.stream().allMatch(InvariantResult::ok);
    }

    /** The violations of all invariants together. */
    @JsonProperty("violations")
    public long violations() {
        return invariants.stream().mapToLong(InvariantResult::violations).sum();
    }
}
