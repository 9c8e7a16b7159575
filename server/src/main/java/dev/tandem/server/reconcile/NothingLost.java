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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

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

    /** Ids read per page when both apps' actuals are walked side by side. */
    static final int PAGE = 10_000;

    /** The order of uuids in H2 and PostgreSQL: their 16 bytes compared unsigned, most significant first. */
    static final Comparator<UUID> ID_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

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
        tally.checked(stagedOnce(after -> operations.syncedActualIdsAfter(after, PAGE),
                after -> finance.stagedActualsAfter(after, PAGE), PAGE, tally::violation));
    }

    /**
     * Walks the synced actuals of Project Operations and the staged actuals of Finance side by side, a page of each at
     * a time, both in id order: memory stays flat however many actuals a month has (issue 13).
     *
     * @param actualPages  the page of synced actual ids after an id ({@code null}: the first), ascending
     * @param stagedPages  the page of staged actuals after an id ({@code null}: the first), ascending
     * @param pageSize     the size of a full page (a shorter one is the last)
     * @param violations   receives each violation's text
     * @return how many actuals were checked
     * @throws IllegalStateException when a side's ids do not ascend in {@link #ID_ORDER}
     */
    static long stagedOnce(Function<UUID, List<UUID>> actualPages, Function<UUID, List<StagedActual>> stagedPages,
            int pageSize, Consumer<String> violations) {
        Pages<UUID> actuals = new Pages<>("msdyn_actual", actualPages, pageSize, id -> id);
        Pages<StagedActual> staged = new Pages<>("projcdsactualsimport", stagedPages, pageSize,
                StagedActual::actualId);
        long checked = 0;
        UUID actual = actuals.next();
        StagedActual stagedActual = staged.next();
        while (actual != null || stagedActual != null) {
            int order = actual == null ? 1 : stagedActual == null ? -1
                    : ID_ORDER.compare(actual, stagedActual.actualId());
            if (order < 0) {
                checked++;
                violations.accept("actual " + actual + " is not in projcdsactualsimport (lost on the way to Finance)");
                actual = actuals.next();
            } else if (order > 0) {
                violations.accept("staged actual " + stagedActual.actualId()
                        + " is no actual of Project Operations that syncs");
                stagedActual = staged.next();
            } else {
                checked++;
                if (stagedActual.rows() > 1) {
                    violations.accept("actual " + stagedActual.actualId() + " is staged " + stagedActual.rows()
                            + " times in projcdsactualsimport");
                }
                actual = actuals.next();
                stagedActual = staged.next();
            }
        }
        return checked;
    }

    /** Rows read a page at a time by keyset ({@code id > last id of the page before}), checked to ascend. */
    private static final class Pages<T> {

        private final String table;
        private final Function<UUID, List<T>> page;
        private final int pageSize;
        private final Function<T, UUID> id;
        private List<T> rows = List.of();
        private int next;
        private UUID last;
        private boolean exhausted;

        Pages(String table, Function<UUID, List<T>> page, int pageSize, Function<T, UUID> id) {
            this.table = table;
            this.page = page;
            this.pageSize = pageSize;
            this.id = id;
        }

        /** The next row, or {@code null} after the last. */
        T next() {
            if (next == rows.size()) {
                if (exhausted) {
                    return null;
                }
                rows = page.apply(last);
                next = 0;
                exhausted = rows.size() < pageSize;
                if (rows.isEmpty()) {
                    return null;
                }
            }
            T row = rows.get(next++);
            UUID rowId = id.apply(row);
            if (last != null && ID_ORDER.compare(last, rowId) >= 0) {
                // Both H2 and PostgreSQL order uuids by their unsigned bytes; a database that does not breaks the walk.
                throw new IllegalStateException(table + " returned id " + rowId + " after " + last
                        + ": the database does not order ids as unsigned bytes");
            }
            last = rowId;
            return row;
        }
    }

    private void billedOnceByKey(Tally tally) {
        tally.checked(finance.proposalLineCount());
        for (ActualOnProposalLines a : finance.actualsOnSeveralProposalLines()) {
            tally.violation("actual " + a.actualId() + " is on " + a.lines() + " invoice-proposal lines");
        }
    }
}
