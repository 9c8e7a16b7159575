package dev.tandem.finance;

import dev.tandem.finance.journal.BilledSalesImport;
import dev.tandem.finance.journal.ImportFromStaging;
import dev.tandem.finance.journal.IntegrationJournal;
import dev.tandem.finance.journal.NoSalesTax;
import dev.tandem.finance.ledger.Ledger;
import dev.tandem.finance.rates.ExchangeRates;
import dev.tandem.finance.setup.FinanceSetup;
import dev.tandem.finance.setup.NumberSequences;
import dev.tandem.finance.setup.PostingSetup;
import dev.tandem.finance.staging.StagingEntity;

/** The Finance app: its services over its own database, wired. */
public final class Finance {

    private final FinanceContext context;
    private final FinanceSetup setup;
    private final PostingSetup postingSetup;
    private final NumberSequences numbers;
    private final ExchangeRates rates;
    private final Ledger ledger;
    private final StagingEntity staging;
    private final ImportFromStaging importFromStaging;
    private final IntegrationJournal integrationJournal;

    public Finance(FinanceContext context) {
        this.context = context;
        this.setup = new FinanceSetup(context);
        this.postingSetup = new PostingSetup(context);
        this.numbers = new NumberSequences(context);
        this.rates = new ExchangeRates(context);
        this.ledger = new Ledger(context, postingSetup, numbers);
        this.staging = new StagingEntity(context);
        NoSalesTax noTax = new NoSalesTax();
        this.importFromStaging = new ImportFromStaging(context, postingSetup, numbers, rates, noTax,
                BilledSalesImport.NONE);
        this.integrationJournal = new IntegrationJournal(context, postingSetup, ledger, numbers, noTax);
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
}
