package dev.tandem.monthend;

import dev.tandem.finance.Finance;
import dev.tandem.monthend.einvoice.EInvoices;
import dev.tandem.monthend.output.InvoicePdfs;
import dev.tandem.monthend.output.LedgerCsv;
import dev.tandem.monthend.report.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files a run writes into its output folder: one PDF per posted customer invoice ({@code <number>.pdf}) and its
 * e-invoice ({@code <number>.xml}, Peppol BIS Billing 3.0, when the company and the customer have e-invoicing details), the
 * general ledger as {@code general-ledger.csv}, and {@code report.json}.
 */
final class RunOutputs {

    static final String LEDGER_FILE = "general-ledger.csv";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Finance finance;

    RunOutputs(Finance finance) {
        this.finance = finance;
    }

    /**
     * The PDFs written (every posted invoice of the legal entity, not only this run's), the e-invoices written beside
     * them and the invoices without one ({@link EInvoices.Written}), and the ledger's rows.
     */
    record Written(List<Path> pdfs, EInvoices.Written eInvoices, int ledgerRows) {
    }

    Written write(String legalEntity, Path out, Progress progress) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the output folder " + out, e);
        }
        java.util.SequencedMap<String, Path> pdfByNumber = progress.compute("Write invoice PDFs", 1, bar -> {
            java.util.SequencedMap<String, Path> written = InvoicePdfs.writeByNumber(finance, legalEntity, out,
                    EInvoices.pdfContent(finance, legalEntity));
            bar.step();
            return written;
        });
        List<Path> pdfs = List.copyOf(pdfByNumber.values());
        EInvoices.Written eInvoices = progress.compute("Write e-invoices", 1, bar -> {
            // The e-invoices embed the very PDFs just written, not a second rendering of each.
            EInvoices.Written written = EInvoices.write(finance, legalEntity, out, number -> {
                Path pdf = pdfByNumber.get(number);
                try {
                    return pdf == null ? null : Files.readAllBytes(pdf);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the invoice PDF " + pdf, e);
                }
            });
            bar.step();
            return written;
        });
        int rows = progress.compute("Write general ledger", 1, bar -> {
            int written = LedgerCsv.write(finance, legalEntity, out.resolve(LEDGER_FILE));
            bar.step();
            return written;
        });
        return new Written(pdfs, eInvoices, rows);
    }

    static void writeReport(RunReport report, Path file) {
        JSON.writeValue(file.toFile(), report);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
