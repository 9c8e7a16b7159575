package dev.tandem.operations;

import dev.tandem.common.testing.DatabaseTest;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.ContractRecords.ContractInput;
import dev.tandem.operations.contracts.ContractRecords.ContractLineInput;
import dev.tandem.operations.masterdata.MasterData.AccountInput;
import dev.tandem.operations.masterdata.MasterData.OrganizationalUnitInput;
import dev.tandem.operations.masterdata.MasterData.ProjectInput;
import dev.tandem.operations.masterdata.MasterData.ResourceInput;
import dev.tandem.operations.pricing.PriceListContext;
import dev.tandem.operations.pricing.PriceLists.PriceListInput;
import dev.tandem.operations.work.WorkEntryInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the Project Operations suites: a fresh database (H2 and PostgreSQL) holding the specification's worked
 * example world (§6): a USD contracting unit whose cost price for a Developer is 100/h, a contract whose sales price
 * is 200/h, and a draft T&M contract line on one project.
 */
public abstract class OperationsTestBase extends DatabaseTest {

    protected static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    protected ProjectOperations ops;
    protected JdbcTemplate jdbc;
    protected UUID unit;
    protected UUID customer;
    protected UUID project;
    protected UUID developer;
    protected UUID resource;
    protected UUID costList;
    protected UUID salesList;
    protected UUID contract;
    protected UUID line;

    @Override
    protected List<String> migrationLocations() {
        return Arrays.asList(OperationsSchema.LOCATIONS);
    }

    @BeforeEach
    void buildWorld() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-31T12:00:00Z"), ZoneOffset.UTC);
        ops = new ProjectOperations(OperationsContext.of(dataSource(), clock, () -> "pm@example.test"));
        jdbc = ops.context().jdbc();
        var md = ops.masterData();
        unit = md.createOrganizationalUnit(new OrganizationalUnitInput("Contoso US", "USD", "USMF"));
        customer = md.createAccount(new AccountInput("C-001", "Fabrikam"));
        project = md.createProject(new ProjectInput("P-001", "ERP rollout", unit, customer));
        developer = md.createRole("Developer");
        resource = md.createResource(new ResourceInput("Ana Silva", unit, List.of(developer)));
        costList = ops.priceLists().create(new PriceListInput("Cost 2026", PriceListContext.COST, "USD",
                LocalDate.of(2026, 1, 1), null));
        ops.priceLists().setRolePrice(costList, developer, new BigDecimal("100"));
        ops.priceLists().attachCostPriceList(unit, costList);
        salesList = ops.priceLists().create(new PriceListInput("Sales 2026", PriceListContext.SALES, "USD",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        ops.priceLists().setRolePrice(salesList, developer, new BigDecimal("200"));
        contract = ops.contracts().create(new ContractInput("PC-001", "ERP rollout T&M", customer, unit, "USD",
                salesList, null));
        line = ops.contracts().addLine(contract, timeAndMaterial("Development", null));
    }

    protected ContractLineInput timeAndMaterial(String name, BigDecimal nteLimit) {
        return new ContractLineInput(name, BillingMethod.TIME_AND_MATERIAL, project, true, true, true, true, List.of(),
                nteLimit, null);
    }

    /** Creates and submits a time entry of {@code hours} for the Developer on {@code date}. */
    protected UUID submittedTime(String hours, LocalDate date) {
        UUID id = ops.workEntries().create(WorkEntryInput.time(project, null, resource, developer, date,
                new BigDecimal(hours), "Build"));
        ops.workEntries().submit(id);
        return id;
    }

    protected WorkEntryInput time(String hours) {
        return new WorkEntryInput(TransactionClassification.TIME, project, null, resource, developer, null, null, DAY,
                new BigDecimal(hours), null, null, "Build", null);
    }

    protected int count(String table) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
        return n == null ? 0 : n;
    }

    /** Row counts of every table the app writes, to prove an action wrote nothing. */
    protected Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : List.of("dw_outbox", "msdyn_actual", "msdyn_transactionconnection", "msdyn_transactionorigin",
                "tdm_workentry", "salesorder", "salesorderdetail", "msdyn_projectcontractsplitbillingrule",
                "msdyn_contractlinescheduleofvalue", "tdm_contractlinechargeability", "invoice", "invoicedetail",
                "msdyn_invoicelinetransaction")) {
            counts.put(table, count(table));
        }
        return counts;
    }

    protected static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
