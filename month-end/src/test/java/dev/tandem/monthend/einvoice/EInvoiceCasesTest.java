package dev.tandem.monthend.einvoice;

import static dev.tandem.monthend.einvoice.EInvoiceAssertions.all;
import static dev.tandem.monthend.einvoice.EInvoiceAssertions.assertConformant;
import static dev.tandem.monthend.einvoice.EInvoiceAssertions.in;
import static dev.tandem.monthend.einvoice.EInvoiceAssertions.parse;
import static dev.tandem.monthend.einvoice.EInvoiceAssertions.top;
import static dev.tandem.monthend.einvoice.EInvoiceWorld.EXPENSE;
import static dev.tandem.monthend.einvoice.EInvoiceWorld.FEE;
import static dev.tandem.monthend.einvoice.EInvoiceWorld.MATERIAL;
import static dev.tandem.monthend.einvoice.EInvoiceWorld.TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.common.testing.DatabaseTest;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.FinanceSchema;
import dev.tandem.finance.proposal.CustomerInvoice;
import dev.tandem.finance.proposal.ProposalPosting.PostedInvoice;
import dev.tandem.monthend.einvoice.EInvoiceWorld.Work;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 17's cases, posted through Finance on H2 and on PostgreSQL, each e-invoice validated with the official
 * OpenPeppol BIS Billing 3.0 and CEN EN 16931 rules (zero errors; warnings printed): two tax rates, a full and a
 * partial credit note referring to their invoice, an invoice in a currency other than the accounting currency, a
 * zero-amount invoice, reverse charge, a 5,000-line invoice and amounts that stress rounding. Each document's totals
 * are Finance's as posted.
 */
class EInvoiceCasesTest extends DatabaseTest {

    @TempDir
    Path out;

    private EInvoiceWorld world;

    @Override
    protected List<String> migrationLocations() {
        return Arrays.asList(FinanceSchema.LOCATIONS);
    }

    @BeforeEach
    void world() {
        world = new EInvoiceWorld(dataSource());
    }

    private byte[] xml(PostedInvoice posted) {
        return EInvoices.xml(world.finance, EInvoiceWorld.LE, posted.customerInvoiceId());
    }

    private CustomerInvoice invoice(PostedInvoice posted) {
        return world.finance.proposals().customerInvoices().posted(EInvoiceWorld.LE, posted.customerInvoiceId())
                .orElseThrow();
    }

    /** The document's totals are Finance's (sign of the document), and it passes the rules. */
    private Document conformant(String label, PostedInvoice posted) {
        byte[] xml = xml(posted);
        assertConformant(label + " " + posted.customerInvoiceId(), xml, posted.creditNote());
        Document doc = parse(xml);
        CustomerInvoice invoice = invoice(posted);
        BigDecimal sign = posted.creditNote() ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        assertThat(new BigDecimal(in(doc, "LegalMonetaryTotal", "PayableAmount")))
                .isEqualByComparingTo(invoice.invoiceTotal().multiply(sign));
        assertThat(new BigDecimal(in(doc, "LegalMonetaryTotal", "TaxExclusiveAmount")))
                .isEqualByComparingTo(invoice.amountExcludingTax().multiply(sign));
        assertThat(new BigDecimal(in(doc, "TaxTotal", "TaxAmount")))
                .isEqualByComparingTo(invoice.taxAmount().multiply(sign));
        assertThat(top(doc, "DocumentCurrencyCode")).isEqualTo(invoice.currency());
        assertThat(all(doc, true, posted.creditNote() ? "CreditNoteLine" : "InvoiceLine").getLength())
                .isEqualTo(invoice.lines().size());
        Element pdf = (Element) all(doc, false, "EmbeddedDocumentBinaryObject").item(0);
        assertThat(pdf.getAttribute("mimeCode")).isEqualTo("application/pdf");
        assertThat(new String(Base64.getMimeDecoder().decode(pdf.getTextContent().strip()), 0, 5)).isEqualTo("%PDF-");
        return doc;
    }

    /** Each VAT breakdown's tax is its taxable amount × rate rounded once (BR-CO-17 without its tolerance). */
    private static void breakdownRoundsOnce(Document doc) {
        NodeList subtotals = all(doc, true, "TaxSubtotal");
        assertThat(subtotals.getLength()).isPositive();
        for (int i = 0; i < subtotals.getLength(); i++) {
            Element sub = (Element) subtotals.item(i);
            BigDecimal taxable = new BigDecimal(sub.getElementsByTagNameNS(EInvoiceAssertions.CBC, "TaxableAmount")
                    .item(0).getTextContent());
            BigDecimal tax = new BigDecimal(sub.getElementsByTagNameNS(EInvoiceAssertions.CBC, "TaxAmount").item(0)
                    .getTextContent());
            NodeList percent = sub.getElementsByTagNameNS(EInvoiceAssertions.CBC, "Percent");
            BigDecimal rate = percent.getLength() == 0 ? BigDecimal.ZERO : new BigDecimal(percent.item(0)
                    .getTextContent());
            assertThat(tax).isEqualByComparingTo(taxable.multiply(rate).movePointLeft(2)
                    .setScale(2, RoundingMode.HALF_UP));
        }
    }

    @Test
    void anInvoiceWithTwoTaxRatesHasOneBreakdownPerRate() {
        PostedInvoice posted = world.post("PP-000001", "C-DE", List.of(
                Work.hours("Solution design workshop", "7.5", "140"),
                new Work(EXPENSE, "Train Berlin–München", "1", "129.90", "FULL"),
                new Work(MATERIAL, "Textbook: Domain-Driven Design", "3", "54.99", "REDUCED"),
                new Work(FEE, "Project management fee", "1", "250", "FULL")));

        Document doc = conformant("two rates", posted);

        assertThat(all(doc, true, "TaxSubtotal").getLength()).isEqualTo(2);
        breakdownRoundsOnce(doc);
        NodeList quantities = all(doc, false, "InvoicedQuantity");
        assertThat(IntStream.range(0, quantities.getLength()).mapToObj(i -> ((Element) quantities.item(i))
                .getAttribute("unitCode")).toList()).containsExactlyInAnyOrder("HUR", "C62", "C62", "C62");
        assertThat(top(doc, "InvoiceTypeCode")).isEqualTo("380");
        assertThat(top(doc, "DueDate")).isEqualTo("2025-05-14");
        assertThat(top(doc, "BuyerReference")).isEqualTo("PC-DE");
        assertThat(in(doc, "ContractDocumentReference", "ID")).isEqualTo("PC-DE");
        assertThat(in(doc, "PayeeFinancialAccount", "ID")).isEqualTo("DE89370400440532013000");
        assertThat(in(doc, "PaymentMeans", "PaymentMeansCode")).isEqualTo("58");
    }

    @Test
    void aFullCreditNoteReferencesTheInvoiceItCorrects() {
        List<Work> work = List.of(Work.hours("Backend development", "16", "120"),
                new Work(EXPENSE, "Hotel", "2", "119", "FULL"));
        PostedInvoice original = world.post("PP-000001", "C-DE", work);
        List<UUID> billed = world.actuals("PP-000001");

        PostedInvoice credit = world.post("PP-000002", "C-DE", "P-DE", List.of(
                Work.hours("Backend development", "-16", "120"), new Work(EXPENSE, "Hotel", "-2", "119", "FULL")),
                Map.of(0, billed.get(0), 1, billed.get(1)));

        assertThat(credit.creditNote()).isTrue();
        Document doc = conformant("full credit", credit);
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("CreditNote");
        assertThat(top(doc, "CreditNoteTypeCode")).isEqualTo("381");
        assertThat(in(doc, "InvoiceDocumentReference", "ID")).isEqualTo(original.customerInvoiceId());
        assertThat(in(doc, "InvoiceDocumentReference", "IssueDate")).isEqualTo("2025-04-30");
        assertThat(new BigDecimal(in(doc, "LegalMonetaryTotal", "PayableAmount")))
                .isEqualByComparingTo(original.invoiceAmount());
        assertThat(in(doc, "PaymentMeans", "PaymentDueDate")).isEqualTo("2025-05-14");
    }

    @Test
    void aPartialCreditNoteCreditsPartOfALine() {
        PostedInvoice original = world.post("PP-000001", "C-DE", List.of(Work.hours("Frontend development", "40",
                "110")));
        UUID billed = world.actuals("PP-000001").getFirst();

        PostedInvoice credit = world.post("PP-000002", "C-DE", "P-DE", List.of(Work.hours("Frontend development",
                "-12.5", "110")), Map.of(0, billed));

        Document doc = conformant("partial credit", credit);
        assertThat(in(doc, "InvoiceDocumentReference", "ID")).isEqualTo(original.customerInvoiceId());
        assertThat(in(doc, "CreditNoteLine", "CreditedQuantity")).isEqualTo("12.5");
        assertThat(new BigDecimal(in(doc, "LegalMonetaryTotal", "TaxExclusiveAmount"))).isEqualByComparingTo("1375.00");
    }

    @Test
    void anInvoiceInAnotherCurrencyStatesItsVatInTheAccountingCurrency() {
        PostedInvoice posted = world.post("PP-000001", "C-US", List.of(Work.hours("Data engineering", "37.5", "150"),
                new Work(EXPENSE, "Flight FRA–SEA", "1", "1240.55", null)));

        Document doc = conformant("USD", posted);

        assertThat(top(doc, "DocumentCurrencyCode")).isEqualTo("USD");
        assertThat(top(doc, "TaxCurrencyCode")).isEqualTo("EUR");
        NodeList totals = all(doc, true, "TaxTotal");
        assertThat(totals.getLength()).isEqualTo(2);
        Element accounting = (Element) ((Element) totals.item(1)).getElementsByTagNameNS(EInvoiceAssertions.CBC,
                "TaxAmount").item(0);
        assertThat(accounting.getAttribute("currencyID")).isEqualTo("EUR");
        assertThat(in(doc, "TaxCategory", "ID")).isEqualTo("O");
        assertThat(in(doc, "TaxCategory", "TaxExemptionReasonCode")).isEqualTo("VATEX-EU-O");
        // BR-O-02..04: no VAT identifiers on an invoice not subject to VAT.
        assertThat(all(doc, true, "PartyTaxScheme").getLength()).isZero();
        assertThat(top(doc, "BuyerReference")).isEqualTo("PO-4711");
    }

    @Test
    void aReverseChargeInvoiceNamesBothVatIdentifiers() {
        PostedInvoice posted = world.post("PP-000001", "C-AT", List.of(Work.hours("Shop integration", "24", "130")));

        Document doc = conformant("reverse charge", posted);

        assertThat(in(doc, "TaxCategory", "ID")).isEqualTo("AE");
        assertThat(all(doc, true, "PartyTaxScheme").getLength()).isEqualTo(2);
        assertThat(new BigDecimal(in(doc, "TaxTotal", "TaxAmount"))).isZero();
    }

    @Test
    void aZeroAmountInvoiceIsStillAConformantInvoice() {
        PostedInvoice posted = world.post("PP-000001", "C-DE", List.of(Work.hours("Onboarding", "8", "100"),
                Work.hours("Goodwill: onboarding not charged", "-8", "100")));

        assertThat(posted.invoiceAmount()).isZero();
        Document doc = conformant("zero amount", posted);
        assertThat(top(doc, "InvoiceTypeCode")).isEqualTo("380");
        assertThat(new BigDecimal(in(doc, "LegalMonetaryTotal", "PayableAmount"))).isZero();
    }

    @Test
    void aFiveThousandLineInvoiceWithTwoRatesIsConformant() {
        List<Work> work = IntStream.range(0, 5000).mapToObj(i -> i % 10 == 9
                ? new Work(MATERIAL, "Handbook " + i, "1", "19." + String.format("%02d", i % 100), "REDUCED")
                : Work.hours("Task " + i + " – data pipeline", String.valueOf(0.25 * (1 + i % 8)),
                        String.valueOf(95 + i % 13) + ".55")).toList();

        PostedInvoice posted = world.post("PP-000001", "C-DE", work);

        Document doc = conformant("5,000 lines", posted);
        assertThat(all(doc, true, "InvoiceLine").getLength()).isEqualTo(5000);
        breakdownRoundsOnce(doc);
    }

    /**
     * 1,500 lines of 0.333 h × 33.33 = 11.09889 → 11.10, whose 19 % (2.109) each round up: per line that would book
     * 1.50 more tax than the invoice's 16,650.00 × 19 % = 3,163.50, beyond BR-CO-17's tolerance. Finance taxes the
     * total, so the breakdown rounds once and every sum holds.
     */
    @Test
    void amountsThatStressRoundingStillSumExactly() {
        List<Work> work = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            work.add(Work.hours("Review " + i, "0.333", "33.33"));
        }

        PostedInvoice posted = world.post("PP-000001", "C-DE", work);

        assertThat(posted.sumTax()).isEqualByComparingTo("3163.50");
        Document doc = conformant("rounding", posted);
        breakdownRoundsOnce(doc);
        assertThat(new BigDecimal(in(doc, "LegalMonetaryTotal", "LineExtensionAmount"))).isEqualByComparingTo("16650.00");
        assertThat(new BigDecimal(in(doc, "LegalMonetaryTotal", "PayableAmount"))).isEqualByComparingTo("19813.50");
    }

    @Test
    void writesOneXmlPerPostedInvoiceBesideThePdfsAndSkipsACustomerWithoutDetails() throws Exception {
        world.post("PP-000001", "C-DE", List.of(Work.hours("Workshop", "4", "150")));
        world.post("PP-000002", "C-AT", List.of(Work.hours("Workshop", "4", "150")));
        world.finance.context().jdbc().update("DELETE FROM custtable_einvoicing WHERE accountnum = 'C-AT'");

        EInvoices.Written written = EInvoices.write(world.finance, EInvoiceWorld.LE, out);

        assertThat(written.files()).extracting(p -> p.getFileName().toString()).containsExactly("CI-000001.xml");
        assertThat(written.skipped()).singleElement().asString().startsWith("CI-000002: Customer invoice CI-000002 "
                + "has no e-invoice: customer C-AT has no e-invoicing details");
        assertConformant("written", Files.readAllBytes(written.files().getFirst()), false);
        assertThatThrownBy(() -> EInvoices.xml(world.finance, EInvoiceWorld.LE, "CI-000002"))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(FinanceError.EINVOICE_DATA_MISSING));
    }

    /** The validator is not a formality: a document whose amount due is off by a cent breaks BR-CO-16, named. */
    @Test
    void aDocumentThatBreaksARuleIsReportedWithTheRuleIdAndText() {
        PostedInvoice posted = world.post("PP-000001", "C-DE", List.of(Work.hours("Workshop", "4", "150")));
        String xml = new String(xml(posted), java.nio.charset.StandardCharsets.UTF_8);
        String broken = xml.replaceFirst("(<cbc:PayableAmount currencyID=\"EUR\">)714.00<", "$1714.01<");
        assertThat(broken).isNotEqualTo(xml);

        EInvoiceValidation.Result result = EInvoiceValidation.validate(broken.getBytes(
                java.nio.charset.StandardCharsets.UTF_8), false);

        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("BR-CO-16");
            assertThat(f.text()).contains("Amount due for payment");
        });
        assertThatThrownBy(() -> assertConformant("broken", broken.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                false)).hasMessageContaining("BR-CO-16");
    }

    /**
     * The PDF embedded in the e-invoice (the one {@code tandem run} writes) agrees with it: both parties with their VAT
     * identifiers, the IBAN, and each VAT breakdown's category, rate, taxable amount and tax, read back as text.
     */
    @Test
    void thePdfSaysWhatTheEInvoiceSays() throws Exception {
        PostedInvoice posted = world.post("PP-000001", "C-DE", List.of(
                Work.hours("Solution design workshop", "7.5", "140"),
                new Work(MATERIAL, "Textbook: Domain-Driven Design", "3", "54.99", "REDUCED")));
        Document doc = conformant("pdf", posted);
        Element object = (Element) all(doc, false, "EmbeddedDocumentBinaryObject").item(0);
        byte[] pdf = Base64.getMimeDecoder().decode(object.getTextContent().strip());
        String text;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }

        assertThat(text).contains("Northwind Consulting GmbH", "Friedrichstraße 123, 10117 Berlin, DE",
                "VAT ID DE123456789", "Bill to", "Litware GmbH", "Leopoldstraße 1, 80802 München, DE",
                "VAT ID DE987654321", "IBAN DE89370400440532013000");
        NodeList subtotals = all(doc, true, "TaxSubtotal");
        assertThat(subtotals.getLength()).isEqualTo(2);
        for (int i = 0; i < subtotals.getLength(); i++) {
            Element sub = (Element) subtotals.item(i);
            String taxable = sub.getElementsByTagNameNS(EInvoiceAssertions.CBC, "TaxableAmount").item(0).getTextContent();
            String tax = sub.getElementsByTagNameNS(EInvoiceAssertions.CBC, "TaxAmount").item(0).getTextContent();
            String rate = sub.getElementsByTagNameNS(EInvoiceAssertions.CBC, "Percent").item(0).getTextContent();
            assertThat(text).contains("VAT S " + rate + " % on " + taxable + " " + tax);
        }
        // Each e-invoice line is a row of the PDF with the same quantity, unit and net amount.
        NodeList lines = all(doc, true, "InvoiceLine");
        assertThat(lines.getLength()).isEqualTo(2);
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            Element quantity = (Element) line.getElementsByTagNameNS(EInvoiceAssertions.CBC, "InvoicedQuantity").item(0);
            String unit = quantity.getAttribute("unitCode").equals("HUR") ? "h" : "pc";
            String net = line.getElementsByTagNameNS(EInvoiceAssertions.CBC, "LineExtensionAmount").item(0)
                    .getTextContent();
            assertThat(text).containsPattern(java.util.regex.Pattern.quote(quantity.getTextContent()) + " " + unit
                    + " [0-9.]+ " + java.util.regex.Pattern.quote(net));
        }
        String payable = all(doc, false, "PayableAmount").item(0).getTextContent();
        assertThat(text).contains("Invoice total: EUR " + payable);
    }
}
