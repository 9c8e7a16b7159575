package dev.tandem.operations.invoicing;

import static dev.tandem.operations.OperationsError.INVOICE_READ_ONLY;
import static dev.tandem.operations.OperationsError.NOT_FOUND;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.InvoiceLine;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads invoices, locks them, numbers them and keeps their totals (§3.2, §3.3). */
public final class InvoiceStore {

    private final OperationsContext ctx;

    public InvoiceStore(OperationsContext ctx) {
        this.ctx = ctx;
    }

    /** @throws TandemException NOT_FOUND naming the invoice id */
    public Invoice invoice(UUID id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    public Optional<Invoice> find(UUID id) {
        return ctx.jdbc().query("SELECT * FROM invoice WHERE invoiceid = ?", Invoice::map, id).stream().findFirst();
    }

    /** The invoice with this number ({@code INV-000042}, exact), if any. */
    public Optional<Invoice> findByNumber(String number) {
        return ctx.jdbc().query("SELECT * FROM invoice WHERE invoicenumber = ?", Invoice::map, number).stream()
                .findFirst();
    }

    /**
     * Locks the invoice row until the transaction ends, so two confirmations, edits or deletions of one invoice
     * run one after the other; the second then sees the first one's result.
     */
    public Invoice lock(UUID id) {
        return ctx.jdbc().query("SELECT * FROM invoice WHERE invoiceid = ? FOR UPDATE", Invoice::map, id).stream()
                .findFirst().orElseThrow(() -> notFound(id));
    }

    /** Locks an invoice that must still be a draft (Draft or In Review). @throws TandemException INVOICE_READ_ONLY */
    public Invoice lockEditable(UUID id) {
        Invoice invoice = lock(id);
        requireEditable(invoice);
        return invoice;
    }

    /** Refuses changes to a confirmed or paid invoice with the rule of §11 rule 4. */
    public static void requireEditable(Invoice invoice) {
        if (!invoice.status().editable()) {
            throw new TandemException(INVOICE_READ_ONLY, "Invoice " + invoice.number() + " is " + invoice.status().label()
                    + ": a confirmed invoice, its lines and its line details can't be edited or deleted (§11 rule 4)",
                    Map.of("invoiceId", invoice.id().toString(), "invoiceStatus", invoice.status().label()));
        }
    }

    /** Invoices by number, one page; of one contract when {@code contractId} is given. */
    public List<Invoice> invoices(UUID contractId, int page, int size) {
        if (contractId == null) {
            return ctx.jdbc().query("SELECT * FROM invoice ORDER BY invoicenumber LIMIT ? OFFSET ?", Invoice::map, size,
                    (long) page * size);
        }
        return ctx.jdbc().query("SELECT * FROM invoice WHERE salesorderid = ? ORDER BY invoicenumber LIMIT ? OFFSET ?",
                Invoice::map, contractId, size, (long) page * size);
    }

    /**
     * Invoices by number, one page, of one status (null: any) and of one contract (null: any).
     */
    public List<Invoice> invoices(UUID contractId, InvoiceStatus status, int page, int size) {
        if (status == null) {
            return invoices(contractId, page, size);
        }
        String where = contractId == null ? "" : " AND salesorderid = ?";
        List<Object> args = new java.util.ArrayList<>(List.of(status.value()));
        if (contractId != null) {
            args.add(contractId);
        }
        args.add(size);
        args.add((long) page * size);
        return ctx.jdbc().query("SELECT * FROM invoice WHERE msdyn_projectinvoicestatus = ?" + where
                + " ORDER BY invoicenumber LIMIT ? OFFSET ?", Invoice::map, args.toArray());
    }

    /** How many invoices {@link #invoices(UUID, InvoiceStatus, int, int)} pages through. */
    public long count(UUID contractId, InvoiceStatus status) {
        if (status == null) {
            return count(contractId);
        }
        Long n = contractId == null
                ? ctx.jdbc().queryForObject("SELECT COUNT(*) FROM invoice WHERE msdyn_projectinvoicestatus = ?",
                        Long.class, status.value())
                : ctx.jdbc().queryForObject("SELECT COUNT(*) FROM invoice WHERE msdyn_projectinvoicestatus = ? AND "
                        + "salesorderid = ?", Long.class, status.value(), contractId);
        return n == null ? 0 : n;
    }

    public long count(UUID contractId) {
        Long n = contractId == null ? ctx.jdbc().queryForObject("SELECT COUNT(*) FROM invoice", Long.class)
                : ctx.jdbc().queryForObject("SELECT COUNT(*) FROM invoice WHERE salesorderid = ?", Long.class, contractId);
        return n == null ? 0 : n;
    }

    public List<InvoiceLine> lines(UUID invoiceId) {
        return ctx.jdbc().query("SELECT d.* FROM invoicedetail d JOIN salesorderdetail l "
                + "ON l.salesorderdetailid = d.msdyn_contractlineid WHERE d.invoiceid = ? ORDER BY l.lineitemnumber",
                InvoiceLine::map, invoiceId);
    }

    public List<LineDetail> details(UUID invoiceId) {
        return ctx.jdbc().query("SELECT * FROM msdyn_invoicelinetransaction WHERE msdyn_invoice = ? "
                + "ORDER BY msdyn_documentdate, msdyn_invoicelinetransactionid", LineDetail::map, invoiceId);
    }

    /**
     * A keyset page of an invoice's line details in the order of {@link #details(UUID)}: up to {@code size} details
     * after {@code after} (from the first when {@code null}). Each page costs the same however far into the invoice
     * it is (issue 13).
     */
    public List<LineDetail> detailsAfter(UUID invoiceId, LineDetail after, int size) {
        if (after == null) {
            return ctx.jdbc().query("SELECT * FROM msdyn_invoicelinetransaction WHERE msdyn_invoice = ? "
                    + "ORDER BY msdyn_documentdate, msdyn_invoicelinetransactionid LIMIT ?", LineDetail::map, invoiceId,
                    size);
        }
        return ctx.jdbc().query("SELECT * FROM msdyn_invoicelinetransaction WHERE msdyn_invoice = ? "
                + "AND (msdyn_documentdate > ? OR (msdyn_documentdate = ? AND msdyn_invoicelinetransactionid > ?)) "
                + "ORDER BY msdyn_documentdate, msdyn_invoicelinetransactionid LIMIT ?", LineDetail::map, invoiceId,
                after.documentDate(), after.documentDate(), after.id(), size);
    }

    /** An invoice's line details of one transaction class, in the order of {@link #details(UUID)}. */
    public List<LineDetail> details(UUID invoiceId, dev.tandem.operations.actuals.TransactionClassification type) {
        return ctx.jdbc().query("SELECT * FROM msdyn_invoicelinetransaction WHERE msdyn_invoice = ? "
                + "AND msdyn_transactionclassification = ? ORDER BY msdyn_documentdate, msdyn_invoicelinetransactionid",
                LineDetail::map, invoiceId, type.value());
    }

    /** One page of an invoice's line details, in the same order as {@link #details(UUID)}. */
    public List<LineDetail> details(UUID invoiceId, int page, int size) {
        return ctx.jdbc().query("SELECT * FROM msdyn_invoicelinetransaction WHERE msdyn_invoice = ? "
                + "ORDER BY msdyn_documentdate, msdyn_invoicelinetransactionid LIMIT ? OFFSET ?", LineDetail::map, invoiceId,
                size, (long) page * size);
    }

    public long countDetails(UUID invoiceId) {
        Long n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM msdyn_invoicelinetransaction WHERE msdyn_invoice = ?",
                Long.class, invoiceId);
        return n == null ? 0 : n;
    }

    /** @throws TandemException NOT_FOUND naming the line detail id */
    public LineDetail detail(UUID detailId) {
        return ctx.jdbc().query("SELECT * FROM msdyn_invoicelinetransaction WHERE msdyn_invoicelinetransactionid = ?",
                LineDetail::map, detailId).stream().findFirst().orElseThrow(() -> new TandemException(NOT_FOUND,
                "Unknown invoice line detail " + detailId, Map.of("entity", "invoice line detail", "id", detailId.toString())));
    }

    /** The next number of the invoice number sequence, e.g. {@code INV-000042}; the sequence row is locked. */
    public String nextNumber() {
        ctx.jdbc().update("UPDATE tdm_numbersequence SET tdm_nextvalue = tdm_nextvalue + 1 WHERE tdm_name = 'invoice'");
        return ctx.jdbc().queryForObject("SELECT tdm_prefix, tdm_width, tdm_nextvalue - 1 FROM tdm_numbersequence "
                + "WHERE tdm_name = 'invoice'", (rs, n) -> rs.getString(1)
                + String.format("%0" + rs.getInt(2) + "d", rs.getLong(3)));
    }

    /**
     * Recomputes line and invoice totals from the details: a line's amount is the sum of its chargeable detail
     * amounts (for corrections, new minus previously invoiced), its tax the sum of their tax, its extended amount
     * both (§3.3); the invoice totals are the sums of its lines.
     */
    public void recalculate(UUID invoiceId) {
        Map<UUID, BigDecimal[]> sums = new HashMap<>();
        ctx.jdbc().query("SELECT msdyn_invoicelineid, SUM(CASE WHEN msdyn_correction THEN msdyn_amount - "
                + "COALESCE(msdyn_previousamount, 0) ELSE msdyn_amount END), SUM(msdyn_tax) FROM msdyn_invoicelinetransaction "
                + "WHERE msdyn_invoice = ? AND msdyn_billingtype = ? GROUP BY msdyn_invoicelineid", rs -> {
            sums.put(rs.getObject(1, UUID.class), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
        }, invoiceId, BillingType.CHARGEABLE.value());
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (InvoiceLine line : lines(invoiceId)) {
            BigDecimal[] s = sums.getOrDefault(line.id(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            amount = amount.add(s[0]);
            tax = tax.add(s[1]);
            if (line.amount().compareTo(s[0]) != 0 || line.tax().compareTo(s[1]) != 0) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("baseamount", s[0]);
                values.put("tax", s[1]);
                values.put("extendedamount", s[0].add(s[1]));
                values.putAll(ctx.modified());
                ctx.writer().update(OperationsDataEntities.INVOICE_LINES, List.of(line.id()), values);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("totallineitemamount", amount);
        values.put("totaltax", tax);
        values.put("totalamount", amount.add(tax));
        values.putAll(ctx.modified());
        ctx.writer().update(OperationsDataEntities.INVOICES, List.of(invoiceId), values);
    }

    private static TandemException notFound(UUID id) {
        return new TandemException(NOT_FOUND, "Unknown invoice " + id, Map.of("entity", "invoice", "id", String.valueOf(id)));
    }
}
