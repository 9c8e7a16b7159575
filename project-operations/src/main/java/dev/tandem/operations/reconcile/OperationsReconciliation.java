package dev.tandem.operations.reconcile;

import dev.tandem.common.Money;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OptionValue;
import dev.tandem.operations.actuals.AdjustmentStatus;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.ConnectionRole;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.invoicing.InvoiceStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The read-only reconciliation port of Project Operations: the facts the invariants of DESIGN §4 need from this app's
 * own tables (actuals, transaction connections, proforma invoices), as small records. It judges nothing — the
 * server's {@code reconcile} combines these with Finance's and the dual-write runtime's and names the violations — so
 * a column rename here breaks this class's tests, not the reconciliation.
 *
 * <p>Every method only reads, in one statement or two, locks nothing and may run beside live work (a transaction in
 * flight can show as a transient difference). Amounts are as stored, unrounded (scale 6), in the actual's transaction
 * currency ({@link Money}); accounting amounts are in the accounting currency of the legal entity named next to them.
 * Every method throws {@link org.springframework.dao.DataAccessException} when the database can't be read.
 */
public final class OperationsReconciliation {

    private static final String WORK_CLASSES = "(" + TransactionClassification.TIME.value() + ", "
            + TransactionClassification.EXPENSE.value() + ", " + TransactionClassification.MATERIAL.value() + ", "
            + TransactionClassification.FEE.value() + ")";

    private static final String COUNT_UNBILLED_SALES = """
            SELECT COUNT(*) FROM msdyn_actual WHERE msdyn_transactiontypecode = ? AND tdm_skipsync = FALSE""";

    /** Live billings (billed sales not Adjusted, connected Billed Sales → Unbilled Sales) of one unbilled sales. */
    private static final String LIVE_BILLINGS = """
            FROM msdyn_transactionconnection c JOIN msdyn_actual b ON b.msdyn_actualid = c.msdyn_transaction1
            WHERE c.msdyn_transaction1role = ? AND c.msdyn_transaction2role = ? AND b.msdyn_transactiontypecode = ?
            AND (b.msdyn_adjustmentstatus IS NULL OR b.msdyn_adjustmentstatus <> ?)""";

    private static final String BILLED_MORE_THAN_ONCE = """
            SELECT c.msdyn_transaction2, b.msdyn_actualid, i.invoicenumber
            FROM msdyn_transactionconnection c JOIN msdyn_actual b ON b.msdyn_actualid = c.msdyn_transaction1
            LEFT JOIN invoice i ON i.invoiceid = b.msdyn_invoice
            WHERE c.msdyn_transaction1role = ? AND c.msdyn_transaction2role = ? AND b.msdyn_transactiontypecode = ?
            AND (b.msdyn_adjustmentstatus IS NULL OR b.msdyn_adjustmentstatus <> ?)
            AND c.msdyn_transaction2 IN (SELECT c.msdyn_transaction2 %s
                GROUP BY c.msdyn_transaction2 HAVING COUNT(*) > 1)
            ORDER BY c.msdyn_transaction2, i.invoicenumber""".formatted(LIVE_BILLINGS);

    private static final String COUNT_BILLED_SALES = """
            SELECT COUNT(*) FROM msdyn_actual WHERE msdyn_transactiontypecode = ?""";

    private static final String BILLED_WITHOUT_ORIGIN = """
            SELECT b.msdyn_actualid, i.invoicenumber FROM msdyn_actual b
            JOIN salesorderdetail l ON l.salesorderdetailid = b.msdyn_salescontractlineid
            LEFT JOIN invoice i ON i.invoiceid = b.msdyn_invoice
            WHERE b.msdyn_transactiontypecode = ? AND b.msdyn_billingtype = ?
            AND b.msdyn_transactionclassification IN %s
            AND l.msdyn_billingmethod = ?
            AND NOT EXISTS (SELECT 1 FROM msdyn_transactionconnection r WHERE r.msdyn_transaction1 = b.msdyn_actualid
                AND r.msdyn_transaction1role = ?)
            AND NOT EXISTS (SELECT 1 FROM msdyn_transactionconnection c WHERE c.msdyn_transaction1 = b.msdyn_actualid
                AND c.msdyn_transaction1role = ? AND c.msdyn_transaction2role = ?)
            ORDER BY i.invoicenumber, b.msdyn_actualid""".formatted(WORK_CLASSES);

    /** Billed sales B reversed on a corrective invoice: a billed sales reversal R connected Reversing → Original B. */
    private static final String REVERSED_BILLED_SALES = """
            SELECT b.msdyn_actualid, r.msdyn_invoice, i.invoicenumber, b.msdyn_quantity, b.msdyn_price,
                   b.msdyn_amount, b.transactioncurrency
            FROM msdyn_transactionconnection x
            JOIN msdyn_actual r ON r.msdyn_actualid = x.msdyn_transaction1
            JOIN msdyn_actual b ON b.msdyn_actualid = x.msdyn_transaction2
            JOIN invoice i ON i.invoiceid = r.msdyn_invoice
            WHERE x.msdyn_transaction1role = ? AND x.msdyn_transaction2role = ?
            AND r.msdyn_transactiontypecode = ? AND b.msdyn_transactiontypecode = ?
            AND b.msdyn_transactionclassification IN %s
            ORDER BY i.invoicenumber, b.msdyn_actualid""".formatted(WORK_CLASSES);

    /** Unbilled sales U that replace a billed sales B: connected Replacing U → Original B. */
    private static final String REPLACEMENTS = """
            SELECT x.msdyn_transaction2, u.msdyn_invoice, u.msdyn_quantity, u.msdyn_amount
            FROM msdyn_transactionconnection x
            JOIN msdyn_actual u ON u.msdyn_actualid = x.msdyn_transaction1
            JOIN msdyn_actual b ON b.msdyn_actualid = x.msdyn_transaction2
            WHERE x.msdyn_transaction1role = ? AND x.msdyn_transaction2role = ?
            AND u.msdyn_transactiontypecode = ? AND b.msdyn_transactiontypecode = ?""";

    private static final String CONFIRMED_INVOICES = """
            SELECT invoicenumber, msdyn_projectinvoicestatus, tdm_customerinvoicenumber FROM invoice
            WHERE msdyn_projectinvoicestatus IN (?, ?, ?)""";

    private static final String BILLED_WITH_VOUCHER = """
            SELECT o.tdm_legalentity, a.transactioncurrency, i.invoicenumber,
                   SUM(a.msdyn_amount + COALESCE(a.tdm_salestaxamount, 0))
            FROM msdyn_actual a
            JOIN msdyn_organizationalunit o ON o.msdyn_organizationalunitid = a.msdyn_contractorganizationalunitid
            LEFT JOIN invoice i ON i.invoiceid = a.msdyn_invoice
            WHERE a.msdyn_transactiontypecode = ? AND a.msdyn_billingtype = ? AND a.tdm_vouchernumber IS NOT NULL
            GROUP BY o.tdm_legalentity, a.transactioncurrency, i.invoicenumber""";

    private static final String JOURNALIZED_NOT_INVOICED = """
            SELECT o.tdm_legalentity, p.msdyn_projectnumber, a.transactioncurrency,
                   SUM(a.msdyn_amount), SUM(COALESCE(a.tdm_accountingamount, 0))
            FROM msdyn_actual a
            JOIN msdyn_organizationalunit o ON o.msdyn_organizationalunitid = a.msdyn_contractorganizationalunitid
            JOIN msdyn_project p ON p.msdyn_projectid = a.msdyn_project
            LEFT JOIN invoice i ON i.invoiceid = a.msdyn_invoice
            WHERE a.msdyn_transactiontypecode = ? AND a.msdyn_billingtype = ? AND a.tdm_vouchernumber IS NOT NULL
            AND (i.invoiceid IS NULL OR i.tdm_customerinvoicenumber IS NULL)
            GROUP BY o.tdm_legalentity, p.msdyn_projectnumber, a.transactioncurrency""";

    private static final String SYNCED_ACTUALS = """
            SELECT msdyn_actualid FROM msdyn_actual WHERE tdm_skipsync = FALSE""";

    private static final String SYNCED_ACTUALS_FIRST_PAGE = """
            SELECT msdyn_actualid FROM msdyn_actual WHERE tdm_skipsync = FALSE ORDER BY msdyn_actualid LIMIT ?""";

    private static final String SYNCED_ACTUALS_NEXT_PAGE = """
            SELECT msdyn_actualid FROM msdyn_actual WHERE tdm_skipsync = FALSE AND msdyn_actualid > ?
            ORDER BY msdyn_actualid LIMIT ?""";

    private static final int UNBILLED = TransactionType.UNBILLED_SALES.value();
    private static final int BILLED = TransactionType.BILLED_SALES.value();

    private final OperationsContext ctx;

    public OperationsReconciliation(OperationsContext ctx) {
        this.ctx = ctx;
    }

    /** A billed sales actual and the number of the proforma invoice it is on ({@code null} when on none). */
    public record Billing(UUID billedSalesActualId, String invoiceNumber) {
    }

    /**
     * An unbilled sales actual that more than one live billed sales actual bills.
     *
     * @param billings the live billed sales actuals connected to it, by invoice number (at least two)
     */
    public record MultipleBilling(UUID unbilledSalesActualId, List<Billing> billings) {

        public MultipleBilling {
            billings = List.copyOf(billings);
        }
    }

    /**
     * A time, expense, material or fee billed sales actual B reversed by a corrective invoice C, with what replaced
     * it (spec §6, second table).
     *
     * @param quantity           B's quantity
     * @param price              B's unit price, in B's currency, unrounded
     * @param amount             B's amount, in B's transaction currency
     * @param reinvoicedQuantity the quantity of the unbilled sales replacing B that are on C (re-invoiced by C)
     * @param returnedQuantity   the quantity of the unbilled sales replacing B that are not on C (back in the
     *                           billing backlog, possibly invoiced again since)
     * @param returnedAmount     their amount, in B's currency
     */
    public record CorrectiveCredit(UUID billedSalesActualId, UUID correctiveInvoiceId, String correctiveInvoiceNumber,
                                   BigDecimal quantity, BigDecimal price, Money amount, BigDecimal reinvoicedQuantity,
                                   BigDecimal returnedQuantity, Money returnedAmount) {
    }

    /**
     * A confirmed proforma invoice (Confirmed, Posted or Invoice Paid, spec §4.1).
     *
     * @param customerInvoiceNumber the customer invoice Finance posted it as (§10 item 5), {@code null} before
     */
    public record ConfirmedInvoice(String invoiceNumber, InvoiceStatus status, String customerInvoiceNumber) {
    }

    /**
     * The chargeable billed sales with a voucher of one invoice: their amounts plus sales tax, summed.
     *
     * @param legalEntity   the legal entity of the actuals' contracting unit (the dataareaid the maps stripe by)
     * @param invoiceNumber the proforma invoice number, {@code null} for billed sales on no invoice
     * @param amount        the sum, in the transaction currency
     */
    public record BilledInvoiceAmount(String legalEntity, String invoiceNumber, Money amount) {
    }

    /**
     * The chargeable unbilled sales of one project that were journalized (they carry the integration journal's
     * voucher, §10 item 1) and are not on a posted proforma invoice, summed.
     *
     * @param amount           the sum in the transaction currency
     * @param accountingAmount the sum of their accounting amounts (written back by the journal), in the accounting
     *                         currency of {@code legalEntity}; 0 for actuals without one
     */
    public record UnbilledBalance(String legalEntity, String projectNumber, Money amount, BigDecimal accountingAmount) {
    }

    /** How many unbilled sales actuals there are that are not Skip Sync (not a confirmation's negative reversal). */
    public long unbilledSalesCount() {
        return count(COUNT_UNBILLED_SALES, UNBILLED);
    }

    /**
     * The unbilled sales actuals that more than one billed sales actual bills: live billed sales (not Adjusted by a
     * corrective invoice) connected Billed Sales ↔ Unbilled Sales. DESIGN §4 invariant 1, spec §3.6.
     *
     * @return by unbilled sales actual id
     */
    public List<MultipleBilling> unbilledSalesBilledMoreThanOnce() {
        Map<UUID, List<Billing>> billings = new LinkedHashMap<>();
        List<Object> live = List.of(ConnectionRole.BILLED_SALES.value(), ConnectionRole.UNBILLED_SALES.value(), BILLED,
                AdjustmentStatus.ADJUSTED.value());
        List<Object> args = new ArrayList<>(live);
        args.addAll(live); // once for the outer query, once for the subquery
        ctx.jdbc().query(BILLED_MORE_THAN_ONCE, rs -> {
            billings.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new Billing(rs.getObject(2, UUID.class), rs.getString(3)));
        }, args.toArray());
        return billings.entrySet().stream().map(e -> new MultipleBilling(e.getKey(), e.getValue())).toList();
    }

    /** How many billed sales actuals there are. */
    public long billedSalesCount() {
        return count(COUNT_BILLED_SALES, BILLED);
    }

    /**
     * Chargeable time, expense, material or fee billed sales on a time-and-material contract line that are not
     * themselves a reversal (no Reversing connection) and bill no unbilled sales (no Billed Sales ↔ Unbilled Sales
     * connection). Milestones, retainers and manual details on fixed-price lines bill without unbilled sales (§6)
     * and are not listed.
     *
     * @return by invoice number, then actual id
     */
    public List<Billing> billedSalesWithoutOrigin() {
        return ctx.jdbc().query(BILLED_WITHOUT_ORIGIN, (rs, n) -> new Billing(rs.getObject(1, UUID.class),
                        rs.getString(2)), BILLED, BillingType.CHARGEABLE.value(),
                BillingMethod.TIME_AND_MATERIAL.value(), ConnectionRole.REVERSING.value(),
                ConnectionRole.BILLED_SALES.value(), ConnectionRole.UNBILLED_SALES.value());
    }

    /**
     * Every time, expense, material or fee billed sales actual reversed by a corrective invoice, with the quantities
     * and amount of the unbilled sales that replace it, split into those on the corrective invoice and the others.
     *
     * @return by corrective invoice number, then billed sales actual id
     */
    public List<CorrectiveCredit> correctiveCredits() {
        Map<UUID, Credit> credits = new LinkedHashMap<>();
        ctx.jdbc().query(REVERSED_BILLED_SALES, rs -> {
            UUID billed = rs.getObject(1, UUID.class);
            credits.put(billed, new Credit(billed, rs.getObject(2, UUID.class), rs.getString(3), rs.getBigDecimal(4),
                    rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7).trim()));
        }, ConnectionRole.REVERSING.value(), ConnectionRole.ORIGINAL.value(), BILLED, BILLED);
        ctx.jdbc().query(REPLACEMENTS, rs -> {
            Credit c = credits.get(rs.getObject(1, UUID.class));
            if (c == null) {
                return;
            }
            if (Objects.equals(rs.getObject(2, UUID.class), c.correctiveInvoice)) {
                c.reinvoiced = c.reinvoiced.add(rs.getBigDecimal(3));
            } else {
                c.returnedQuantity = c.returnedQuantity.add(rs.getBigDecimal(3));
                c.returnedAmount = c.returnedAmount.add(rs.getBigDecimal(4));
            }
        }, ConnectionRole.REPLACING.value(), ConnectionRole.ORIGINAL.value(), UNBILLED, BILLED);
        return credits.values().stream().map(Credit::toRecord).toList();
    }

    /** The confirmed proforma invoices (Confirmed, Posted, Invoice Paid), in no particular order. */
    public List<ConfirmedInvoice> confirmedInvoices() {
        return ctx.jdbc().query(CONFIRMED_INVOICES, (rs, n) -> new ConfirmedInvoice(rs.getString(1),
                        OptionValue.of(InvoiceStatus.class, rs.getInt(2)), rs.getString(3)),
                InvoiceStatus.CONFIRMED.value(), InvoiceStatus.POSTED.value(), InvoiceStatus.INVOICE_PAID.value());
    }

    /**
     * Per legal entity, currency and invoice: the chargeable billed sales that Finance posted (they carry a
     * voucher), amount plus sales tax. Together they are what accounts receivable must equal (DESIGN §4 invariant 4).
     */
    public List<BilledInvoiceAmount> billedSalesWithVoucherByInvoice() {
        return ctx.jdbc().query(BILLED_WITH_VOUCHER, (rs, n) -> new BilledInvoiceAmount(rs.getString(1),
                        rs.getString(3), Money.of(rs.getBigDecimal(4), rs.getString(2).trim())),
                BILLED, BillingType.CHARGEABLE.value());
    }

    /**
     * Per legal entity, project and currency: the chargeable unbilled sales that were journalized and are not on a
     * posted proforma invoice — what the project's WIP sales value and accrued revenue must equal (DESIGN §4
     * invariant 7; spec §9, §10). Journalized reversals count with their negative amounts. An invoice is posted when
     * Finance's customer invoice number was written back onto it ({@code tdm_customerinvoicenumber}, §10 item 5),
     * whatever its status says since: a posted invoice marked Invoice Paid is still posted.
     */
    public List<UnbilledBalance> journalizedUnbilledSalesNotInvoiced() {
        return ctx.jdbc().query(JOURNALIZED_NOT_INVOICED, (rs, n) -> new UnbilledBalance(rs.getString(1),
                        rs.getString(2), Money.of(rs.getBigDecimal(4), rs.getString(3).trim()), rs.getBigDecimal(5)),
                UNBILLED, BillingType.CHARGEABLE.value());
    }

    /** The ids of the actuals that sync to Finance: every actual that is not Skip Sync (§7.4). */
    public List<UUID> syncedActualIds() {
        return ctx.jdbc().queryForList(SYNCED_ACTUALS, UUID.class);
    }

    /**
     * One page of {@link #syncedActualIds()} in the database's id order (unsigned byte order on H2 and PostgreSQL),
     * so that a check over millions of actuals never holds them all.
     *
     * @param after the last id of the previous page, or {@code null} for the first page
     * @param limit the most ids to return, at least 1
     * @return up to {@code limit} ids greater than {@code after}, ascending; empty after the last page
     */
    public List<UUID> syncedActualIdsAfter(UUID after, int limit) {
        return after == null
                ? ctx.jdbc().queryForList(SYNCED_ACTUALS_FIRST_PAGE, UUID.class, limit)
                : ctx.jdbc().queryForList(SYNCED_ACTUALS_NEXT_PAGE, UUID.class, after, limit);
    }

    private long count(String sql, Object... args) {
        Long n = ctx.jdbc().queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /** A corrective credit while its replacements are summed. */
    private static final class Credit {
        final UUID billed;
        final UUID correctiveInvoice;
        final String correctiveNumber;
        final BigDecimal quantity;
        final BigDecimal price;
        final BigDecimal amount;
        final String currency;
        BigDecimal reinvoiced = BigDecimal.ZERO;
        BigDecimal returnedQuantity = BigDecimal.ZERO;
        BigDecimal returnedAmount = BigDecimal.ZERO;

        Credit(UUID billed, UUID correctiveInvoice, String correctiveNumber, BigDecimal quantity, BigDecimal price,
               BigDecimal amount, String currency) {
            this.billed = billed;
            this.correctiveInvoice = correctiveInvoice;
            this.correctiveNumber = correctiveNumber;
            this.quantity = quantity;
            this.price = price;
            this.amount = amount;
            this.currency = currency;
        }

        CorrectiveCredit toRecord() {
            return new CorrectiveCredit(billed, correctiveInvoice, correctiveNumber, quantity, price,
                    Money.of(amount, currency), reinvoiced, returnedQuantity, Money.of(returnedAmount, currency));
        }
    }
}
