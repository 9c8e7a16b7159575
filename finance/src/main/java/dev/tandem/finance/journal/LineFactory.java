package dev.tandem.finance.journal;

import static dev.tandem.finance.FinanceError.LINE_PROPERTY_NOT_FOUND;

import dev.tandem.common.Ids;
import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.rates.ExchangeRates;
import dev.tandem.finance.setup.BillingTypeDefaults;
import dev.tandem.finance.setup.BillingTypes;
import dev.tandem.finance.setup.ProjectCategories;
import dev.tandem.finance.setup.PostingSetup.LegalEntity;
import dev.tandem.finance.staging.StagingRow;
import dev.tandem.finance.tax.SalesTax;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes the journal line of one staged actual for one import run (§3.8 line defaults): category from the actual's
 * transaction category when it is a project category of the legal entity, else the project category default of its
 * classification ({@link ProjectCategories}), line property from the billing type defaults (a blank billing type is
 * "Not specified"), exchange rate into the accounting currency on the document date (the contract's fixed rate
 * first), accounting date (the staged one, else the document date), billing sales tax group of an unbilled sales
 * line by the legal entity's sales tax group method.
 *
 * <p>Rates and tax groups are cached per run in bounded maps, so a run over 100,000 rows asks the database once per
 * contract, currency and day, and memory stays flat however many rows there are.
 */
final class LineFactory {

    private static final int CACHE_SIZE = 10_000;

    private record RateKey(String contractId, String currency, LocalDate date) {
    }

    private record TaxKey(String projectId, String contractId, String customer) {
    }

    private final LegalEntity entity;
    private final ExchangeRates rates;
    private final SalesTax salesTax;
    private final BillingTypeDefaults lineProperties;
    private final ProjectCategories categories;
    private final Map<RateKey, Object> rateCache = bounded();
    private final Map<TaxKey, String> taxGroups = bounded();

    LineFactory(FinanceContext ctx, LegalEntity entity, ExchangeRates rates, SalesTax salesTax) {
        this.entity = entity;
        this.rates = rates;
        this.salesTax = salesTax;
        this.categories = ProjectCategories.of(ctx, entity.dataAreaId());
        this.lineProperties = BillingTypeDefaults.of(ctx, entity.dataAreaId());
    }

    /**
     * The line of a staged actual, not yet in a journal ({@code journalId} null), DRAFT.
     *
     * @throws TandemException EXCHANGE_RATE_NOT_FOUND naming the pair and date; LINE_PROPERTY_NOT_FOUND when the
     *                         billing type lost its default after the row was staged
     */
    JournalLine line(StagingRow row) {
        // A blank billing type is "Not specified" (§3.8): its default when the legal entity sets one up, else none.
        BillingTypeDefaults.LineProperty defaulted = lineProperties.forBillingType(row.billingType());
        String lineProperty = defaulted == null ? null : defaulted.id();
        if (row.billingType() != null) {
            if (lineProperty == null) {
                String label = BillingTypes.label(row.billingType());
                throw new TandemException(LINE_PROPERTY_NOT_FOUND, "Line property " + label + " doesn't exist: no billing "
                        + "type default of legal entity " + entity.dataAreaId() + " maps billing type " + label,
                        Map.of("billingType", row.billingType()));
            }
        }
        BigDecimal rate = rate(row);
        String taxGroup = row.transType() == StagingRow.UNBILLED_SALES ? taxGroup(row) : null;
        LocalDate accountingDate = row.accountingDate() != null ? row.accountingDate() : row.documentDate();
        return new JournalLine(Ids.newId(), entity.dataAreaId(), null, row.actualId(), row.id(), row.transType(),
                row.transactionClassification(), row.projectId(), row.contractId(),
                categories.categoryOf(row.transactionCategoryId(), row.transactionClassification()), row.quantity(),
                row.unitPrice(), row.amount(), row.currency(), row.documentDate(), accountingDate, rate,
                row.billingType(), lineProperty, row.customerAccount(), row.description(), taxGroup, null, null,
                JournalStatus.DRAFT, null, null, null, null, null, false);
    }

    private BigDecimal rate(StagingRow row) {
        RateKey key = new RateKey(row.contractId(), row.currency(), row.documentDate());
        Object cached = rateCache.get(key);
        if (cached == null) {
            try {
                cached = rates.rateForContract(entity.dataAreaId(), row.contractId(), entity.exchangeRateType(),
                        row.currency(), entity.accountingCurrency(), row.documentDate());
            } catch (TandemException e) {
                cached = e;
            }
            rateCache.put(key, cached);
        }
        if (cached instanceof TandemException e) {
            // A fresh exception per row: the cached one carries the stack of the first row that missed.
            throw new TandemException(e.errorCode(), e.detail(), e.properties());
        }
        return (BigDecimal) cached;
    }

    private String taxGroup(StagingRow row) {
        TaxKey key = new TaxKey(row.projectId(), row.contractId(), row.customerAccount());
        if (!taxGroups.containsKey(key)) {
            taxGroups.put(key, salesTax.defaultTaxGroup(entity.dataAreaId(), row.projectId(), row.contractId(),
                    row.customerAccount()));
        }
        return taxGroups.get(key);
    }

    /** A map that forgets its eldest entry beyond {@link #CACHE_SIZE}. */
    private static <K, V> Map<K, V> bounded() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > CACHE_SIZE;
            }
        };
    }
}
