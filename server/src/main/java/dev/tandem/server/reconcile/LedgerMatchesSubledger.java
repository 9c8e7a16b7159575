package dev.tandem.server.reconcile;

import dev.tandem.common.TandemException;
import dev.tandem.finance.reconcile.FinanceReconciliation;
import dev.tandem.finance.reconcile.FinanceReconciliation.ProjectAccountBalance;
import dev.tandem.finance.setup.PostingSetup;
import dev.tandem.finance.setup.PostingSetup.Profile;
import dev.tandem.operations.reconcile.OperationsReconciliation;
import dev.tandem.operations.reconcile.OperationsReconciliation.UnbilledBalance;
import dev.tandem.server.api.Decimals;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * DESIGN §4 invariant 7, across both databases: <b>the ledger agrees with the subledger</b>. Per legal entity,
 * project and transaction currency, Finance's WIP sales value balance and its accrued revenue balance (negated: it is
 * a credit balance) each equal the chargeable unbilled sales that were posted through the integration journal and are
 * not yet invoiced — in the transaction currency and, at the rates the journal wrote back, in the accounting
 * currency (spec §9, §10; the accrued revenue reconciliation of §8).
 *
 * <p>The subledger side is read in Project Operations, the side the accountant's numbers must agree with: the unbilled
 * sales actuals ({@code msdyn_transactiontypecode} Unbilled Sales) that are
 * <ul>
 *   <li>chargeable (§4.4: non-chargeable and complimentary lines are never invoiced, so they never accrue WIP);</li>
 *   <li>journalized: they carry the voucher number the integration journal posting wrote back ({@code
 *       tdm_vouchernumber}, §10 item 1; an unbilled sales actual gets a voucher from nothing else). What Finance never
 *       saw, such as the §7.4 Skip Sync reversals, is not in the ledger;</li>
 *   <li>not invoiced: not on a proforma invoice that Finance posted (its customer invoice number written back by
 *       the msdyn_customerinvoices map; it stays posted when it is marked Invoice Paid). An original that a draft edit replaced is on the invoice
 *       too: once that invoice posts, nothing of it may be left in WIP — which is what found the defect of the never
 *       synced reversal of such an original (issue 11, point 1).</li>
 * </ul>
 * A reversal that was journalized (the synced reversal of a replaced original, of a canceled approval) counts with
 * its negative amount. Amounts: {@code msdyn_amount} and {@code tdm_accountingamount}, summed per group.
 *
 * <p>The ledger side is Finance's general journal: per project and currency, the sum of the lines on the project's
 * profile's WIP sales value account, and the negated sum on its accrued revenue account. Only projects whose profile
 * accrues revenue (§9) are compared against the subledger; for a project whose profile accrues nothing, both balances
 * must be 0. A project with actuals but no profile rule in Finance is a violation naming it. {@code checked} counts
 * the groups (legal entity, project, currency) looked at. Both sides come from the apps' reconciliation ports.
 */
final class LedgerMatchesSubledger {

    static final String NAME = "ledger WIP = subledger";

    private record Key(String dataAreaId, String projectId, String currency) {
        @Override
        public String toString() {
            return dataAreaId + " project " + projectId + " " + currency;
        }
    }

    /** The four amounts of a group: the subledger's (currency, accounting) and the two ledger balances. */
    private static final class Sums {
        BigDecimal unbilled = BigDecimal.ZERO;
        BigDecimal unbilledAccounting = BigDecimal.ZERO;
        BigDecimal wip = BigDecimal.ZERO;
        BigDecimal wipAccounting = BigDecimal.ZERO;
        BigDecimal accrued = BigDecimal.ZERO;
        BigDecimal accruedAccounting = BigDecimal.ZERO;
    }

    private final OperationsReconciliation operations;
    private final FinanceReconciliation finance;
    private final PostingSetup setup;

    LedgerMatchesSubledger(OperationsReconciliation operations, FinanceReconciliation finance, PostingSetup setup) {
        this.operations = operations;
        this.finance = finance;
        this.setup = setup;
    }

    InvariantResult check() {
        Tally tally = new Tally(7, NAME);
        Map<Key, Sums> groups = new TreeMap<>(Comparator.comparing(Key::toString));
        for (UnbilledBalance u : operations.journalizedUnbilledSalesNotInvoiced()) {
            Sums s = groups.computeIfAbsent(new Key(u.legalEntity(), u.projectNumber(), u.amount().currency()),
                    k -> new Sums());
            s.unbilled = s.unbilled.add(u.amount().amount());
            s.unbilledAccounting = s.unbilledAccounting.add(u.accountingAmount());
        }
        // The ledger: every project line on any profile's WIP sales value or accrued revenue account; each group is then
        // judged by its own project's profile.
        Map<Key, Map<String, BigDecimal[]>> ledger = new TreeMap<>(Comparator.comparing(Key::toString));
        for (ProjectAccountBalance b : finance.wipAndAccruedRevenueBalances()) {
            Key key = new Key(b.dataAreaId(), b.projectId(), b.amount().currency());
            groups.computeIfAbsent(key, k -> new Sums());
            ledger.computeIfAbsent(key, k -> new TreeMap<>()).put(b.mainAccountId(),
                    new BigDecimal[] {b.amount().amount(), b.accountingAmount()});
        }
        tally.checked(groups.size());
        Map<String, Profile> profiles = new HashMap<>();
        groups.forEach((key, s) -> {
            Profile profile;
            try {
                profile = profiles.computeIfAbsent(key.dataAreaId() + "\u0000" + key.projectId(),
                        k -> setup.profile(key.dataAreaId(), key.projectId()));
            } catch (TandemException e) {
                tally.violation(key + ": " + e.detail());
                return;
            }
            Map<String, BigDecimal[]> balances = ledger.getOrDefault(key, Map.of());
            BigDecimal[] wip = balance(balances, profile.wipSalesValueAccount());
            BigDecimal[] accrued = balance(balances, profile.accruedRevenueAccount());
            s.wip = wip[0];
            s.wipAccounting = wip[1];
            s.accrued = accrued[0].negate();
            s.accruedAccounting = accrued[1].negate();
            BigDecimal expected = profile.accrueRevenue() ? s.unbilled : BigDecimal.ZERO;
            BigDecimal expectedAccounting = profile.accrueRevenue() ? s.unbilledAccounting : BigDecimal.ZERO;
            boolean agree = s.wip.compareTo(expected) == 0 && s.accrued.compareTo(expected) == 0
                    && s.wipAccounting.compareTo(expectedAccounting) == 0
                    && s.accruedAccounting.compareTo(expectedAccounting) == 0;
            if (!agree) {
                tally.violation(key + " (profile " + profile.profileId() + (profile.accrueRevenue() ? ", accrues revenue"
                        : ", accrues no revenue") + "): chargeable unbilled sales journalized and not invoiced "
                        + Decimals.plain(s.unbilled) + " (accounting " + Decimals.plain(s.unbilledAccounting)
                        + "), WIP sales value " + Decimals.plain(s.wip) + " (accounting " + Decimals.plain(s.wipAccounting)
                        + "), accrued revenue " + Decimals.plain(s.accrued) + " (accounting "
                        + Decimals.plain(s.accruedAccounting) + ")");
            }
        });
        return tally.result();
    }

    /** The balance (currency, accounting) of an account in a group; zeros for none or a profile without it. */
    private static BigDecimal[] balance(Map<String, BigDecimal[]> balances, String account) {
        BigDecimal[] b = account == null ? null : balances.get(account);
        return b == null ? new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO} : b;
    }
}
