package dev.tandem.operations.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.operations.OperationsTestBase;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.backlog.ReadyToInvoice.ActualsMarked;
import dev.tandem.operations.backlog.ReadyToInvoice.HeldReason;
import dev.tandem.operations.invoicing.InvoiceStatus;
import dev.tandem.operations.masterdata.MasterData.ProjectInput;
import dev.tandem.operations.work.SourcedWork.PendingApproved;
import dev.tandem.operations.work.WorkEntryStatus;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The reads and commands Project Operations publishes for batch callers such as the month-end job: natural keys in
 * bulk, pending sourced work, the backlog marked Ready up to the not-to-exceed limit (§4.5), drafts of a contract and
 * report figures. On H2 and PostgreSQL (the base class runs each test on both).
 */
class MonthEndQueriesTest extends OperationsTestBase {

    @Test
    void naturalKeysAnswerTheIdsOfTheKeysThatExistAndLeaveOthersOut() {
        var keys = ops.naturalKeys();

        assertThat(keys.projects(List.of("P-001", "P-404", "P-001"))).containsExactly(Map.entry("P-001", project));
        assertThat(keys.units(List.of("Contoso US"))).containsEntry("Contoso US", unit);
        assertThat(keys.accounts(List.of("C-001", "C-404"))).containsOnlyKeys("C-001").containsValue(customer);
        assertThat(keys.roles(List.of("Developer"))).containsEntry("Developer", developer);
        assertThat(keys.resources(List.of("Ana Silva", "Nobody"))).containsOnlyKeys("Ana Silva");
        assertThat(keys.priceLists(List.of("Cost 2026", "Sales 2026"))).containsEntry("Cost 2026", costList)
                .containsEntry("Sales 2026", salesList);
        assertThat(keys.contracts(List.of("PC-001", "PC-404"))).containsExactly(Map.entry("PC-001", contract));
        assertThat(keys.categories(List.of())).isEmpty();
    }

    @Test
    void naturalKeysResolveMoreNamesThanOneChunk() {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            names.add("Missing " + i);
        }
        names.add("P-001");

        assertThat(ops.naturalKeys().projects(names)).containsExactly(Map.entry("P-001", project));
    }

    @Test
    void theBacklogIsMarkedReadyUpToTheLimitAndWhatTheLimitHoldsBackIsNamedWithItsReason() {
        project = ops.masterData().createProject(new ProjectInput("P-002", "Capped work", unit, customer));
        ops.contracts().addLine(contract, timeAndMaterial("Capped", new BigDecimal("1000")));
        UUID first = submittedTime("4", DAY);   // 800 of 1,000
        UUID second = submittedTime("4", DAY);  // another 800: over the limit
        ops.workEntries().approve(first);
        ops.workEntries().approve(second);

        ActualsMarked result = ops.readyToInvoice().markActualsUpToLimit(contract, DAY);

        UUID committed = unbilledOf(first).id();
        UUID failed = unbilledOf(second).id();
        assertThat(result.marked()).containsExactly(committed);
        assertThat(result.held()).singleElement().satisfies(held -> {
            assertThat(held.actualId()).isEqualTo(failed);
            assertThat(held.reason()).isEqualTo(HeldReason.NTE_FAILED);
            assertThat(held.documentDate()).isEqualTo(DAY);
            assertThat(held.detail()).contains("1000.00");
        });
        assertThat(ops.actuals().actual(committed).billingStatus()).isEqualTo(BillingStatus.READY_TO_INVOICE);
        assertThat(ops.actuals().actual(failed).billingStatus()).isEqualTo(BillingStatus.UNBILLED_SALES_CREATED);

        ActualsMarked again = ops.readyToInvoice().markActualsUpToLimit(contract, DAY);
        assertThat(again.marked()).isEmpty();
        assertThat(again.held()).extracting(ReadyToInvoice.Held::actualId).containsExactly(failed);
    }

    @Test
    void workDatedAfterTheDateIsNotMarked() {
        UUID entry = submittedTime("2", DAY.plusDays(1));
        ops.workEntries().approve(entry);

        ActualsMarked result = ops.readyToInvoice().markActualsUpToLimit(contract, DAY);

        assertThat(result.marked()).isEmpty();
        assertThat(result.held()).isEmpty();
        assertThat(ops.readyToInvoice().markMilestonesDue(contract, DAY)).isEmpty();
    }

    @Test
    void pendingSourcedWorkIsSubmittedAndApprovedAndOtherWorkIsLeftAlone() {
        Map<String, dev.tandem.operations.work.WorkEntryInput> bySource = new LinkedHashMap<>();
        bySource.put("harvest:a#1", time("1"));
        bySource.put("harvest:b#1", time("2"));
        List<UUID> sourced = List.copyOf(ops.workEntries().createFromSources(bySource).values());
        ops.workEntries().submit(sourced.get(1));
        UUID manual = ops.workEntries().create(time("3"));

        PendingApproved approved = ops.sourcedWork().approvePending();

        assertThat(approved.approved()).containsExactlyInAnyOrderElementsOf(sourced);
        assertThat(approved.submitted()).containsExactly(sourced.get(0));
        assertThat(sourced).allSatisfy(id -> assertThat(ops.workEntries().entry(id).status())
                .isEqualTo(WorkEntryStatus.APPROVED));
        assertThat(ops.workEntries().entry(manual).status()).isEqualTo(WorkEntryStatus.DRAFT);
        assertThat(ops.sourcedWork().approvePending().approved()).isEmpty();
    }

    @Test
    void figuresCountActualsAndApprovedHoursAndInvoicesByStatus() {
        ops.workEntries().approve(submittedTime("1.5", DAY));
        ops.workEntries().approve(submittedTime("2", DAY));

        assertThat(ops.actualFigures().approvedHours()).containsOnlyKeys(BillingType.CHARGEABLE);
        assertThat(ops.actualFigures().approvedHours().get(BillingType.CHARGEABLE)).isEqualByComparingTo("3.5");
        assertThat(ops.actualFigures().totals()).anySatisfy(t -> {
            assertThat(t.transactionType()).isEqualTo(TransactionType.UNBILLED_SALES);
            assertThat(t.count()).isEqualTo(2);
            assertThat(t.amount().currency()).isEqualTo("USD");
            assertThat(t.amount().amount()).isEqualByComparingTo("700");
        });
        assertThat(ops.invoiceQueries().countByStatus()).doesNotContainKey(InvoiceStatus.POSTED);
        assertThat(ops.invoiceQueries().draftsOfContract(contract)).isEmpty();
    }

    @Test
    void theBacklogPageReadWithoutTotalsListsWhatTheFullReadListsPageByPage() {
        // Issue 16: the web UI reads a page with timeAndMaterialRows (two ordered index ranges merged) and the totals
        // apart. Its pages must be the full read's pages, with one row more when another page follows.
        List<UUID> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 23; i++) {
            entries.add(submittedTime(Integer.toString(1 + i % 5), DAY.minusDays(i % 7)));
        }
        entries.forEach(ops.workEntries()::approve);
        List<UUID> ready = entries.stream().filter(e -> entries.indexOf(e) % 3 == 0).map(e -> unbilledOf(e).id())
                .toList();
        ops.backlog().markActuals(ready, true);
        for (BillingBacklog.Filter filter : List.of(BillingBacklog.Filter.all(),
                new BillingBacklog.Filter(contract, null, null, null, null, true),
                new BillingBacklog.Filter(null, project, customer, DAY.minusDays(4), DAY, false),
                new BillingBacklog.Filter(null, null, null, null, null, false,
                        dev.tandem.operations.actuals.TransactionClassification.TIME,
                        dev.tandem.operations.actuals.NteStatus.NOT_APPLICABLE))) {
            BillingBacklog.BacklogPage<Actual> whole = ops.backlog().timeAndMaterial(filter, 0, 100);
            assertThat(whole.total()).isEqualTo(whole.items().size());
            assertThat(ops.backlog().timeAndMaterialTotals(filter)).isEqualTo(whole.totals());
            List<UUID> paged = new java.util.ArrayList<>();
            for (int page = 0; page < 6; page++) {
                List<Actual> rows = ops.backlog().timeAndMaterialRows(filter, page, 5);
                List<UUID> expected = ops.backlog().timeAndMaterial(filter, page, 5).items().stream()
                        .map(Actual::id).toList();
                assertThat(rows.stream().limit(5).map(Actual::id).toList()).as("page %d of %s", page, filter)
                        .isEqualTo(expected);
                assertThat(rows.size() > 5).isEqualTo((long) (page + 1) * 5 < whole.total());
                paged.addAll(expected);
            }
            assertThat(paged).isEqualTo(whole.items().stream().map(Actual::id).toList());
        }
        assertThat(ops.backlog().timeAndMaterial(BillingBacklog.Filter.all(), 0, 100).total()).isEqualTo(23);
        assertThat(ops.backlog().timeAndMaterial(new BillingBacklog.Filter(null, null, null, null, null, false,
                dev.tandem.operations.actuals.TransactionClassification.TIME,
                dev.tandem.operations.actuals.NteStatus.NOT_APPLICABLE), 0, 100).total()).isEqualTo(23);
        assertThat(ops.backlog().timeAndMaterialRows(new BillingBacklog.Filter(null, null, null, null, null, false,
                dev.tandem.operations.actuals.TransactionClassification.EXPENSE, null), 0, 5)).isEmpty();
        assertThat(ops.backlog().timeAndMaterialTotals(new BillingBacklog.Filter(null, null, null, null, null, false,
                null, dev.tandem.operations.actuals.NteStatus.FAILED))).isEmpty();
        // A page past MERGED_READ_LIMIT rows is read with OFFSET: the same rows (here none: the backlog is shorter).
        assertThat(ops.backlog().timeAndMaterialRows(BillingBacklog.Filter.all(), BillingBacklog.MERGED_READ_LIMIT, 2))
                .isEmpty();
        assertThat(ops.backlog().timeAndMaterialRows(BillingBacklog.Filter.all(), 4, 5)).extracting(Actual::id)
                .containsExactlyElementsOf(ops.backlog().timeAndMaterial(BillingBacklog.Filter.all(), 4, 5).items()
                        .stream().map(Actual::id).toList());
    }

    private Actual unbilledOf(UUID entry) {
        return ops.actuals().bySource(entry).stream().filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES)
                .findFirst().orElseThrow();
    }
}
