package dev.tandem.server.reconcile;

import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.dualwrite.runtime.MapState;
import dev.tandem.dualwrite.runtime.SyncBookkeeping;
import dev.tandem.dualwrite.runtime.SyncBookkeeping.OpenError;
import dev.tandem.dualwrite.runtime.SyncBookkeeping.UncommittedBatch;
import dev.tandem.dualwrite.runtime.SyncBookkeeping.Undelivered;
import dev.tandem.dualwrite.runtime.Views;
import dev.tandem.finance.reconcile.FinanceReconciliation;
import dev.tandem.finance.reconcile.FinanceReconciliation.ActualOnProposalLines;
import dev.tandem.finance.reconcile.FinanceReconciliation.StagedActual;
import dev.tandem.operations.reconcile.OperationsReconciliation;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * DESIGN §4 invariant 6: no row is lost or duplicated by a crash, a retry, a concurrent job or a concurrent user.
 * Five checks, their rows counted in {@code checked}:
 * <ol>
 *   <li><b>No batch in doubt</b>: a batch a target applied live ({@code dw_inbox}) that is still {@code IN_DOUBT}
 *       while its source database has no delivery row for it ({@code dw_delivery}): the target kept a change whose
 *       source transaction never committed. One whose delivery exists is consistent on both sides (only the
 *       asynchronous confirmation is pending) and is not a violation.</li>
 *   <li><b>Nothing left in a queue</b>: changes of a Running map still {@code QUEUED} or on the retry list
 *       ({@code dw_queue}) were never delivered; each change is a violation.</li>
 *   <li><b>No open sync error</b>: every {@code OPEN} row of the error log ({@code dw_error}) is a change that did not
 *       reach its target.</li>
 *   <li><b>Staging has each actual once</b>: every Project Operations actual that is not Skip Sync (§7.4, the
 *       actuals map's filter) is in {@code projcdsactualsimport} exactly once; one missing, staged twice, or staged
 *       without an actual is a violation naming the actual id.</li>
 *   <li><b>No actual billed twice</b>: no actual id on two invoice-proposal lines ({@code projproposalline}).</li>
 * </ol>
 * The dual-write tables are read through {@link SyncBookkeeping}, the apps' through their reconciliation ports.
 */
final class NothingLost {

    static final String NAME = "nothing lost or duplicated";

    private final OperationsReconciliation operations;
    private final FinanceReconciliation finance;
    private final SyncBookkeeping bookkeeping;
    private final DualWriteRuntime runtime;

    NothingLost(OperationsReconciliation operations, FinanceReconciliation finance, SyncBookkeeping bookkeeping,
            DualWriteRuntime runtime) {
        this.operations = operations;
        this.finance = finance;
        this.bookkeeping = bookkeeping;
        this.runtime = runtime;
    }

    InvariantResult check() {
        Tally tally = new Tally(6, NAME);
        bookkeeping.apps().forEach(app -> noBatchInDoubt(tally, app));
        if (runtime != null) {
            nothingQueued(tally);
        }
        bookkeeping.apps().forEach(app -> noOpenError(tally, app));
        stagedOnce(tally);
        billedOnceByKey(tally);
        return tally.result();
    }

    private void noBatchInDoubt(Tally tally, String app) {
        tally.checked(bookkeeping.inboxBatches(app));
        for (UncommittedBatch b : bookkeeping.uncommittedBatches(app)) {
            tally.violation("batch " + b.batchId() + " of map " + b.mapId() + " is in doubt in " + app + ": applied "
                    + b.appliedAt() + ", but " + b.sourceApp() + " never committed it");
        }
    }

    private void nothingQueued(Tally tally) {
        Set<String> running = new HashSet<>();
        for (Views.MapStatus m : runtime.maps()) {
            if (m.state() == MapState.RUNNING) {
                running.add(m.id());
            }
        }
        for (String app : bookkeeping.apps()) {
            for (Undelivered u : bookkeeping.undelivered(app)) {
                tally.checked(u.batches());
                if (running.contains(u.mapId())) {
                    tally.violations(u.changes(), "map " + u.mapId() + " is running but " + u.changes()
                            + " changes in " + u.batches() + " batches are still " + u.status() + ", never delivered");
                }
            }
        }
    }

    private void noOpenError(Tally tally, String app) {
        tally.checked(bookkeeping.errors(app));
        for (OpenError e : bookkeeping.openErrors(app)) {
            tally.violation("open sync error " + e.errorId() + " of map " + e.mapId() + ": " + e.entity() + " "
                    + e.integrationKey() + " did not sync: " + e.cause());
        }
    }

    private void stagedOnce(Tally tally) {
        Set<UUID> actuals = new HashSet<>(operations.syncedActualIds());
        tally.checked(actuals.size());
        Set<UUID> staged = new HashSet<>();
        for (StagedActual s : finance.stagedActuals()) {
            staged.add(s.actualId());
            if (s.rows() > 1) {
                tally.violation("actual " + s.actualId() + " is staged " + s.rows() + " times in projcdsactualsimport");
            } else if (!actuals.contains(s.actualId())) {
                tally.violation("staged actual " + s.actualId() + " is no actual of Project Operations that syncs");
            }
        }
        actuals.stream().filter(id -> !staged.contains(id)).sorted().forEach(id ->
                tally.violation("actual " + id + " is not in projcdsactualsimport (lost on the way to Finance)"));
    }

    private void billedOnceByKey(Tally tally) {
        tally.checked(finance.proposalLineCount());
        for (ActualOnProposalLines a : finance.actualsOnSeveralProposalLines()) {
            tally.violation("actual " + a.actualId() + " is on " + a.lines() + " invoice-proposal lines");
        }
    }
}
