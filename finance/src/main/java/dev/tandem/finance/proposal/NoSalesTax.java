package dev.tandem.finance.proposal;

import dev.tandem.finance.tax.SalesTax;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A placeholder {@link SalesTax} that knows no tax groups and calculates no tax, so that {@code Finance} can wire
 * invoice proposals before the sales tax implementation of {@code dev.tandem.finance.tax} is merged. It is replaced
 * by that implementation when it lands; nothing else should use it.
 */
public final class NoSalesTax implements SalesTax {

    /** @return {@code null}: no sales tax group applies */
    @Override
    public String defaultTaxGroup(String dataAreaId, String projectId, String contractId, String customerAccount) {
        return null;
    }

    /** @return {@link TaxResult#none()} for any amount */
    @Override
    public TaxResult calculate(String dataAreaId, String taxGroup, String itemTaxGroup, BigDecimal amount, String currency,
                               LocalDate date) {
        return TaxResult.none();
    }
}
