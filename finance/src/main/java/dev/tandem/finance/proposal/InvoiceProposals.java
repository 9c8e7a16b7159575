package dev.tandem.finance.proposal;

import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.ledger.Ledger;
import dev.tandem.finance.onaccount.OnAccountTransactions;
import dev.tandem.finance.rates.ExchangeRates;
import dev.tandem.finance.setup.NumberSequences;
import dev.tandem.finance.setup.PostingSetup;
import dev.tandem.finance.tax.SalesTax;

/**
 * Project invoice proposals in Finance (§3.9, §3.10, §4.8, §5 steps 10–15, §9, §10, §11 items 16–24), wired over
 * one {@link FinanceContext}: headers and relationships arriving by sync, on-account transactions, the import of
 * billed sales into proposal lines, the accountant's edits, the optional approval workflow and posting. Sales tax
 * comes from the {@link SalesTax} given here.
 */
public final class InvoiceProposals {

    private final ProposalHeaders headers;
    private final ProposalLines lines;
    private final TransactionRelationships relationships;
    private final OnAccountTransactions onAccount;
    private final ImportIssues issues;
    private final ProposalImport lineImport;
    private final ProposalEditing editing;
    private final ProposalWorkflow workflow;
    private final ProposalPosting posting;
    private final CustomerInvoices customerInvoices;

    public InvoiceProposals(FinanceContext ctx, PostingSetup setup, NumberSequences numbers, ExchangeRates rates,
                            Ledger ledger, SalesTax salesTax) {
        ProposalTaxes taxes = new ProposalTaxes(salesTax);
        ProposalStaging staging = new ProposalStaging(ctx);
        this.headers = new ProposalHeaders(ctx, setup, numbers);
        this.lines = new ProposalLines(ctx);
        this.relationships = new TransactionRelationships(ctx);
        this.onAccount = new OnAccountTransactions(ctx, salesTax);
        this.issues = new ImportIssues(ctx);
        ImportChecks checks = new ImportChecks(ctx, staging, relationships, lines);
        this.lineImport = new ProposalImport(ctx, headers, lines, staging, checks, onAccount, taxes, issues);
        this.editing = new ProposalEditing(ctx, headers, lines, staging, onAccount, taxes);
        this.workflow = new ProposalWorkflow(ctx, setup, headers, lines);
        this.posting = new ProposalPosting(ctx, setup, numbers, rates, ledger, headers, lines, staging, relationships,
                taxes, issues);
        this.customerInvoices = new CustomerInvoices(ctx);
    }

    /** Headers: upsert by sync, read; deleting is refused. */
    public ProposalHeaders headers() {
        return headers;
    }

    /** Lines, read-only here (edits through {@link #editing()}). */
    public ProposalLines lines() {
        return lines;
    }

    /** Transaction relationship staging. */
    public TransactionRelationships relationships() {
        return relationships;
    }

    /** On-account transactions (milestones). */
    public OnAccountTransactions onAccountTransactions() {
        return onAccount;
    }

    /** Why a proposal's last import did not happen. */
    public ImportIssues importIssues() {
        return issues;
    }

    /** Import from staging of billed sales, and "Import lines". */
    public ProposalImport lineImport() {
        return lineImport;
    }

    public ProposalEditing editing() {
        return editing;
    }

    public ProposalWorkflow workflow() {
        return workflow;
    }

    public ProposalPosting posting() {
        return posting;
    }

    /** Posted customer invoices and accounts receivable, read back (invoice documents, the run's AR check). */
    public CustomerInvoices customerInvoices() {
        return customerInvoices;
    }
}
