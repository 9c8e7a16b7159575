package dev.tandem.finance.reconcile;

import dev.tandem.common.Money;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.proposal.ProposalStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/**
 * The read-only reconciliation port of Finance: the facts the invariants of DESIGN §4 need from this app's own tables
 * (vouchers and the general journal, invoice proposals and their lines, customer invoices and customer transactions,
 * the actuals staging table, posting profiles), as small records. It judges nothing — the server's {@code reconcile}
 * combines these with Project Operations' and names the violations.
 *
 * <p>Every method only reads, locks nothing and may run beside live work (a transaction in flight can show as a
 * transient difference). Amounts are as stored, unrounded (scale 6): transaction-currency amounts as {@link Money},
 * accounting amounts as a {@link BigDecimal} in the accounting currency of the legal entity ({@code dataAreaId})
 * named next to them. Every method throws {@link org.springframework.dao.DataAccessException} when the database
 * can't be read.
 */
public final class FinanceReconciliation {

    private static final String COUNT_VOUCHERS = "SELECT COUNT(*) FROM ledgervoucher";

    private static final String UNBALANCED_PER_CURRENCY = """
            SELECT dataareaid, voucher, transactioncurrency, SUM(amountcur) FROM generaljournalentry
            GROUP BY dataareaid, voucher, transactioncurrency HAVING SUM(amountcur) <> 0
            ORDER BY dataareaid, voucher, transactioncurrency""";

    private static final String UNBALANCED_IN_ACCOUNTING_CURRENCY = """
            SELECT dataareaid, voucher, SUM(accountingamount) FROM generaljournalentry
            GROUP BY dataareaid, voucher HAVING SUM(accountingamount) <> 0 ORDER BY dataareaid, voucher""";

    private static final String PROPOSALS = "SELECT proposalid, dataareaid, status, projinvoiceid FROM projproposaljour";

    private static final String CUSTOMER_INVOICES = """
            SELECT dataareaid, currencyid, proposalid, invoiceid, invoiceamount FROM projcustinvoiceexport""";

    private static final String CUSTOMER_TRANSACTIONS = """
            SELECT dataareaid, currencycode, proposalid, invoice, amountcur FROM custtrans""";

    private static final String STAGED_ACTUALS = """
            SELECT actualid, COUNT(*) FROM projcdsactualsimport GROUP BY actualid ORDER BY actualid""";

    private static final String STAGED_ACTUALS_FIRST_PAGE = """
            SELECT actualid, COUNT(*) FROM projcdsactualsimport GROUP BY actualid ORDER BY actualid LIMIT ?""";

    private static final String STAGED_ACTUALS_NEXT_PAGE = """
            SELECT actualid, COUNT(*) FROM projcdsactualsimport WHERE actualid > ? GROUP BY actualid
            ORDER BY actualid LIMIT ?""";

    private static final String COUNT_PROPOSAL_LINES = "SELECT COUNT(*) FROM projproposalline";

    private static final String ACTUALS_ON_SEVERAL_LINES = """
            SELECT actualid, COUNT(*) FROM projproposalline GROUP BY actualid HAVING COUNT(*) > 1 ORDER BY actualid""";

    private static final String PROFILE_ACCOUNTS = """
            SELECT wipsalesvalueaccount, accruedrevenueaccount FROM projpostingprofile""";

    private static final String PROJECT_BALANCES = """
            SELECT dataareaid, projid, transactioncurrency, mainaccountid, SUM(amountcur), SUM(accountingamount)
            FROM generaljournalentry WHERE projid IS NOT NULL AND mainaccountid IN (%s)
            GROUP BY dataareaid, projid, transactioncurrency, mainaccountid""";

    /** The customer balance accounts of each legal entity's posting profiles. */
    private static final String CUSTOMER_BALANCE_LINES = """
            SELECT g.dataareaid, g.transactioncurrency, g.custaccount, SUM(g.amountcur), SUM(g.accountingamount)
            FROM generaljournalentry g
            WHERE EXISTS (SELECT 1 FROM projpostingprofile p WHERE p.dataareaid = g.dataareaid
                          AND p.customerbalanceaccount = g.mainaccountid)
            GROUP BY g.dataareaid, g.transactioncurrency, g.custaccount""";

    private static final String OPEN_CUSTOMER_TRANSACTIONS = """
            SELECT dataareaid, currencycode, accountnum, SUM(amountcur), SUM(amountmst) FROM custtrans
            GROUP BY dataareaid, currencycode, accountnum""";

    private final FinanceContext ctx;

    public FinanceReconciliation(FinanceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A posted voucher whose lines do not sum to zero (debits positive, credits negative).
     *
     * @param transactionCurrencySums the non-zero sums of its lines per transaction currency ({@code amountcur}), by
     *                                currency; empty when only the accounting amounts are off
     * @param accountingSum           the non-zero sum of its accounting amounts, in the legal entity's accounting
     *                                currency; {@code null} when they balance
     */
    public record UnbalancedVoucher(String dataAreaId, String voucher, List<Money> transactionCurrencySums,
                                    BigDecimal accountingSum) {

        public UnbalancedVoucher {
            transactionCurrencySums = List.copyOf(transactionCurrencySums);
        }
    }

    /**
     * An invoice proposal header's identity and state.
     *
     * @param proposalId        the proforma invoice number it has (§3.9)
     * @param customerInvoiceId the customer invoice posting gave it, {@code null} before
     */
    public record ProposalState(String proposalId, String dataAreaId, ProposalStatus status,
                                String customerInvoiceId) {
    }

    /**
     * An amount Finance holds for one posted invoice proposal: a customer invoice's total or a customer transaction
     * (accounts receivable).
     *
     * @param proposalId        the proposal (= proforma invoice number) it belongs to
     * @param customerInvoiceId the customer invoice number
     * @param amount            the amount including sales tax, in the invoice currency; negative for a credit note
     */
    public record InvoiceAmount(String dataAreaId, String proposalId, String customerInvoiceId, Money amount) {
    }

    /** An actual id and how many rows of the actuals staging table carry it. */
    public record StagedActual(UUID actualId, long rows) {
    }

    /** An actual id and how many invoice-proposal lines carry it. */
    public record ActualOnProposalLines(UUID actualId, long lines) {
    }

    /**
     * The balance of one main account for one project and currency.
     *
     * @param amount           the sum of the project's lines on the account, in the transaction currency (debits
     *                         positive)
     * @param accountingAmount the same in the accounting currency of {@code dataAreaId}
     */
    public record ProjectAccountBalance(String dataAreaId, String projectId, String mainAccountId, Money amount,
                                        BigDecimal accountingAmount) {
    }

    /**
     * A balance per legal entity, transaction currency and customer account: of the ledger's customer balance
     * accounts, or of the open customer transactions (accounts receivable).
     *
     * @param customerAccount  the customer account ({@code custaccount} of the ledger lines, {@code accountnum} of the
     *                         customer transactions); {@code null} for ledger lines on a customer balance account that
     *                         name no customer
     * @param amount           the sum in the transaction currency, debits (what customers owe) positive
     * @param accountingAmount the same in the accounting currency of {@code dataAreaId}
     */
    public record CustomerBalance(String dataAreaId, String customerAccount, Money amount,
                                  BigDecimal accountingAmount) {
    }

    /** How many posted vouchers there are ({@code ledgervoucher}; Finance stores only posted ones). */
    public long voucherCount() {
        return count(COUNT_VOUCHERS);
    }

    /**
     * The posted vouchers whose lines do not balance, per transaction currency or in accounting currency (DESIGN §4
     * invariant 3; {@code Ledger.post} refuses them, so any is a defect).
     *
     * @return those off in a transaction currency first, by legal entity and voucher, then those off only in
     *         accounting currency, by legal entity and voucher
     */
    public List<UnbalancedVoucher> unbalancedVouchers() {
        Map<String, Unbalanced> unbalanced = new LinkedHashMap<>();
        ctx.jdbc().query(UNBALANCED_PER_CURRENCY, rs -> {
            unbalanced(unbalanced, rs.getString(1), rs.getString(2)).sums
                    .add(Money.of(rs.getBigDecimal(4), rs.getString(3).trim()));
        });
        ctx.jdbc().query(UNBALANCED_IN_ACCOUNTING_CURRENCY, rs -> {
            unbalanced(unbalanced, rs.getString(1), rs.getString(2)).accounting = rs.getBigDecimal(3);
        });
        return unbalanced.values().stream().map(u -> new UnbalancedVoucher(u.dataAreaId, u.voucher, u.sums,
                u.accounting)).toList();
    }

    /** Every invoice proposal header, in no particular order. */
    public List<ProposalState> proposals() {
        return ctx.jdbc().query(PROPOSALS, (rs, n) -> new ProposalState(rs.getString(1), rs.getString(2),
                ProposalStatus.of(rs.getInt(3)), rs.getString(4)));
    }

    /** The total of every posted customer invoice and credit note (the export entity, §10 item 5), in no order. */
    public List<InvoiceAmount> customerInvoiceTotals() {
        return ctx.jdbc().query(CUSTOMER_INVOICES, (rs, n) -> new InvoiceAmount(rs.getString(1), rs.getString(3),
                rs.getString(4), Money.of(rs.getBigDecimal(5), rs.getString(2).trim())));
    }

    /** Every customer transaction ({@code custtrans}: accounts receivable of a posted invoice), in no order. */
    public List<InvoiceAmount> customerTransactions() {
        return ctx.jdbc().query(CUSTOMER_TRANSACTIONS, (rs, n) -> new InvoiceAmount(rs.getString(1), rs.getString(3),
                rs.getString(4), Money.of(rs.getBigDecimal(5), rs.getString(2).trim())));
    }

    /** Every actual id in the actuals staging table ({@code projcdsactualsimport}) with its row count, by id. */
    public List<StagedActual> stagedActuals() {
        return ctx.jdbc().query(STAGED_ACTUALS, (rs, n) -> new StagedActual(rs.getObject(1, UUID.class),
                rs.getLong(2)));
    }

    /**
     * One page of {@link #stagedActuals()} in the database's id order (unsigned byte order on H2 and PostgreSQL),
     * so that a check over millions of staged actuals never holds them all.
     *
     * @param after the last actual id of the previous page, or {@code null} for the first page
     * @param limit the most rows to return, at least 1
     * @return up to {@code limit} staged actual ids greater than {@code after} with their row counts, ascending;
     *         empty after the last page
     */
    public List<StagedActual> stagedActualsAfter(UUID after, int limit) {
        RowMapper<StagedActual> row = (rs, n) -> new StagedActual(rs.getObject(1, UUID.class), rs.getLong(2));
        return after == null
                ? ctx.jdbc().query(STAGED_ACTUALS_FIRST_PAGE, row, limit)
                : ctx.jdbc().query(STAGED_ACTUALS_NEXT_PAGE, row, after, limit);
    }

    /** How many invoice-proposal lines there are. */
    public long proposalLineCount() {
        return count(COUNT_PROPOSAL_LINES);
    }

    /** The actual ids that more than one invoice-proposal line carries, by id. */
    public List<ActualOnProposalLines> actualsOnSeveralProposalLines() {
        return ctx.jdbc().query(ACTUALS_ON_SEVERAL_LINES, (rs, n) -> new ActualOnProposalLines(
                rs.getObject(1, UUID.class), rs.getLong(2)));
    }

    /**
     * Per legal entity, project, currency and main account, the balance of the project's lines on any posting
     * profile's WIP sales value or accrued revenue account (spec §9): the ledger side of DESIGN §4 invariant 7. Which
     * account is which for a project is its own profile's business ({@code PostingSetup.profile}).
     *
     * @return in no particular order; empty when no profile names such an account
     */
    public List<ProjectAccountBalance> wipAndAccruedRevenueBalances() {
        List<String> accounts = new ArrayList<>();
        ctx.jdbc().query(PROFILE_ACCOUNTS, rs -> {
            for (int column = 1; column <= 2; column++) {
                String account = rs.getString(column);
                if (account != null && !accounts.contains(account)) {
                    accounts.add(account);
                }
            }
        });
        if (accounts.isEmpty()) {
            return List.of();
        }
        return ctx.jdbc().query(PROJECT_BALANCES.formatted(FinanceContext.placeholders(accounts)), (rs, n) ->
                new ProjectAccountBalance(rs.getString(1), rs.getString(2), rs.getString(4),
                        Money.of(rs.getBigDecimal(5), rs.getString(3).trim()), rs.getBigDecimal(6)),
                accounts.toArray());
    }

    /**
     * The ledger side of DESIGN §4 invariant 8 (GL = AR, spec §9 "customer balance" of the posting profile): per legal
     * entity, transaction currency and customer, the balance of the general journal lines on any account that a
     * posting profile of that legal entity names as its customer balance account.
     *
     * @return in no particular order
     */
    public List<CustomerBalance> customerBalanceAccountBalances() {
        return ctx.jdbc().query(CUSTOMER_BALANCE_LINES, (rs, n) -> new CustomerBalance(rs.getString(1), rs.getString(3),
                Money.of(rs.getBigDecimal(4), rs.getString(2).trim()), rs.getBigDecimal(5)));
    }

    /**
     * The subledger side of DESIGN §4 invariant 8: per legal entity, currency and customer, the sum of the open
     * customer transactions ({@code custtrans}, what posted customer invoices and credit notes leave open; Tandem
     * settles no payments, so every customer transaction is open).
     *
     * @return in no particular order
     */
    public List<CustomerBalance> openCustomerTransactions() {
        return ctx.jdbc().query(OPEN_CUSTOMER_TRANSACTIONS, (rs, n) -> new CustomerBalance(rs.getString(1),
                rs.getString(3), Money.of(rs.getBigDecimal(4), rs.getString(2).trim()), rs.getBigDecimal(5)));
    }

    private long count(String sql) {
        Long n = ctx.jdbc().queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private static Unbalanced unbalanced(Map<String, Unbalanced> all, String dataAreaId, String voucher) {
        return all.computeIfAbsent(dataAreaId + "/" + voucher, k -> new Unbalanced(dataAreaId, voucher));
    }

    /** An unbalanced voucher while its sums are collected. */
    private static final class Unbalanced {
        final String dataAreaId;
        final String voucher;
        final List<Money> sums = new ArrayList<>();
        BigDecimal accounting;

        Unbalanced(String dataAreaId, String voucher) {
            this.dataAreaId = dataAreaId;
            this.voucher = voucher;
        }
    }
}
