package dev.tandem.monthend.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.common.Money;
import dev.tandem.common.testing.DatabaseTest;
import dev.tandem.finance.FinanceSchema;
import dev.tandem.finance.proposal.CustomerInvoice;
import dev.tandem.finance.proposal.ProposalPosting.PostedInvoice;
import dev.tandem.monthend.output.OutputsWorld.Work;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outputs of {@code tandem run} over posted Finance invoices: the invoice PDFs read back as text say what Finance
 * posted and their totals add up to accounts receivable; the ledger CSV parses back balanced, one row per general
 * journal entry line.
 */
class InvoiceOutputsTest extends DatabaseTest {

    /** A description wider than the table's description column. */
    private static final String LONG = "Architecture review " + "and follow-up ".repeat(20);

    @TempDir
    Path out;

    private OutputsWorld world;
    private PostedInvoice usd;
    private PostedInvoice eurLong;
    private PostedInvoice credit;

    @Override
    protected List<String> migrationLocations() {
        return Arrays.asList(FinanceSchema.LOCATIONS);
    }

    @BeforeEach
    void postInvoices() {
        world = new OutputsWorld(dataSource());
        usd = world.post("INV-000001", "C-001", "USD", List.of(new Work("Design workshop\twith\nline breaks", "8",
                "125.55"), new Work("Data migration", "2.5", "99.99"), new Work(LONG, "1", "10")));
        eurLong = world.post("INV-000002", "C-002", "EUR", IntStream.rangeClosed(1, 80)
                .mapToObj(i -> new Work("Sprint task " + i + " – data pipeline", "1.25", String.valueOf(100 + i)))
                .toList());
        credit = world.post("INV-000003", "C-001", "USD", List.of(new Work("Credit for workshop hours", "-3",
                "125.55")));
    }

    private List<CustomerInvoice> invoices() {
        return world.finance.proposals().customerInvoices().posted(OutputsWorld.LE);
    }

    private static int pages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return document.getNumberOfPages();
        }
    }

    private static String pageText(Path pdf, int page) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(document);
        }
    }

    @Test
    void everyPostedInvoiceGetsAPdfNamedByItsNumberThatSaysWhatFinancePosted() {
        List<Path> pdfs = InvoicePdfs.write(world.finance, OutputsWorld.LE, out.resolve("invoices"));

        List<CustomerInvoice> invoices = invoices();
        assertThat(pdfs).extracting(p -> p.getFileName().toString()).containsExactly(usd.customerInvoiceId() + ".pdf",
                eurLong.customerInvoiceId() + ".pdf", credit.customerInvoiceId() + ".pdf");
        assertThat(pdfs).allSatisfy(p -> assertThat(p).isRegularFile().hasParent(out.resolve("invoices")));
        for (int i = 0; i < pdfs.size(); i++) {
            CustomerInvoice invoice = invoices.get(i);
            String text = InvoicePdfText.text(pdfs.get(i));
            assertThat(text).contains(OutputsWorld.SELLER, "Invoice number: " + invoice.invoiceId(),
                    "Invoice date: " + invoice.invoiceDate(), "Due date: " + invoice.dueDate(),
                    "Project contract: " + invoice.contractId(), invoice.customerAccount(),
                    "Amount excluding tax: " + invoice.currency() + " "
                            + PlainAmounts.money(invoice.amountExcludingTax(), invoice.currency()),
                    "Sales tax: " + invoice.currency() + " " + PlainAmounts.money(invoice.taxAmount(), invoice.currency()));
            assertThat(InvoicePdfText.total(pdfs.get(i))).isEqualTo(Money.of(Money.round(invoice.invoiceTotal(),
                    invoice.currency()), invoice.currency()));
        }
        String first = InvoicePdfText.text(pdfs.get(0));
        assertThat(first).startsWith(OutputsWorld.SELLER).contains("Invoice\n", "Fabrikam", "Data migration", "2.5",
                "99.99", "Design workshop with line breaks", "Invoice total: USD " + usd.invoiceAmount().setScale(2));
        assertThat(usd.sumTax()).as("the lines are taxed").isPositive();
        assertThat(first).as("a description wider than its column is cut").contains("Architecture review and follow-up")
                .contains("...").doesNotContain(LONG.strip());
        String note = InvoicePdfText.text(pdfs.get(2));
        assertThat(note).contains("Credit note\n", "Credit for workshop hours", "-3", "-376.65");
        assertThat(InvoicePdfText.total(pdfs.get(2)).amount()).isNegative()
                .isEqualByComparingTo(credit.invoiceAmount());
    }

    @Test
    void aCustomerNameOutsideWinAnsiIsShownWithQuestionMarksInsteadOfFailing() {
        List<Path> pdfs = InvoicePdfs.write(world.finance, OutputsWorld.LE, out);

        assertThat(InvoicePdfText.text(pdfs.get(1))).contains("?ód? ?mega ?? Café GmbH", "Customer C-002")
                .contains("Sprint task 1 – data pipeline");
    }

    @Test
    void pdfTotalsReadBackAsTextAddUpToTheCustomerTransactionsPerCurrency() {
        List<Path> pdfs = InvoicePdfs.write(world.finance, OutputsWorld.LE, out);

        Map<String, BigDecimal> fromPdfs = new TreeMap<>();
        for (Path pdf : pdfs) {
            Money total = InvoicePdfText.total(pdf);
            fromPdfs.merge(total.currency(), total.amount(), BigDecimal::add);
        }
        Map<String, BigDecimal> receivables = world.finance.proposals().customerInvoices()
                .customerTransactionTotals(OutputsWorld.LE);
        assertThat(fromPdfs).isEqualTo(receivables).containsOnlyKeys("EUR", "USD");
        assertThat(receivables.get("USD")).isEqualByComparingTo(usd.invoiceAmount().add(credit.invoiceAmount()));
        assertThat(receivables.get("EUR")).isEqualByComparingTo(eurLong.invoiceAmount());
    }

    @Test
    void eightyLinesRunOverPagesThatRepeatTheTableHeaderAndAreNumbered() throws IOException {
        Path pdf = InvoicePdfs.write(world.finance, OutputsWorld.LE, out).get(1);

        int pages = pages(pdf);
        assertThat(pages).isGreaterThan(1);
        List<String> texts = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            String text = pageText(pdf, page);
            texts.add(text);
            assertThat(text).contains("Page " + page + " of " + pages);
            if (page > 1) {
                assertThat(text).contains("Invoice " + eurLong.customerInvoiceId() + " (continued)");
            }
        }
        assertThat(texts).filteredOn(t -> t.contains("Sprint task")).allSatisfy(t ->
                assertThat(t).contains("Description Quantity Unit price Amount"));
        String all = String.join("", texts);
        for (int i = 1; i <= 80; i++) {
            assertThat(all).containsOnlyOnce("Sprint task " + i + " – data pipeline");
        }
        assertThat(texts.getLast()).contains("Invoice total: EUR");
        assertThat(texts.getFirst()).doesNotContain("Invoice total:");
    }

    @Test
    void theLedgerCsvHasOneRowPerJournalEntryLineAndEveryVoucherBalances() throws IOException {
        Path csv = out.resolve("ledger.csv");

        int rows = LedgerCsv.write(world.finance, OutputsWorld.LE, csv);

        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)
                    .getRecords();
        }
        assertThat(rows).isEqualTo(records.size()).isEqualTo(world.count("generaljournalentry")).isPositive();
        assertThat(records.getFirst().getParser().getHeaderNames()).containsExactly(LedgerCsv.HEADER);
        Map<String, BigDecimal> perVoucherAndCurrency = new TreeMap<>();
        Map<String, BigDecimal> perVoucherAccounting = new TreeMap<>();
        List<String> order = new ArrayList<>();
        for (CSVRecord r : records) {
            assertThat(r.get("amount") + r.get("accounting_amount") + r.get("exchange_rate")).doesNotContain("E", "e");
            perVoucherAndCurrency.merge(r.get("voucher") + " " + r.get("currency"), new BigDecimal(r.get("amount")),
                    BigDecimal::add);
            perVoucherAccounting.merge(r.get("voucher"), new BigDecimal(r.get("accounting_amount")), BigDecimal::add);
            order.add(r.get("voucher") + String.format("/%05d", Integer.parseInt(r.get("line"))));
        }
        assertThat(perVoucherAndCurrency.values()).allSatisfy(sum -> assertThat(sum).isZero());
        assertThat(perVoucherAccounting.values()).allSatisfy(sum -> assertThat(sum).isZero());
        assertThat(order).isSorted();
        assertThat(perVoucherAccounting).containsOnlyKeys(usd.voucher(), eurLong.voucher(), credit.voucher());
        CSVRecord receivable = records.stream().filter(r -> r.get("voucher").equals(eurLong.voucher())
                && r.get("main_account").equals("110000")).findFirst().orElseThrow();
        assertThat(receivable.get("main_account_name")).isEqualTo("Customer balance");
        assertThat(receivable.get("customer_account")).isEqualTo("C-002");
        assertThat(receivable.get("currency")).isEqualTo("EUR");
        assertThat(receivable.get("accounting_currency")).isEqualTo("USD");
        assertThat(new BigDecimal(receivable.get("amount"))).isEqualByComparingTo(eurLong.invoiceAmount());
        assertThat(new BigDecimal(receivable.get("accounting_amount"))).isEqualByComparingTo(eurLong.receivableMst());
        assertThat(new BigDecimal(receivable.get("exchange_rate"))).isEqualByComparingTo("1.10");
        assertThat(receivable.get("source_type")).isEqualTo("ProjInvoiceProposal");
        assertThat(receivable.get("source_id")).isEqualTo("INV-000002");
    }
}
