package dev.tandem.finance.ledger;

import static dev.tandem.finance.FinanceError.INVALID_INPUT;
import static dev.tandem.finance.FinanceError.NOT_FOUND;
import static dev.tandem.finance.FinanceError.POSTED_READ_ONLY;
import static dev.tandem.finance.FinanceError.POSTING_SETUP_MISSING;
import static dev.tandem.finance.FinanceError.UNBALANCED_VOUCHER;

import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.setup.NumberSequences;
import dev.tandem.finance.setup.PostingSetup;
import dev.tandem.finance.setup.PostingSetup.LegalEntity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The general ledger (§9, DESIGN §4 invariant 3). A voucher is posted whole or not at all:
 * <ul>
 *   <li>its lines must balance per transaction currency (debits positive, credits negative, amounts already at the
 *       currency's minor units), else UNBALANCED_VOUCHER;</li>
 *   <li>each line's accounting amount is its amount × exchange rate, rounded once to the accounting currency; the
 *       rounding difference of a voucher (at most half a minor unit per line) is booked explicitly to the legal
 *       entity's rounding account, so the voucher also balances in the accounting currency;</li>
 *   <li>the accounting date must be in an open period, or moves to the next open one when the legal entity allows
 *       it (§11 item 20);</li>
 *   <li>posted vouchers are never updated or deleted: {@link #reverse} posts a reversal voucher.</li>
 * </ul>
 */
public final class Ledger {

    private final FinanceContext ctx;
    private final PostingSetup setup;
    private final NumberSequences numbers;

    public Ledger(FinanceContext ctx, PostingSetup setup, NumberSequences numbers) {
        this.ctx = ctx;
        this.setup = setup;
        this.numbers = numbers;
    }

    /**
     * A voucher line. {@code amount} in {@code currency}, signed (debit +, credit −), at the currency's minor units;
     * {@code exchangeRate} converts 1 {@code currency} into the accounting currency.
     */
    public record Line(String mainAccount, String currency, BigDecimal amount, BigDecimal exchangeRate, String projectId,
                       String customerAccount, String description) {
    }

    /** What to post. The date is the wanted accounting date (it may move to an open period). */
    public record Draft(String dataAreaId, LocalDate date, String description, String sourceType, String sourceId,
                        List<Line> lines) {
    }

    /** A posted line; {@code accountingAmount} in the legal entity's accounting currency. */
    public record PostedLine(int lineNo, String mainAccount, String currency, BigDecimal amount, BigDecimal accountingAmount,
                             BigDecimal exchangeRate, String projectId, String customerAccount, String description) {
    }

    public record Voucher(String dataAreaId, String voucher, LocalDate accountingDate, String description,
                          String sourceType, String sourceId, String reversesVoucher, List<PostedLine> lines) {
    }

    /**
     * Posts a voucher in the caller's transaction.
     *
     * @throws TandemException UNBALANCED_VOUCHER naming the currency and difference; PERIOD_CLOSED;
     *                         POSTING_SETUP_MISSING for an unknown main account or a missing rounding account
     */
    public Voucher post(Draft draft) {
        return ctx.inTransaction(() -> {
            if (draft.lines().size() < 2) {
                throw new TandemException(INVALID_INPUT, "A voucher needs at least two lines");
            }
            LegalEntity entity = setup.legalEntity(draft.dataAreaId());
            LocalDate date = setup.accountingDate(draft.dataAreaId(), draft.date());
            Map<String, BigDecimal> perCurrency = new TreeMap<>();
            List<PostedLine> lines = new ArrayList<>();
            BigDecimal accountingSum = BigDecimal.ZERO;
            for (Line l : draft.lines()) {
                requireAccount(draft.dataAreaId(), l.mainAccount());
                if (l.amount().compareTo(Money.round(l.amount(), l.currency())) != 0) {
                    throw new TandemException(INVALID_INPUT, "Voucher line amount " + l.amount().toPlainString() + " "
                            + l.currency() + " is not at the currency's minor units");
                }
                perCurrency.merge(l.currency(), l.amount(), BigDecimal::add);
                BigDecimal accounting = Money.round(l.amount().multiply(l.exchangeRate()), entity.accountingCurrency());
                accountingSum = accountingSum.add(accounting);
                lines.add(new PostedLine(lines.size() + 1, l.mainAccount(), l.currency(), l.amount(), accounting,
                        l.exchangeRate(), l.projectId(), l.customerAccount(), l.description()));
            }
            perCurrency.forEach((currency, sum) -> {
                if (sum.signum() != 0) {
                    throw new TandemException(UNBALANCED_VOUCHER, "Voucher '" + draft.description() + "' does not balance in "
                            + currency + ": debits and credits differ by " + sum.toPlainString(),
                            Map.of("currency", currency, "difference", sum.toPlainString()));
                }
            });
            if (accountingSum.signum() != 0) {
                lines.add(roundingLine(entity, draft, lines, accountingSum));
            }
            String voucher = numbers.next(draft.dataAreaId(), NumberSequences.VOUCHER);
            write(draft, date, voucher, null, lines);
            return new Voucher(draft.dataAreaId(), voucher, date, draft.description(), draft.sourceType(),
                    draft.sourceId(), null, lines);
        });
    }

    /**
     * Posts the reversal of a voucher: the same lines negated, on {@code date} (or the next open period).
     *
     * @throws TandemException POSTED_READ_ONLY when it is already reversed; NOT_FOUND
     */
    public Voucher reverse(String dataAreaId, String voucher, LocalDate date, String description) {
        return ctx.inTransaction(() -> {
            Voucher original = voucher(dataAreaId, voucher);
            List<String> already = ctx.jdbc().queryForList("SELECT voucher FROM ledgervoucher WHERE dataareaid = ? AND "
                    + "reversesvoucher = ?", String.class, dataAreaId, voucher);
            if (!already.isEmpty()) {
                throw new TandemException(POSTED_READ_ONLY, "Voucher " + voucher + " is already reversed by "
                        + already.get(0));
            }
            LocalDate accounting = setup.accountingDate(dataAreaId, date);
            List<PostedLine> lines = original.lines().stream().map(l -> new PostedLine(l.lineNo(), l.mainAccount(),
                    l.currency(), l.amount().negate(), l.accountingAmount().negate(), l.exchangeRate(), l.projectId(),
                    l.customerAccount(), l.description())).toList();
            String number = numbers.next(dataAreaId, NumberSequences.VOUCHER);
            Draft draft = new Draft(dataAreaId, accounting, description, original.sourceType(), original.sourceId(), List.of());
            write(draft, accounting, number, voucher, lines);
            return new Voucher(dataAreaId, number, accounting, description, original.sourceType(), original.sourceId(),
                    voucher, lines);
        });
    }

    /** @throws TandemException NOT_FOUND naming the voucher */
    public Voucher voucher(String dataAreaId, String voucher) {
        List<Voucher> found = ctx.jdbc().query("SELECT * FROM ledgervoucher WHERE dataareaid = ? AND voucher = ?",
                (rs, n) -> new Voucher(dataAreaId, voucher, rs.getObject("accountingdate", LocalDate.class),
                        rs.getString("description"), rs.getString("sourcetype"), rs.getString("sourceid"),
                        rs.getString("reversesvoucher"), lines(dataAreaId, voucher)), dataAreaId, voucher);
        if (found.isEmpty()) {
            throw new TandemException(NOT_FOUND, "Voucher " + voucher + " doesn't exist in legal entity " + dataAreaId);
        }
        return found.get(0);
    }

    /** Vouchers posted for a source (e.g. an integration journal or an invoice proposal), oldest first. */
    public List<String> vouchersOf(String dataAreaId, String sourceType, String sourceId) {
        return ctx.jdbc().queryForList("SELECT voucher FROM ledgervoucher WHERE dataareaid = ? AND sourcetype = ? AND "
                + "sourceid = ? ORDER BY createdon, voucher", String.class, dataAreaId, sourceType, sourceId);
    }

    /** Trial balance: accounting-currency balance per main account. Its total is always zero. */
    public Map<String, BigDecimal> trialBalance(String dataAreaId) {
        Map<String, BigDecimal> balances = new TreeMap<>();
        ctx.jdbc().query("SELECT mainaccountid, SUM(accountingamount) FROM generaljournalentry WHERE dataareaid = ? "
                + "GROUP BY mainaccountid", rs -> {
            balances.put(rs.getString(1), rs.getBigDecimal(2));
        }, dataAreaId);
        return balances;
    }

    private List<PostedLine> lines(String dataAreaId, String voucher) {
        return ctx.jdbc().query("SELECT * FROM generaljournalentry WHERE dataareaid = ? AND voucher = ? ORDER BY lineno",
                (rs, n) -> new PostedLine(rs.getInt("lineno"), rs.getString("mainaccountid"),
                        rs.getString("transactioncurrency").trim(), rs.getBigDecimal("amountcur"),
                        rs.getBigDecimal("accountingamount"), rs.getBigDecimal("exchangerate"), rs.getString("projid"),
                        rs.getString("custaccount"), rs.getString("description")), dataAreaId, voucher);
    }

    private PostedLine roundingLine(LegalEntity entity, Draft draft, List<PostedLine> lines, BigDecimal difference) {
        BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(Money.minorUnits(entity.accountingCurrency())).divide(
                BigDecimal.valueOf(2));
        if (difference.abs().compareTo(halfUnit.multiply(BigDecimal.valueOf(lines.size()))) > 0) {
            throw new TandemException(UNBALANCED_VOUCHER, "Voucher '" + draft.description() + "' does not balance in the "
                    + "accounting currency " + entity.accountingCurrency() + ": the lines differ by "
                    + difference.toPlainString() + ", more than conversion rounding can explain");
        }
        if (entity.roundingAccount() == null) {
            throw new TandemException(POSTING_SETUP_MISSING, "Legal entity " + entity.dataAreaId() + " has no rounding "
                    + "account for the " + difference.toPlainString() + " " + entity.accountingCurrency()
                    + " conversion difference of voucher '" + draft.description() + "'");
        }
        requireAccount(entity.dataAreaId(), entity.roundingAccount());
        return new PostedLine(lines.size() + 1, entity.roundingAccount(), entity.accountingCurrency(), BigDecimal.ZERO,
                difference.negate(), BigDecimal.ONE, null, null, "Currency conversion rounding");
    }

    private void requireAccount(String dataAreaId, String account) {
        if (account == null) {
            throw new TandemException(POSTING_SETUP_MISSING, "A posting account is not set up in legal entity " + dataAreaId);
        }
        Integer n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM mainaccount WHERE dataareaid = ? AND mainaccountid = ?",
                Integer.class, dataAreaId, account);
        if (n == null || n == 0) {
            throw new TandemException(POSTING_SETUP_MISSING, "Main account " + account + " doesn't exist in legal entity "
                    + dataAreaId, Map.of("mainAccount", account));
        }
    }

    private void write(Draft draft, LocalDate date, String voucher, String reverses, List<PostedLine> lines) {
        Map<String, Object> audit = ctx.created();
        OffsetDateTime now = (OffsetDateTime) audit.get("createdon");
        String user = (String) audit.get("createdby");
        ctx.jdbc().update("INSERT INTO ledgervoucher (dataareaid, voucher, accountingdate, description, sourcetype, sourceid, "
                + "reversesvoucher, createdon, createdby) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", draft.dataAreaId(), voucher,
                date, draft.description(), draft.sourceType(), draft.sourceId(), reverses, now, user);
        List<Object[]> rows = new ArrayList<>();
        for (PostedLine l : lines) {
            rows.add(new Object[] {draft.dataAreaId(), voucher, l.lineNo(), l.mainAccount(), l.currency(), l.amount(),
                    l.accountingAmount(), l.exchangeRate(), date, l.projectId(), l.customerAccount(), l.description(), now,
                    user});
        }
        ctx.jdbc().batchUpdate("INSERT INTO generaljournalentry (dataareaid, voucher, lineno, mainaccountid, "
                + "transactioncurrency, amountcur, accountingamount, exchangerate, accountingdate, projid, custaccount, "
                + "description, createdon, createdby) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** Sum of accounting amounts per currency of a voucher's lines, for checks. */
    public static Map<String, BigDecimal> sums(List<PostedLine> lines) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (PostedLine l : lines) {
            sums.merge(l.currency(), l.amount(), BigDecimal::add);
        }
        return sums;
    }
}
