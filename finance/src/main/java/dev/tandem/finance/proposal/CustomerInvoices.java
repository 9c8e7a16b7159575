package dev.tandem.finance.proposal;

import dev.tandem.common.Money;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.ledger.Ledger.Voucher;
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
     * @param totals       the proposal totals (proposal currency)
     * @param rate         the invoice's exchange rate
     * @param receivableMst the accounting amount of the voucher's customer-balance lines, which AR must equal
     */
    void record(ProposalHeader h, String invoiceId, Voucher voucher, ProposalTotals totals, BigDecimal rate,
                BigDecimal receivableMst) {
        Map<String, Object> audit = ctx.created();
        ctx.jdbc().update("INSERT INTO custtrans (dataareaid, invoice, accountnum, transdate, duedate, currencycode, "
                + "amountcur, amountmst, exchrate, voucher, proposalid, createdon, createdby) VALUES (?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?)", h.dataAreaId(), invoiceId, h.invoiceAccount(), voucher.accountingDate(),
                h.dueDate(), h.currency(), totals.invoiceAmount(), receivableMst, rate, voucher.voucher(),
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
        export.put("ledgervoucher", voucher.voucher());
        export.putAll(audit);
        ctx.writer().insert(ProposalDataEntities.CUSTOMER_INVOICE_EXPORT, List.of(export));
    }
}
