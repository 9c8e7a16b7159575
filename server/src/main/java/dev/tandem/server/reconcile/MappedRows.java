package dev.tandem.server.reconcile;

import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.dualwrite.runtime.Views;

/**
 * DESIGN §4 invariant 5: after sync quiesces, every mapped row equals its counterpart field by field through its
 * table map. For every map of the runtime, {@link DualWriteRuntime#reconcile} compares each source row that passes
 * the map's filter with the target's row of the same integration key (both legs; the write-back leg only where the
 * target has the row). {@code checked} adds up the rows compared; violations are the rows missing on the other side
 * plus the rows with a different mapped field, each sample prefixed with the map id. Without a runtime
 * ({@code tandem.dualwrite.enabled=false}) nothing is compared.
 */
final class MappedRows {

    static final String NAME = "mapped rows equal their counterparts";

    private final DualWriteRuntime runtime;

    MappedRows(DualWriteRuntime runtime) {
        this.runtime = runtime;
    }

    InvariantResult check() {
        Tally tally = new Tally(5, NAME);
        if (runtime == null) {
            return tally.result();
        }
        for (Views.MapStatus map : runtime.maps()) {
            Views.Reconciliation r = runtime.reconcile(map.id());
            tally.checked(r.checked());
            long violations = r.missing() + r.different();
            if (violations == 0) {
                continue;
            }
            if (r.samples().isEmpty()) {
                tally.violations(violations, map.id() + ": " + r.missing() + " rows missing, " + r.different()
                        + " different");
            }
            for (int i = 0; i < r.samples().size(); i++) {
                // The map's count goes with its first sample; the others only describe more of the same rows.
                tally.violations(i == 0 ? violations : 0, map.id() + ": " + r.samples().get(i));
            }
        }
        return tally.result();
    }
}
