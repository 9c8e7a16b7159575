package dev.tandem.finance.ledger;

import dev.tandem.common.Money;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.ledger.GeneralLedger.Entry;
import dev.tandem.finance.setup.PeriodStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads of a legal entity's fiscal calendar and general ledger for people: the fiscal periods with their status, the
 * trial balance of a date range per main account (accounting currency), and the posted voucher lines of one main
 * account in a date range, paged, for the drill-down from the trial balance to the vouchers.
 */
public final class LedgerQueries {

    private final FinanceContext ctx;

    public LedgerQueries(FinanceContext ctx) {
        this.ctx = ctx;
    }

    /** A ledger period: posting is allowed into OPEN periods only. */
    public record Period(LocalDate start, LocalDate end, String name, PeriodStatus status) {
    }

    /**
     * A main account's movements in a date range, in the accounting currency: the sum of its debit lines (positive),
     * of its credit lines (negative) and their balance; {@code lines} is the number of voucher lines.
     */
    public record AccountBalance(String mainAccount, String name, String type, BigDecimal debit, BigDecimal credit,
                                 BigDecimal balance, long lines) {
    }

    /** A page of the legal entity's periods by start date. */
    public List<Period> periods(String dataAreaId, int page, int size) {
        return ctx.jdbc().query("SELECT periodstart, periodend, name, status FROM fiscal_period WHERE dataareaid = ? "
                + "ORDER BY periodstart LIMIT ? OFFSET ?", (rs, n) -> new Period(rs.getObject(1, LocalDate.class),
                rs.getObject(2, LocalDate.class), rs.getString(3), PeriodStatus.valueOf(rs.getString(4))), dataAreaId,
                size, (long) page * size);
    }

    /** How many periods the legal entity has. */
    public long periodCount(String dataAreaId) {
        Long n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM fiscal_period WHERE dataareaid = ?", Long.class,
                dataAreaId);
        return n == null ? 0 : n;
    }

    /** The period that contains {@code date}, if the calendar has one. */
    public java.util.Optional<Period> periodOf(String dataAreaId, LocalDate date) {
        return ctx.jdbc().query("SELECT periodstart, periodend, name, status FROM fiscal_period WHERE dataareaid = ? "
                + "AND periodstart <= ? AND periodend >= ?", (rs, n) -> new Period(rs.getObject(1, LocalDate.class),
                rs.getObject(2, LocalDate.class), rs.getString(3), PeriodStatus.valueOf(rs.getString(4))), dataAreaId,
                date, date).stream().findFirst();
    }

    /**
     * The trial balance of the lines whose accounting date is within {@code from}..{@code to} (either may be
     * {@code null}: open-ended), per main account that has lines, by account id; computed by the database. The
     * balances of all accounts sum to zero, as every voucher balances.
     */
    public List<AccountBalance> trialBalance(String dataAreaId, LocalDate from, LocalDate to) {
        List<Object> args = new ArrayList<>(List.of(dataAreaId));
        String range = range(from, to, args);
        return ctx.jdbc().query("SELECT g.mainaccountid, m.name, m.accounttype, "
                + "SUM(CASE WHEN g.accountingamount > 0 THEN g.accountingamount ELSE 0 END), "
                + "SUM(CASE WHEN g.accountingamount < 0 THEN g.accountingamount ELSE 0 END), SUM(g.accountingamount), "
                + "COUNT(*) FROM generaljournalentry g JOIN mainaccount m ON m.dataareaid = g.dataareaid AND "
                + "m.mainaccountid = g.mainaccountid WHERE g.dataareaid = ?" + range + " GROUP BY g.mainaccountid, "
                + "m.name, m.accounttype ORDER BY g.mainaccountid", (rs, n) -> new AccountBalance(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
                rs.getLong(7)), args.toArray());
    }

    /**
     * A page of the posted lines of a main account whose accounting date is within {@code from}..{@code to} (either
     * may be {@code null}), by accounting date, voucher and line number.
     */
    public List<Entry> entries(String dataAreaId, String mainAccount, LocalDate from, LocalDate to, int page,
            int size) {
        List<Object> args = new ArrayList<>(List.of(dataAreaId, mainAccount));
        String range = range(from, to, args);
        args.add(size);
        args.add((long) page * size);
        return ctx.jdbc().query("SELECT g.voucher, g.lineno, g.accountingdate, g.mainaccountid, m.name, "
                + "g.description, g.projid, g.custaccount, g.transactioncurrency, g.amountcur, le.accountingcurrency, "
                + "g.accountingamount, g.exchangerate, v.sourcetype, v.sourceid, v.description AS voucherdescription, "
                + "v.reversesvoucher FROM generaljournalentry g "
                + "JOIN ledgervoucher v ON v.dataareaid = g.dataareaid AND v.voucher = g.voucher "
                + "JOIN mainaccount m ON m.dataareaid = g.dataareaid AND m.mainaccountid = g.mainaccountid "
                + "JOIN legal_entity le ON le.dataareaid = g.dataareaid "
                + "WHERE g.dataareaid = ? AND g.mainaccountid = ?" + range
                + " ORDER BY g.accountingdate, g.voucher, g.lineno LIMIT ? OFFSET ?", (rs, n) -> new Entry(
                rs.getString("voucher"), rs.getInt("lineno"), rs.getObject("accountingdate", LocalDate.class),
                rs.getString("mainaccountid"), rs.getString("name"), rs.getString("description"),
                rs.getString("projid"), rs.getString("custaccount"),
                new Money(rs.getBigDecimal("amountcur"), rs.getString("transactioncurrency").trim()),
                new Money(rs.getBigDecimal("accountingamount"), rs.getString("accountingcurrency").trim()),
                rs.getBigDecimal("exchangerate"), rs.getString("sourcetype"), rs.getString("sourceid"),
                rs.getString("voucherdescription"), rs.getString("reversesvoucher")), args.toArray());
    }

    /** How many lines {@link #entries} pages through with the same filter. */
    public long entryCount(String dataAreaId, String mainAccount, LocalDate from, LocalDate to) {
        List<Object> args = new ArrayList<>(List.of(dataAreaId, mainAccount));
        String range = range(from, to, args);
        Long n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM generaljournalentry g WHERE g.dataareaid = ? AND "
                + "g.mainaccountid = ?" + range, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    private static String range(LocalDate from, LocalDate to, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (from != null) {
            sql.append(" AND g.accountingdate >= ?");
            args.add(from);
        }
        if (to != null) {
            sql.append(" AND g.accountingdate <= ?");
            args.add(to);
        }
        return sql.toString();
    }
}
