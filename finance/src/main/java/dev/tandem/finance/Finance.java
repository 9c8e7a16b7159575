package dev.tandem.finance;

import dev.tandem.finance.ledger.Ledger;
import dev.tandem.finance.proposal.InvoiceProposals;
import dev.tandem.finance.proposal.NoSalesTax;
import dev.tandem.finance.rates.ExchangeRates;
import dev.tandem.finance.setup.FinanceSetup;
import dev.tandem.finance.setup.NumberSequences;
import dev.tandem.finance.setup.PostingSetup;

/** The Finance app: its services over its own database, wired. */
public final class Finance {

    private final FinanceContext context;
    private final FinanceSetup setup;
    private final PostingSetup postingSetup;
    private final NumberSequences numbers;
    private final ExchangeRates rates;
    private final Ledger ledger;
    private final InvoiceProposals proposals;

    public Finance(FinanceContext context) {
        this.context = context;
        this.setup = new FinanceSetup(context);
        this.postingSetup = new PostingSetup(context);
        this.numbers = new NumberSequences(context);
        this.rates = new ExchangeRates(context);
        this.ledger = new Ledger(context, postingSetup, numbers);
        // NoSalesTax until the sales tax implementation of dev.tandem.finance.tax is merged and wired here.
        this.proposals = new InvoiceProposals(context, postingSetup, numbers, rates, ledger, new NoSalesTax());
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

    public InvoiceProposals proposals() {
        return proposals;
    }
}
