package dev.tandem.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.DatabaseUrls;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.common.testing.TestDatabases;
import dev.tandem.finance.Finance;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.FinanceSchema;
import dev.tandem.finance.journal.ImportFromStaging.ImportResult;
import dev.tandem.finance.setup.BillingTypes;
import dev.tandem.finance.setup.FinanceSetup;
import dev.tandem.finance.setup.FinanceSetup.LegalEntityInput;
import dev.tandem.finance.setup.NumberSequences;
import dev.tandem.finance.staging.StagingRow;
import dev.tandem.operations.actuals.TransactionClassification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Benchmark (not a test): stages N actuals (half cost, half unbilled sales, a fifth of them in EUR, spread over six
 * months) through the staging entity's write path in deliveries of 5,000, then times one Import from staging run over
 * all of them, then the posting of every journal that run made (one voucher per cost line and per chargeable unbilled
 * sales line, §3.8), on H2 and PostgreSQL, and prints a Markdown row per database and size with the round trips,
 * statements, heap and the rows each table gained by posting.
 *
 * <p>Memory: the run is watched by a sampler that reads the heap in use every 10 ms and, every 2 s, the live heap
 * after a forced full collection ({@link HeapWatch}). Run with a small heap ({@code bench/run-import} uses
 * {@code -Xmx512m}) and two sizes (50,000 and 100,000 by default): if the import streams, the peak live heap is the
 * same for both. H2 runs as a <i>file</i> database here, because an in-memory H2 keeps every row it
 * stores in this JVM's heap and would hide the import's own use. Usage: {@code bench/run-import [rows ...]}; the
 * system property {@code bench.databases} (e.g. {@code H2} or {@code POSTGRESQL}, comma-separated) limits the run to
 * those databases ({@code JAVA_OPTS} of {@code bench/run-import} passes it).
 */
public final class ImportFromStagingBenchmark {

    private static final String LE = "USMF";
    private static final int DELIVERY = 5_000;

    private ImportFromStagingBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {50_000, 100_000};
        System.out.printf(Locale.ROOT, "Import from staging benchmark: %s staged actuals, max heap %,d MB%n%n",
                Arrays.stream(sizes).mapToObj(n -> String.format(Locale.ROOT, "%,d", n)).collect(Collectors.joining(
                        " and ")), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("| database | staged rows | stage s | import s | rows/s | journal lines | journals "
                + "| round trips | statements | live heap before MB | peak heap in use MB | peak live heap MB | live samples "
                + "| post s | posted lines | post round trips | post statements | post peak live heap MB "
                + "| rows written by posting |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        String only = System.getProperty("bench.databases", "");
        for (DatabaseKind kind : DatabaseKind.values()) {
            if (!only.isBlank() && !List.of(only.toUpperCase(Locale.ROOT).split(",")).contains(kind.name())) {
                continue;
            }
            for (int rows : sizes) {
                run(kind, rows);
            }
        }
        System.exit(0);
    }

    private static void run(DatabaseKind kind, int rows) {
        Database db = Database.open(kind);
        try {
            StatementCounter counter = new StatementCounter();
            Finance finance = new Finance(FinanceContext.of(counter.wrap(db.pool()), Clock.systemUTC(), () -> "bench"));
            world(finance);

            long stageStart = System.nanoTime();
            stage(finance, rows);
            double stageSeconds = (System.nanoTime() - stageStart) / 1e9;

            HeapWatch watch = HeapWatch.start();
            StatementCounter.Snapshot before = counter.snapshot();
            long start = System.nanoTime();
            ImportResult result = finance.importFromStaging().run(LE);
            double seconds = (System.nanoTime() - start) / 1e9;
            StatementCounter.Snapshot used = counter.snapshot().minus(before);
            watch.stop();

            Map<String, Long> rowsBefore = rowCounts(finance);
            HeapWatch postWatch = HeapWatch.start();
            StatementCounter.Snapshot beforePost = counter.snapshot();
            long postStart = System.nanoTime();
            int posted = 0;
            for (String journalId : result.journals()) {
                posted += finance.integrationJournal().post(LE, journalId).postedLines();
            }
            double postSeconds = (System.nanoTime() - postStart) / 1e9;
            StatementCounter.Snapshot postUsed = counter.snapshot().minus(beforePost);
            postWatch.stop();
            Map<String, Long> rowsAfter = rowCounts(finance);
            String written = rowsAfter.entrySet().stream()
                    .filter(e -> e.getValue() - rowsBefore.getOrDefault(e.getKey(), 0L) != 0)
                    .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%+,d",
                            e.getValue() - rowsBefore.getOrDefault(e.getKey(), 0L)))
                    .collect(Collectors.joining(", "));

            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %,.0f | %,d | %d | %,d | %,d | %d | %d | %d | %d "
                    + "| %.1f | %,d | %,d | %,d | %d | %s |%n",
                    db.label(), rows, stageSeconds, seconds, result.lines() / seconds, result.lines(),
                    result.journals().size(), used.executions(), used.statements(), watch.baseline() >> 20,
                    watch.peakUsed() >> 20, watch.peakLive() >> 20, watch.fullCollections(), postSeconds, posted,
                    postUsed.executions(), postUsed.statements(), postWatch.peakLive() >> 20, written);
        } finally {
            db.close();
        }
    }

    /** Rows per table of the Finance database, counted (not estimated), for the rows a phase wrote. */
    private static Map<String, Long> rowCounts(Finance finance) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : List.of("ledgervoucher", "generaljournalentry", "projintegrationjournalline",
                "projintegrationjournal", "projcdsactualsimport", "dw_outbox")) {
            counts.put(table, finance.context().jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }

    /**
     * Legal entity USMF (USD) with its periods, main accounts, a project cost and revenue profile that accrues
     * revenue (so cost and chargeable unbilled sales both book a voucher), customer, project, line properties,
     * sequences and an EUR rate.
     */
    private static void world(Finance finance) {
        FinanceSetup setup = finance.setup();
        setup.createLegalEntity(new LegalEntityInput(LE, "Contoso USA", "USD", "ECB", "MONTHS", false, "SEARCH", false,
                "999999"));
        setup.createMonthlyPeriods(LE, LocalDate.of(2026, 1, 1), 12);
        for (String[] a : new String[][] {{"110000", "Customer balance", "ASSET"}, {"140100", "WIP sales value", "ASSET"},
                {"220000", "Sales tax payable", "LIABILITY"}, {"401000", "Invoiced revenue", "REVENUE"},
                {"401100", "Accrued revenue", "REVENUE"}, {"401200", "Invoiced revenue on account", "REVENUE"},
                {"140200", "WIP invoiced on account", "LIABILITY"}, {"600100", "Project cost", "EXPENSE"},
                {"600900", "Payroll allocation", "EXPENSE"}, {"999999", "Rounding", "EXPENSE"}}) {
            setup.createMainAccount(LE, a[0], a[1], a[2]);
        }
        setup.createCustomer(LE, "C-001", "Fabrikam", "10", 30, "USD", null);
        setup.createProjectGroup(LE, "TM", "Time and material");
        setup.createProject(LE, "P-001", "ERP rollout", "TM", "PC-001", "C-001", null);
        setup.createProfile(LE, new FinanceSetup.ProfileInput("TM-WIP", "T&M with accrued revenue", true, "600100",
                "600900", "140100", "401100", "401000", "401200", "140200", "110000", "220000"));
        setup.createProfileRule(LE, dev.tandem.finance.setup.ProfileRuleLevel.PROJECT_GROUP, "TM", "TM-WIP");
        setup.createLineProperty(LE, "Chargeable", "Chargeable", true, List.of(BillingTypes.CHARGEABLE));
        setup.createLineProperty(LE, "NonChargeable", "Non-chargeable", false, List.of(BillingTypes.NON_CHARGEABLE,
                BillingTypes.COMPLIMENTARY));
        setup.createNumberSequence(LE, NumberSequences.JOURNAL, "PIJ-", 6, false);
        setup.createNumberSequence(LE, NumberSequences.VOUCHER, "GJ-", 6, false);
        finance.rates().store("ECB", "EUR", "USD", LocalDate.of(2025, 12, 1), new BigDecimal("1.0850000000"));
    }

    /** Delivers {@code rows} actuals through the staging entity, 5,000 per delivery. */
    private static void stage(Finance finance, int rows) {
        for (int from = 0; from < rows; from += DELIVERY) {
            List<Map<String, Object>> delivery = new ArrayList<>(DELIVERY);
            for (int i = from; i < Math.min(rows, from + DELIVERY); i++) {
                BigDecimal amount = BigDecimal.valueOf(100 + (i * 37L) % 200_000, 2);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("actualid", UUID.randomUUID());
                row.put("projectdataareaid", LE);
                row.put("projectid", "P-001");
                row.put("contractid", "PC-001");
                row.put("transtype", i % 2 == 0 ? StagingRow.COST : StagingRow.UNBILLED_SALES);
                row.put("transactionclassification", TransactionClassification.TIME.value());
                row.put("billingtype", i % 7 == 0 ? BillingTypes.NON_CHARGEABLE : BillingTypes.CHARGEABLE);
                row.put("quantity", BigDecimal.ONE);
                row.put("unitprice", amount);
                row.put("amount", amount);
                row.put("transactioncurrencyid", i % 5 == 0 ? "EUR" : "USD");
                row.put("documentdate", LocalDate.of(2026, 1, 1).plusDays(i % 181));
                row.put("customeraccountnumber", i % 2 == 0 ? null : "C-001");
                row.put("description", "Bench actual " + i);
                delivery.add(row);
            }
            finance.staging().upsert(delivery);
        }
    }

    /** A database for one run: PostgreSQL from the test harness, or H2 as a file in a temporary directory. */
    private record Database(DatabaseKind kind, HikariDataSource pool, Path directory) {

        static Database open(DatabaseKind kind) {
            if (kind == DatabaseKind.POSTGRESQL) {
                return new Database(kind, TestDatabases.create(kind, Arrays.asList(FinanceSchema.LOCATIONS)), null);
            }
            try {
                Path directory = Files.createTempDirectory("tandem-bench-h2-");
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(DatabaseUrls.h2File(directory, "finance"));
                config.setUsername("sa");
                config.setPassword("");
                config.setMaximumPoolSize(4);
                HikariDataSource pool = new HikariDataSource(config);
                FinanceSchema.migrate(pool);
                return new Database(kind, pool, directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String label() {
            return kind == DatabaseKind.H2 ? "H2 (file)" : "POSTGRESQL";
        }

        void close() {
            if (kind == DatabaseKind.POSTGRESQL) {
                TestDatabases.destroy(kind, pool);
                return;
            }
            pool.close();
            try (var files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Heap during a run: the largest heap in use seen by a 10 ms sampler (live data plus garbage not yet collected),
     * and the largest <i>live</i> heap: every 2 s the watcher forces a full collection and reads what is left, which
     * is what the run still holds. The forced collections cost a few percent of the run's time.
     */
    private static final class HeapWatch {

        private static final long LIVE_EVERY_NANOS = 2_000_000_000L;

        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakLive = new AtomicLong();
        private final AtomicLong fullCollections = new AtomicLong();
        private long baseline;
        private volatile boolean running = true;
        private Thread sampler;

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            watch.baseline = live();
            watch.sampler = Thread.ofPlatform().daemon().start(watch::sample);
            return watch;
        }

        private void sample() {
            long nextLive = System.nanoTime() + LIVE_EVERY_NANOS;
            while (running) {
                peakUsed.accumulateAndGet(used(), Math::max);
                if (System.nanoTime() >= nextLive) {
                    peakLive.accumulateAndGet(live(), Math::max);
                    fullCollections.incrementAndGet();
                    nextLive = System.nanoTime() + LIVE_EVERY_NANOS;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() {
            running = false;
            try {
                sampler.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        long baseline() {
            return baseline;
        }

        long peakUsed() {
            return peakUsed.get();
        }

        long peakLive() {
            return peakLive.get();
        }

        long fullCollections() {
            return fullCollections.get();
        }

        /** Heap in use after a full collection (G1 runs System.gc() as one). */
        private static long live() {
            System.gc();
            return used();
        }

        private static long used() {
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            return heap.getUsed();
        }
    }
}
