package dev.tandem.finance.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.finance.proposal.ProposalPosting.PostedInvoice;
import dev.tandem.finance.staging.StagingRow;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The read model of posted customer invoices and accounts receivable (§5 step 15, §10 item 5, §13 credit notes). */
class CustomerInvoicesTest extends ProposalTestBase {

    private CustomerInvoices invoices() {
        return proposals.customerInvoices();
    }

    private String description(UUID actual) {
        return jdbc.queryForObject("SELECT description FROM projproposalline WHERE actualid = ?", String.class, actual);
    }

    @Test
    void anInvoiceReadsBackAsPostedWithItsInvoicedLinesDueDateAndCustomer() {
        tax.defaultGroup("VAT10");
        header("INV-000201", "USD");
        UUID hours = readyBilled("INV-000201", "USD", "8", "125.55", TIME, "1");
        UUID expense = readyBilled("INV-000201", "USD", "1", "99.99", EXPENSE, "1");
        UUID nonChargeable = stage(StagingRow.BILLED_SALES, "INV-000201", "USD", "2", "50", TIME, NON_CHARGEABLE,
                PROJECT);
        proposals.lineImport().importForProposal(LE, "INV-000201");

        PostedInvoice posted = proposals.posting().post(LE, "INV-000201");

        CustomerInvoice invoice = invoices().posted(LE).getFirst();
        ProposalHeader header = proposals.headers().header(LE, "INV-000201");
        assertThat(invoice.invoiceId()).isEqualTo(posted.customerInvoiceId());
        assertThat(invoice.voucher()).isEqualTo(posted.voucher());
        assertThat(invoice.proposalId()).isEqualTo("INV-000201");
        assertThat(invoice.currency()).isEqualTo(posted.currency());
        assertThat(invoice.invoiceTotal()).isEqualByComparingTo(posted.invoiceAmount()).hasScaleOf(2);
        assertThat(invoice.taxAmount()).isEqualByComparingTo(posted.sumTax()).hasScaleOf(2);
        assertThat(invoice.amountExcludingTax()).isEqualByComparingTo(posted.invoiceAmount().subtract(posted.sumTax()));
        assertThat(invoice.creditNote()).isFalse();
        assertThat(invoice.invoiceDate()).isEqualTo(INVOICE_DATE);
        // Customer C-001 has 30 days' payment terms; the due date is the one the header got on arrival.
        assertThat(invoice.dueDate()).isEqualTo(header.dueDate()).isEqualTo(INVOICE_DATE.plusDays(30));
        assertThat(invoice.contractId()).isEqualTo(CONTRACT);
        assertThat(invoice.customerAccount()).isEqualTo(CUSTOMER);
        assertThat(invoice.customerName()).isEqualTo("Fabrikam");
        // The non-chargeable line is neither totalled nor posted, so the invoice does not show it.
        assertThat(invoice.lines()).extracting(CustomerInvoice.Line::description)
                .containsExactly(description(hours), description(expense)).doesNotContain(description(nonChargeable));
        List<ProposalLine> stored = proposals.lines().lines("INV-000201").stream().filter(ProposalLine::toBeInvoiced)
                .toList();
        assertThat(invoice.lines()).extracting(CustomerInvoice.Line::type, l -> l.quantity().stripTrailingZeros(),
                        l -> l.unitPrice().stripTrailingZeros(), CustomerInvoice.Line::lineAmount,
                        CustomerInvoice.Line::taxAmount)
                .containsExactlyElementsOf(stored.stream().map(l -> tuple(l.type(), l.quantity().stripTrailingZeros(),
                        l.salesPrice().stripTrailingZeros(), l.lineAmount().setScale(2),
                        l.taxAmount().setScale(2))).toList());
        assertThat(invoice.lines().stream().map(CustomerInvoice.Line::lineAmount).reduce(BigDecimal.ZERO,
                BigDecimal::add)).isEqualByComparingTo(invoice.amountExcludingTax());
        assertThat(invoice.lines().stream().map(CustomerInvoice.Line::taxAmount).reduce(BigDecimal.ZERO,
                BigDecimal::add)).isEqualByComparingTo(invoice.taxAmount());
        assertThat(invoices().customerTransactionTotals(LE)).containsOnlyKeys("USD");
        assertThat(invoices().customerTransactionTotals(LE).get("USD")).isEqualByComparingTo(invoice.invoiceTotal())
                .isEqualByComparingTo(jdbc.queryForObject("SELECT amountcur FROM custtrans", BigDecimal.class));
    }

    @Test
    void creditNotesComeOutNegativeAndReceivablesSumPerCurrencyInInvoiceNumberOrder() {
        tax.defaultGroup("VAT10");
        finance.rates().setFixedRate(LE, CONTRACT, "GBP", new BigDecimal("1.25"));
        header("INV-000301", "USD");
        readyBilled("INV-000301", "USD", "10", "100", TIME, "1");
        proposals.lineImport().importForProposal(LE, "INV-000301");
        PostedInvoice usd = proposals.posting().post(LE, "INV-000301");
        header("INV-000302", "GBP");
        readyBilled("INV-000302", "GBP", "3", "33.33", EXPENSE, "1.25");
        proposals.lineImport().importForProposal(LE, "INV-000302");
        PostedInvoice gbp = proposals.posting().post(LE, "INV-000302");
        proposals.headers().upsertHeader(new ProposalHeaders.HeaderInput("INV-000303", LE, CONTRACT, CUSTOMER, CUSTOMER,
                "USD", INVOICE_DATE, "Corrective invoice", true, null));
        // The billed-sales reversal of a corrected invoice: no unbilled sales behind it.
        stage(StagingRow.BILLED_SALES, "INV-000303", "USD", "-4", "100", TIME, CHARGEABLE, PROJECT);
        proposals.lineImport().importForProposal(LE, "INV-000303");
        PostedInvoice credit = proposals.posting().post(LE, "INV-000303");

        List<CustomerInvoice> all = invoices().posted(LE);

        assertThat(all).extracting(CustomerInvoice::invoiceId).containsExactly(usd.customerInvoiceId(),
                gbp.customerInvoiceId(), credit.customerInvoiceId()).isSorted();
        // The writers' reads, one invoice at a time and headers only, see the same invoices in the same order.
        assertThat(invoices().postedNumbers(LE)).isEqualTo(all.stream().map(CustomerInvoice::invoiceId).toList());
        assertThat(invoices().postedNumbers(LE)).map(n -> invoices().posted(LE, n).orElseThrow()).isEqualTo(all);
        assertThat(invoices().postedHeaders(LE)).allSatisfy(h -> assertThat(h.lines()).isEmpty())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("lines").containsExactlyElementsOf(all);
        CustomerInvoice note = all.get(2);
        assertThat(note.creditNote()).isTrue();
        assertThat(note.invoiceTotal()).isNegative().isEqualByComparingTo(credit.invoiceAmount());
        assertThat(note.taxAmount()).isNegative().isEqualByComparingTo(credit.sumTax());
        assertThat(note.amountExcludingTax()).isEqualByComparingTo("-400");
        assertThat(note.lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualByComparingTo("-4");
            assertThat(l.lineAmount()).isEqualByComparingTo("-400");
            assertThat(l.taxAmount()).isNegative();
        });
        assertThat(all.get(1)).extracting(CustomerInvoice::currency, i -> i.invoiceTotal().toPlainString())
                .containsExactly("GBP", gbp.invoiceAmount().setScale(2).toPlainString());

        Map<String, BigDecimal> receivables = invoices().customerTransactionTotals(LE);
        assertThat(receivables).containsOnlyKeys("GBP", "USD");
        assertThat(receivables.get("USD")).hasScaleOf(2)
                .isEqualByComparingTo(usd.invoiceAmount().add(credit.invoiceAmount()));
        assertThat(receivables.get("GBP")).hasScaleOf(2).isEqualByComparingTo(gbp.invoiceAmount());
        assertThat(receivables.get("USD")).isEqualByComparingTo(all.stream().filter(i -> i.currency().equals("USD"))
                .map(CustomerInvoice::invoiceTotal).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void aLegalEntityWithoutPostingsHasNoInvoicesAndNoReceivables() {
        header("INV-000401", "USD");
        readyBilled("INV-000401", "USD", "1", "100", TIME, "1");
        proposals.lineImport().importForProposal(LE, "INV-000401");

        assertThat(invoices().posted(LE)).as("an imported, unposted proposal is no invoice").isEmpty();
        assertThat(invoices().customerTransactionTotals(LE)).isEmpty();
    }
}
