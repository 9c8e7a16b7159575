package dev.tandem.monthend;

import dev.tandem.monthend.report.RunReport;

/**
 * The check of both databases that ends a run (DESIGN §4 invariants). The month-end job does not reconcile by
 * itself: it reads no table, and the invariants combine both apps' reconciliation ports, which the server wires. The
 * server passes an implementation to {@link MonthEndRun}.
 */
@FunctionalInterface
public interface ReconcileCheck {

    /**
     * Checks every invariant of DESIGN §4 now.
     *
     * @return the verdict, one entry per invariant in number order, as report.json writes it
     */
    RunReport.Reconcile check();
}
