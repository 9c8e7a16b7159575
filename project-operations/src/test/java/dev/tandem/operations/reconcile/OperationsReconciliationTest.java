package dev.tandem.operations.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.operations.OperationsTestBase;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.invoicing.InvoiceRecords.DetailEdit;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import dev.tandem.operations.invoicing.InvoiceStatus;
import dev.tandem.operations.reconcile.OperationsReconciliation.Billing;
import dev.tandem.operations.reconcile.OperationsReconciliation.ConfirmedInvoice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation port of Project Operations on both databases: what it answers about a world of approved,
 * invoiced and credited time (8 h at 200.00 USD), the facts DESIGN §4's invariants 1, 2, 4, 6 and 7 are checked on.
 */
class OperationsReconciliationTest extends OperationsTestBase {

    private static final LocalDate INVOICE_DATE = LocalDate.of(2026, 3, 31);

    private OperationsReconciliation port;

    @BeforeEach
    void port() {
        port = ops.reconciliation();
        ops.contracts().confirm(contract);
    }

    @Test
    void aPartialCreditIsListedWithWhatItReInvoicedAndWhatWentBackToTheBacklog() {
        UUID original = confirmedInvoice("8");
        UUID corrective = ops.invoicing().revision().revise(original, List.of(onlyDetail(original).id()));
        ops.invoicing().drafts().edit(onlyDetail(corrective).id(), DetailEdit.quantity(new BigDecimal("5")));
        ops.invoicing().confirmation().confirm(corrective);
        UUID billed = billedSales(original).get(0);

        assertThat(port.correctiveCredits()).singleElement().satisfies(c -> {
            assertThat(c.billedSalesActualId()).isEqualTo(billed);
            assertThat(c.correctiveInvoiceId()).isEqualTo(corrective);
            assertThat(c.correctiveInvoiceNumber()).isEqualTo(number(corrective));
            assertThat(c.quantity()).isEqualByComparingTo("8");
            assertThat(c.price()).isEqualByComparingTo("200");
            assertThat(c.amount().currency()).isEqualTo("USD");
            assertThat(c.amount().amount()).isEqualByComparingTo("1600");
            assertThat(c.reinvoicedQuantity()).isEqualByComparingTo("5");
            assertThat(c.returnedQuantity()).isEqualByComparingTo("3");
            assertThat(c.returnedAmount()).satisfies(m -> {
                assertThat(m.currency()).isEqualTo("USD");
                assertThat(m.amount()).isEqualByComparingTo("600");
            });
        });
        assertThat(port.unbilledSalesBilledMoreThanOnce()).isEmpty();
        assertThat(port.billedSalesWithoutOrigin()).isEmpty();
        assertThat(port.confirmedInvoices()).extracting(ConfirmedInvoice::invoiceNumber, ConfirmedInvoice::status)
                .containsExactlyInAnyOrder(tuple(number(original), InvoiceStatus.CONFIRMED),
                        tuple(number(corrective), InvoiceStatus.CONFIRMED));
    }

    @Test
    void countsAndIdsLeaveOutTheSkipSyncReversals() {
        confirmedInvoice("8");

        List<UUID> synced = jdbc.queryForList("SELECT msdyn_actualid FROM msdyn_actual WHERE tdm_skipsync = FALSE",
                UUID.class);
        assertThat(port.syncedActualIds()).containsExactlyInAnyOrderElementsOf(synced).hasSizeLessThan(
                count("msdyn_actual"));
        // Approval made one unbilled sales; the confirmation's negative reversal of it is Skip Sync (§7.4).
        assertThat(port.unbilledSalesCount()).isOne();
        assertThat(port.billedSalesCount()).isOne();
    }

    @Test
    void anUnbilledSalesBilledTwiceAndABillingWithoutItsOriginAreListed() {
        UUID invoice = confirmedInvoice("8");
        UUID billed = billedSales(invoice).get(0);
        UUID unbilled = jdbc.queryForObject("SELECT msdyn_transaction2 FROM msdyn_transactionconnection WHERE"
                + " msdyn_transaction1 = ? AND msdyn_transaction1role = 192350006", UUID.class, billed);
        UUID second = confirmedInvoice("4");
        UUID secondBilled = billedSales(second).get(0);

        jdbc.update("UPDATE msdyn_transactionconnection SET msdyn_transaction2 = ? WHERE msdyn_transaction1 = ? AND"
                + " msdyn_transaction1role = 192350006", unbilled, secondBilled);

        assertThat(port.unbilledSalesBilledMoreThanOnce()).singleElement().satisfies(m -> {
            assertThat(m.unbilledSalesActualId()).isEqualTo(unbilled);
            assertThat(m.billings()).containsExactly(new Billing(billed, number(invoice)),
                    new Billing(secondBilled, number(second)));
        });

        jdbc.update("DELETE FROM msdyn_transactionconnection WHERE msdyn_transaction1 = ? AND msdyn_transaction1role"
                + " = 192350006", secondBilled);

        assertThat(port.billedSalesWithoutOrigin()).containsExactly(new Billing(secondBilled, number(second)));
    }

    @Test
    void journalizedUnbilledSalesAndPostedBilledSalesAreSummedWithTheirCurrency() {
        UUID entry = submittedTime("8", DAY);
        ops.workEntries().approve(entry);
        UUID unbilled = ops.actuals().bySource(entry).stream()
                .filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES).findFirst().orElseThrow().id();
        assertThat(port.journalizedUnbilledSalesNotInvoiced()).isEmpty();

        // What the integration journal's posting writes back (§10 item 1).
        jdbc.update("UPDATE msdyn_actual SET tdm_vouchernumber = 'V-1', tdm_accountingamount = 1500 WHERE"
                + " msdyn_actualid = ?", unbilled);

        assertThat(port.journalizedUnbilledSalesNotInvoiced()).singleElement().satisfies(u -> {
            assertThat(u.legalEntity()).isEqualTo("USMF");
            assertThat(u.projectNumber()).isEqualTo("P-001");
            assertThat(u.amount().currency()).isEqualTo("USD");
            assertThat(u.amount().amount()).isEqualByComparingTo("1600");
            assertThat(u.accountingAmount()).isEqualByComparingTo("1500");
        });

        ops.backlog().markActuals(List.of(unbilled), true);
        UUID invoice = ops.invoicing().creation().createForContract(contract, INVOICE_DATE).get(0);
        ops.invoicing().confirmation().confirm(invoice);
        assertThat(port.billedSalesWithVoucherByInvoice()).isEmpty();
        // What posting the proposal writes back (§10 item 3): the voucher and the sales tax.
        jdbc.update("UPDATE msdyn_actual SET tdm_vouchernumber = 'V-2', tdm_salestaxamount = 160 WHERE"
                + " msdyn_transactiontypecode = 192350006");

        assertThat(port.billedSalesWithVoucherByInvoice()).singleElement().satisfies(b -> {
            assertThat(b.legalEntity()).isEqualTo("USMF");
            assertThat(b.invoiceNumber()).isEqualTo(number(invoice));
            assertThat(b.amount().currency()).isEqualTo("USD");
            assertThat(b.amount().amount()).isEqualByComparingTo("1760");
        });
    }

    private UUID confirmedInvoice(String hours) {
        UUID entry = submittedTime(hours, DAY);
        ops.workEntries().approve(entry);
        ops.backlog().markActuals(ops.actuals().bySource(entry).stream()
                .filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES).map(a -> a.id()).toList(), true);
        UUID invoice = ops.invoicing().creation().createForContract(contract, INVOICE_DATE).get(0);
        ops.invoicing().confirmation().confirm(invoice);
        return invoice;
    }

    private LineDetail onlyDetail(UUID invoiceId) {
        List<LineDetail> details = ops.invoicing().store().details(invoiceId);
        assertThat(details).hasSize(1);
        return details.get(0);
    }

    /** The ids of the billed sales actuals on an invoice. */
    private List<UUID> billedSales(UUID invoice) {
        return jdbc.queryForList("SELECT msdyn_actualid FROM msdyn_actual WHERE msdyn_invoice = ? AND"
                + " msdyn_transactiontypecode = ? ORDER BY createdon, msdyn_actualid", UUID.class, invoice,
                TransactionType.BILLED_SALES.value());
    }

    private String number(UUID invoice) {
        return ops.invoicing().store().invoice(invoice).number();
    }
}
