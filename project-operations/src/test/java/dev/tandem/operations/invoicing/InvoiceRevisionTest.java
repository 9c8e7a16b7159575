package dev.tandem.operations.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.AdjustmentStatus;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.backlog.BillingBacklog.Filter;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.ContractRecords.ContractLineInput;
import dev.tandem.operations.contracts.ContractRecords.MilestoneInput;
import dev.tandem.operations.contracts.MilestoneInvoiceStatus;
import dev.tandem.operations.invoicing.InvoiceRecords.DetailEdit;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import dev.tandem.operations.masterdata.MasterData.ProjectInput;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** §6 second table: corrective invoices — full credit, partial credit, increase, milestone full credit. */
class InvoiceRevisionTest extends InvoicingTestBase {

    private UUID confirmedInvoice(String hours) {
        ops.contracts().confirm(contract);
        readyTime(hours);
        UUID invoiceId = invoiceContract();
        invoicing().confirmation().confirm(invoiceId);
        return invoiceId;
    }

    @Test
    void fullCreditReversesTheBilledSalesAndPutsNewUnbilledBackInTheBacklogAndReinvoicingBillsOnce() {
        UUID original = confirmedInvoice("8");
        Actual billed = actuals(type(TransactionType.BILLED_SALES)).get(0);

        UUID corrective = invoicing().revision().revise(original, null);

        Invoice draft = invoicing().store().invoice(corrective);
        assertThat(draft.hasCorrections()).isTrue();
        assertThat(draft.correctedInvoiceId()).isEqualTo(original);
        LineDetail copy = onlyDetail(corrective);
        assertThat(copy.correction()).isTrue();
        assertThat(copy.quantity()).isZero();
        assertThat(copy.previousAmount()).isEqualByComparingTo("1600");
        assertThat(draft.totalAmount()).isEqualByComparingTo("-1600");
        assertThat(ops.actuals().actual(billed.id()).adjustmentStatus()).isEqualTo(AdjustmentStatus.IN_PROCESS);

        invoicing().confirmation().confirm(corrective);

        assertThat(invoicing().store().invoice(corrective).creditNote()).isTrue();
        assertThat(ops.actuals().actual(billed.id()).adjustmentStatus()).isEqualTo(AdjustmentStatus.ADJUSTED);
        List<Actual> billedRows = actuals(type(TransactionType.BILLED_SALES));
        assertThat(billedRows).extracting(a -> plain(a.amount())).containsExactlyInAnyOrder("1600.00", "-1600.00");
        assertThat(billedRows).filteredOn(a -> a.amount().signum() < 0).singleElement()
                .satisfies(r -> assertThat(r.adjustmentStatus()).isEqualTo(AdjustmentStatus.UNADJUSTABLE));
        assertThat(liveBilled()).isZero();
        var backlog = ops.backlog().timeAndMaterial(Filter.all(), 0, 50);
        assertThat(backlog.items()).singleElement().satisfies(a -> {
            assertThat(a.quantity()).isEqualByComparingTo("8");
            assertThat(a.amount()).isEqualByComparingTo("1600");
            assertThat(a.billingStatus()).isEqualTo(BillingStatus.UNBILLED_SALES_CREATED);
        });

        ops.backlog().markActuals(List.of(backlog.items().get(0).id()), true);
        UUID again = invoiceContract();
        invoicing().confirmation().confirm(again);

        assertThat(liveBilled()).isEqualByComparingTo("1600");
        assertThat(ops.backlog().timeAndMaterial(Filter.all(), 0, 50).total()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM msdyn_invoicelinetransaction WHERE tdm_sourceactual = ?",
                Integer.class, backlog.items().get(0).id())).isEqualTo(1);
    }

    @Test
    void partialCreditBillsTheCorrectedQuantityAndReturnsTheRestToTheBacklog() {
        UUID original = confirmedInvoice("8");
        UUID corrective = invoicing().revision().revise(original, List.of(onlyDetail(original).id()));
        invoicing().drafts().edit(onlyDetail(corrective).id(), DetailEdit.quantity(new BigDecimal("5")));
        assertThat(invoicing().store().invoice(corrective).totalAmount()).isEqualByComparingTo("-600");

        invoicing().confirmation().confirm(corrective);

        assertThat(liveBilled()).isEqualByComparingTo("1000");
        assertThat(ops.backlog().timeAndMaterial(Filter.all(), 0, 50).items()).singleElement().satisfies(a -> {
            assertThat(a.quantity()).isEqualByComparingTo("3");
            assertThat(a.amount()).isEqualByComparingTo("600");
        });
    }

    @Test
    void increaseBillsTheNewQuantity() {
        UUID original = confirmedInvoice("8");
        UUID corrective = invoicing().revision().revise(original, null);
        invoicing().drafts().edit(onlyDetail(corrective).id(), DetailEdit.quantity(new BigDecimal("9")));

        invoicing().confirmation().confirm(corrective);

        assertThat(invoicing().store().invoice(corrective).creditNote()).isFalse();
        assertThat(invoicing().store().invoice(corrective).totalAmount()).isEqualByComparingTo("200");
        assertThat(liveBilled()).isEqualByComparingTo("1800");
        assertThat(ops.backlog().timeAndMaterial(Filter.all(), 0, 50).total()).isZero();
    }

    @Test
    void deletingTheCorrectiveDraftLeavesTheOriginalBilledAsItWas() {
        UUID original = confirmedInvoice("8");
        Actual billed = actuals(type(TransactionType.BILLED_SALES)).get(0);
        UUID corrective = invoicing().revision().revise(original, null);

        invoicing().drafts().deleteInvoice(corrective);

        assertThat(ops.actuals().actual(billed.id()).adjustmentStatus()).isNull();
        assertThat(invoicing().revision().revise(original, null)).isNotNull();
    }

    @Test
    void milestoneIsInvoicedAsBilledSalesAndAFullCreditMakesItReadyAgain() {
        UUID fpProject = ops.masterData().createProject(new ProjectInput("P-FP", "Fixed scope", unit, customer));
        UUID fixed = ops.contracts().addLine(contract, new ContractLineInput("Fixed scope", BillingMethod.FIXED_PRICE,
                fpProject, true, true, true, false, List.of(), null, new BigDecimal("10000")));
        List<UUID> milestones = ops.contracts().setMilestones(fixed, List.of(
                new MilestoneInput("Design", null, DAY, new BigDecimal("4000"), null),
                new MilestoneInput("Go-live", null, DAY.plusMonths(2), new BigDecimal("6000"), null)));
        ops.contracts().confirm(contract);
        ops.backlog().markMilestones(List.of(milestones.get(0)), true);
        UUID invoiceId = invoiceContract();
        assertThat(invoicing().store().lines(invoiceId)).hasSize(2);

        invoicing().confirmation().confirm(invoiceId);

        assertThat(actuals(type(TransactionType.BILLED_SALES))).singleElement().satisfies(b -> {
            assertThat(b.amount()).isEqualByComparingTo("4000");
            assertThat(b.classification()).isEqualTo(dev.tandem.operations.actuals.TransactionClassification.MILESTONE);
        });
        assertThat(actuals(type(TransactionType.UNBILLED_SALES))).isEmpty();
        assertThat(ops.contracts().milestones(fixed).get(0).status()).isEqualTo(MilestoneInvoiceStatus.CUSTOMER_INVOICE_POSTED);

        UUID corrective = invoicing().revision().revise(invoiceId, null);
        invoicing().confirmation().confirm(corrective);

        assertThat(liveBilled()).isZero();
        assertThat(ops.contracts().milestones(fixed).get(0).status()).isEqualTo(MilestoneInvoiceStatus.READY_FOR_INVOICING);
        assertThat(invoicing().store().invoice(corrective).creditNote()).isTrue();
    }
}
