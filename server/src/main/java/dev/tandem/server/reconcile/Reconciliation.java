package dev.tandem.server.reconcile;

import dev.tandem.dualwrite.AppContext;
import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.dualwrite.runtime.SyncBookkeeping;
import dev.tandem.finance.Finance;
import dev.tandem.finance.reconcile.FinanceReconciliation;
import dev.tandem.finance.setup.PostingSetup;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.reconcile.OperationsReconciliation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every invariant of DESIGN §4 across both databases ({@code tandem reconcile}, {@code GET /api/reconcile}):
 * <ol>
 *   <li>{@link BilledOnce}: every unbilled sales actual is billed at most once; a credit returns exactly what was
 *       credited to the backlog;</li>
 *   <li>{@link ProposalPerInvoice}: every confirmed proforma invoice has exactly one invoice proposal with its
 *       number, and no proposal exists without one;</li>
 *   <li>{@link BalancedVouchers}: every posted voucher balances per currency and in accounting currency;</li>
 *   <li>{@link ReceivablesMatch}: posted customer invoices = AR = billed sales actuals with a voucher;</li>
 *   <li>{@link MappedRows}: each mapped row equals its counterpart through its table map;</li>
 *   <li>{@link NothingLost}: nothing lost or duplicated (batches in doubt, undelivered queues, open sync errors,
 *       staging, proposal lines);</li>
 *   <li>{@link LedgerMatchesSubledger}: per project and currency, WIP sales value and accrued revenue equal the
 *       chargeable unbilled sales journalized and not yet invoiced;</li>
 *   <li>{@link LedgerMatchesReceivables}: GL = AR, per legal entity, currency and customer the ledger's customer
 *       balance accounts equal the open customer transactions;</li>
 *   <li>{@link NoAbandonedClaims}: no work (integration journal being posted, bulk confirmation job) is
 *       claimed by an owner that is gone.</li>
 * </ol>
 * The checks run no SQL of their own: they combine what the apps' read-only reconciliation ports answer
 * ({@link ProjectOperations#reconciliation()}, {@link Finance#reconciliation()}), the runtime's bookkeeping in each
 * app's database ({@link SyncBookkeeping}) and the runtime's read-only {@link DualWriteRuntime#reconcile}. None locks
 * or changes a row, so it may run beside live work, though it is meant for a quiet system: a transaction in flight
 * can show as a transient difference.
 */
public final class Reconciliation {

    /** Most samples an invariant's result lists. */
    public static final int MAX_SAMPLES = 10;

    private final OperationsReconciliation operations;
    private final FinanceReconciliation finance;
    private final SyncBookkeeping bookkeeping;
    private final DualWriteRuntime runtime;
    private final PostingSetup postingSetup;
    private final NoAbandonedClaims claims;

    /**
     * @param runtime the dual-write runtime, or {@code null} when this process runs none (then invariant 5 compares
     *                nothing and invariant 6 does not look at the maps' queues)
     */
    public Reconciliation(ProjectOperations operations, Finance finance, DualWriteRuntime runtime) {
        this.operations = operations.reconciliation();
        this.finance = finance.reconciliation();
        // The app names the runtime's bookkeeping uses (dw_inbox.source_app), as the server's SyncApps name them.
        Map<String, AppContext> apps = new LinkedHashMap<>();
        apps.put("operations", operations.context());
        apps.put("finance", finance.context());
        this.bookkeeping = new SyncBookkeeping(apps);
        this.postingSetup = finance.postingSetup();
        this.claims = new NoAbandonedClaims(finance.integrationJournal(), operations.invoicing().bulkConfirmation());
        this.runtime = runtime;
    }

    /**
     * Runs the nine checks in order: the seven invariants of DESIGN §4, invariant 8 (GL = AR) and invariant 9 (no
     * work claimed by a gone owner).
     *
     * @return one result per invariant, numbered as in DESIGN §4
     * @throws org.springframework.dao.DataAccessException when a database can't be read
     */
    public ReconcileReport check() {
        return new ReconcileReport(List.of(
                new BilledOnce(operations).check(),
                new ProposalPerInvoice(operations, finance).check(),
                new BalancedVouchers(finance).check(),
                new ReceivablesMatch(operations, finance).check(),
                new MappedRows(runtime).check(),
                new NothingLost(operations, finance, bookkeeping, runtime).check(),
                new LedgerMatchesSubledger(operations, finance, postingSetup).check(),
                new LedgerMatchesReceivables(finance).check(),
                claims.check()));
    }
}
