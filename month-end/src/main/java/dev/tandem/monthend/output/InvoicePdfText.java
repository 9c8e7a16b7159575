package dev.tandem.monthend.output;

import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.monthend.MonthEndError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads an invoice PDF of {@link InvoicePdfs} back as text (PDFBox {@link PDFTextStripper}), the way a reader of
 * the document sees it. The run's self-check uses it: the invoice totals read back from the PDFs add up to the
 * customer transactions, per currency.
 */
public final class InvoicePdfText {

    /** The label of the one line that carries the invoice total. */
    static final String TOTAL_LABEL = "Invoice total:";

    private static final Pattern TOTAL = Pattern.compile(Pattern.quote(TOTAL_LABEL)
            + " ([A-Z]{3}) (-?[0-9]+(?:\\.[0-9]+)?)\\s*$", Pattern.MULTILINE);

    private InvoicePdfText() {
    }

    /**
     * The text of every page, in page order.
     *
     * @throws UncheckedIOException naming the file when it can't be read as a PDF
     */
    public static String text(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read invoice PDF " + pdf + ": " + e.getMessage(), e);
        }
    }

    /**
     * The invoice total the document states: the line {@code Invoice total: <currency> <amount>}, amount as written
     * (plain decimal at the currency's minor units, negative for a credit note).
     *
     * @throws TandemException INVALID_INPUT naming the file when it has no such line or more than one
     * @throws UncheckedIOException naming the file when it can't be read as a PDF
     */
    public static Money total(Path pdf) {
        Matcher m = TOTAL.matcher(text(pdf));
        List<Money> totals = m.results().map(r -> Money.of(r.group(2), r.group(1))).toList();
        if (totals.size() != 1) {
            throw new TandemException(MonthEndError.INVALID_INPUT, "Invoice PDF " + pdf + " has " + totals.size()
                    + " lines '" + TOTAL_LABEL + " <currency> <amount>', expected exactly one",
                    Map.of("file", pdf.toString()));
        }
        return totals.getFirst();
    }
}
