package dev.tandem.server.dualwrite;

import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.dualwrite.runtime.DualWriteSettings;
import dev.tandem.dualwrite.spi.SyncApp;
import dev.tandem.finance.Finance;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.FinanceSchema;
import dev.tandem.finance.setup.FinanceSetup;
import dev.tandem.finance.setup.FinanceSetup.LegalEntityInput;
import dev.tandem.finance.setup.FinanceSetup.ProfileInput;
import dev.tandem.finance.setup.NumberSequences;
import dev.tandem.finance.setup.ProfileRuleLevel;
import dev.tandem.finance.sync.FinanceSyncEntities;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsSchema;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.ContractRecords.ContractInput;
import dev.tandem.operations.contracts.ContractRecords.ContractLineInput;
import dev.tandem.operations.masterdata.MasterData.AccountInput;
import dev.tandem.operations.masterdata.MasterData.OrganizationalUnitInput;
import dev.tandem.operations.masterdata.MasterData.ProjectInput;
import dev.tandem.operations.masterdata.MasterData.ResourceInput;
import dev.tandem.operations.pricing.PriceListContext;
import dev.tandem.operations.pricing.PriceLists.PriceListInput;
import dev.tandem.operations.sync.OperationsSyncEntities;
import dev.tandem.operations.work.WorkEntryInput;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Both apps on their own databases with the real table maps of {@code maps/} and the dual-write runtime: the
 * Finance world of the specification's examples (legal entity USMF, customer C-001, project P-001, contract
 * PC-001, posting setup) and the matching Project Operations world (unit in USMF, customer C-001, project P-001,
 * T&M contract PC-001 at 200 USD an hour). Used by the end-to-end sync tests and by the crash harness's child JVM.
 */
public final class SyncedWorld {

    public static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    public static final LocalDate INVOICE_DATE = LocalDate.of(2026, 3, 31);

    public final ProjectOperations ops;
    public final Finance finance;
    public DualWriteRuntime runtime;
    UUID unit;
    UUID customer;
    UUID project;
    UUID developer;
    UUID resource;
    UUID contract;

    public SyncedWorld(DataSource operationsDb, DataSource financeDb) {
        Flyway.configure().dataSource(operationsDb).locations(OperationsSchema.LOCATIONS).outOfOrder(true).load()
                .migrate();
        Flyway.configure().dataSource(financeDb).locations(FinanceSchema.LOCATIONS).outOfOrder(true).load().migrate();
        Clock clock = Clock.fixed(Instant.parse("2026-03-31T12:00:00Z"), ZoneOffset.UTC);
        ops = new ProjectOperations(OperationsContext.of(operationsDb, clock, () -> "pm@example.test"));
        finance = new Finance(FinanceContext.of(financeDb, clock, () -> "accountant@example.test"));
    }

    /** The YAML files of the repository's {@code maps/} directory (tests run in {@code server/}). */
    public static Map<String, String> mapFiles() {
        Path dir = Path.of("..", "maps");
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.list(dir)) {
            for (Path f : all.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                files.put("maps/" + f.getFileName(), Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Starts the runtime over both apps; {@code run}: maps that never ran start Running. */
    public DualWriteRuntime startSync(boolean run) {
        runtime = new DualWriteRuntime(List.of(
                new SyncApp("operations", ops.context(), OperationsSyncEntities.create(ops)),
                new SyncApp("finance", finance.context(), FinanceSyncEntities.create(finance))), mapFiles(),
                new DualWriteSettings("operations", Duration.ofMinutes(2), 1_000_000, Duration.ofMinutes(5), 1000, 200,
                        Duration.ZERO), new SimpleMeterRegistry());
        runtime.start(run);
        return runtime;
    }

    /** Whether the worlds exist already (a restarted crash-harness child finds them). */
    public boolean built() {
        Integer n = finance.context().jdbc().queryForObject("SELECT COUNT(*) FROM legal_entity", Integer.class);
        return n != null && n > 0;
    }

    /** Finds the Project Operations world built by an earlier run (the crash harness's restarted child). */
    public void attach() {
        var jdbc = ops.context().jdbc();
        contract = jdbc.queryForObject("SELECT salesorderid FROM salesorder WHERE ordernumber = 'PC-001'", UUID.class);
        project = jdbc.queryForObject("SELECT msdyn_projectid FROM msdyn_project WHERE msdyn_projectnumber = 'P-001'",
                UUID.class);
        resource = jdbc.queryForObject("SELECT bookableresourceid FROM bookableresource WHERE name = 'Ana Silva'",
                UUID.class);
        developer = jdbc.queryForObject("SELECT bookableresourcecategoryid FROM bookableresourcecategory WHERE name = "
                + "'Developer'", UUID.class);
    }

    public void buildFinance(String... customers) {
        setUpLegalEntity(finance.setup());
        for (String c : customers) {
            finance.setup().createCustomer("USMF", c, "Customer " + c, "10", 30, "USD", "SALES-US");
        }
        finance.setup().createProject("USMF", "P-001", "ERP rollout", "TM", "PC-001", "C-001", null);
    }

    /**
     * Legal entity USMF with what posting T&M work needs: monthly periods from 2025, the accounts of the
     * specification's examples, project group TM with a profile that accrues no revenue, the line properties
     * Chargeable and NonChargeable, and the number sequences.
     */
    public static void setUpLegalEntity(FinanceSetup setup) {
        String le = "USMF";
        setup.createLegalEntity(new LegalEntityInput(le, "Contoso USA", "USD", "ECB", "MONTHS", false, "SEARCH", false,
                "999999"));
        setup.createMonthlyPeriods(le, LocalDate.of(2025, 1, 1), 36);
        for (String[] a : new String[][] {{"110000", "Customer balance", "ASSET"}, {"140100", "WIP sales value", "ASSET"},
                {"220000", "Sales tax payable", "LIABILITY"}, {"401000", "Invoiced revenue", "REVENUE"},
                {"401100", "Accrued revenue", "REVENUE"}, {"401200", "Invoiced revenue on account", "REVENUE"},
                {"140200", "WIP invoiced on account", "LIABILITY"}, {"600100", "Project cost", "EXPENSE"},
                {"600900", "Payroll allocation", "EXPENSE"}, {"999999", "Rounding", "EXPENSE"}}) {
            setup.createMainAccount(le, a[0], a[1], a[2]);
        }
        setup.createProjectGroup(le, "TM", "Time and material");
        setup.createProfile(le, new ProfileInput("TM", "T&M, no WIP", false, "600100", "600900", null, null, "401000",
                "401200", "140200", "110000", "220000"));
        setup.createProfileRule(le, ProfileRuleLevel.PROJECT_GROUP, "TM", "TM");
        setup.createLineProperty(le, "Chargeable", "Chargeable", true, List.of(192350001));
        setup.createLineProperty(le, "NonChargeable", "Non-chargeable", false, List.of(192350000, 192350002,
                192350003));
        setup.createNumberSequence(le, NumberSequences.VOUCHER, "GJ-", 6, false);
        setup.createNumberSequence(le, NumberSequences.JOURNAL, "PIJ-", 6, false);
        setup.createNumberSequence(le, NumberSequences.PROPOSAL, "PP-", 6, true);
        setup.createNumberSequence(le, NumberSequences.CUSTOMER_INVOICE, "CI-", 6, false);
    }

    /** Project Operations: unit, customer, project, role, resource, price lists and a confirmed T&M contract. */
    public void buildOperations(String customerNumber) {
        unit = ops.masterData().createOrganizationalUnit(new OrganizationalUnitInput("Contoso US", "USD", "USMF"));
        buildOperationsFor(ops.masterData().createAccount(new AccountInput(customerNumber, "Fabrikam")));
    }

    /**
     * Project Operations for an existing customer (one synced from Finance): unit, project, role, resource, price
     * lists (cost 100, sales 200 USD an hour) and a confirmed T&M contract PC-001.
     */
    public void buildOperationsWithSyncedCustomer(String customerNumber) {
        unit = ops.masterData().createOrganizationalUnit(new OrganizationalUnitInput("Contoso US", "USD", "USMF"));
        buildOperationsFor(ops.context().jdbc().queryForObject("SELECT accountid FROM account WHERE accountnumber = ?",
                UUID.class, customerNumber));
    }

    private void buildOperationsFor(UUID customerId) {
        var md = ops.masterData();
        customer = customerId;
        project = md.createProject(new ProjectInput("P-001", "ERP rollout", unit, customer));
        developer = md.createRole("Developer");
        resource = md.createResource(new ResourceInput("Ana Silva", unit, List.of(developer)));
        UUID costList = ops.priceLists().create(new PriceListInput("Cost 2026", PriceListContext.COST, "USD",
                LocalDate.of(2026, 1, 1), null));
        ops.priceLists().setRolePrice(costList, developer, new BigDecimal("100"));
        ops.priceLists().attachCostPriceList(unit, costList);
        UUID salesList = ops.priceLists().create(new PriceListInput("Sales 2026", PriceListContext.SALES, "USD",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        ops.priceLists().setRolePrice(salesList, developer, new BigDecimal("200"));
        contract = ops.contracts().create(new ContractInput("PC-001", "ERP rollout T&M", customer, unit, "USD",
                salesList, null));
        ops.contracts().addLine(contract, new ContractLineInput("Development", BillingMethod.TIME_AND_MATERIAL, project,
                true, true, true, true, List.of(), null, null));
        ops.contracts().confirm(contract);
    }

    /** Approves {@code entries} time entries of {@code hours} each and marks their unbilled actuals Ready. */
    public void readyTime(int entries, String hours) {
        List<WorkEntryInput> inputs = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            inputs.add(WorkEntryInput.time(project, null, resource, developer, DAY, new BigDecimal(hours), "Build"));
        }
        List<UUID> ids = ops.workEntries().createAll(inputs);
        ops.workEntries().submitAll(ids);
        ops.workEntries().approveAll(ids);
        List<UUID> unbilled = new ArrayList<>();
        for (UUID id : ids) {
            ops.actuals().bySource(id).stream().filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES)
                    .map(Actual::id).forEach(unbilled::add);
        }
        ops.backlog().markActuals(unbilled, true);
    }

    /** Creates the contract's invoice from the Ready backlog; returns its id. */
    public UUID createInvoice() {
        return ops.invoicing().creation().createForContract(contract, INVOICE_DATE).get(0);
    }

    public UUID project() {
        return project;
    }

    public UUID resource() {
        return resource;
    }

    public UUID developer() {
        return developer;
    }

    public UUID contract() {
        return contract;
    }

    public int countOps(String sql, Object... args) {
        Integer n = ops.context().jdbc().queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    public int countFinance(String sql, Object... args) {
        Integer n = finance.context().jdbc().queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
