package dev.tandem.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.backlog.BillingBacklog.BacklogPage;
import dev.tandem.operations.backlog.BillingBacklog.CurrencyTotal;
import dev.tandem.operations.backlog.BillingBacklog.Filter;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.ContractRecords.ContractInput;
import dev.tandem.operations.contracts.ContractRecords.ContractLineInput;
import dev.tandem.operations.contracts.ContractRecords.Milestone;
import dev.tandem.operations.contracts.ContractRecords.MilestoneInput;
import dev.tandem.operations.contracts.MilestoneInvoiceStatus;
import dev.tandem.operations.masterdata.MasterData.AccountInput;
import dev.tandem.operations.masterdata.MasterData.ProjectInput;
import dev.tandem.operations.pricing.PriceListContext;
import dev.tandem.operations.pricing.PriceLists.PriceListInput;
import dev.tandem.operations.work.WorkEntryInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** §4.2, §4.6, §5 step 7: the T&M backlog and the milestone backlog, filters, totals, Ready / Not ready. */
class BillingBacklogTest extends OperationsTestBase {

    private UUID euroProject;
    private UUID euroCustomer;

    /** A second contract billed in EUR to another customer, so totals come per currency. */
    private void euroContract() {
        euroCustomer = ops.masterData().createAccount(new AccountInput("C-EU", "Contoso Europe"));
        euroProject = ops.masterData().createProject(new ProjectInput("P-EU", "EU rollout", unit, euroCustomer));
        UUID euroSales = ops.priceLists().create(new PriceListInput("Sales EUR", PriceListContext.SALES, "EUR",
                LocalDate.of(2026, 1, 1), null));
        ops.priceLists().setRolePrice(euroSales, developer, new BigDecimal("150"));
        UUID euro = ops.contracts().create(new ContractInput("PC-EU", "EU T&M", euroCustomer, unit, "EUR", euroSales, null));
        ops.contracts().addLine(euro, new ContractLineInput("EU work", BillingMethod.TIME_AND_MATERIAL, euroProject, true,
                false, false, false, List.of(), null, null));
    }

    private UUID approvedTime(UUID onProject, String hours, LocalDate date) {
        UUID id = ops.workEntries().create(WorkEntryInput.time(onProject, null, resource, developer, date,
                new BigDecimal(hours), "Work"));
        ops.workEntries().submit(id);
        ops.workEntries().approve(id);
        return id;
    }

    @Test
    void backlogFiltersByContractProjectCustomerAndDatesWithTotalsPerCurrency() {
        euroContract();
        approvedTime(project, "8", LocalDate.of(2026, 3, 2));
        approvedTime(project, "2", LocalDate.of(2026, 3, 20));
        approvedTime(euroProject, "4", LocalDate.of(2026, 3, 5));

        BacklogPage<Actual> all = ops.backlog().timeAndMaterial(Filter.all(), 0, 50);
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items()).allSatisfy(a -> assertThat(a.transactionType()).isEqualTo(TransactionType.UNBILLED_SALES));
        assertThat(all.totals()).extracting(CurrencyTotal::currency).containsExactly("EUR", "USD");
        CurrencyTotal usd = all.totals().get(1);
        assertThat(usd.count()).isEqualTo(2);
        assertThat(usd.amount()).isEqualByComparingTo("2000");
        assertThat(all.totals().get(0).amount()).isEqualByComparingTo("600");

        assertThat(ops.backlog().timeAndMaterial(new Filter(contract, null, null, null, null, false), 0, 50).total()).isEqualTo(2);
        assertThat(ops.backlog().timeAndMaterial(new Filter(null, euroProject, null, null, null, false), 0, 50).total()).isEqualTo(1);
        assertThat(ops.backlog().timeAndMaterial(new Filter(null, null, euroCustomer, null, null, false), 0, 50).total()).isEqualTo(1);
        BacklogPage<Actual> march = ops.backlog().timeAndMaterial(new Filter(null, null, null,
                LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 31), false), 0, 50);
        assertThat(march.total()).isEqualTo(2);
        assertThat(march.items()).extracting(Actual::documentDate)
                .containsExactly(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 20));
    }

    @Test
    void paginationKeepsTotalsOverAllPages() {
        for (int i = 0; i < 5; i++) {
            approvedTime(project, "1", DAY.plusDays(i));
        }
        BacklogPage<Actual> second = ops.backlog().timeAndMaterial(Filter.all(), 1, 2);

        assertThat(second.items()).hasSize(2);
        assertThat(second.items().get(0).documentDate()).isEqualTo(DAY.plusDays(2));
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.totals()).singleElement().satisfies(t -> assertThat(t.amount()).isEqualByComparingTo("1000"));
    }

    @Test
    void markReadyAndNotReady() {
        UUID entry = approvedTime(project, "8", DAY);
        Actual unbilled = ops.backlog().timeAndMaterial(Filter.all(), 0, 50).items().get(0);

        ops.backlog().markActuals(List.of(unbilled.id()), true);
        assertThat(ops.actuals().actual(unbilled.id()).billingStatus()).isEqualTo(BillingStatus.READY_TO_INVOICE);
        assertThat(ops.backlog().timeAndMaterial(new Filter(null, null, null, null, null, true), 0, 50).total()).isEqualTo(1);

        ops.backlog().markActuals(List.of(unbilled.id()), false);
        assertThat(ops.actuals().actual(unbilled.id()).billingStatus()).isEqualTo(BillingStatus.UNBILLED_SALES_CREATED);
        assertThat(ops.backlog().timeAndMaterial(new Filter(null, null, null, null, null, true), 0, 50).total()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = 'msdyn_actuals' AND operation = 'UPDATE' "
                + "AND integration_key = ?", Integer.class, unbilled.id().toString())).isEqualTo(2);
        assertThat(entry).isNotNull();
    }

    @Test
    void costActualsAreNotInTheBacklogAndCantBeMarked() {
        UUID entry = approvedTime(project, "8", DAY);
        Actual cost = ops.actuals().bySource(entry).stream().filter(a -> a.transactionType() == TransactionType.COST)
                .findFirst().orElseThrow();

        assertThatThrownBy(() -> ops.backlog().markActuals(List.of(cost.id()), true))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(OperationsError.ACTUAL_NOT_INVOICEABLE));
    }

    @Test
    void milestoneBacklogWithReadyAndNotReady() {
        UUID fpProject = ops.masterData().createProject(new ProjectInput("P-FP", "Fixed scope", unit, customer));
        UUID fixed = ops.contracts().addLine(contract, new ContractLineInput("Fixed scope", BillingMethod.FIXED_PRICE,
                fpProject, true, true, true, false, List.of(), null, new BigDecimal("10000")));
        List<UUID> ids = ops.contracts().setMilestones(fixed, List.of(
                new MilestoneInput("Design signed off", null, LocalDate.of(2026, 4, 30), new BigDecimal("4000"), new BigDecimal("400")),
                new MilestoneInput("Go-live", null, LocalDate.of(2026, 6, 30), new BigDecimal("6000"), null)));
        ops.contracts().confirm(contract);

        BacklogPage<Milestone> backlog = ops.backlog().milestones(Filter.all(), 0, 50);
        assertThat(backlog.items()).extracting(Milestone::name).containsExactly("Design signed off", "Go-live");
        assertThat(backlog.items()).allSatisfy(m -> assertThat(m.status()).isEqualTo(MilestoneInvoiceStatus.NOT_READY_FOR_INVOICING));
        assertThat(backlog.items().get(0).amountAfterTax()).isEqualByComparingTo("4400");
        assertThat(backlog.totals()).singleElement().satisfies(t -> {
            assertThat(t.currency()).isEqualTo("USD");
            assertThat(t.amount()).isEqualByComparingTo("10000");
        });

        ops.backlog().markMilestones(List.of(ids.get(0)), true);
        BacklogPage<Milestone> ready = ops.backlog().milestones(new Filter(null, null, null, null, null, true), 0, 50);
        assertThat(ready.items()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(ids.get(0));
            assertThat(m.status()).isEqualTo(MilestoneInvoiceStatus.READY_FOR_INVOICING);
        });
        assertThat(ops.backlog().milestones(new Filter(null, fpProject, null, LocalDate.of(2026, 6, 1), null, false), 0, 50)
                .items()).extracting(Milestone::name).containsExactly("Go-live");

        jdbc.update("UPDATE msdyn_contractlinescheduleofvalue SET msdyn_invoicestatus = ? WHERE msdyn_contractlinescheduleofvalueid = ?",
                MilestoneInvoiceStatus.CUSTOMER_INVOICE_POSTED.value(), ids.get(1));
        assertThatThrownBy(() -> ops.backlog().markMilestones(List.of(ids.get(1)), true))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(OperationsError.MILESTONE_STATE);
                    assertThat(e.detail()).contains("Customer invoice posted");
                });
    }

    @Test
    void fixedPriceWorkCreatesCostOnly() {
        UUID fpProject = ops.masterData().createProject(new ProjectInput("P-FP", "Fixed scope", unit, customer));
        ops.contracts().addLine(contract, new ContractLineInput("Fixed scope", BillingMethod.FIXED_PRICE, fpProject,
                true, true, true, false, List.of(), null, new BigDecimal("10000")));
        UUID entry = approvedTime(fpProject, "8", DAY);

        assertThat(ops.actuals().bySource(entry)).singleElement()
                .satisfies(a -> assertThat(a.transactionType()).isEqualTo(TransactionType.COST));
        assertThat(ops.backlog().timeAndMaterial(Filter.all(), 0, 50).total()).isZero();
    }
}
