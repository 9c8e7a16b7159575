package dev.tandem.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.common.testing.TestDatabases;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsSchema;
import dev.tandem.operations.ProjectOperations;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Benchmark (not a test): approves N submitted time entries in one bulk call, on H2 and on PostgreSQL, and, in the
 * same run, a sample approved one call per entry, so the two are compared as a ratio on the same machine.
 *
 * <p>Prints one Markdown table row per database: entries, seconds, entries/s, database round trips and statements
 * of the bulk call, and the per-entry time ratio single/bulk. Usage: {@code bench/run [entries] [sample]}.
 */
public final class BulkApprovalBenchmark {

    private BulkApprovalBenchmark() {
    }

    public static void main(String[] args) {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int sample = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        System.out.printf(Locale.ROOT, "Bulk approval benchmark: %,d entries in one call, %,d entries one call each%n%n",
                entries, sample);
        System.out.println("| database | entries | bulk s | entries/s | round trips | of them batches | statements "
                + "| actuals | single-call s per 1k | per-entry ratio single/bulk |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (DatabaseKind kind : DatabaseKind.values()) {
            run(kind, entries, sample);
        }
        System.exit(0);
    }

    private static void run(DatabaseKind kind, int entries, int sample) {
        HikariDataSource pool = TestDatabases.create(kind, Arrays.asList(OperationsSchema.LOCATIONS));
        try {
            StatementCounter counter = new StatementCounter();
            ProjectOperations ops = new ProjectOperations(OperationsContext.of(counter.wrap(pool), Clock.systemUTC(),
                    () -> "bench"));
            World world = World.build(ops);

            List<UUID> bulk = world.submitted(ops, entries);
            List<UUID> single = world.submitted(ops, sample);

            StatementCounter.Snapshot before = counter.snapshot();
            long start = System.nanoTime();
            var result = ops.workEntries().approveAll(bulk);
            double bulkSeconds = (System.nanoTime() - start) / 1e9;
            StatementCounter.Snapshot used = counter.snapshot().minus(before);

            long singleStart = System.nanoTime();
            single.forEach(ops.workEntries()::approve);
            double singleSeconds = (System.nanoTime() - singleStart) / 1e9;

            double bulkPerEntry = bulkSeconds / entries;
            double singlePerEntry = singleSeconds / sample;
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %,d | %,d | %,d | %,d | %.2f | %.1f |%n", kind,
                    entries, bulkSeconds, entries / bulkSeconds, used.executions(), used.batchExecutions(),
                    used.statements(), result.actuals(), singlePerEntry * 1000, singlePerEntry / bulkPerEntry);
        } finally {
            TestDatabases.destroy(kind, pool);
        }
    }

    /** One contract line, one role, one resource: the §6 example world (cost 100/h, sales 200/h). */
    record World(UUID project, UUID resource, UUID role, UUID contract) {

        static World build(ProjectOperations ops) {
            var md = ops.masterData();
            UUID unit = md.createOrganizationalUnit(new OrganizationalUnitInput("Bench unit", "USD", "USMF"));
            UUID customer = md.createAccount(new AccountInput("B-1", "Bench customer"));
            UUID project = md.createProject(new ProjectInput("BP-1", "Bench project", unit, customer));
            UUID role = md.createRole("Developer");
            UUID resource = md.createResource(new ResourceInput("Bench resource", unit, List.of(role)));
            UUID cost = ops.priceLists().create(new PriceListInput("Bench cost", PriceListContext.COST, "USD",
                    LocalDate.of(2020, 1, 1), null));
            ops.priceLists().setRolePrice(cost, role, new BigDecimal("100"));
            ops.priceLists().attachCostPriceList(unit, cost);
            UUID sales = ops.priceLists().create(new PriceListInput("Bench sales", PriceListContext.SALES, "USD",
                    LocalDate.of(2020, 1, 1), null));
            ops.priceLists().setRolePrice(sales, role, new BigDecimal("200"));
            UUID contract = ops.contracts().create(new ContractInput("BC-1", "Bench contract", customer, unit, "USD",
                    sales, null));
            ops.contracts().addLine(contract, new ContractLineInput("Bench line", BillingMethod.TIME_AND_MATERIAL, project,
                    true, true, true, true, List.of(), null, null));
            return new World(project, resource, role, contract);
        }

        List<UUID> submitted(ProjectOperations ops, int count) {
            List<UUID> ids = new ArrayList<>(count);
            int chunk = 10_000;
            for (int from = 0; from < count; from += chunk) {
                List<WorkEntryInput> inputs = IntStream.range(from, Math.min(count, from + chunk))
                        .mapToObj(i -> WorkEntryInput.time(project, null, resource, role,
                                LocalDate.of(2026, 1, 1).plusDays(i % 365), BigDecimal.valueOf(1 + i % 8), "work " + i))
                        .toList();
                List<UUID> created = ops.workEntries().createAll(inputs);
                ops.workEntries().submitAll(created);
                ids.addAll(created);
            }
            return ids;
        }
    }
}
