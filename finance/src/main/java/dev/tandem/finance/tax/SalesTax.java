package dev.tandem.finance.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Sales tax of Finance (§3.8, §9): which sales tax group applies to a project transaction (the legal entity's
 * "Sales tax group method": Project, Project contract, Customer, or Search = project → contract → customer), and
 * the tax of an amount for a sales tax group and an item sales tax group (the tax codes in both groups apply).
 */
public interface SalesTax {

    /** Tax of one tax code: {@code taxAmount} in the transaction currency, rounded by the code's rounding rule. */
    record CodeAmount(String taxCode, BigDecimal rate, BigDecimal baseAmount, BigDecimal taxAmount) {
    }

    /** The tax of an amount: the sum of its codes' amounts. */
    record TaxResult(BigDecimal taxAmount, List<CodeAmount> codes) {

        public static TaxResult none() {
            return new TaxResult(BigDecimal.ZERO, List.of());
        }
    }

    /**
     * The sales tax group of a project transaction by the legal entity's method (§3.8); {@code null} when none
     * applies.
     */
    String defaultTaxGroup(String dataAreaId, String projectId, String contractId, String customerAccount);

    /**
     * The tax on {@code amount} (transaction currency, at its minor units) for the intersection of the two groups,
     * with the rates valid on {@code date}. No group, or no code in both groups, means no tax.
     */
    TaxResult calculate(String dataAreaId, String taxGroup, String itemTaxGroup, BigDecimal amount, String currency,
                        LocalDate date);

    /**
     * A sales tax for one batch of calculations within one transaction (the lines of one invoice proposal, a chunk of
     * integration journal lines): it gives the same results as this one, and may read each group and each group pair's
     * codes and rates once for the batch instead of once per line. Drop it when the batch is done: it does not see
     * setup changed after it read it. The default is this sales tax itself.
     */
    default SalesTax forBatch() {
        return this;
    }
}
