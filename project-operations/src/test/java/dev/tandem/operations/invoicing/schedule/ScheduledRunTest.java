package dev.tandem.operations.invoicing.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.operations.OperationsTestBase;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.ContractRecords.ContractInput;
import dev.tandem.operations.contracts.ContractRecords.ContractLineInput;
import dev.tandem.operations.contracts.ContractRecords.MilestoneInput;
import dev.tandem.operations.contracts.MilestoneInvoiceStatus;
import dev.tandem.operations.invoicing.InvoiceCreation;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import dev.tandem.operations.invoicing.InvoiceStatus;
import dev.tandem.operations.invoicing.schedule.RunSummary.ContractRun;
import dev.tandem.operations.masterdata.MasterData.ProjectInput;
import dev.tandem.operations.work.WorkEntryInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * §8 "Automatic invoice creation" [D:AUTO] over §3.5 schedules [D:SCHED]: what a run invoices (actuals up to the
 * cutoff, milestones up to the run date, lines of a contract combined), what it records, and that it is harmless
 * to run again.
 */
class ScheduledRunTest extends OperationsTestBase {

    private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

    private InvoiceRuns runs() {
        return ops.invoicing().runs();
    }

    private List<InvoiceScheduleRow> monthEndSchedule(UUID lineId, LocalDate start) {
        return ops.invoicing().schedules().generate(lineId, InvoiceFrequency.monthly(31), start, LocalDate.of(2026, 6, 30));
    }

    @Test
    void aRunOnTheRunDateInvoicesActualsUpToTheCutoffAndMilestonesUpToTheRunDateOnOneInvoice() {
        UUID supportProject = ops.masterData().createProject(new ProjectInput("P-002", "Support", unit, customer));
        UUID support = ops.contracts().addLine(contract, new ContractLineInput("Support", BillingMethod.TIME_AND_MATERIAL,
                supportProject, true, true, true, true, List.of(), null, null));
        UUID fixed = fixedPriceLine("Fixed scope", List.of(
                new MilestoneInput("Design", null, LocalDate.of(2026, 3, 15), dec("6000"), null),
                new MilestoneInput("Build", null, LocalDate.of(2026, 4, 15), dec("4000"), null)));
        List<InvoiceScheduleRow> development = monthEndSchedule(line, LocalDate.of(2026, 2, 28));
        List<InvoiceScheduleRow> supportRows = monthEndSchedule(support, LocalDate.of(2026, 2, 28));
        ops.contracts().confirm(contract);
        ops.backlog().markMilestones(ops.contracts().milestones(fixed).stream().map(m -> m.id()).toList(), true);
        UUID beforeCutoff = readyTime(project, "8", LocalDate.of(2026, 3, 30));
        UUID onRunDate = readyTime(project, "2", MARCH_31);
        UUID otherLine = readyTime(supportProject, "4", LocalDate.of(2026, 3, 20));

        RunSummary summary = runs().runDue(MARCH_31);

        assertThat(summary.runs()).singleElement().satisfies(run -> {
            assertThat(run.contractId()).isEqualTo(contract);
            assertThat(run.invoiceRunDate()).isEqualTo(MARCH_31);
            assertThat(run.status()).isEqualTo(RunStatus.RUN_SUCCESSFUL);
            assertThat(run.scheduleRowIds()).containsExactlyInAnyOrder(development.get(0).id(), supportRows.get(0).id());
            assertThat(run.detail()).isNull();
        });
        UUID invoiceId = summary.invoiceIds().get(0);
        assertThat(summary.invoiceIds()).containsExactly(invoiceId);
        Invoice invoice = ops.invoicing().store().invoice(invoiceId);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(invoice.invoiceDate()).isEqualTo(MARCH_31);
        // 8 h + 4 h at 200/h, and the Design milestone; not the 2 h dated on the run date, not the April milestone.
        assertThat(invoice.totalAmount()).isEqualByComparingTo("8400");
        assertThat(ops.invoicing().store().details(invoiceId)).extracting(LineDetail::sourceActualId,
                LineDetail::description).containsExactlyInAnyOrder(tuple(otherLine, "Build"), tuple(beforeCutoff, "Build"),
                tuple(null, "Design"));
        assertThat(ops.invoicing().store().lines(invoiceId)).hasSize(3);
        Actual left = ops.actuals().actual(onRunDate);
        assertThat(left.billingStatus()).isEqualTo(BillingStatus.READY_TO_INVOICE);
        assertThat(left.invoiceId()).isNull();
        assertThat(ops.contracts().milestones(fixed)).extracting(m -> m.name(), m -> m.status()).containsExactly(
                tuple("Design", MilestoneInvoiceStatus.CUSTOMER_INVOICE_CREATED),
                tuple("Build", MilestoneInvoiceStatus.READY_FOR_INVOICING));

        for (List<InvoiceScheduleRow> schedule : List.of(ops.invoicing().schedules().schedule(line),
                ops.invoicing().schedules().schedule(support))) {
            InvoiceScheduleRow ran = schedule.get(0);
            assertThat(ran.runStatus()).isEqualTo(RunStatus.RUN_SUCCESSFUL);
            assertThat(ran.invoiceIds()).containsExactly(invoiceId);
            assertThat(ran.runDetail()).isNull();
            assertThat(ran.runOn()).isNotNull();
            assertThat(schedule.subList(1, schedule.size())).extracting(InvoiceScheduleRow::runStatus)
                    .containsOnly(RunStatus.NOT_RUN);
        }
    }

    @Test
    void aRunWithNothingReadyIsSuccessfulWithoutAnInvoiceAndSaysSo() {
        monthEndSchedule(line, LocalDate.of(2026, 2, 28));
        ops.contracts().confirm(contract);
        submittedTime("8", LocalDate.of(2026, 3, 10)); // submitted, not approved: nothing in the backlog

        RunSummary summary = runs().runDue(MARCH_31);

        assertThat(summary.runs()).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.RUN_SUCCESSFUL);
            assertThat(run.invoiceIds()).isEmpty();
            assertThat(run.detail()).isEqualTo(InvoiceCreation.NOTHING_TO_INVOICE_TEXT);
        });
        InvoiceScheduleRow row = ops.invoicing().schedules().schedule(line).get(0);
        assertThat(row.runStatus()).isEqualTo(RunStatus.RUN_SUCCESSFUL);
        assertThat(row.runDetail()).isEqualTo(InvoiceCreation.NOTHING_TO_INVOICE_TEXT);
        assertThat(row.invoiceIds()).isEmpty();
        assertThat(count("invoice")).isZero();
    }

    @Test
    void aSecondRunDoesNothing() {
        monthEndSchedule(line, LocalDate.of(2026, 2, 28));
        ops.contracts().confirm(contract);
        readyTime(project, "8", LocalDate.of(2026, 3, 10));
        assertThat(runs().runDue(MARCH_31).invoiceIds()).hasSize(1);
        readyTime(project, "3", LocalDate.of(2026, 3, 11)); // Ready after the run: waits for April's run
        Map<String, Integer> before = counts();

        RunSummary again = runs().runDue(MARCH_31);

        assertThat(again.runs()).isEmpty();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void overdueRunDatesRunOldestFirstEachOnItsOwnInvoice() {
        UUID fixed = fixedPriceLine("Fixed scope", List.of(
                new MilestoneInput("Kick-off", null, LocalDate.of(2026, 2, 1), dec("1000"), null),
                new MilestoneInput("Design", null, LocalDate.of(2026, 3, 15), dec("2000"), null)));
        monthEndSchedule(line, LocalDate.of(2026, 1, 31));
        ops.contracts().confirm(contract);
        ops.backlog().markMilestones(ops.contracts().milestones(fixed).stream().map(m -> m.id()).toList(), true);
        UUID february = readyTime(project, "1", LocalDate.of(2026, 2, 10));
        UUID march = readyTime(project, "2", LocalDate.of(2026, 3, 10));

        RunSummary summary = runs().runDue(MARCH_31);

        assertThat(summary.runs()).extracting(ContractRun::invoiceRunDate).containsExactly(LocalDate.of(2026, 2, 28),
                MARCH_31);
        List<Invoice> invoices = summary.invoiceIds().stream().map(ops.invoicing().store()::invoice).toList();
        assertThat(invoices).extracting(Invoice::invoiceDate, i -> plain(i.totalAmount())).containsExactly(
                tuple(LocalDate.of(2026, 2, 28), "1200.00"), tuple(MARCH_31, "2400.00"));
        assertThat(ops.actuals().actual(february).invoiceId()).isEqualTo(invoices.get(0).id());
        assertThat(ops.actuals().actual(march).invoiceId()).isEqualTo(invoices.get(1).id());
    }

    @Test
    void fixedPriceMilestonesAreInvoicedByTheirDateWithoutADateSchedule() {
        UUID fixed = fixedPriceLine("Fixed scope", List.of(
                new MilestoneInput("Design", null, LocalDate.of(2026, 3, 15), dec("6000"), null),
                new MilestoneInput("Build", null, LocalDate.of(2026, 4, 15), dec("4000"), null)));
        ops.contracts().confirm(contract);
        ops.backlog().markMilestones(ops.contracts().milestones(fixed).stream().map(m -> m.id()).toList(), true);
        UUID unscheduled = readyTime(project, "8", LocalDate.of(2026, 3, 10)); // T&M line without a schedule

        RunSummary summary = runs().runDue(MARCH_31);

        assertThat(summary.runs()).singleElement().satisfies(run -> {
            assertThat(run.scheduleRowIds()).isEmpty();
            assertThat(run.status()).isEqualTo(RunStatus.RUN_SUCCESSFUL);
        });
        UUID invoiceId = summary.invoiceIds().get(0);
        assertThat(ops.invoicing().store().details(invoiceId)).extracting(LineDetail::description).containsExactly("Design");
        assertThat(ops.actuals().actual(unscheduled).invoiceId()).isNull();
        assertThat(runs().runDue(MARCH_31).runs()).isEmpty();
    }

    @Test
    void rowsOfADraftContractWaitUntilItIsConfirmed() {
        monthEndSchedule(line, LocalDate.of(2026, 2, 28));
        readyTime(project, "8", LocalDate.of(2026, 3, 10));

        assertThat(runs().runDue(MARCH_31).runs()).isEmpty();
        assertThat(ops.invoicing().schedules().schedule(line)).extracting(InvoiceScheduleRow::runStatus)
                .containsOnly(RunStatus.NOT_RUN);

        ops.contracts().confirm(contract);
        assertThat(runs().runDue(MARCH_31).invoiceIds()).hasSize(1);
    }

    @Test
    void aFailingContractIsRecordedRunFailedAndRolledBackWhileTheOthersAreInvoiced() {
        UUID project2 = ops.masterData().createProject(new ProjectInput("P-002", "Data migration", unit, customer));
        UUID contract2 = ops.contracts().create(new ContractInput("PC-002", "Data migration T&M", customer, unit, "USD",
                salesList, null));
        UUID line2 = ops.contracts().addLine(contract2, new ContractLineInput("Migration", BillingMethod.TIME_AND_MATERIAL,
                project2, true, true, true, true, List.of(), null, null));
        monthEndSchedule(line, LocalDate.of(2026, 2, 28));
        monthEndSchedule(line2, LocalDate.of(2026, 2, 28));
        ops.contracts().confirm(contract);
        ops.contracts().confirm(contract2);
        UUID failing = readyTime(project, "8", LocalDate.of(2026, 3, 10));
        UUID fine = readyTime(project2, "5", LocalDate.of(2026, 3, 10));
        InvoiceCreation real = ops.invoicing().creation();
        // The first contract fails after its invoice is written, before its transaction commits.
        InvoiceRuns runs = new InvoiceRuns(ops.context(), (contractId, runDate, lines, cutoff) -> {
            List<UUID> created = real.createForRun(contractId, runDate, lines, cutoff);
            if (contractId.equals(contract)) {
                throw new IllegalStateException("injected failure for PC-001");
            }
            return created;
        });

        RunSummary summary = runs.runDue(MARCH_31);

        assertThat(summary.runs()).extracting(ContractRun::contractId, ContractRun::status).containsExactly(
                tuple(contract, RunStatus.RUN_FAILED), tuple(contract2, RunStatus.RUN_SUCCESSFUL));
        InvoiceScheduleRow failed = ops.invoicing().schedules().schedule(line).get(0);
        assertThat(failed.runStatus()).isEqualTo(RunStatus.RUN_FAILED);
        assertThat(failed.runDetail()).isEqualTo("IllegalStateException: injected failure for PC-001");
        assertThat(failed.invoiceIds()).isEmpty();
        assertThat(ops.actuals().actual(failing).billingStatus()).isEqualTo(BillingStatus.READY_TO_INVOICE);
        assertThat(ops.actuals().actual(failing).invoiceId()).isNull();
        assertThat(count("invoice")).isEqualTo(1);
        UUID invoiceId = summary.invoiceIds().get(0);
        assertThat(ops.invoicing().store().invoice(invoiceId).contractId()).isEqualTo(contract2);
        assertThat(ops.actuals().actual(fine).invoiceId()).isEqualTo(invoiceId);
        assertThat(ops.invoicing().schedules().schedule(line2).get(0).runStatus()).isEqualTo(RunStatus.RUN_SUCCESSFUL);

        // A failed row is not run again; its actual is taken by the line's next run.
        assertThat(runs.runDue(MARCH_31).runs()).isEmpty();
        assertThat(runs().runDue(LocalDate.of(2026, 4, 30)).invoiceIds()).singleElement()
                .satisfies(id -> assertThat(ops.actuals().actual(failing).invoiceId()).isEqualTo(id));
    }

    /** Approves {@code hours} of the Developer on {@code project} and date and marks the unbilled actual Ready. */
    private UUID readyTime(UUID projectId, String hours, LocalDate date) {
        UUID entry = ops.workEntries().create(WorkEntryInput.time(projectId, null, resource, developer, date,
                new BigDecimal(hours), "Build"));
        ops.workEntries().submit(entry);
        ops.workEntries().approve(entry);
        List<UUID> unbilled = ops.actuals().bySource(entry).stream()
                .filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES).map(Actual::id).toList();
        ops.backlog().markActuals(unbilled, true);
        return unbilled.get(0);
    }

    /** A fixed-price line on its own project with these milestones (the contracted amount is their sum). */
    private UUID fixedPriceLine(String name, List<MilestoneInput> milestones) {
        UUID fpProject = ops.masterData().createProject(new ProjectInput("P-FP", name, unit, customer));
        BigDecimal total = milestones.stream().map(MilestoneInput::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        UUID fixed = ops.contracts().addLine(contract, new ContractLineInput(name, BillingMethod.FIXED_PRICE, fpProject,
                true, true, true, false, List.of(), null, total));
        ops.contracts().setMilestones(fixed, milestones);
        return fixed;
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>(rowCounts());
        counts.put("tdm_invoicescheduleinvoice", count("tdm_invoicescheduleinvoice"));
        counts.put("not run", jdbc.queryForObject("SELECT COUNT(*) FROM tdm_invoiceschedule WHERE tdm_runstatus = ?",
                Integer.class, RunStatus.NOT_RUN.value()));
        return counts;
    }

    private static String plain(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
