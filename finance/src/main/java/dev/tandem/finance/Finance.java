package dev.tandem.finance;

import dev.tandem.finance.einvoice.EInvoiceSources;
import dev.tandem.finance.einvoice.EInvoicingSetup;
import dev.tandem.finance.journal.ImportFromStaging;
import dev.tandem.finance.journal.IntegrationJournal;
import dev.tandem.finance.journal.StagingQueries;
import dev.tandem.finance.ledger.GeneralLedger;
import dev.tandem.finance.ledger.Ledger;
import dev.tandem.finance.ledger.LedgerQueries;
import dev.tandem.finance.project.ProjectContracts;
import dev.tandem.finance.proposal.InvoiceProposals;
import dev.tandem.finance.proposal.ProposalQueries;
import dev.tandem.finance.rates.EcbRatesImport;
import dev.tandem.finance.reconcile.FinanceReconciliation;
import dev.tandem.finance.rates.ExchangeRateTypes;
import dev.tandem.finance.rates.ExchangeRates;
import dev.tandem.finance.setup.FinanceSetup;
import dev.tandem.finance.setup.NumberSequences;
import dev.tandem.finance.setup.PostingSetup;
import dev.tandem.finance.setup.SetupLookup;
import dev.tandem.finance.staging.StagingEntity;
import dev.tandem.finance.tax.SalesTax;
import dev.tandem.finance.tax.SalesTaxCalculator;
import dev.tandem.finance.tax.SalesTaxSetup;

/** The Finance app: its services over its own database, wired. */
public final class Finance {

    private final FinanceContext context;
    private final FinanceSetup setup;
    private final PostingSetup postingSetup;
    private final NumberSequences numbers;
    private final ExchangeRates rates;
    private final Ledger ledger;
    private final ExchangeRateTypes rateTypes;
    private final EcbRatesImport ecbImport;
    private final SalesTaxSetup salesTaxSetup;
    private final SalesTax salesTax;
    private final InvoiceProposals proposals;
    private final StagingEntity staging;
    private final ImportFromStaging importFromStaging;
    private final IntegrationJournal integrationJournal;
    private final ProjectContracts projectContracts;
    private final SetupLookup setupLookup;
    private final ProposalQueries proposalQueries;
    private final GeneralLedger generalLedger;
    private final FinanceReconciliation reconciliation;
    private final StagingQueries stagingQueries;
    private final LedgerQueries ledgerQueries;
    private final EInvoicingSetup eInvoicing;
    private final EInvoiceSources eInvoiceSources;

    public Finance(FinanceContext context) {
        this.context = context;
        this.setup = new FinanceSetup(context);
        this.postingSetup = new PostingSetup(context);
        this.numbers = new NumberSequences(context);
        this.rates = new ExchangeRates(context);
        this.ledger = new Ledger(context, postingSetup, numbers);
        this.rateTypes = new ExchangeRateTypes(context);
        this.ecbImport = new EcbRatesImport(context);
        this.salesTaxSetup = new SalesTaxSetup(context);
        this.salesTax = new SalesTaxCalculator(context);
        this.proposals = new InvoiceProposals(context, postingSetup, numbers, rates, ledger, salesTax);
        this.staging = new StagingEntity(context);
        // Billed sales rows of Import from staging become invoice-proposal lines (§5 step 12).
        this.importFromStaging = new ImportFromStaging(context, postingSetup, numbers, rates, salesTax,
                proposals.lineImport());
        this.integrationJournal = new IntegrationJournal(context, postingSetup, ledger, numbers, salesTax);
        this.projectContracts = new ProjectContracts(context);
        this.setupLookup = new SetupLookup(context);
        this.proposalQueries = new ProposalQueries(context);
        this.generalLedger = new GeneralLedger(context);
        this.reconciliation = new FinanceReconciliation(context);
        this.stagingQueries = new StagingQueries(context);
        this.ledgerQueries = new LedgerQueries(context);
        this.eInvoicing = new EInvoicingSetup(context);
        this.eInvoiceSources = new EInvoiceSources(context, proposals.customerInvoices(), proposals.lines(), salesTax,
                eInvoicing);
    }

    public FinanceContext context() {
        return context;
    }

    public FinanceSetup setup() {
        return setup;
    }

    public PostingSetup postingSetup() {
        return postingSetup;
    }

    public NumberSequences numbers() {
        return numbers;
    }

    public ExchangeRates rates() {
        return rates;
    }

    public Ledger ledger() {
        return ledger;
    }

    public ExchangeRateTypes rateTypes() {
        return rateTypes;
    }

    public EcbRatesImport ecbImport() {
        return ecbImport;
    }

    public SalesTaxSetup salesTaxSetup() {
        return salesTaxSetup;
    }

    public SalesTax salesTax() {
        return salesTax;
    }

    public InvoiceProposals proposals() {
        return proposals;
    }

    /** The write path of the actuals staging entity (§3.7) that dual-write calls. */
    public StagingEntity staging() {
        return staging;
    }

    /** Import from staging (§8): staged cost and unbilled sales into the integration journal. */
    public ImportFromStaging importFromStaging() {
        return importFromStaging;
    }

    /** The integration journal (§3.8, §4.7): reads, edits, posting. */
    public IntegrationJournal integrationJournal() {
        return integrationJournal;
    }

    /** Projects, project contracts and contract lines as Project Operations syncs them (§7). */
    public ProjectContracts projectContracts() {
        return projectContracts;
    }

    /** Reads of the setup for batch loads: legal entity name, which customers exist (in bulk). */
    public SetupLookup setupLookup() {
        return setupLookup;
    }

    /** Reads of invoice proposals: the open ones, counts by status (§4.8). */
    public ProposalQueries proposalQueries() {
        return proposalQueries;
    }

    /** The general ledger's lines and voucher counts of a legal entity (DESIGN §4 invariant 3). */
    public GeneralLedger generalLedger() {
        return generalLedger;
    }

    /** The read-only facts of this app's tables that the invariants of DESIGN §4 check. */
    public FinanceReconciliation reconciliation() {
        return reconciliation;
    }

    /** Reads of actuals staging for people: staged actuals with their import errors, and what an import would take. */
    public StagingQueries stagingQueries() {
        return stagingQueries;
    }

    /** Reads of the fiscal calendar and the general ledger for people: periods, trial balance, an account's lines. */
    public LedgerQueries ledgerQueries() {
        return ledgerQueries;
    }

    /** E-invoicing details of the seller, the customers and the sales tax codes (docs/e-invoicing.md). */
    public EInvoicingSetup eInvoicing() {
        return eInvoicing;
    }

    /** What the e-invoice of a posted customer invoice or credit note shows (docs/e-invoicing.md). */
    public EInvoiceSources eInvoiceSources() {
        return eInvoiceSources;
    }
}
