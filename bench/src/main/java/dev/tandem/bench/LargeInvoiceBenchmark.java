package dev.tandem.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.bench.BulkApprovalBenchmark.World;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.common.testing.TestDatabases;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsSchema;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.actuals.TransactionType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Benchmark (not a test): one proforma invoice with N line details (default 20,000), created and confirmed, on H2
 * and PostgreSQL. The original caps real-time sync at 1,000 invoice lines per customer invoice ([D:ASYNC]); this
 * prints the time and the database round trips and statements of creating and of confirming the invoice.
 * Usage: {@code bench/run-invoice [details]}.
 */
public final class LargeInvoiceBenchmark {

    private LargeInvoiceBenchmark() {
    }

    public static void main(String[] args) {
        int details = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        System.out.printf(Locale.ROOT, "Large invoice benchmark: one invoice of %,d line details%n%n", details);
        System.out.println("| database | line details | create s | create round trips | create statements "
                + "| confirm s | confirm round trips | confirm statements | actuals created |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (DatabaseKind kind : DatabaseKind.values()) {
            run(kind, details);
        }
        System.exit(0);
    }

    private static void run(DatabaseKind kind, int details) {
        HikariDataSource pool = TestDatabases.create(kind, Arrays.asList(OperationsSchema.LOCATIONS));
        try {
            StatementCounter counter = new StatementCounter();
            ProjectOperations ops = new ProjectOperations(OperationsContext.of(counter.wrap(pool), Clock.systemUTC(),
                    () -> "bench"));
            World world = World.build(ops);
            ops.contracts().confirm(world.contract());
            List<UUID> entries = world.submitted(ops, details);
            ops.workEntries().approveAll(entries);
            List<UUID> unbilled = ops.context().jdbc().queryForList("SELECT msdyn_actualid FROM msdyn_actual "
                    + "WHERE msdyn_transactiontypecode = ?", UUID.class, TransactionType.UNBILLED_SALES.value());
            ops.backlog().markActuals(unbilled, true);

            StatementCounter.Snapshot before = counter.snapshot();
            long start = System.nanoTime();
            UUID invoice = ops.invoicing().creation().createForContract(world.contract(), LocalDate.of(2027, 1, 1)).get(0);
            double createSeconds = (System.nanoTime() - start) / 1e9;
            StatementCounter.Snapshot created = counter.snapshot().minus(before);

            before = counter.snapshot();
            start = System.nanoTime();
            int actuals = ops.invoicing().confirmation().confirm(invoice);
            double confirmSeconds = (System.nanoTime() - start) / 1e9;
            StatementCounter.Snapshot confirmed = counter.snapshot().minus(before);

            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %,d | %,d | %.1f | %,d | %,d | %,d |%n", kind,
                    ops.invoicing().store().details(invoice).size(), createSeconds, created.executions(),
                    created.statements(), confirmSeconds, confirmed.executions(), confirmed.statements(), actuals);
        } finally {
            TestDatabases.destroy(kind, pool);
        }
    }
}
