package dev.tandem.server.reconcile;

import dev.tandem.common.Money;
import dev.tandem.finance.reconcile.FinanceReconciliation;
import dev.tandem.finance.reconcile.FinanceReconciliation.InvoiceAmount;
import dev.tandem.operations.reconcile.OperationsReconciliation;
import dev.tandem.operations.reconcile.OperationsReconciliation.BilledInvoiceAmount;
import dev.tandem.server.api.Decimals;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * DESIGN §4 invariant 4, across both databases: per legal entity and currency, posted customer invoices = customer
 * transactions (AR) = billed sales actuals that carry a voucher (written back, spec §10 item 3).
 *
 * <p>The three are compared like for like, in the invoice's transaction currency and <b>including sales tax</b>,
 * because that is what the customer owes and what AR holds:
 * <ul>
 *   <li>posted customer invoice: {@code projcustinvoiceexport.invoiceamount} = the proposal's invoiced lines + their
 *       sales tax;</li>
 *   <li>AR: {@code custtrans.amountcur}, the open item posting left, the same amount by construction;</li>
 *   <li>billed sales actuals: {@code msdyn_amount} (before tax) + {@code tdm_salestaxamount} (the line's sales tax
 *       written back) of the chargeable billed sales actuals with a {@code tdm_vouchernumber}. Only chargeable ones:
 *       non-chargeable, complimentary and not-available billed sales become proposal lines that are not invoiced
 *       (their billing-type default line property is not "to be invoiced", §3.8), so they are in no invoice
 *       amount. Billed sales reversals of a corrective invoice are chargeable billed sales with negative amounts and
 *       net against the credit note's negative amount.</li>
 * </ul>
 * The comparison is made per posted invoice, keyed by legal entity (the actual's contracting unit's legal entity,
 * as the maps stripe it), currency and proforma invoice number (= proposal id): if every invoice agrees and nothing
 * is on one side only, the sums per legal entity and currency agree too, and a difference names the invoice.
 * {@code checked} counts those keys; a key whose three amounts are not all present and equal is one violation.
 * Amounts in accounting currency are not compared: the actuals carry only line amounts in it, not tax.
 */
final class ReceivablesMatch {

    static final String NAME = "invoices = AR = billed actuals";

    private final OperationsReconciliation operations;
    private final FinanceReconciliation finance;

    ReceivablesMatch(OperationsReconciliation operations, FinanceReconciliation finance) {
        this.operations = operations;
        this.finance = finance;
    }

    /** The three amounts of one invoice; {@code null} where a side has nothing. */
    private static final class Sides {
        String customerInvoice;
        BigDecimal invoiced;
        BigDecimal receivable;
        BigDecimal billed;

        boolean agree() {
            return invoiced != null && receivable != null && billed != null && invoiced.compareTo(receivable) == 0
                    && invoiced.compareTo(billed) == 0;
        }
    }

    InvariantResult check() {
        Tally tally = new Tally(4, NAME);
        Map<String, Sides> byInvoice = new TreeMap<>();
        for (InvoiceAmount i : finance.customerInvoiceTotals()) {
            Sides s = sides(byInvoice, i.dataAreaId(), i.amount(), i.proposalId());
            s.customerInvoice = i.customerInvoiceId();
            s.invoiced = add(s.invoiced, i.amount().amount());
        }
        for (InvoiceAmount t : finance.customerTransactions()) {
            Sides s = sides(byInvoice, t.dataAreaId(), t.amount(), t.proposalId());
            s.customerInvoice = s.customerInvoice == null ? t.customerInvoiceId() : s.customerInvoice;
            s.receivable = add(s.receivable, t.amount().amount());
        }
        for (BilledInvoiceAmount b : operations.billedSalesWithVoucherByInvoice()) {
            Sides s = sides(byInvoice, b.legalEntity(), b.amount(), b.invoiceNumber());
            s.billed = add(s.billed, b.amount().amount());
        }
        tally.checked(byInvoice.size());
        byInvoice.forEach((key, s) -> {
            if (!s.agree()) {
                tally.violation(key + ": posted customer invoice " + (s.customerInvoice == null ? "" : s.customerInvoice
                        + " ") + amount(s.invoiced) + ", AR " + amount(s.receivable)
                        + ", billed sales actuals with a voucher " + amount(s.billed));
            }
        });
        return tally.result();
    }

    /** The entry of a legal entity, the amount's currency and an invoice number (= proposal id). */
    private static Sides sides(Map<String, Sides> byInvoice, String legalEntity, Money amount, String invoiceNumber) {
        String key = legalEntity + " " + amount.currency() + " invoice " + invoiceNumber;
        return byInvoice.computeIfAbsent(key, k -> new Sides());
    }

    private static BigDecimal add(BigDecimal sum, BigDecimal value) {
        return sum == null ? value : sum.add(value);
    }

    private static String amount(BigDecimal value) {
        return value == null ? "none" : Decimals.plain(value);
    }
}
