package dev.tandem.monthend.einvoice;

import dev.tandem.common.TandemException;
import dev.tandem.finance.Finance;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.einvoice.EInvoiceSource;
import dev.tandem.finance.proposal.CustomerInvoice;
import dev.tandem.monthend.output.InvoicePdfs;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        List<Path> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Path file = directory;
        try {
            Files.createDirectories(directory);
            for (CustomerInvoice invoice : finance.proposals().customerInvoices().posted(dataAreaId)) {
                String name = uniqueName(fileNameOf(invoice.invoiceId()), names);
                byte[] xml;
                try {
                    xml = xml(finance, dataAreaId, invoice.invoiceId());
                } catch (TandemException e) {
                    if (e.errorCode() != FinanceError.EINVOICE_DATA_MISSING) {
                        throw e;
                    }
                    skipped.add(invoice.invoiceId() + ": " + e.detail());
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
        EInvoiceSource source = finance.eInvoiceSources().of(dataAreaId, invoiceId);
        byte[] pdf = InvoicePdfs.pdf(finance, dataAreaId, invoiceId, invoice -> pdfFacts(source));
        return UblEInvoice.xml(source, pdf, InvoicePdfs.fileNameOf(invoiceId));
    }

    /**
     * What the PDF of an invoice says of its e-invoice, as lines under its facts ({@link InvoicePdfs#write(Finance,
     * String, Path, Function)}): both parties with address and VAT identifier, the payment means, and the VAT
     * breakdown from {@link EInvoiceAmounts} in Finance's sign (a credit note's amounts negative, as on its PDF). An
     * invoice without an e-invoice ({@code EINVOICE_DATA_MISSING}) gets none.
     */
    public static Function<CustomerInvoice, List<String>> pdfFacts(Finance finance, String dataAreaId) {
        return invoice -> {
            try {
                return pdfFacts(finance.eInvoiceSources().of(dataAreaId, invoice.invoiceId()));
            } catch (TandemException e) {
                if (e.errorCode() == FinanceError.EINVOICE_DATA_MISSING) {
                    return List.of();
                }
                throw e;
            }
        };
    }

    static List<String> pdfFacts(EInvoiceSource s) {
        EInvoiceAmounts a = EInvoiceAmounts.of(s);
        String currency = s.invoice().currency();
        List<String> facts = new ArrayList<>();
        var seller = s.seller();
        facts.add("Seller: " + s.sellerName() + ", " + address(seller.address()) + vat(seller.vatId())
                + (seller.legalRegistrationId() == null ? "" : "; " + seller.legalRegistrationId()));
        var buyer = s.buyer();
        facts.add("Buyer: " + s.invoice().customerName() + ", " + address(buyer.address()) + vat(buyer.vatId()));
        var pm = s.seller().paymentMeans();
        facts.add("Payment: " + switch (pm.code()) {
            case "58" -> "SEPA credit transfer";
            case "30" -> "credit transfer";
            default -> "payment means " + pm.code();
        } + (pm.iban() == null ? "" : " to IBAN " + pm.iban()) + (pm.bic() == null ? "" : ", BIC " + pm.bic())
                + ", reference " + s.invoice().invoiceId());
        java.math.BigDecimal sign = java.math.BigDecimal.valueOf(a.sign());
        for (EInvoiceAmounts.Breakdown b : a.breakdown()) {
            facts.add("VAT " + b.category() + (b.rate() == null ? "" : " " + b.rate().toPlainString() + " %")
                    + (b.exemptionCode() == null ? "" : " (" + b.exemptionCode() + ")") + " on "
                    + b.taxable().multiply(sign).toPlainString() + " " + currency + ": "
                    + b.tax().multiply(sign).toPlainString() + " " + currency);
        }
        if (a.taxTotalAccounting() != null) {
            facts.add("VAT in " + s.accountingCurrency() + " at " + s.exchangeRate().stripTrailingZeros().toPlainString()
                    + ": " + a.taxTotalAccounting().multiply(sign).toPlainString() + " " + s.accountingCurrency());
        }
        return facts;
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
