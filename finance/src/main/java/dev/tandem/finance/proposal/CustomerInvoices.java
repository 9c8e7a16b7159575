package dev.tandem.finance.proposal;

import dev.tandem.common.Money;
import dev.tandem.finance.FinanceContext;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Posted customer invoices. Posting records here what a posted proposal leaves besides the voucher — the customer
 * transaction ({@code custtrans}, accounts receivable) and the customer invoice export row (§10 item 5: invoice
 * number, date, status Posted, tax), in the posting's transaction — and the invoice documents and the AR check of
 * {@code tandem run} read them back: {@link #posted} and {@link #customerTransactionTotals}.
 *
 * <p>Reads only see committed postings; they never fail on an empty legal entity (empty results).
 */
public final class CustomerInvoices {

    /** The status the export entity carries for Project Operations' proforma invoice (§10 item 5). */
    static final String POSTED = "Posted";

    private final FinanceContext ctx;

    CustomerInvoices(FinanceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The posted customer invoices and credit notes of a legal entity, ordered by invoice number, each with its
     * invoiced lines (see {@link CustomerInvoice}: amounts in the invoice currency at its minor units). The due date
     * is Finance's own ({@code projproposaljour.duedate}, set from the customer's payment terms when the proposal
     * arrived), so nothing is computed here.
     */
    public List<CustomerInvoice> posted(String dataAreaId) {
        Map<String, List<CustomerInvoice.Line>> lines = invoicedLines(dataAreaId);
        return ctx.jdbc().query("SELECT e.invoiceid, e.invoicedate, e.duedate, e.proposalid, j.projinvoiceprojid, "
                + "e.invoiceaccount, c.name, e.currencyid, e.invoiceamount, e.sumtax, e.ledgervoucher, e.iscreditnote "
                + "FROM projcustinvoiceexport e JOIN projproposaljour j ON j.proposalid = e.proposalid JOIN custtable c "
                + "ON c.dataareaid = e.dataareaid AND c.accountnum = e.invoiceaccount WHERE e.dataareaid = ? "
                + "ORDER BY e.invoiceid", (rs, n) -> invoice(rs, lines), dataAreaId);
    }

    /**
     * The posted customer invoices and credit notes of a legal entity as {@link #posted(String)} reads them, but
     * without their lines ({@link CustomerInvoice#lines()} empty; the totals are the invoice's own): for reports that
     * need the headers of a month of many large invoices.
     */
    public List<CustomerInvoice> postedHeaders(String dataAreaId) {
        return ctx.jdbc().query("SELECT e.invoiceid, e.invoicedate, e.duedate, e.proposalid, j.projinvoiceprojid, "
                + "e.invoiceaccount, c.name, e.currencyid, e.invoiceamount, e.sumtax, e.ledgervoucher, e.iscreditnote "
                + "FROM projcustinvoiceexport e JOIN projproposaljour j ON j.proposalid = e.proposalid JOIN custtable c "
                + "ON c.dataareaid = e.dataareaid AND c.accountnum = e.invoiceaccount WHERE e.dataareaid = ? "
                + "ORDER BY e.invoiceid", (rs, n) -> invoice(rs, Map.of()), dataAreaId);
    }

    /**
     * The numbers of the posted customer invoices and credit notes of a legal entity, in invoice-number order (the
     * order of {@link #posted(String)}): for writers that read one invoice at a time ({@link #posted(String, String)}),
     * so that a month of many large invoices is not held at once.
     */
    public List<String> postedNumbers(String dataAreaId) {
        return ctx.jdbc().queryForList("SELECT invoiceid FROM projcustinvoiceexport WHERE dataareaid = ? ORDER BY "
                + "invoiceid", String.class, dataAreaId);
    }

    /**
     * One posted customer invoice or credit note by its number, with its invoiced lines, as {@link #posted} reads
     * every one; empty when the legal entity has no such invoice.
     */
    public java.util.Optional<CustomerInvoice> posted(String dataAreaId, String invoiceId) {
        List<String> proposal = ctx.jdbc().queryForList("SELECT proposalid FROM projcustinvoiceexport WHERE "
                + "dataareaid = ? AND invoiceid = ?", String.class, dataAreaId, invoiceId);
        if (proposal.isEmpty()) {
            return java.util.Optional.empty();
        }
        String proposalId = proposal.getFirst();
        Map<String, List<CustomerInvoice.Line>> lines = Map.of(proposalId, invoicedLinesOf(proposalId));
        return ctx.jdbc().query("SELECT e.invoiceid, e.invoicedate, e.duedate, e.proposalid, j.projinvoiceprojid, "
                + "e.invoiceaccount, c.name, e.currencyid, e.invoiceamount, e.sumtax, e.ledgervoucher, e.iscreditnote "
                + "FROM projcustinvoiceexport e JOIN projproposaljour j ON j.proposalid = e.proposalid JOIN custtable c "
                + "ON c.dataareaid = e.dataareaid AND c.accountnum = e.invoiceaccount WHERE e.dataareaid = ? AND "
                + "e.invoiceid = ?", (rs, n) -> invoice(rs, lines), dataAreaId, invoiceId).stream().findFirst();
    }

    /**
     * A customer's balance in one currency: the sum of its customer transactions in the currency and in the
     * accounting currency ({@code amountMst}), and how many there are. A customer without transactions has one
     * balance of zero in its own currency.
     */
    public record CustomerBalance(String accountNum, String name, String currency, BigDecimal amount,
                                  BigDecimal amountMst, long transactions) {
    }

    /** A customer transaction (an open item of accounts receivable; a credit note's is negative). */
    public record CustomerTransaction(String invoice, String accountNum, LocalDate transDate, LocalDate dueDate,
                                      String currency, BigDecimal amount, BigDecimal amountMst,
                                      BigDecimal exchangeRate, String voucher, String proposalId) {
    }

    private static final String BALANCES = "SELECT c.accountnum, c.name, COALESCE(t.currencycode, c.currency) AS cur, "
            + "COALESCE(SUM(t.amountcur), 0) AS amountcur, COALESCE(SUM(t.amountmst), 0) AS amountmst, "
            + "COUNT(t.invoice) AS n FROM custtable c LEFT JOIN custtrans t ON t.dataareaid = c.dataareaid AND "
            + "t.accountnum = c.accountnum WHERE c.dataareaid = ?";
    private static final String BALANCES_GROUP = " GROUP BY c.accountnum, c.name, COALESCE(t.currencycode, c.currency)";

    /**
     * A page of the legal entity's customer balances (accounts receivable), one per customer and currency, by
     * customer account then currency; summed by the database.
     *
     * @param accountNum only this customer's; {@code null} for every customer
     */
    public List<CustomerBalance> balances(String dataAreaId, String accountNum, int page, int size) {
        List<Object> args = new ArrayList<>(List.of(dataAreaId));
        String where = "";
        if (accountNum != null) {
            where = " AND c.accountnum = ?";
            args.add(accountNum);
        }
        args.add(size);
        args.add((long) page * size);
        return ctx.jdbc().query(BALANCES + where + BALANCES_GROUP + " ORDER BY c.accountnum, cur LIMIT ? OFFSET ?",
                (rs, n) -> {
                    String currency = rs.getString("cur").trim();
                    return new CustomerBalance(rs.getString("accountnum"), rs.getString("name"), currency,
                            rs.getBigDecimal("amountcur"), rs.getBigDecimal("amountmst"), rs.getLong("n"));
                }, args.toArray());
    }

    /** How many rows {@link #balances} pages through for every customer. */
    public long balanceCount(String dataAreaId) {
        Long n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM (" + BALANCES + BALANCES_GROUP + ") b", Long.class,
                dataAreaId);
        return n == null ? 0 : n;
    }

    /** A page of a customer's transactions, newest first. */
    public List<CustomerTransaction> transactions(String dataAreaId, String accountNum, int page, int size) {
        return ctx.jdbc().query("SELECT * FROM custtrans WHERE dataareaid = ? AND accountnum = ? ORDER BY transdate "
                + "DESC, invoice DESC LIMIT ? OFFSET ?", (rs, n) -> new CustomerTransaction(rs.getString("invoice"),
                rs.getString("accountnum"), rs.getObject("transdate", LocalDate.class),
                rs.getObject("duedate", LocalDate.class), rs.getString("currencycode").trim(),
                rs.getBigDecimal("amountcur"), rs.getBigDecimal("amountmst"), rs.getBigDecimal("exchrate"),
                rs.getString("voucher"), rs.getString("proposalid")), dataAreaId, accountNum, size, (long) page * size);
    }

    /** How many transactions a customer has. */
    public long transactionCount(String dataAreaId, String accountNum) {
        Long n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM custtrans WHERE dataareaid = ? AND accountnum = ?",
                Long.class, dataAreaId, accountNum);
        return n == null ? 0 : n;
    }

    /**
     * Accounts receivable of a legal entity: the sum of its customer transactions ({@code custtrans.amountcur}) per
     * transaction currency, each at the currency's minor units (scale 2 for EUR and USD), currencies in alphabetical
     * order. Equals the sum of {@link CustomerInvoice#invoiceTotal()} per currency, credit notes counting negative.
     */
    public Map<String, BigDecimal> customerTransactionTotals(String dataAreaId) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        ctx.jdbc().query("SELECT currencycode, SUM(amountcur) FROM custtrans WHERE dataareaid = ? GROUP BY currencycode",
                rs -> {
                    String currency = rs.getString(1).trim();
                    totals.put(currency, Money.round(rs.getBigDecimal(2), currency));
                }, dataAreaId);
        return totals;
    }

    /**
     * A page of a legal entity's rows of the customer invoice export entity (§10 item 5), by customer invoice number.
     *
     * @param proposalId only the row of this proposal; {@code null} for all
     * @param page       0-based page number
     * @param size       rows per page
     */
    public List<CustomerInvoiceExport> exports(String dataAreaId, String proposalId, int page, int size) {
        String where = proposalId == null ? "dataareaid = ?" : "dataareaid = ? AND proposalid = ?";
        List<Object> args = new ArrayList<>(proposalId == null ? List.of(dataAreaId) : List.of(dataAreaId, proposalId));
        args.add(size);
        args.add((long) page * size);
        return ctx.jdbc().query("SELECT * FROM projcustinvoiceexport WHERE " + where + " ORDER BY invoiceid LIMIT ? "
                + "OFFSET ?", CustomerInvoiceExport::map, args.toArray());
    }

    /** How many rows {@link #exports} pages through with the same filter. */
    public long exportCount(String dataAreaId, String proposalId) {
        Long n = proposalId == null
                ? ctx.jdbc().queryForObject("SELECT COUNT(*) FROM projcustinvoiceexport WHERE dataareaid = ?",
                        Long.class, dataAreaId)
                : ctx.jdbc().queryForObject("SELECT COUNT(*) FROM projcustinvoiceexport WHERE dataareaid = ? AND "
                        + "proposalid = ?", Long.class, dataAreaId, proposalId);
        return n == null ? 0 : n;
    }

    private Map<String, List<CustomerInvoice.Line>> invoicedLines(String dataAreaId) {
        Map<String, List<CustomerInvoice.Line>> byProposal = new HashMap<>();
        // Import order, as ProposalLines reads a proposal's lines.
        ctx.jdbc().query("SELECT l.* FROM projproposalline l JOIN projcustinvoiceexport e ON e.proposalid = l.proposalid "
                + "WHERE e.dataareaid = ? AND l.tobeinvoiced = TRUE ORDER BY l.proposalid, l.createdon, l.transdate, "
                + "l.linetransid", rs -> {
                    ProposalLine l = ProposalLine.map(rs, 0);
                    byProposal.computeIfAbsent(l.proposalId(), p -> new ArrayList<>()).add(new CustomerInvoice.Line(
                            l.description(), l.type(), l.categoryId(), l.quantity(), l.salesPrice(),
                            Money.round(l.lineAmount(), l.currency()), Money.round(l.taxAmount(), l.currency())));
                }, dataAreaId);
        return byProposal;
    }

    private List<CustomerInvoice.Line> invoicedLinesOf(String proposalId) {
        return ctx.jdbc().query("SELECT * FROM projproposalline WHERE proposalid = ? AND tobeinvoiced = TRUE ORDER BY "
                + "createdon, transdate, linetransid", (rs, n) -> {
                    ProposalLine l = ProposalLine.map(rs, n);
                    return new CustomerInvoice.Line(l.description(), l.type(), l.categoryId(), l.quantity(),
                            l.salesPrice(), Money.round(l.lineAmount(), l.currency()),
                            Money.round(l.taxAmount(), l.currency()));
                }, proposalId);
    }

    private static CustomerInvoice invoice(ResultSet rs, Map<String, List<CustomerInvoice.Line>> lines)
            throws SQLException {
        String currency = rs.getString("currencyid").trim();
        BigDecimal total = Money.round(rs.getBigDecimal("invoiceamount"), currency);
        BigDecimal tax = Money.round(rs.getBigDecimal("sumtax"), currency);
        String proposalId = rs.getString("proposalid");
        return new CustomerInvoice(rs.getString("invoiceid"), rs.getObject("invoicedate", LocalDate.class),
                rs.getObject("duedate", LocalDate.class), proposalId, rs.getString("projinvoiceprojid"),
                rs.getString("invoiceaccount"), rs.getString("name"), currency,
                lines.getOrDefault(proposalId, List.of()), total.subtract(tax), tax, total,
                rs.getString("ledgervoucher"), rs.getBoolean("iscreditnote"));
    }

    /**
     * @param voucher        the invoice's voucher number, posted on {@code accountingDate}
     * @param totals         the proposal totals (proposal currency)
     * @param rate           the invoice's exchange rate
     * @param receivableMst  the accounting amount of the voucher's customer-balance lines, which AR must equal
     */
    void record(ProposalHeader h, String invoiceId, String voucher, LocalDate accountingDate, ProposalTotals totals,
                BigDecimal rate, BigDecimal receivableMst) {
        Map<String, Object> audit = ctx.created();
        ctx.jdbc().update("INSERT INTO custtrans (dataareaid, invoice, accountnum, transdate, duedate, currencycode, "
                + "amountcur, amountmst, exchrate, voucher, proposalid, createdon, createdby) VALUES (?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?)", h.dataAreaId(), invoiceId, h.invoiceAccount(), accountingDate,
                h.dueDate(), h.currency(), totals.invoiceAmount(), receivableMst, rate, voucher,
                h.proposalId(), (OffsetDateTime) audit.get("createdon"), audit.get("createdby"));
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("proposalid", h.proposalId());
        export.put("dataareaid", h.dataAreaId());
        export.put("invoiceid", invoiceId);
        export.put("invoicedate", h.invoiceDate());
        export.put("duedate", h.dueDate());
        export.put("invoiceaccount", h.invoiceAccount());
        export.put("currencyid", h.currency());
        export.put("invoiceamount", totals.invoiceAmount());
        export.put("sumtax", totals.tax());
        export.put("invoiceamountmst", receivableMst);
        export.put("status", POSTED);
        export.put("iscreditnote", totals.invoiceAmount().signum() < 0);
        export.put("ledgervoucher", voucher);
        export.putAll(audit);
        ctx.writer().insert(ProposalDataEntities.CUSTOMER_INVOICE_EXPORT, List.of(export));
    }
}
