package dev.tandem.finance.proposal;

import dev.tandem.common.Money;
import dev.tandem.finance.tax.SalesTax;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Sales tax of proposal lines (§3.8, §5 step 13): the tax of a line's amount for its sales tax group and item sales
 * tax group on the proposal's invoice date, by {@link SalesTax#calculate}. The result is in the line's currency at
 * its minor units (rounded once more by {@link Money} so the ledger can always take it). Lines that are not to be
 * invoiced carry no tax.
 */
final class ProposalTaxes {

    private final SalesTax salesTax;

    ProposalTaxes(SalesTax salesTax) {
        this.salesTax = salesTax;
    }

    /** The same taxes for one batch of lines (one proposal), reading the tax setup once ({@link SalesTax#forBatch}). */
    ProposalTaxes forBatch() {
        return new ProposalTaxes(salesTax.forBatch());
    }

    /** The tax of {@code line} with the given groups on {@code invoiceDate}. */
    BigDecimal taxOf(ProposalLine line, String taxGroup, String itemTaxGroup, LocalDate invoiceDate) {
        if (!line.toBeInvoiced()) {
            return BigDecimal.ZERO;
        }
        BigDecimal tax = salesTax.calculate(line.dataAreaId(), taxGroup, itemTaxGroup, line.lineAmount(), line.currency(),
                invoiceDate).taxAmount();
        return Money.round(tax, line.currency());
    }

    /**
     * The tax of an amount for the given groups on {@code date}: each code's tax rounded once by the code's rounding,
     * summed ({@link SalesTax#calculate}); in {@code currency} at its minor units.
     */
    BigDecimal taxOfAmount(String dataAreaId, String taxGroup, String itemTaxGroup, BigDecimal amount, String currency,
                           LocalDate date) {
        return Money.round(salesTax.calculate(dataAreaId, taxGroup, itemTaxGroup, amount, currency, date).taxAmount(),
                currency);
    }

    /** The default sales tax group of a project transaction (§3.8). */
    String defaultTaxGroup(String dataAreaId, String projectId, String contractId, String customer) {
        return salesTax.defaultTaxGroup(dataAreaId, projectId, contractId, customer);
    }
}
