package dev.tandem.operations.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.AdjustmentStatus;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.ConnectionRole;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.backlog.BillingBacklog.Filter;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.ContractRecords.ContractLineInput;
import dev.tandem.operations.contracts.ContractRecords.MilestoneInput;
import dev.tandem.operations.contracts.MilestoneInvoiceStatus;
import dev.tandem.operations.invoicing.InvoiceRecords.DetailEdit;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import dev.tandem.operations.masterdata.MasterData.OrganizationalUnitInput;
import dev.tandem.operations.masterdata.MasterData.ProjectInput;
import dev.tandem.operations.masterdata.MasterData.ResourceInput;
import dev.tandem.operations.work.WorkEntryInput;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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

    /** §3.6 "Draft invoice correction": Invoice line transaction (Replacing) ↔ Billed sales (Original). */
    @Test
    void theCorrectiveDraftConnectsEachCopiedDetailAsReplacingToTheBilledSalesItCorrectsAsOriginal() {
        UUID original = confirmedInvoice("8");
        Actual billed = actuals(type(TransactionType.BILLED_SALES)).get(0);
        int before = count("msdyn_transactionconnection");

        UUID corrective = invoicing().revision().revise(original, null);

        LineDetail copy = onlyDetail(corrective);
        assertThat(count("msdyn_transactionconnection")).isEqualTo(before + 1);
        Map<String, Object> c = correctionConnection(copy.id());
        assertThat(c.get("msdyn_transaction1role")).isEqualTo(ConnectionRole.REPLACING.value());
        assertThat(c.get("msdyn_transaction1type")).isEqualTo("msdyn_invoicelinetransaction");
        assertThat(c.get("msdyn_transaction2")).isEqualTo(billed.id());
        assertThat(c.get("msdyn_transaction2role")).isEqualTo(ConnectionRole.ORIGINAL.value());
        assertThat(c.get("msdyn_transaction2type")).isEqualTo("msdyn_actual");
        assertThat(ops.actuals().connections(billed.id())).anySatisfy(k -> {
            assertThat(k.transaction1()).isEqualTo(copy.id());
            assertThat(k.role1()).isEqualTo(ConnectionRole.REPLACING);
            assertThat(k.role2()).isEqualTo(ConnectionRole.ORIGINAL);
        });
        // Written through the data-entity write path, so the msdyn_transactionconnections map syncs it.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = 'msdyn_transactionconnections' "
                + "AND operation = 'INSERT' AND integration_key = ?", Integer.class,
                c.get("msdyn_transactionconnectionid").toString())).isEqualTo(1);

        // Confirming the correction keeps it: it documents what the corrective detail replaced.
        invoicing().drafts().edit(copy.id(), DetailEdit.quantity(new BigDecimal("5")));
        invoicing().confirmation().confirm(corrective);
        assertThat(correctionConnection(copy.id()).get("msdyn_transaction2")).isEqualTo(billed.id());
    }

    @Test
    void deletingTheCorrectiveDraftOrItsDetailDeletesTheReplacingConnection() {
        UUID original = confirmedInvoice("8");
        int before = count("msdyn_transactionconnection");
        UUID corrective = invoicing().revision().revise(original, null);
        UUID copy = onlyDetail(corrective).id();

        invoicing().drafts().deleteInvoice(corrective);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM msdyn_transactionconnection WHERE msdyn_transaction1 = ?",
                Integer.class, copy)).isZero();
        assertThat(count("msdyn_transactionconnection")).isEqualTo(before);

        UUID again = invoicing().revision().revise(original, null);
        UUID detail = onlyDetail(again).id();
        assertThat(count("msdyn_transactionconnection")).isEqualTo(before + 1);
        invoicing().drafts().deleteDetail(detail);
        assertThat(count("msdyn_transactionconnection")).isEqualTo(before);
    }

    /**
     * §3.1: the resourcing unit set at approval is copied onto every actual derived from it — the reversal and
     * billed sales of the confirmation, and the billed-sales reversal, replacement unbilled sales, its reversal, new
     * billed sales and the unbilled sales back in the backlog of a partial credit.
     */
    @Test
    void everyDerivedActualCarriesTheResourcingUnitOfTheApprovedWork() {
        UUID resourcing = ops.masterData().createOrganizationalUnit(new OrganizationalUnitInput("Contoso Resourcing",
                "USD", "USMF"));
        UUID bo = ops.masterData().createResource(new ResourceInput("Bo Berg", resourcing, List.of(developer)));
        ops.contracts().confirm(contract);
        UUID entry = ops.workEntries().create(WorkEntryInput.time(project, null, bo, developer, DAY,
                new BigDecimal("8"), "Build"));
        ops.workEntries().submit(entry);
        ops.workEntries().approve(entry);
        ops.backlog().markActuals(actuals(type(TransactionType.UNBILLED_SALES)).stream().map(Actual::id).toList(), true);
        UUID invoiceId = invoiceContract();
        invoicing().confirmation().confirm(invoiceId);
        UUID corrective = invoicing().revision().revise(invoiceId, null);
        invoicing().drafts().edit(onlyDetail(corrective).id(), DetailEdit.quantity(new BigDecimal("5")));

        invoicing().confirmation().confirm(corrective);

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT msdyn_transactiontypecode, msdyn_amount, "
                + "msdyn_resourceorganizationalunitid FROM msdyn_actual");
        // cost, unbilled; reversal + billed; billed reversal, unbilled + reversal + billed, unbilled back
        assertThat(rows).hasSize(9).allSatisfy(r -> assertThat(r.get("msdyn_resourceorganizationalunitid"))
                .as("resourcing unit of %s", r).isEqualTo(resourcing));
    }

    private Map<String, Object> correctionConnection(UUID detailId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM msdyn_transactionconnection WHERE "
                + "msdyn_transaction1 = ?", detailId);
        assertThat(rows).hasSize(1);
        Map<String, Object> row = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        row.putAll(rows.get(0));
        return row;
    }
}
