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
        byte[] pdf = InvoicePdfs.pdf(finance, dataAreaId, invoiceId);
        return UblEInvoice.xml(source, pdf, InvoicePdfs.fileNameOf(invoiceId));
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
