package dev.tandem.operations.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.AdjustmentStatus;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.ConnectionRole;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.backlog.BillingBacklog.Filter;
import dev.tandem.operations.invoicing.InvoiceRecords.DetailEdit;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** §6 first table and its worked example: 8 h, cost 100, bill 200, confirmed unchanged and at 6 h. */
class InvoiceConfirmationTest extends InvoicingTestBase {

    @BeforeEach
    void confirmContract() {
        ops.contracts().confirm(contract);
    }

    @Test
    void createPutsTheReadyActualOnADraftWithOneLinePerContractLine() {
        UUID entry = readyTime("8");

        UUID invoiceId = invoiceContract();

        Invoice invoice = invoicing().store().invoice(invoiceId);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(invoice.number()).isEqualTo("INV-000001");
        assertThat(invoice.totalAmount()).isEqualByComparingTo("1600");
        assertThat(invoicing().store().lines(invoiceId)).singleElement()
                .satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("1600"));
        LineDetail detail = onlyDetail(invoiceId);
        assertThat(detail.quantity()).isEqualByComparingTo("8");
        assertThat(detail.amount()).isEqualByComparingTo("1600");
        Actual unbilled = actuals(type(TransactionType.UNBILLED_SALES)).get(0);
        assertThat(detail.sourceActualId()).isEqualTo(unbilled.id());
        assertThat(unbilled.billingStatus()).isEqualTo(BillingStatus.CUSTOMER_INVOICE_CREATED);
        assertThat(unbilled.invoiceId()).isEqualTo(invoiceId);
        assertThat(ops.actuals().connections(unbilled.id())).anySatisfy(c -> {
            assertThat(c.transaction1()).isEqualTo(detail.id());
            assertThat(c.role1()).isEqualTo(ConnectionRole.BILLED_SALES);
        });
        assertThat(ops.backlog().timeAndMaterial(Filter.all(), 0, 50).total()).isZero();
        assertThat(entry).isNotNull();
    }

    @Test
    void workedExampleConfirmedUnchangedGivesExactlyTheListedActuals() {
        readyTime("8");
        UUID invoiceId = invoiceContract();

        invoicing().confirmation().confirm(invoiceId);

        assertThat(contractActuals()).extracting(Actual::transactionType, a -> plain(a.quantity()),
                        a -> plain(a.amount()), Actual::billingStatus, Actual::adjustmentStatus)
                .containsExactlyInAnyOrder(
                        tuple(TransactionType.COST, "8.00", "800.00", null, null),
                        tuple(TransactionType.UNBILLED_SALES, "8.00", "1600.00", BillingStatus.CUSTOMER_INVOICE_POSTED, null),
                        tuple(TransactionType.UNBILLED_SALES, "-8.00", "-1600.00", BillingStatus.CUSTOMER_INVOICE_POSTED, null),
                        tuple(TransactionType.BILLED_SALES, "8.00", "1600.00", null, null));
        Actual reversal = actuals(a -> a.transactionType() == TransactionType.UNBILLED_SALES && a.amount().signum() < 0).get(0);
        assertThat(reversal.skipSync()).as("negative unbilled sales at confirmation are not synced (§7.4)").isTrue();
        Invoice invoice = invoicing().store().invoice(invoiceId);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.CONFIRMED);
        assertThat(invoice.creditNote()).isFalse();
        Actual billed = actuals(type(TransactionType.BILLED_SALES)).get(0);
        assertThat(billed.invoiceId()).isEqualTo(invoiceId);
        assertThat(onlyDetail(invoiceId).billedSalesActualId()).isEqualTo(billed.id());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = 'invoices' AND integration_key = ? "
                + "AND payload LIKE '%192350002%'", Integer.class, invoiceId.toString()))
                .as("the confirmed header is in the outbox").isEqualTo(1);
    }

    @Test
    void workedExampleConfirmedAtSixHoursGivesExactlyTheListedSet() {
        readyTime("8");
        UUID invoiceId = invoiceContract();
        invoicing().drafts().edit(onlyDetail(invoiceId).id(), DetailEdit.quantity(new BigDecimal("6")));
        assertThat(invoicing().store().invoice(invoiceId).totalAmount()).isEqualByComparingTo("1200");

        invoicing().confirmation().confirm(invoiceId);

        assertThat(contractActuals()).extracting(Actual::transactionType, a -> plain(a.quantity()),
                        a -> plain(a.amount()), Actual::billingType, Actual::adjustmentStatus)
                .containsExactlyInAnyOrder(
                        tuple(TransactionType.COST, "8.00", "800.00", BillingType.CHARGEABLE, null),
                        tuple(TransactionType.UNBILLED_SALES, "8.00", "1600.00", BillingType.CHARGEABLE, AdjustmentStatus.ADJUSTED),
                        tuple(TransactionType.UNBILLED_SALES, "-8.00", "-1600.00", BillingType.CHARGEABLE, AdjustmentStatus.UNADJUSTABLE),
                        tuple(TransactionType.UNBILLED_SALES, "6.00", "1200.00", BillingType.CHARGEABLE, null),
                        tuple(TransactionType.UNBILLED_SALES, "2.00", "400.00", BillingType.NON_CHARGEABLE, null),
                        tuple(TransactionType.UNBILLED_SALES, "-6.00", "-1200.00", BillingType.CHARGEABLE, null),
                        tuple(TransactionType.UNBILLED_SALES, "-2.00", "-400.00", BillingType.NON_CHARGEABLE, null),
                        tuple(TransactionType.BILLED_SALES, "6.00", "1200.00", BillingType.CHARGEABLE, null),
                        tuple(TransactionType.BILLED_SALES, "2.00", "400.00", BillingType.NON_CHARGEABLE, null));
        assertThat(invoicing().store().invoice(invoiceId).totalAmount()).isEqualByComparingTo("1200");
        assertThat(actuals(type(TransactionType.UNBILLED_SALES))).as("every unbilled row of a confirmed invoice is posted")
                .allSatisfy(a -> assertThat(a.billingStatus()).isEqualTo(BillingStatus.CUSTOMER_INVOICE_POSTED));
    }

    @Test
    void bulkCreationInsideACallersTransactionSkipsAContractWithNothingAndKeepsTheOthers() {
        readyTime("8");
        UUID empty = ops.contracts().create(new dev.tandem.operations.contracts.ContractRecords.ContractInput("PC-EMPTY",
                "Nothing to bill", customer, unit, "USD", salesList, null));
        project = ops.masterData().createProject(new dev.tandem.operations.masterdata.MasterData.ProjectInput("P-EMPTY",
                "Idle", unit, customer));
        ops.contracts().addLine(empty, timeAndMaterial("Idle", null));
        ops.contracts().confirm(empty);

        var result = ops.context().inTransaction(() -> invoicing().creation().createBulk(List.of(empty, contract), INVOICE_DATE));

        assertThat(result.invoiceIds()).hasSize(1);
        assertThat(result.skipped()).containsOnlyKeys(empty);
        assertThat(result.skipped().get(empty)).startsWith("NOTHING_TO_INVOICE");
        assertThat(count("invoice")).isEqualTo(1);
    }

    @Test
    void increasedQuantityReversesTheOriginalAndBillsTheNewQuantity() {
        readyTime("8");
        UUID invoiceId = invoiceContract();
        invoicing().drafts().edit(onlyDetail(invoiceId).id(), DetailEdit.quantity(new BigDecimal("10")));

        invoicing().confirmation().confirm(invoiceId);

        assertThat(actuals(type(TransactionType.BILLED_SALES))).singleElement()
                .satisfies(b -> assertThat(b.amount()).isEqualByComparingTo("2000"));
        assertThat(actuals(a -> a.adjustmentStatus() == AdjustmentStatus.ADJUSTED)).hasSize(1);
        assertThat(actuals(type(TransactionType.UNBILLED_SALES))).extracting(a -> plain(a.amount()))
                .containsExactlyInAnyOrder("1600.00", "-1600.00", "2000.00", "-2000.00");
    }

    @Test
    void zeroAmountInvoiceConfirms() {
        readyTime("8");
        UUID invoiceId = invoiceContract();
        invoicing().drafts().edit(onlyDetail(invoiceId).id(), new DetailEdit(BillingType.NON_CHARGEABLE, null, null, null,
                null, null, null));
        assertThat(invoicing().store().invoice(invoiceId).totalAmount()).isZero();

        invoicing().confirmation().confirm(invoiceId);

        assertThat(invoicing().store().invoice(invoiceId).status()).isEqualTo(InvoiceStatus.CONFIRMED);
        assertThat(actuals(type(TransactionType.BILLED_SALES))).singleElement()
                .satisfies(b -> assertThat(b.billingType()).isEqualTo(BillingType.NON_CHARGEABLE));
    }

    @Test
    void deletingALineDetailAndADraftReturnTheActualToTheBacklog() {
        readyTime("8");
        UUID first = invoiceContract();
        invoicing().drafts().deleteDetail(onlyDetail(first).id());
        assertThat(invoicing().store().invoice(first).totalAmount()).isZero();
        assertThat(ops.backlog().timeAndMaterial(new Filter(null, null, null, null, null, true), 0, 50).total()).isEqualTo(1);

        int added = invoicing().creation().refresh(first);
        assertThat(added).isEqualTo(1);
        invoicing().drafts().deleteInvoice(first);

        assertThat(invoicing().store().find(first)).isEmpty();
        Actual unbilled = actuals(type(TransactionType.UNBILLED_SALES)).get(0);
        assertThat(unbilled.billingStatus()).isEqualTo(BillingStatus.READY_TO_INVOICE);
        assertThat(unbilled.invoiceId()).isNull();
        assertThat(count("msdyn_invoicelinetransaction")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM msdyn_transactionconnection WHERE msdyn_transaction1type = "
                + "'msdyn_invoicelinetransaction'", Integer.class)).isZero();
        UUID second = invoiceContract();
        assertThat(onlyDetail(second).sourceActualId()).isEqualTo(unbilled.id());
    }

    @Test
    void addToInvoiceUsesTheLatestDraftOfTheSameContractAndCustomer() {
        readyTime("8");
        UUID draft = invoiceContract();
        UUID entry = readyTime("2");
        UUID unbilled = ops.actuals().bySource(entry).stream().filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES)
                .findFirst().orElseThrow().id();

        List<UUID> invoices = invoicing().creation().addToInvoice(List.of(unbilled), List.of(), INVOICE_DATE);

        assertThat(invoices).containsExactly(draft);
        assertThat(invoicing().store().details(draft)).hasSize(2);
        assertThat(invoicing().store().invoice(draft).totalAmount()).isEqualByComparingTo("2000");
    }

    @Test
    void taxPerDetailRollsUpToLineAndInvoice() {
        readyTime("8");
        UUID invoiceId = invoiceContract();
        invoicing().drafts().edit(onlyDetail(invoiceId).id(), new DetailEdit(null, null, null, new BigDecimal("304"),
                null, "Development, March", null));

        Invoice invoice = invoicing().store().invoice(invoiceId);
        assertThat(invoice.totalTax()).isEqualByComparingTo("304");
        assertThat(invoice.totalAmount()).isEqualByComparingTo("1904");
        assertThat(invoicing().store().lines(invoiceId).get(0).extendedAmount()).isEqualByComparingTo("1904");
        assertThat(onlyDetail(invoiceId).externalDescription()).isEqualTo("Development, March");
    }
}
