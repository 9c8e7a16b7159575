package dev.tandem.finance.proposal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header totals of a proposal, in its currency: invoice amount = lines + sales tax, sum tax, on-account amount
 * (on-account lines before tax). Lines not to be invoiced count for nothing. Every line amount and tax is already
 * at the currency's minor units, so the sums are too.
 */
record ProposalTotals(BigDecimal lines, BigDecimal tax, BigDecimal onAccount) {

    /** No lines. */
    static final ProposalTotals ZERO = new ProposalTotals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    /** These totals and those of more lines of the same proposal. */
    ProposalTotals plus(ProposalTotals more) {
        return new ProposalTotals(lines.add(more.lines), tax.add(more.tax), onAccount.add(more.onAccount));
    }

    /** The same totals with {@code more} tax (the rounding difference spread over the lines, same currency). */
    ProposalTotals withMoreTax(BigDecimal more) {
        return new ProposalTotals(lines, tax.add(more), onAccount);
    }

    static ProposalTotals of(List<ProposalLine> lines) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal onAccount = BigDecimal.ZERO;
        for (ProposalLine l : lines) {
            if (!l.toBeInvoiced()) {
                continue;
            }
            sum = sum.add(l.lineAmount());
            tax = tax.add(l.taxAmount());
            if (l.type() == ProposalLineType.ON_ACCOUNT) {
                onAccount = onAccount.add(l.lineAmount());
            }
        }
        return new ProposalTotals(sum, tax, onAccount);
    }

    BigDecimal invoiceAmount() {
        return lines.add(tax);
    }

    /** The header fields these totals set. */
    Map<String, Object> headerValues() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("invoiceamount", invoiceAmount());
        v.put("sumtax", tax);
        v.put("onaccountamount", onAccount);
        return v;
    }
}
