package dev.tandem.operations;

import dev.tandem.operations.actuals.ActualFigures;
import dev.tandem.operations.actuals.Actuals;
import dev.tandem.operations.actuals.Reversals;
import dev.tandem.operations.backlog.BillingBacklog;
import dev.tandem.operations.backlog.ReadyToInvoice;
import dev.tandem.operations.contracts.Contracts;
import dev.tandem.operations.invoicing.InvoiceQueries;
import dev.tandem.operations.invoicing.Invoicing;
import dev.tandem.operations.masterdata.MasterData;
import dev.tandem.operations.masterdata.NaturalKeys;
import dev.tandem.operations.nte.NotToExceed;
import dev.tandem.operations.pricing.PriceLists;
import dev.tandem.operations.work.ApprovalPosting;
import dev.tandem.operations.work.SourcedWork;
import dev.tandem.operations.reconcile.OperationsReconciliation;
import dev.tandem.operations.work.WorkEntries;

/**
 * The Project Operations app: one object wiring its services over one database. The server builds one per
 * process; tests build one per test database.
 */
public final class ProjectOperations {

    private final OperationsContext context;
    private final MasterData masterData;
    private final PriceLists priceLists;
    private final Contracts contracts;
    private final Actuals actuals;
    private final NotToExceed notToExceed;
    private final WorkEntries workEntries;
    private final BillingBacklog backlog;
    private final Invoicing invoicing;
    private final NaturalKeys naturalKeys;
    private final SourcedWork sourcedWork;
    private final ReadyToInvoice readyToInvoice;
    private final InvoiceQueries invoiceQueries;
    private final ActualFigures actualFigures;
    private final OperationsReconciliation reconciliation;

    public ProjectOperations(OperationsContext context) {
        this.context = context;
        this.masterData = new MasterData(context);
        this.priceLists = new PriceLists(context);
        this.contracts = new Contracts(context, priceLists);
        this.actuals = new Actuals(context);
        this.notToExceed = new NotToExceed(context, actuals);
        this.workEntries = new WorkEntries(context, new ApprovalPosting(context, contracts, notToExceed),
                new Reversals(context, actuals));
        this.backlog = new BillingBacklog(context, actuals, notToExceed);
        this.invoicing = new Invoicing(context, contracts, notToExceed);
        this.naturalKeys = new NaturalKeys(context);
        this.sourcedWork = new SourcedWork(context, workEntries);
        this.readyToInvoice = new ReadyToInvoice(context, backlog);
        this.invoiceQueries = new InvoiceQueries(context);
        this.actualFigures = new ActualFigures(context);
        this.reconciliation = new OperationsReconciliation(context);
    }

    public OperationsContext context() {
        return context;
    }

    public MasterData masterData() {
        return masterData;
    }

    public PriceLists priceLists() {
        return priceLists;
    }

    public Contracts contracts() {
        return contracts;
    }

    public Actuals actuals() {
        return actuals;
    }

    public NotToExceed notToExceed() {
        return notToExceed;
    }

    public WorkEntries workEntries() {
        return workEntries;
    }

    public BillingBacklog backlog() {
        return backlog;
    }

    public Invoicing invoicing() {
        return invoicing;
    }

    /** Master data and contracts by name or number, in bulk (batch loads such as the month-end job). */
    public NaturalKeys naturalKeys() {
        return naturalKeys;
    }

    /** Work entries created from a source (time-tracker exports, expense files) that are still to be approved. */
    public SourcedWork sourcedWork() {
        return sourcedWork;
    }

    /** Marking a contract's backlog Ready to invoice up to the not-to-exceed limit (§4.5, §5 step 5). */
    public ReadyToInvoice readyToInvoice() {
        return readyToInvoice;
    }

    /** Reads of proforma invoices: drafts of a contract, counts by status. */
    public InvoiceQueries invoiceQueries() {
        return invoiceQueries;
    }

    /** Totals over all actuals for reports: counts and amounts, approved hours. */
    public ActualFigures actualFigures() {
        return actualFigures;
    }

    /** The read-only facts of this app's tables that the invariants of DESIGN §4 check. */
    public OperationsReconciliation reconciliation() {
        return reconciliation;
    }
}
