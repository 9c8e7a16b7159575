package dev.tandem.monthend.output;

import dev.tandem.common.TandemException;
import dev.tandem.finance.Finance;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.proposal.CustomerInvoice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The invoice documents of {@code tandem run}: one PDF per posted customer invoice or credit note of a legal
 * entity (§5 step 15), as {@link InvoiceDocument} lays it out, named {@code <invoice number>.pdf}.
 */
public final class InvoicePdfs {

    private InvoicePdfs() {
    }

    /**
     * Writes the PDF of every posted customer invoice of {@code dataAreaId} ({@code finance.proposals()
     * .customerInvoices().posted}) into {@code directory}, created when missing; an existing file of the same name is
     * replaced, so a repeated run rewrites the same documents.
     *
     * @return the files written, in invoice-number order
     * @throws TandemException NOT_FOUND when the legal entity doesn't exist
     * @throws UncheckedIOException naming the file that could not be written
     */
    public static List<Path> write(Finance finance, String dataAreaId, Path directory) {
        String seller = sellerName(finance, dataAreaId);
        return write(finance, dataAreaId, directory, invoice -> InvoiceContent.of(seller, invoice));
    }

    /**
     * {@link #write(Finance, String, Path)} with each invoice's document made by {@code contentOf} (the full document
     * with both parties, the tax breakdown and the payment means: {@code EInvoices.pdfContent}).
     */
    public static List<Path> write(Finance finance, String dataAreaId, Path directory,
                                   Function<CustomerInvoice, InvoiceContent> contentOf) {
        return new ArrayList<>(writeByNumber(finance, dataAreaId, directory, contentOf).values());
    }

    /**
     * {@link #write(Finance, String, Path, Function)}, answering each file by its invoice's number (in invoice-number
     * order), so that a later step finds an invoice's very file even when two numbers sanitize to one name.
     */
    public static java.util.SequencedMap<String, Path> writeByNumber(Finance finance, String dataAreaId,
                                                                    Path directory,
                                                                    Function<CustomerInvoice, InvoiceContent> contentOf) {
        sellerName(finance, dataAreaId);
        java.util.SequencedMap<String, Path> written = new java.util.LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        Path file = directory;
        try {
            Files.createDirectories(directory);
            // One invoice at a time: a month of many invoices of thousands of lines each is never held at once.
            for (String number : finance.proposals().customerInvoices().postedNumbers(dataAreaId)) {
                CustomerInvoice invoice = finance.proposals().customerInvoices().posted(dataAreaId, number)
                        .orElseThrow();
                file = directory.resolve(uniqueName(fileName(invoice.invoiceId()), names));
                InvoiceDocument.write(contentOf.apply(invoice), file);
                written.put(number, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write invoice PDF " + file + ": " + e.getMessage(), e);
        }
        return written;
    }

    /**
     * The PDF of one posted customer invoice or credit note of {@code dataAreaId}, laid out as {@link #write} lays out
     * each file (the web UI serves it).
     *
     * @throws TandemException NOT_FOUND when the legal entity or the invoice doesn't exist
     * @throws UncheckedIOException when the document could not be made
     */
    public static byte[] pdf(Finance finance, String dataAreaId, String invoiceId) {
        String seller = sellerName(finance, dataAreaId);
        return pdf(finance, dataAreaId, invoiceId, invoice -> InvoiceContent.of(seller, invoice));
    }

    /** {@link #pdf(Finance, String, String)} with the invoice's document made by {@code contentOf}. */
    public static byte[] pdf(Finance finance, String dataAreaId, String invoiceId,
                             Function<CustomerInvoice, InvoiceContent> contentOf) {
        sellerName(finance, dataAreaId);
        CustomerInvoice invoice = finance.proposals().customerInvoices().posted(dataAreaId, invoiceId).orElseThrow(
                () -> new TandemException(FinanceError.NOT_FOUND, "Customer invoice " + invoiceId + " doesn't exist in "
                        + "legal entity " + dataAreaId, Map.of("dataAreaId", dataAreaId, "invoiceId", invoiceId)));
        try {
            return InvoiceDocument.bytes(contentOf.apply(invoice));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the PDF of invoice " + invoiceId + ": " + e.getMessage(), e);
        }
    }

    /** The file name {@link #write} gives an invoice's document, for a download. */
    public static String fileNameOf(String invoiceId) {
        return fileName(invoiceId);
    }

    /**
     * {@code <invoice number>.pdf} with every character other than letters, digits, {@code .}, {@code -} and
     * {@code _} replaced by {@code _}, and a leading dot too, so that no invoice number names a path, a hidden file or
     * a file some file system refuses.
     */
    static String fileName(String invoiceId) {
        String safe = invoiceId.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.", "_");
        return (safe.isEmpty() ? "_" : safe) + ".pdf";
    }

    /** Two invoice numbers that sanitize alike ("A/1", "A:1") must not overwrite each other's document. */
    private static String uniqueName(String name, Set<String> taken) {
        String unique = name;
        for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
            unique = name.substring(0, name.length() - ".pdf".length()) + "_" + n + ".pdf";
        }
        return unique;
    }

    /** The seller on the document: the legal entity's name. */
    private static String sellerName(Finance finance, String dataAreaId) {
        return finance.setupLookup().legalEntityName(dataAreaId).orElseThrow(() -> new TandemException(
                FinanceError.NOT_FOUND, "Legal entity " + dataAreaId + " doesn't exist", Map.of("dataAreaId",
                dataAreaId)));
    }
}
