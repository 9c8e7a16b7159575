package dev.tandem.monthend.output;

import dev.tandem.finance.proposal.CustomerInvoice;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What an invoice document shows, whichever app it comes from: Finance's posted customer invoice or credit note
 * (§5 step 15) and Project Operations' proforma invoice (§4.1) are both laid out by {@link InvoiceDocument} from this
 * shape, so the two documents look alike and the renderer has no rules of either app.
 *
 * <p>All amounts are in {@code currency} (ISO 4217). {@code amountExcludingTax}, {@code taxAmount}, {@code total} and
 * each row's {@code amount} are at the currency's minor units (scale 2 for EUR and USD), as the app that owns the
 * invoice rounded them; the document prints them and never recomputes them.
 *
 * @param seller             the selling party's name, printed at the top of every page
 * @param title              the document's kind ("Invoice", "Credit note", "Proforma invoice")
 * @param number             the document's number, repeated on the continuation pages
 * @param facts              the head of the first page, one printed line each ("Invoice date: 2025-04-30")
 * @param rows               the table, in the order to print
 * @param note               a line printed under the totals (a proforma's "not a tax invoice"), or {@code null}
 */
public record InvoiceContent(String seller, String title, String number, List<String> facts, String currency,
                             List<Row> rows, BigDecimal amountExcludingTax, BigDecimal taxAmount, BigDecimal total,
                             String note) {

    public InvoiceContent {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(currency, "currency");
        facts = List.copyOf(facts);
        rows = List.copyOf(rows);
    }

    /**
     * One row of the table. {@code quantity} in the row's unit (hours for time) at any scale; {@code unitPrice} in
     * {@code currency} per unit, {@code null} when the row has none (on-account and fee rows may not);
     * {@code amount} before tax at the currency's minor units.
     */
    public record Row(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    /**
     * The content of a posted customer invoice or credit note of Finance, sold by the legal entity named
     * {@code seller}: the facts of §5 step 15 (number, dates, customer, project contract, currency) and one row per
     * invoiced line, described by its description, else its category, else its line type.
     */
    public static InvoiceContent of(String seller, CustomerInvoice invoice) {
        return of(seller, invoice, List.of());
    }

    /**
     * {@link #of(String, CustomerInvoice)} with {@code more} facts printed after the invoice's own, e.g. the parties'
     * addresses and VAT identifiers, the payment means and the VAT breakdown of its e-invoice (docs/e-invoicing.md),
     * so that the PDF says what the e-invoice says.
     */
    public static InvoiceContent of(String seller, CustomerInvoice invoice, List<String> more) {
        List<String> facts = new java.util.ArrayList<>(List.of(
                "Invoice number: " + invoice.invoiceId(),
                "Invoice date: " + invoice.invoiceDate(),
                "Due date: " + invoice.dueDate(),
                "Customer: " + invoice.customerAccount() + " " + invoice.customerName(),
                "Project contract: " + invoice.contractId(),
                "Currency: " + invoice.currency()));
        facts.addAll(more);
        List<Row> rows = invoice.lines().stream().map(line -> new Row(line.description() != null ? line.description()
                : line.categoryId() != null ? line.categoryId() : line.type().name(), line.quantity(),
                line.unitPrice(), line.lineAmount())).toList();
        return new InvoiceContent(seller, invoice.creditNote() ? "Credit note" : "Invoice", invoice.invoiceId(), facts,
                invoice.currency(), rows, invoice.amountExcludingTax(), invoice.taxAmount(), invoice.invoiceTotal(),
                null);
    }
}
