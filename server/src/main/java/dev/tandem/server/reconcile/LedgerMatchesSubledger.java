package dev.tandem.server.reconcile;

import dev.tandem.common.TandemException;
import dev.tandem.finance.setup.PostingSetup;
import dev.tandem.finance.setup.PostingSetup.Profile;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.invoicing.InvoiceStatus;
import dev.tandem.server.api.Decimals;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

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
 *   <li>not invoiced: not on a proforma invoice that Finance posted ({@code msdyn_projectinvoicestatus} Posted,
 *       written back by the msdyn_customerinvoices map). An original that a draft edit replaced is on the invoice
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
 * the groups (legal entity, project, currency) looked at.
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

    private final JdbcTemplate operations;
    private final JdbcTemplate finance;
    private final PostingSetup setup;

    LedgerMatchesSubledger(JdbcTemplate operations, JdbcTemplate finance, PostingSetup setup) {
        this.operations = operations;
        this.finance = finance;
        this.setup = setup;
    }

    InvariantResult check() {
        Tally tally = new Tally(7, NAME);
        Map<Key, Sums> groups = new TreeMap<>(Comparator.comparing(Key::toString));
        operations.query("SELECT o.tdm_legalentity, p.msdyn_projectnumber, a.transactioncurrency,"
                + " SUM(a.msdyn_amount), SUM(COALESCE(a.tdm_accountingamount, 0)) FROM msdyn_actual a"
                + " JOIN msdyn_organizationalunit o ON o.msdyn_organizationalunitid = a.msdyn_contractorganizationalunitid"
                + " JOIN msdyn_project p ON p.msdyn_projectid = a.msdyn_project"
                + " LEFT JOIN invoice i ON i.invoiceid = a.msdyn_invoice"
                + " WHERE a.msdyn_transactiontypecode = ? AND a.msdyn_billingtype = ? AND a.tdm_vouchernumber IS NOT NULL"
                + " AND (i.invoiceid IS NULL OR i.msdyn_projectinvoicestatus <> ?)"
                + " GROUP BY o.tdm_legalentity, p.msdyn_projectnumber, a.transactioncurrency", rs -> {
                    Sums s = groups.computeIfAbsent(new Key(rs.getString(1), rs.getString(2), rs.getString(3).trim()),
                            k -> new Sums());
                    s.unbilled = s.unbilled.add(rs.getBigDecimal(4));
                    s.unbilledAccounting = s.unbilledAccounting.add(rs.getBigDecimal(5));
                }, TransactionType.UNBILLED_SALES.value(), BillingType.CHARGEABLE.value(), InvoiceStatus.POSTED.value());
        // The ledger: every project line on any profile's WIP sales value or accrued revenue account; each group is then
        // judged by its own project's profile.
        Set<String> accounts = new HashSet<>();
        finance.query("SELECT wipsalesvalueaccount, accruedrevenueaccount FROM projpostingprofile", rs -> {
            accounts.add(rs.getString(1));
            accounts.add(rs.getString(2));
        });
        accounts.remove(null);
        Map<Key, Map<String, BigDecimal[]>> ledger = new TreeMap<>(Comparator.comparing(Key::toString));
        if (!accounts.isEmpty()) {
            finance.query("SELECT dataareaid, projid, transactioncurrency, mainaccountid, SUM(amountcur),"
                    + " SUM(accountingamount) FROM generaljournalentry WHERE projid IS NOT NULL AND mainaccountid IN ("
                    + String.join(", ", accounts.stream().map(a -> "?").toList()) + ")"
                    + " GROUP BY dataareaid, projid, transactioncurrency, mainaccountid", rs -> {
                        Key key = new Key(rs.getString(1), rs.getString(2), rs.getString(3).trim());
                        groups.computeIfAbsent(key, k -> new Sums());
                        ledger.computeIfAbsent(key, k -> new TreeMap<>()).put(rs.getString(4),
                                new BigDecimal[] {rs.getBigDecimal(5), rs.getBigDecimal(6)});
                    }, accounts.toArray());
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
