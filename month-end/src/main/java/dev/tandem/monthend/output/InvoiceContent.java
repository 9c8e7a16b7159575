package dev.tandem.monthend.output;

import dev.tandem.finance.proposal.CustomerInvoice;
import dev.tandem.finance.proposal.ProposalLineType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What an invoice document shows, whichever app it comes from: Finance's posted customer invoice or credit note
 * (§5 step 15) and Project Operations' proforma invoice (§4.1) are both laid out by {@link InvoiceDocument} from this
 * shape, so the two documents look alike and the renderer has no rules of either app.
 *
 * <p>All amounts are in {@code currency} (ISO 4217). {@code amountExcludingTax}, {@code taxAmount}, {@code total},
 * each row's {@code amount} and each tax row's amounts are at the currency's minor units (scale 2 for EUR and USD),
 * as the app that owns the invoice rounded them; the document prints them and never recomputes them.
 *
 * @param seller        the selling party's name, printed at the top of every page
 * @param sellerDetails lines under the seller's name on the first page (address, VAT identifier, registration,
 *                      contact); may be empty
 * @param title         the document's kind ("Invoice", "Credit note", "Proforma invoice")
 * @param number        the document's number, repeated on the continuation pages
 * @param facts         the first page's facts, one printed line each ("Invoice date: 2025-04-30")
 * @param billTo        the buyer's block beside the facts (name, address, VAT identifier); may be empty
 * @param rows          the table, in the order to print within each {@link Row#group}: the rows of a group are
 *                      printed together (groups in the order of their first row), under the group's name and with
 *                      the group's subtotal after them
 * @param taxBreakdown  the tax per category and rate, printed under the amount excluding tax; may be empty
 * @param payment       lines printed under the totals (payment means, account, reference); may be empty
 * @param note          a line printed last (a proforma's "not a tax invoice"), or {@code null}
 */
public record InvoiceContent(String seller, List<String> sellerDetails, String title, String number,
                             List<String> facts, List<String> billTo, String currency, List<Row> rows,
                             BigDecimal amountExcludingTax, List<TaxRow> taxBreakdown, BigDecimal taxAmount,
                             BigDecimal total, List<String> payment, String note) {

    public InvoiceContent {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(currency, "currency");
        sellerDetails = List.copyOf(sellerDetails);
        facts = List.copyOf(facts);
        billTo = List.copyOf(billTo);
        rows = List.copyOf(rows);
        taxBreakdown = List.copyOf(taxBreakdown);
        payment = List.copyOf(payment);
    }

    /**
     * One row of the table. {@code quantity} in {@code unit} at any scale; {@code unitPrice} in the currency per unit,
     * {@code null} when the row has none (on-account and fee rows may not); {@code amount} before tax at the
     * currency's minor units.
     *
     * @param group  the contract line the row bills, or {@code null} (rows without one are not grouped)
     * @param date   the date of the work or the transaction, or {@code null}
     * @param person who did the work, or {@code null}
     * @param unit   "h" for hours, "pc" for units, or {@code null}
     */
    public record Row(String group, LocalDate date, String description, String person, String unit,
                      BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    /**
     * The tax of one category and rate: {@code label} ("VAT S 19 %"), the taxable amount and the tax, and a
     * {@code remark} printed under it (an exemption's reason, which the invoice must state), or {@code null}.
     */
    public record TaxRow(String label, BigDecimal taxable, BigDecimal tax, String remark) {
    }

    /** The unit a proposal line's quantity is in: hours for time, units for everything else. */
    public static String unitOf(ProposalLineType type) {
        return type == ProposalLineType.HOUR ? "h" : "pc";
    }

    /**
     * The content of a posted customer invoice or credit note of Finance without its e-invoicing details (a legal
     * entity or customer that has none), sold by the legal entity named {@code seller}: the facts of §5 step 15
     * (number, dates, customer, project contract, currency) and one row per invoiced line, described by its
     * description, else its category, else its line type. {@code EInvoices.pdfContent} gives the full document.
     */
    public static InvoiceContent of(String seller, CustomerInvoice invoice) {
        List<String> facts = List.of(
                "Invoice number: " + invoice.invoiceId(),
                "Invoice date: " + invoice.invoiceDate(),
                "Due date: " + invoice.dueDate(),
                "Project contract: " + invoice.contractId(),
                "Currency: " + invoice.currency());
        List<Row> rows = invoice.lines().stream().map(line -> new Row(null, null, line.description() != null
                ? line.description() : line.categoryId() != null ? line.categoryId() : line.type().name(), null,
                unitOf(line.type()), line.quantity(), line.unitPrice(), line.lineAmount())).toList();
        return new InvoiceContent(seller, List.of(), invoice.creditNote() ? "Credit note" : "Invoice",
                invoice.invoiceId(), facts, List.of(invoice.customerName(), "Customer " + invoice.customerAccount()),
                invoice.currency(), rows, invoice.amountExcludingTax(), List.of(), invoice.taxAmount(),
                invoice.invoiceTotal(), List.of(), null);
    }
}
