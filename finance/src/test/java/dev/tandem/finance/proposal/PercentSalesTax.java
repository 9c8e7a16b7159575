package dev.tandem.finance.proposal;

import dev.tandem.common.Money;
import dev.tandem.finance.tax.SalesTax;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A test {@link SalesTax}: sales tax group VAT10 taxes 10 %, VAT20 20 %, item sales tax group EXEMPT exempts, any
 * other group taxes nothing; the default group is whatever the test sets (none by default). Tax is rounded half-up
 * to the currency's minor units, per line.
 */
final class PercentSalesTax implements SalesTax {

    private static final Map<String, BigDecimal> PERCENT = Map.of("VAT10", BigDecimal.TEN, "VAT20", BigDecimal.valueOf(20));

    private volatile String defaultGroup;

    void defaultGroup(String group) {
        this.defaultGroup = group;
    }

    @Override
    public String defaultTaxGroup(String dataAreaId, String projectId, String contractId, String customerAccount) {
        return defaultGroup;
    }

    @Override
    public TaxResult calculate(String dataAreaId, String taxGroup, String itemTaxGroup, BigDecimal amount, String currency,
                               LocalDate date) {
        BigDecimal percent = taxGroup == null ? null : PERCENT.get(taxGroup);
        if (percent == null || "EXEMPT".equals(itemTaxGroup)) {
            return TaxResult.none();
        }
        BigDecimal tax = Money.round(amount.multiply(percent).movePointLeft(2), currency);
        return new TaxResult(tax, List.of(new CodeAmount(taxGroup, percent, amount, tax)));
    }
}
