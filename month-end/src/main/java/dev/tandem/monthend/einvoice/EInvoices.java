package dev.tandem.monthend.einvoice;

import dev.tandem.common.TandemException;
import dev.tandem.finance.Finance;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.einvoice.EInvoiceSource;
import dev.tandem.finance.proposal.CustomerInvoice;
import dev.tandem.monthend.output.InvoiceContent;
import dev.tandem.monthend.output.InvoicePdfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The e-invoices of posted customer invoices and credit notes (docs/e-invoicing.md): one UBL 2.1 document per
 * invoice, Peppol BIS Billing 3.0, with the invoice's PDF ({@link InvoicePdfs}) embedded, named like the PDF with
 * {@code .xml} ({@code <invoice number>.xml}). {@code tandem run} writes them beside the PDFs; the REST API and the
 * accountant's page serve one.
 */
public final class EInvoices {

    /**
     * What {@link #write} did: the files written, in invoice-number order, and one line per invoice without an
     * e-invoice ({@code "<invoice number>: <why>"}, e.g. a customer without e-invoicing details).
     */
    public record Written(List<Path> files, List<String> skipped) {

        public Written {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }
    }

    private EInvoices() {
    }

    /**
     * Writes the e-invoice of every posted customer invoice of {@code dataAreaId} into {@code directory} (created when
     * missing), replacing files of the same name. A legal entity without e-invoicing details gets none (every invoice
     * is skipped with the reason); an invoice whose customer lacks them is skipped alone.
     *
     * @throws TandemException NOT_FOUND when the legal entity doesn't exist
     * @throws UncheckedIOException naming the file that could not be written
     */
    public static Written write(Finance finance, String dataAreaId, Path directory) {
        return write(finance, dataAreaId, directory, invoiceId -> null);
    }

    /**
     * {@link #write(Finance, String, Path)} embedding, for each invoice, the PDF {@code pdfOf} gives for its number
     * (the file the run's PDF step wrote a moment before, so the e-invoice carries those very bytes and the PDF is not
     * made twice), or, when it gives {@code null}, the PDF made anew.
     */
    public static Written write(Finance finance, String dataAreaId, Path directory,
                                Function<String, byte[]> pdfOf) {
        List<Path> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Path file = directory;
        try {
            Files.createDirectories(directory);
            // One invoice at a time: a month of many invoices of thousands of lines each is never held at once.
            for (String number : finance.proposals().customerInvoices().postedNumbers(dataAreaId)) {
                String name = uniqueName(fileNameOf(number), names);
                byte[] xml;
                try {
                    xml = xml(finance, dataAreaId, number, pdfOf.apply(number));
                } catch (TandemException e) {
                    if (e.errorCode() != FinanceError.EINVOICE_DATA_MISSING) {
                        throw e;
                    }
                    skipped.add(number + ": " + e.detail());
                    continue;
                }
                file = directory.resolve(name);
                Files.write(file, xml);
                files.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write e-invoice " + file + ": " + e.getMessage(), e);
        }
        return new Written(files, skipped);
    }

    /**
     * The e-invoice of one posted customer invoice or credit note as UTF-8 XML, with its PDF embedded.
     *
     * @throws TandemException NOT_FOUND when the legal entity or the invoice doesn't exist; EINVOICE_DATA_MISSING when
     *                         Finance lacks what the document needs (the message says what)
     */
    public static byte[] xml(Finance finance, String dataAreaId, String invoiceId) {
        return xml(finance, dataAreaId, invoiceId, null);
    }

    /** {@link #xml(Finance, String, String)} embedding {@code pdf}, or the PDF made anew when it is {@code null}. */
    private static byte[] xml(Finance finance, String dataAreaId, String invoiceId, byte[] pdf) {
        EInvoiceSource source = finance.eInvoiceSources().of(dataAreaId, invoiceId);
        byte[] embedded = pdf != null ? pdf
                : InvoicePdfs.pdf(finance, dataAreaId, invoiceId, invoice -> pdfContent(source));
        return UblEInvoice.xml(source, embedded, InvoicePdfs.fileNameOf(invoiceId));
    }

    /**
     * The PDF's content of each posted invoice of {@code dataAreaId} ({@link InvoicePdfs#write(Finance, String, Path,
     * Function)}): from its e-invoice's source ({@link #pdfContent(EInvoiceSource)}), so that the PDF and the UBL
     * document say the same; an invoice without e-invoicing details ({@code EINVOICE_DATA_MISSING}) gets the plain
     * document ({@link InvoiceContent#of}).
     */
    public static Function<CustomerInvoice, InvoiceContent> pdfContent(Finance finance, String dataAreaId) {
        return invoice -> {
            try {
                return pdfContent(finance.eInvoiceSources().of(dataAreaId, invoice.invoiceId()));
            } catch (TandemException e) {
                if (e.errorCode() == FinanceError.EINVOICE_DATA_MISSING) {
                    String seller = finance.setupLookup().legalEntityName(dataAreaId).orElse(dataAreaId);
                    return InvoiceContent.of(seller, invoice);
                }
                throw e;
            }
        };
    }

    /**
     * The PDF's content of an invoice with e-invoicing details, in Finance's sign (a credit note's amounts negative):
     * the seller with address, VAT identifier (BT-31), registration (BT-30) and contact (BG-6); the buyer's block with
     * address and VAT identifier (BT-48); the facts (number, dates, payment terms, contract, currency, the corrected
     * invoice of a credit note, the tax in the accounting currency when it differs); one row per line, grouped by
     * contract line, with its date, person and unit, and the quantity and price the UBL line shows
     * ({@link UblEInvoice#quantity}, so split-billing shares agree); the VAT breakdown ({@link EInvoiceAmounts}) and
     * the payment means with the account.
     */
    static InvoiceContent pdfContent(EInvoiceSource s) {
        EInvoiceAmounts a = EInvoiceAmounts.of(s);
        CustomerInvoice invoice = s.invoice();
        String currency = invoice.currency();
        BigDecimal sign = BigDecimal.valueOf(a.sign());
        var seller = s.seller();
        List<String> sellerDetails = new ArrayList<>();
        sellerDetails.add(address(seller.address()));
        sellerDetails.add("VAT ID " + seller.vatId() + (seller.legalRegistrationId() == null ? ""
                : " · Registration " + seller.legalRegistrationId()));
        if (seller.contact() != null) {
            sellerDetails.add("Contact: " + String.join(", ", java.util.stream.Stream.of(seller.contact().name(),
                    seller.contact().phone(), seller.contact().email()).filter(v -> v != null && !v.isBlank())
                    .toList()));
        }
        var buyer = s.buyer();
        List<String> billTo = new ArrayList<>();
        billTo.add(invoice.customerName());
        billTo.add(address(buyer.address()));
        if (buyer.vatId() != null) {
            billTo.add("VAT ID " + buyer.vatId());
        }
        billTo.add("Customer " + invoice.customerAccount());
        List<String> facts = new ArrayList<>();
        facts.add("Invoice number: " + invoice.invoiceId());
        facts.add("Invoice date: " + invoice.invoiceDate());
        facts.add("Due date: " + invoice.dueDate() + " (" + s.paymentTermDays() + " days)");
        facts.add("Project contract: " + invoice.contractId());
        if (buyer.buyerReference() != null) {
            facts.add("Your reference: " + buyer.buyerReference());
        }
        if (s.correctedInvoiceId() != null) {
            facts.add("Corrects invoice: " + s.correctedInvoiceId() + (s.correctedInvoiceDate() == null ? ""
                    : " of " + s.correctedInvoiceDate()));
        }
        facts.add("Currency: " + currency);
        if (a.taxTotalAccounting() != null) {
            facts.add("VAT in " + s.accountingCurrency() + ": " + a.taxTotalAccounting().multiply(sign).toPlainString()
                    + " at " + s.exchangeRate().stripTrailingZeros().toPlainString());
        }
        List<InvoiceContent.Row> rows = new ArrayList<>();
        for (int i = 0; i < s.lines().size(); i++) {
            EInvoiceSource.Line l = s.lines().get(i);
            UblEInvoice.Quantity q = UblEInvoice.quantity(l, a.lineNets().get(i), a.sign());
            rows.add(new InvoiceContent.Row(l.contractLineName(), l.transDate(), UblEInvoice.itemName(l), l.person(),
                    InvoiceContent.unitOf(l.type()), q.quantity().multiply(sign), q.price(), l.lineAmount()));
        }
        List<InvoiceContent.TaxRow> taxes = new ArrayList<>();
        for (EInvoiceAmounts.Breakdown b : a.breakdown()) {
            taxes.add(new InvoiceContent.TaxRow("VAT " + b.category() + (b.rate() == null ? "" : " "
                    + b.rate().toPlainString() + " %") + (b.exemptionCode() == null ? "" : " (" + b.exemptionCode()
                    + ")"), b.taxable().multiply(sign), b.tax().multiply(sign), b.exemptionReason()));
        }
        var pm = seller.paymentMeans();
        List<String> payment = new ArrayList<>();
        payment.add("Payment: " + switch (pm.code()) {
            case "58" -> "SEPA credit transfer";
            case "30" -> "credit transfer";
            default -> "payment means " + pm.code();
        } + (pm.iban() == null ? "" : " to IBAN " + pm.iban()) + (pm.bic() == null ? "" : ", BIC " + pm.bic())
                + (pm.accountName() == null ? "" : ", account " + pm.accountName()));
        payment.add("Reference: " + invoice.invoiceId() + " · due " + invoice.dueDate());
        return new InvoiceContent(s.sellerName(), sellerDetails, invoice.creditNote() ? "Credit note" : "Invoice",
                invoice.invoiceId(), facts, billTo, currency, rows, invoice.amountExcludingTax(), taxes,
                invoice.taxAmount(), invoice.invoiceTotal(), payment, null);
    }

    private static String address(dev.tandem.finance.einvoice.EInvoicingSetup.Address a) {
        StringBuilder b = new StringBuilder();
        if (a.street() != null) {
            b.append(a.street()).append(", ");
        }
        if (a.postalZone() != null) {
            b.append(a.postalZone()).append(' ');
        }
        if (a.city() != null) {
            b.append(a.city()).append(", ");
        }
        return b.append(a.countryCode()).toString();
    }

    private static String vat(String vatId) {
        return vatId == null ? "" : "; VAT ID " + vatId;
    }

    /** {@code <invoice number>.xml}, sanitized as the PDF's name is ({@link InvoicePdfs#fileNameOf}). */
    public static String fileNameOf(String invoiceId) {
        String pdf = InvoicePdfs.fileNameOf(invoiceId);
        return pdf.substring(0, pdf.length() - ".pdf".length()) + ".xml";
    }

    /** Two invoice numbers that sanitize alike get distinct names, as their PDFs do. */
    private static String uniqueName(String name, Set<String> taken) {
        String unique = name;
        for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
            unique = name.substring(0, name.length() - ".xml".length()) + "_" + n + ".xml";
        }
        return unique;
    }
}
