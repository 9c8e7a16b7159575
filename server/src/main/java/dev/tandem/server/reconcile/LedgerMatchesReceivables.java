package dev.tandem.server.reconcile;

import dev.tandem.finance.reconcile.FinanceReconciliation;
import dev.tandem.finance.reconcile.FinanceReconciliation.CustomerBalance;
import dev.tandem.server.api.Decimals;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * DESIGN §4 invariant 8, on the Finance database: <b>GL = AR</b>. Per legal entity, transaction currency and customer,
 * the balance of the ledger's customer balance accounts (every account a posting profile of the legal entity names
 * as its customer balance account, spec §9) equals the open customer transactions ({@code custtrans}, accounts
 * receivable) — in the transaction currency and in the accounting currency.
 *
 * <p>Posting a customer invoice or credit note (§10) writes both sides in one transaction: the voucher's customer
 * balance line and the customer transaction carry the same amounts. A voucher posted or reversed on that account by
 * anything else — such as reversing a posted customer invoice's voucher, which left AR as it was — shows here as a
 * difference naming the legal entity, currency and customer. {@code checked} counts those groups; each group whose
 * two sides are not both equal is one violation.
 */
final class LedgerMatchesReceivables {

    static final String NAME = "ledger customer balance = AR";

    private final FinanceReconciliation finance;

    LedgerMatchesReceivables(FinanceReconciliation finance) {
        this.finance = finance;
    }

    /** The two sides of a group, each in transaction and accounting currency. */
    private static final class Sides {
        BigDecimal ledger = BigDecimal.ZERO;
        BigDecimal ledgerAccounting = BigDecimal.ZERO;
        BigDecimal receivable = BigDecimal.ZERO;
        BigDecimal receivableAccounting = BigDecimal.ZERO;

        boolean agree() {
            return ledger.compareTo(receivable) == 0 && ledgerAccounting.compareTo(receivableAccounting) == 0;
        }
    }

    InvariantResult check() {
        Tally tally = new Tally(8, NAME);
        Map<String, Sides> groups = new TreeMap<>();
        for (CustomerBalance b : finance.customerBalanceAccountBalances()) {
            Sides s = groups.computeIfAbsent(key(b), k -> new Sides());
            s.ledger = s.ledger.add(b.amount().amount());
            s.ledgerAccounting = s.ledgerAccounting.add(b.accountingAmount());
        }
        for (CustomerBalance t : finance.openCustomerTransactions()) {
            Sides s = groups.computeIfAbsent(key(t), k -> new Sides());
            s.receivable = s.receivable.add(t.amount().amount());
            s.receivableAccounting = s.receivableAccounting.add(t.accountingAmount());
        }
        tally.checked(groups.size());
        groups.forEach((key, s) -> {
            if (!s.agree()) {
                tally.violation(key + ": customer balance accounts " + Decimals.plain(s.ledger) + " (accounting "
                        + Decimals.plain(s.ledgerAccounting) + "), open customer transactions "
                        + Decimals.plain(s.receivable) + " (accounting " + Decimals.plain(s.receivableAccounting)
                        + ")");
            }
        });
        return tally.result();
    }

    private static String key(CustomerBalance b) {
        return b.dataAreaId() + " " + b.amount().currency() + " customer "
                + (b.customerAccount() == null ? "(none)" : b.customerAccount());
    }
}
