package dev.tandem.monthend.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.monthend.output.InvoicePages.Page;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database-free parts of the invoice documents: paging, file names, safe text, numbers, reading back. */
class InvoiceLayoutTest {

    @TempDir
    Path dir;

    @Test
    void linesFillPagesAndTheTotalsGoUnderTheLastRowsOrOntoAPageOfTheirOwn() {
        assertThat(InvoicePages.plan(0, 30, 40, 4)).containsExactly(new Page(0, 0, true));
        assertThat(InvoicePages.plan(26, 30, 40, 4)).containsExactly(new Page(0, 26, true));
        assertThat(InvoicePages.plan(27, 30, 40, 4)).containsExactly(new Page(0, 27, false), new Page(27, 27, true));
        assertThat(InvoicePages.plan(80, 30, 40, 4)).containsExactly(new Page(0, 30, false), new Page(30, 70, false),
                new Page(70, 80, true));
        assertThatThrownBy(() -> InvoicePages.plan(1, 3, 40, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fileNamesKeepSafeInvoiceNumbersAndReplaceEverythingElse() {
        assertThat(InvoicePdfs.fileName("CI-000001")).isEqualTo("CI-000001.pdf");
        assertThat(InvoicePdfs.fileName("2026/03:7 é")).isEqualTo("2026_03_7__.pdf");
        assertThat(InvoicePdfs.fileName("../x")).isEqualTo("_._x.pdf");
    }

    @Test
    void textOutsideWinAnsiBecomesQuestionMarksAndControlsBecomeSpaces() {
        WinAnsiText text = new WinAnsiText(new PDType1Font(Standard14Fonts.FontName.HELVETICA));

        assertThat(text.safe("Müller & Söhne – €5 “quoted”")).isEqualTo("Müller & Söhne – €5 “quoted”");
        assertThat(text.safe("Łódź\tΩ\n北京")).isEqualTo("?ód? ? ??");
        assertThat(text.safe(null)).isEmpty();
    }

    @Test
    void numbersArePlainDecimalsThatOnlyGainOrLoseZeros() {
        assertThat(PlainAmounts.money(new BigDecimal("12345.600000"), "EUR")).isEqualTo("12345.60");
        assertThat(PlainAmounts.money(new BigDecimal("-1E+3"), "USD")).isEqualTo("-1000.00");
        assertThat(PlainAmounts.money(new BigDecimal("1500.000000"), "JPY")).isEqualTo("1500");
        assertThat(PlainAmounts.plain(new BigDecimal("8.000000"))).isEqualTo("8");
        assertThat(PlainAmounts.plain(new BigDecimal("0.000000"))).isEqualTo("0");
        assertThat(PlainAmounts.plain(new BigDecimal("1.2500000000"))).isEqualTo("1.25");
        assertThat(PlainAmounts.unitPrice(new BigDecimal("125.500000"), "EUR")).isEqualTo("125.50");
        assertThat(PlainAmounts.unitPrice(new BigDecimal("0.123400"), "EUR")).isEqualTo("0.1234");
        assertThat(PlainAmounts.unitPrice(null, "EUR")).isEmpty();
    }

    @Test
    void aPdfWithoutATotalLineIsRefusedNamingTheFile() throws IOException {
        Path pdf = dir.resolve("other.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                out.beginText();
                out.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                out.newLineAtOffset(50, 700);
                out.showText("Total: EUR 10.00");
                out.endText();
            }
            document.save(pdf.toFile());
        }

        assertThat(InvoicePdfText.text(pdf)).contains("Total: EUR 10.00");
        assertThatThrownBy(() -> InvoicePdfText.total(pdf)).isInstanceOf(TandemException.class)
                .hasMessageContaining(pdf.toString()).hasMessageContaining("Invoice total:");
    }

    @Test
    void anyContentIsLaidOutWithItsPartiesGroupsSubtotalsBreakdownAndNoteOverAsManyPagesAsItsRowsNeed()
            throws IOException {
        List<String> facts = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            facts.add("Fact " + i + ": value " + i);
        }
        List<InvoiceContent.Row> rows = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal design = BigDecimal.ZERO;
        for (int i = 1; i <= 120; i++) {
            BigDecimal amount = new BigDecimal("33.33").multiply(BigDecimal.valueOf(i)).setScale(2);
            // Interleaved, as line details come in date order: the document prints each contract line's rows together.
            String group = i % 3 == 0 ? "Design" : "Build";
            rows.add(new InvoiceContent.Row(group, java.time.LocalDate.of(2025, 4, 1 + i % 28), "Row " + i,
                    "Person " + i % 7, "h", new BigDecimal(i), new BigDecimal("33.330000"), amount));
            sum = sum.add(amount);
            design = group.equals("Design") ? design.add(amount) : design;
        }
        BigDecimal tax = sum.multiply(new BigDecimal("0.19")).setScale(2, java.math.RoundingMode.HALF_UP);
        String longPayment = "Payment: SEPA credit transfer to IBAN DE89370400440532013000, BIC COBADEFFXXX, account "
                + "Seller Ltd, reference PI-7, and a sentence long enough that it must wrap onto a second line";
        InvoiceContent content = new InvoiceContent("Seller Ltd", List.of("Main Street 1, 10115 Berlin, DE",
                "VAT ID DE123456789"), "Proforma invoice", "PI-7", facts, List.of("Buyer AG", "Bahnhofstrasse 1, "
                + "8001 Zürich, CH"), "EUR", rows, sum, List.of(new InvoiceContent.TaxRow("VAT S 19 %", sum, tax,
                "Standard rate")),
                tax, sum.add(tax), List.of(longPayment), "Proforma invoice: not a tax invoice.");
        Path pdf = dir.resolve("content.pdf");

        InvoiceDocument.write(content, pdf);

        String text = InvoicePdfText.text(pdf);
        int pages = (int) Pattern.compile("Page \\d+ of \\d+").matcher(text).results().count();
        assertThat(pages).isGreaterThan(1);
        assertThat(text).contains("Seller Ltd", "VAT ID DE123456789", "Bill to", "Buyer AG", "Proforma invoice",
                "Fact 9: value 9", "Row 1 · Person 1", "Row 120", "Proforma invoice PI-7 (continued)",
                "Page " + pages + " of " + pages, "Amount excluding tax: EUR " + sum.toPlainString(),
                "VAT S 19 % on " + sum.toPlainString() + " " + tax.toPlainString(), "Standard rate", "Subtotal Design "
                + design.toPlainString(), "Subtotal Build " + sum.subtract(design).toPlainString(),
                "IBAN DE89370400440532013000", "wrap onto a second line", "Proforma invoice: not a tax invoice.");
        // The rows of a group are printed together, under its name, whatever order they came in.
        assertThat(text.indexOf("Row 3 ")).isGreaterThan(text.indexOf("Subtotal Build"));
        assertThat(text.indexOf("Row 119 ")).isLessThan(text.indexOf("Subtotal Build"));
        assertThat(InvoicePdfText.total(pdf)).isEqualTo(dev.tandem.common.Money.of(sum.add(tax).toPlainString(),
                "EUR"));
        assertThat(InvoiceDocument.bytes(content)).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
