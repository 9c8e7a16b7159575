package dev.tandem.finance.journal;

import dev.tandem.finance.tax.SalesTax;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Test double. 
 * A {@link SalesTax} without tax: no default tax group, no tax. The integration journal uses it when Finance has no
 * sales tax calculation wired in; lines then write back a sales tax amount of 0 (§10).
 */
public final class NoSalesTax implements SalesTax {

    @Override
    public String defaultTaxGroup(String dataAreaId, String projectId, String contractId, String customerAccount) {
        return null;
    }

    @Override
    public TaxResult calculate(String dataAreaId, String taxGroup, String itemTaxGroup, BigDecimal amount,
                               String currency, LocalDate date) {
        return TaxResult.none();
    }
}
