package dev.tandem.server.reconcile;

import dev.tandem.common.Money;
import dev.tandem.finance.reconcile.FinanceReconciliation;
import dev.tandem.finance.reconcile.FinanceReconciliation.UnbalancedVoucher;
import dev.tandem.server.api.Decimals;

/**
 * DESIGN §4 invariant 3, on the Finance database: every posted voucher ({@code ledgervoucher}; Finance stores only
 * posted ones) balances — its lines ({@code generaljournalentry}, debits positive, credits negative) sum to zero per
 * transaction currency ({@code amountcur}) and in the legal entity's accounting currency ({@code accountingamount}).
 * {@code checked} counts vouchers; each unbalanced voucher is one violation, its sample naming the voucher, legal
 * entity and the sums that are off.
 */
final class BalancedVouchers {

    static final String NAME = "posted vouchers balance";

    private final FinanceReconciliation finance;

    BalancedVouchers(FinanceReconciliation finance) {
        this.finance = finance;
    }

    InvariantResult check() {
        Tally tally = new Tally(3, NAME);
        tally.checked(finance.voucherCount());
        for (UnbalancedVoucher v : finance.unbalancedVouchers()) {
            StringBuilder sample = new StringBuilder("voucher ").append(v.voucher()).append(" (")
                    .append(v.dataAreaId()).append(") does not balance");
            for (Money sum : v.transactionCurrencySums()) {
                sample.append(", ").append(sum.currency()).append(" lines sum to ")
                        .append(Decimals.plain(sum.amount()));
            }
            if (v.accountingSum() != null) {
                sample.append(", accounting amounts sum to ").append(Decimals.plain(v.accountingSum()));
            }
            tally.violation(sample.toString());
        }
        return tally.result();
    }
}
