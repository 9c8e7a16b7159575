package dev.tandem.finance.ledger;

import dev.tandem.common.Money;
import dev.tandem.finance.FinanceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The general ledger of a legal entity as its callers read it: every general journal entry line
 * ({@code generaljournalentry}) with its voucher's facts ({@code ledgervoucher}) and its main account's name, and the
 * voucher counts of DESIGN §4 invariant 3 (every voucher balances).
 */
public final class GeneralLedger {

    private final FinanceContext ctx;

    public GeneralLedger(FinanceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * One line of a posted voucher. Debits are positive, credits negative: a voucher's {@code amount}s sum to zero
     * per currency and its {@code accountingAmount}s sum to zero.
     *
     * @param amount           in the transaction currency, as stored (scale 2 or more)
     * @param accountingAmount in the legal entity's accounting currency, as stored
     * @param exchangeRate     1 transaction currency in accounting currency, as stored
     * @param description      the line's; {@code voucherDescription} the voucher's
     * @param reversesVoucher  the voucher this one reverses, or null
     */
    public record Entry(String voucher, int lineNo, LocalDate accountingDate, String mainAccount,
                        String mainAccountName, String description, String project, String customerAccount,
                        Money amount, Money accountingAmount, BigDecimal exchangeRate, String sourceType,
                        String sourceId, String voucherDescription, String reversesVoucher) {
    }

    /** Posted vouchers of a legal entity; {@code unbalanced}: those whose lines do not sum to zero (see {@link #vouchers}). */
    public record VoucherCount(long count, long unbalanced) {
    }

    /** Rows the ledger's one query fetches per round trip. */
    static final int STREAM_FETCH = 1_000;

    /**
     * Hands every line of the legal entity's general ledger to {@code each}, ordered by voucher then line number,
     * without holding the ledger in memory: one query, read {@value #STREAM_FETCH} rows a round trip, in a transaction
     * (PostgreSQL's driver streams with a cursor only there; outside one it read the whole result first,
     * and the general-ledger export of a million-row month end, 6 M lines, ran a 1 GB heap out, issue 13). An unknown
     * legal entity has no lines.
     *
     * @return the number of lines handed over
     */
    public int forEachEntry(String dataAreaId, Consumer<Entry> each) {
        int[] rows = {0};
        String sql = "SELECT g.voucher, g.lineno, g.accountingdate, g.mainaccountid, m.name, "
                + "g.description, g.projid, g.custaccount, g.transactioncurrency, g.amountcur, le.accountingcurrency, "
                + "g.accountingamount, g.exchangerate, v.sourcetype, v.sourceid, v.description AS voucherdescription, "
                + "v.reversesvoucher FROM generaljournalentry g "
                + "JOIN ledgervoucher v ON v.dataareaid = g.dataareaid AND v.voucher = g.voucher "
                + "JOIN mainaccount m ON m.dataareaid = g.dataareaid AND m.mainaccountid = g.mainaccountid "
                + "JOIN legal_entity le ON le.dataareaid = g.dataareaid "
                + "WHERE g.dataareaid = ? ORDER BY g.voucher, g.lineno";
        ctx.inTransaction(() -> ctx.jdbc().query(connection -> {
            java.sql.PreparedStatement statement = connection.prepareStatement(sql);
            statement.setFetchSize(STREAM_FETCH);
            statement.setString(1, dataAreaId);
            return statement;
        }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    each.accept(new Entry(rs.getString("voucher"), rs.getInt("lineno"),
                            rs.getObject("accountingdate", LocalDate.class), rs.getString("mainaccountid"),
                            rs.getString("name"), rs.getString("description"), rs.getString("projid"),
                            rs.getString("custaccount"),
                            new Money(rs.getBigDecimal("amountcur"), rs.getString("transactioncurrency").trim()),
                            new Money(rs.getBigDecimal("accountingamount"), rs.getString("accountingcurrency").trim()),
                            rs.getBigDecimal("exchangerate"), rs.getString("sourcetype"), rs.getString("sourceid"),
                            rs.getString("voucherdescription"), rs.getString("reversesvoucher")));
                    rows[0]++;
                }));
        return rows[0];
    }

    /**
     * The legal entity's posted vouchers, and how many of them are unbalanced: their lines do not sum to zero in some
     * transaction currency, or not in accounting currency (DESIGN §4 invariant 3; 0 when the ledger is sound).
     */
    public VoucherCount vouchers(String dataAreaId) {
        Long count = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM ledgervoucher WHERE dataareaid = ?", Long.class,
                dataAreaId);
        Long unbalanced = ctx.jdbc().queryForObject("SELECT COUNT(DISTINCT voucher) FROM ("
                + "SELECT voucher FROM generaljournalentry WHERE dataareaid = ? GROUP BY voucher, transactioncurrency "
                + "HAVING SUM(amountcur) <> 0 UNION SELECT voucher FROM generaljournalentry WHERE dataareaid = ? "
                + "GROUP BY voucher HAVING SUM(accountingamount) <> 0) u", Long.class, dataAreaId, dataAreaId);
        return new VoucherCount(count == null ? 0 : count, unbalanced == null ? 0 : unbalanced);
    }
}
