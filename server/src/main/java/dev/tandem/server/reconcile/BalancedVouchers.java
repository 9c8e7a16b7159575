package dev.tandem.server.reconcile;

import dev.tandem.server.api.Decimals;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * DESIGN §4 invariant 3, on the Finance database: every posted voucher ({@code ledgervoucher}; Finance stores only
 * posted ones) balances — its lines ({@code generaljournalentry}, debits positive, credits negative) sum to zero per
 * transaction currency ({@code amountcur}) and in the legal entity's accounting currency ({@code accountingamount}).
 * {@code checked} counts vouchers; each unbalanced voucher is one violation, its sample naming the voucher, legal
 * entity and the sums that are off.
 */
final class BalancedVouchers {

    static final String NAME = "posted vouchers balance";

    private final JdbcTemplate finance;

    BalancedVouchers(JdbcTemplate finance) {
        this.finance = finance;
    }

    InvariantResult check() {
        Tally tally = new Tally(3, NAME);
        Long vouchers = finance.queryForObject("SELECT COUNT(*) FROM ledgervoucher", Long.class);
        tally.checked(vouchers == null ? 0 : vouchers);
        Map<String, StringBuilder> unbalanced = new LinkedHashMap<>();
        finance.query("SELECT dataareaid, voucher, transactioncurrency, SUM(amountcur) FROM generaljournalentry"
                + " GROUP BY dataareaid, voucher, transactioncurrency HAVING SUM(amountcur) <> 0"
                + " ORDER BY dataareaid, voucher, transactioncurrency", rs -> {
                    off(unbalanced, rs.getString(1), rs.getString(2)).append(", ").append(rs.getString(3))
                            .append(" lines sum to ").append(Decimals.plain(rs.getBigDecimal(4)));
                });
        finance.query("SELECT dataareaid, voucher, SUM(accountingamount) FROM generaljournalentry"
                + " GROUP BY dataareaid, voucher HAVING SUM(accountingamount) <> 0 ORDER BY dataareaid, voucher", rs -> {
                    off(unbalanced, rs.getString(1), rs.getString(2)).append(", accounting amounts sum to ")
                            .append(Decimals.plain(rs.getBigDecimal(3)));
                });
        unbalanced.values().forEach(v -> tally.violation(v.toString()));
        return tally.result();
    }

    private static StringBuilder off(Map<String, StringBuilder> unbalanced, String dataAreaId, String voucher) {
        return unbalanced.computeIfAbsent(dataAreaId + "/" + voucher, k -> new StringBuilder("voucher ")
                .append(voucher).append(" (").append(dataAreaId).append(") does not balance"));
    }
}
