package dev.tandem.finance.ledger;

import static dev.tandem.finance.FinanceError.CUSTOMER_TRANSACTION_VOUCHER;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    private static final String INSERT_VOUCHER = "INSERT INTO ledgervoucher (dataareaid, voucher, accountingdate, "
            + "description, sourcetype, sourceid, reversesvoucher, createdon, createdby) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String INSERT_LINE = "INSERT INTO generaljournalentry (dataareaid, voucher, lineno, mainaccountid, "
            + "transactioncurrency, amountcur, accountingamount, exchangerate, accountingdate, projid, custaccount, "
            + "description, createdon, createdby) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
     * A voucher that passed every check of {@link #post}, not yet numbered or written: its accounting date (moved to an
     * open period when allowed) and its lines, the conversion rounding line included; accounting amounts in the legal
     * entity's accounting currency.
     */
    public record Prepared(Draft draft, LocalDate accountingDate, List<PostedLine> lines) {
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
            Batch batch = batch(draft.dataAreaId());
            Prepared prepared = batch.prepare(draft);
            return batch.write(List.of(prepared), numbers.nextBlock(draft.dataAreaId(), NumberSequences.VOUCHER, 1))
                    .get(0);
        });
    }

    /**
     * A batch of vouchers of one legal entity, for posting many at once (integration journal posting, §3.8: a voucher
     * per line): the legal entity, its fiscal periods and the main accounts already checked are read once for the
     * batch instead of once per voucher. Use it within one transaction and then drop it.
     *
     * @throws TandemException NOT_FOUND naming an unknown legal entity
     */
    public Batch batch(String dataAreaId) {
        return new Batch(setup.legalEntity(dataAreaId), setup.calendar(dataAreaId));
    }

    /** See {@link #batch}. */
    public final class Batch {

        private final LegalEntity entity;
        private final PostingSetup.Calendar calendar;
        private final Map<String, Boolean> accounts = new HashMap<>();

        private Batch(LegalEntity entity, PostingSetup.Calendar calendar) {
            this.entity = entity;
            this.calendar = calendar;
        }

        /**
         * The accounting date to post on (§11 item 20), from the periods as the batch read them.
         *
         * @throws TandemException PERIOD_CLOSED
         */
        public LocalDate accountingDate(LocalDate date) {
            return calendar.accountingDate(date);
        }

        /**
         * Checks a voucher as {@link Ledger#post} does, and converts its lines; writes nothing.
         *
         * @throws TandemException INVALID_INPUT for fewer than two lines or an amount not at its currency's minor
         *                         units; UNBALANCED_VOUCHER naming the currency and difference; PERIOD_CLOSED;
         *                         POSTING_SETUP_MISSING for an unknown main account or a missing rounding account
         */
        public Prepared prepare(Draft draft) {
            if (draft.lines().size() < 2) {
                throw new TandemException(INVALID_INPUT, "A voucher needs at least two lines");
            }
            if (!draft.dataAreaId().equals(entity.dataAreaId())) {
                throw new IllegalArgumentException("a batch of legal entity " + entity.dataAreaId() + " can't post a "
                        + "voucher of " + draft.dataAreaId());
            }
            LocalDate date = calendar.accountingDate(draft.date());
            Balance balance = new Balance(draft.description());
            List<PostedLine> lines = new ArrayList<>();
            for (Line l : draft.lines()) {
                lines.add(balance.convert(l, lines.size() + 1));
            }
            balance.roundingLine(lines.size() + 1).ifPresent(lines::add);
            return new Prepared(draft, date, List.copyOf(lines));
        }

        /**
         * Writes prepared vouchers under the given numbers (the i-th voucher gets the i-th number), in JDBC batches of
         * 1,000 rows: the voucher headers, then their ledger lines. Joins the caller's transaction.
         *
         * @return the posted vouchers, in the order given
         * @throws IllegalArgumentException when there are not as many numbers as vouchers
         */
        public List<Voucher> write(List<Prepared> vouchers, List<String> voucherNumbers) {
            if (vouchers.size() != voucherNumbers.size()) {
                throw new IllegalArgumentException(vouchers.size() + " vouchers but " + voucherNumbers.size()
                        + " numbers");
            }
            Map<String, Object> audit = ctx.created();
            OffsetDateTime now = (OffsetDateTime) audit.get("createdon");
            String user = (String) audit.get("createdby");
            List<Object[]> headers = new ArrayList<>(vouchers.size());
            List<Object[]> rows = new ArrayList<>(vouchers.size() * 2);
            List<Voucher> posted = new ArrayList<>(vouchers.size());
            for (int i = 0; i < vouchers.size(); i++) {
                Prepared p = vouchers.get(i);
                Draft draft = p.draft();
                String voucher = voucherNumbers.get(i);
                headers.add(headerRow(draft, voucher, p.accountingDate(), null, now, user));
                for (PostedLine l : p.lines()) {
                    rows.add(lineRow(draft.dataAreaId(), voucher, p.accountingDate(), l, now, user));
                }
                posted.add(new Voucher(draft.dataAreaId(), voucher, p.accountingDate(), draft.description(),
                        draft.sourceType(), draft.sourceId(), null, p.lines()));
            }
            batch(INSERT_VOUCHER, headers);
            batch(INSERT_LINE, rows);
            return posted;
        }

        /**
         * Opens a voucher written as its lines come ({@link OpenVoucher}): takes its number, checks its date
         * (PERIOD_CLOSED) and writes its header now, in the caller's transaction.
         *
         * @throws TandemException PERIOD_CLOSED
         * @throws IllegalStateException outside a transaction
         */
        public OpenVoucher open(String dataAreaId, LocalDate date, String description, String sourceType,
                                String sourceId) {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                throw new IllegalStateException("a voucher is written in its caller's transaction, and there is none");
            }
            if (!dataAreaId.equals(entity.dataAreaId())) {
                throw new IllegalArgumentException("a batch of legal entity " + entity.dataAreaId() + " can't post a "
                        + "voucher of " + dataAreaId);
            }
            LocalDate accounting = calendar.accountingDate(date);
            String number = numbers.nextBlock(dataAreaId, NumberSequences.VOUCHER, 1).get(0);
            return new OpenVoucher(this, new Draft(dataAreaId, date, description, sourceType, sourceId, List.of()),
                    number, accounting);
        }

        /**
         * What a voucher's lines add up to while they are converted: per transaction currency and in the accounting
         * currency; the one place where a line's accounting amount is rounded and the conversion difference booked.
         */
        private final class Balance {
            private final String description;
            private final Map<String, BigDecimal> perCurrency = new TreeMap<>();
            private BigDecimal accountingSum = BigDecimal.ZERO;
            private int lines;

            private Balance(String description) {
                this.description = description;
            }

            /**
             * The line converted: its accounting amount = amount × exchange rate, rounded once to the accounting
             * currency.
             *
             * @throws TandemException INVALID_INPUT for an amount not at its currency's minor units;
             *                         POSTING_SETUP_MISSING for an unknown main account
             */
            PostedLine convert(Line l, int lineNo) {
                requireAccount(l.mainAccount());
                if (l.amount().compareTo(Money.round(l.amount(), l.currency())) != 0) {
                    throw new TandemException(INVALID_INPUT, "Voucher line amount " + l.amount().toPlainString() + " "
                            + l.currency() + " is not at the currency's minor units");
                }
                perCurrency.merge(l.currency(), l.amount(), BigDecimal::add);
                BigDecimal accounting = Money.round(l.amount().multiply(l.exchangeRate()), entity.accountingCurrency());
                accountingSum = accountingSum.add(accounting);
                lines++;
                return new PostedLine(lineNo, l.mainAccount(), l.currency(), l.amount(), accounting, l.exchangeRate(),
                        l.projectId(), l.customerAccount(), l.description());
            }

            /**
             * The line that books the conversion difference to the rounding account, if there is one.
             *
             * @throws TandemException UNBALANCED_VOUCHER when a currency does not balance, or the accounting amounts
             *                         differ by more than half a minor unit per line; POSTING_SETUP_MISSING when
             *                         the legal entity has no rounding account
             */
            java.util.Optional<PostedLine> roundingLine(int lineNo) {
                perCurrency.forEach((currency, sum) -> {
                    if (sum.signum() != 0) {
                        throw new TandemException(UNBALANCED_VOUCHER, "Voucher '" + description + "' does not "
                                + "balance in " + currency + ": debits and credits differ by " + sum.toPlainString(),
                                Map.of("currency", currency, "difference", sum.toPlainString()));
                    }
                });
                if (accountingSum.signum() == 0) {
                    return java.util.Optional.empty();
                }
                BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(Money.minorUnits(entity.accountingCurrency()))
                        .divide(BigDecimal.valueOf(2));
                if (accountingSum.abs().compareTo(halfUnit.multiply(BigDecimal.valueOf(lines))) > 0) {
                    throw new TandemException(UNBALANCED_VOUCHER, "Voucher '" + description + "' does not balance "
                            + "in the accounting currency " + entity.accountingCurrency() + ": the lines differ by "
                            + accountingSum.toPlainString() + ", more than conversion rounding can explain");
                }
                if (entity.roundingAccount() == null) {
                    throw new TandemException(POSTING_SETUP_MISSING, "Legal entity " + entity.dataAreaId() + " has no "
                            + "rounding account for the " + accountingSum.toPlainString() + " "
                            + entity.accountingCurrency() + " conversion difference of voucher '" + description + "'");
                }
                requireAccount(entity.roundingAccount());
                return java.util.Optional.of(new PostedLine(lineNo, entity.roundingAccount(),
                        entity.accountingCurrency(), BigDecimal.ZERO, accountingSum.negate(), BigDecimal.ONE, null,
                        null, "Currency conversion rounding"));
            }
        }

        private void requireAccount(String account) {
            if (account == null) {
                throw new TandemException(POSTING_SETUP_MISSING, "A posting account is not set up in legal entity "
                        + entity.dataAreaId());
            }
            if (!accounts.computeIfAbsent(account, a -> exists(entity.dataAreaId(), a))) {
                throw missingAccount(entity.dataAreaId(), account);
            }
        }
    }

    /**
     * A voucher written as its lines come, for a voucher too big to hold at once (posting an invoice proposal of
     * 100,000 lines, issue 13): {@link Batch#open} numbers it and writes its header; {@link #add} checks, converts and
     * writes lines as they come, in JDBC batches; {@link #complete} checks that it balances, books the conversion
     * rounding and closes it. The checks are {@link Ledger#post}'s, in the same place ({@code Balance}); a check that
     * fails throws, and the caller's transaction, which holds everything written so far, rolls back, so a voucher is
     * still posted whole or not at all. Holds the sums, not the lines.
     */
    public final class OpenVoucher {

        private final Batch batch;
        private final Draft header;
        private final String voucher;
        private final LocalDate accountingDate;
        private final Batch.Balance balance;
        private final OffsetDateTime now;
        private final String user;
        private int lines;
        private boolean completed;

        private OpenVoucher(Batch batch, Draft header, String voucher, LocalDate accountingDate) {
            this.batch = batch;
            this.header = header;
            this.voucher = voucher;
            this.accountingDate = accountingDate;
            this.balance = batch.new Balance(header.description());
            Map<String, Object> audit = ctx.created();
            this.now = (OffsetDateTime) audit.get("createdon");
            this.user = (String) audit.get("createdby");
            ctx.jdbc().update(INSERT_VOUCHER, headerRow(header, voucher, accountingDate, null, now, user));
        }

        /** The voucher number, taken when it was opened. */
        public String voucher() {
            return voucher;
        }

        /** The accounting date, moved to an open period when the legal entity allows it (§11 item 20). */
        public LocalDate accountingDate() {
            return accountingDate;
        }

        /**
         * Converts and writes lines, numbered on from the last.
         *
         * @return the lines as written, with their accounting amounts (accounting currency)
         * @throws TandemException INVALID_INPUT for an amount not at its currency's minor units;
         *                         POSTING_SETUP_MISSING for an unknown main account
         * @throws IllegalStateException after {@link #complete}
         */
        public List<PostedLine> add(List<Line> more) {
            requireOpen();
            List<PostedLine> written = new ArrayList<>(more.size());
            List<Object[]> rows = new ArrayList<>(more.size());
            for (Line l : more) {
                PostedLine p = balance.convert(l, ++lines);
                written.add(p);
                rows.add(lineRow(header.dataAreaId(), voucher, accountingDate, p, now, user));
            }
            batch(INSERT_LINE, rows);
            return written;
        }

        /**
         * Checks the voucher and closes it: writes the conversion rounding line if there is a difference.
         *
         * @return the number of lines the voucher has, the rounding line included
         * @throws TandemException INVALID_INPUT for fewer than two lines; UNBALANCED_VOUCHER naming the currency and
         *                         difference; POSTING_SETUP_MISSING for a missing rounding account (the caller's
         *                         transaction must then roll back: the lines are written)
         */
        public int complete() {
            requireOpen();
            completed = true;
            if (lines < 2) {
                throw new TandemException(INVALID_INPUT, "A voucher needs at least two lines");
            }
            balance.roundingLine(lines + 1).ifPresent(rounding -> {
                lines++;
                batch(INSERT_LINE, List.<Object[]>of(lineRow(header.dataAreaId(), voucher, accountingDate, rounding,
                        now, user)));
            });
            return lines;
        }

        private void requireOpen() {
            if (completed) {
                throw new IllegalStateException("voucher " + voucher + " is complete");
            }
        }
    }

    /**
     * Posts the reversal of a voucher: the same lines negated, on {@code date} (or the next open period).
     *
     * <p>A voucher that a customer transaction names, or that has a line on a customer balance account of the legal
     * entity's posting profiles (spec §9), is refused: reversing a posted customer invoice's voucher would take the
     * amount off the customer balance account while its customer transaction stays open, so the ledger would no longer
     * equal accounts receivable (DESIGN §4 invariant 8), and the invoice would still be posted in Project Operations.
     * An accountant corrects a posted customer invoice with a corrective invoice (credit note, spec §6), which posts
     * its own voucher and customer transaction.
     *
     * @throws TandemException POSTED_READ_ONLY when it is already reversed; CUSTOMER_TRANSACTION_VOUCHER (409) for a
     *                         voucher of a customer transaction; NOT_FOUND
     */
    public Voucher reverse(String dataAreaId, String voucher, LocalDate date, String description) {
        return ctx.inTransaction(() -> {
            Voucher original = voucher(dataAreaId, voucher);
            List<String> invoices = ctx.jdbc().queryForList("SELECT invoice FROM custtrans WHERE dataareaid = ? AND "
                    + "voucher = ?", String.class, dataAreaId, voucher);
            Integer customerLines = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM generaljournalentry g WHERE "
                    + "g.dataareaid = ? AND g.voucher = ? AND EXISTS (SELECT 1 FROM projpostingprofile p WHERE "
                    + "p.dataareaid = g.dataareaid AND p.customerbalanceaccount = g.mainaccountid)", Integer.class,
                    dataAreaId, voucher);
            if (!invoices.isEmpty() || (customerLines != null && customerLines > 0)) {
                throw new TandemException(CUSTOMER_TRANSACTION_VOUCHER, "Voucher " + voucher + " posts to the customer "
                        + "balance" + (invoices.isEmpty() ? "" : " for customer invoice " + invoices.get(0))
                        + "; reversing it alone would leave the customer transaction open and the ledger different "
                        + "from accounts receivable. Correct a posted invoice with a corrective invoice (credit note) "
                        + "in Project Operations (§6)", Map.of("dataAreaId", dataAreaId, "voucherNumber", voucher));
            }
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

    private boolean exists(String dataAreaId, String account) {
        Integer n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM mainaccount WHERE dataareaid = ? AND mainaccountid = ?",
                Integer.class, dataAreaId, account);
        return n != null && n > 0;
    }

    private static TandemException missingAccount(String dataAreaId, String account) {
        return new TandemException(POSTING_SETUP_MISSING, "Main account " + account + " doesn't exist in legal entity "
                + dataAreaId, Map.of("mainAccount", account));
    }

    /** The values of {@link #INSERT_VOUCHER} for a voucher header; {@code reverses} is null but for a reversal. */
    private static Object[] headerRow(Draft draft, String voucher, LocalDate accountingDate, String reverses,
                                      OffsetDateTime now, String user) {
        return new Object[] {draft.dataAreaId(), voucher, accountingDate, draft.description(), draft.sourceType(),
            draft.sourceId(), reverses, now, user};
    }

    private static Object[] lineRow(String dataAreaId, String voucher, LocalDate date, PostedLine l, OffsetDateTime now,
                                    String user) {
        return new Object[] {dataAreaId, voucher, l.lineNo(), l.mainAccount(), l.currency(), l.amount(),
            l.accountingAmount(), l.exchangeRate(), date, l.projectId(), l.customerAccount(), l.description(), now, user};
    }

    /** Runs a statement over rows in JDBC batches of 1,000. */
    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 1000) {
            ctx.jdbc().batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    private void write(Draft draft, LocalDate date, String voucher, String reverses, List<PostedLine> lines) {
        Map<String, Object> audit = ctx.created();
        OffsetDateTime now = (OffsetDateTime) audit.get("createdon");
        String user = (String) audit.get("createdby");
        ctx.jdbc().update(INSERT_VOUCHER, headerRow(draft, voucher, date, reverses, now, user));
        List<Object[]> rows = new ArrayList<>();
        for (PostedLine l : lines) {
            rows.add(lineRow(draft.dataAreaId(), voucher, date, l, now, user));
        }
        batch(INSERT_LINE, rows);
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
