package dev.tandem.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.testing.RowsWritten;
import dev.tandem.common.testing.TestDatabases;
import dev.tandem.finance.Finance;
import dev.tandem.monthend.MonthEndRun;
import dev.tandem.monthend.Progress;
import dev.tandem.monthend.ReconcileCheck;
import dev.tandem.monthend.input.InputFolder;
import dev.tandem.monthend.report.RunReport;
import dev.tandem.monthend.sample.SampleFolder;
import dev.tandem.operations.ProjectOperations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (not a test) of issue 13: the month end ({@code tandem run}) of a generated folder of N time rows
 * ({@link SampleFolder}, fixed seed) on a fresh H2 file database (the embedded default) or a fresh embedded
 * PostgreSQL, in this JVM with the same wiring as {@code tandem run}. Prints per step of the run its wall time,
 * rows written, statements and round trips; rows written per table; peak heap; the H2 files' size; and on
 * PostgreSQL the {@code COPY} baseline: the same number of rows, of the run's average row width, copied into a
 * fresh table with a primary key, and the ratio of the whole month end (start included) to it.
 *
 * <p>Rows written: on H2 the update counts of every INSERT, UPDATE, DELETE and MERGE ({@link RowsWritten}); on
 * PostgreSQL the server's own {@code pg_stat_user_tables} counts (inserted + updated + deleted, which include
 * {@code COPY}), the statement counter's per step. Heap: a 20 ms sampler of the heap in use (garbage included) and
 * the sum of the heap pools' peaks, both reset when the application starts.
 *
 * <p>Usage: {@code MonthEndBenchmark --database h2|postgresql [--summary FILE] N...}; {@code bench/run-month-end}
 * runs each database and size in its own JVM and prints the summary table at the end.
 */
public final class MonthEndBenchmark {

    /**
     * The server's package. The server is a runtime dependency only and its classes are reached by name: its
     * packaged jar is Spring Boot's repackaged one (classes under BOOT-INF/), which a module compiled after it in
     * the same reactor build (./tandem's and CI's {@code package}) could not compile against.
     */
    private static final String SERVER = "dev.tandem.server";

    private MonthEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String database = "h2";
        Path summary = null;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--database" -> database = args[++i];
                case "--summary" -> summary = Path.of(args[++i]);
                default -> sizes.add(Integer.parseInt(args[i].replace(",", "").replace("_", "")));
            }
        }
        if (sizes.isEmpty()) {
            sizes.add(1_000);
        }
        for (int n : sizes) {
            String row = run(database.equalsIgnoreCase("postgresql"), n);
            System.out.println();
            System.out.println(SUMMARY_HEADER);
            System.out.println(row);
            if (summary != null) {
                Files.writeString(summary, row + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
        }
        System.exit(0);
    }

    /** The summary table's header (Markdown), as bench/run-month-end prints it once. */
    static final String SUMMARY_HEADER = """
            | time rows | database | month end s | of which start s | rows written | rows / time row \
            | statements | round trips | peak heap MB | H2 files MB | COPY s | month end / COPY | reconcile |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|""";

    private static String run(boolean postgresql, int timeRows) throws Exception {
        Path temp = Files.createTempDirectory("tandem-bench-month-end-");
        Path input = temp.resolve("input");
        long genStart = System.nanoTime();
        SampleFolder.Written written = SampleFolder.write(input, timeRows, SampleFolder.DEFAULT_SEED);
        double genSeconds = seconds(genStart);
        InputFolder.Result read = InputFolder.read(input, SampleFolder.AS_OF);
        if (!read.problems().isEmpty()) {
            throw new IllegalStateException("generated folder has problems: " + read.problems().subList(0,
                    Math.min(5, read.problems().size())));
        }
        String label = postgresql ? "PostgreSQL" : "H2 (file)";
        System.out.printf(Locale.ROOT, "%n## Month end of %,d time rows on %s (max heap %,d MB)%n%n", timeRows, label,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "Input: %,d time rows, %,d expenses, %d people, %d contracts, %d projects "
                + "(generated in %.1f s, seed %d)%n", written.timeRows(), written.expenses(), written.people(),
                written.contracts(), written.projects(), genSeconds, SampleFolder.DEFAULT_SEED);

        Map<String, String> databases = TestDatabases.appDatabaseProperties(postgresql ? null : temp.resolve("data"), "bench");
        RowsWritten counter = new RowsWritten();
        Phases phases = new Phases(counter);
        HeapWatch heap = HeapWatch.start(postgresql ? null : temp.resolve("data"));
        long start = System.nanoTime();
        RunReport report;
        try (ConfigurableApplicationContext context = start(databases, counter)) {
            phases.mark("start (migrations, maps)");
            Object reconciliation = context.getBean(serverClass("reconcile.Reconciliation"));
            ReconcileCheck reconcile = () -> verdict(call(reconciliation, "check"));
            MonthEndRun run = new MonthEndRun(context.getBean(ProjectOperations.class),
                    context.getBean(Finance.class), reconcile, phases);
            report = run.run(read.input(), SampleFolder.AS_OF, temp.resolve("out"));
            phases.mark("report + reconcile");
        }
        double wall = seconds(start);
        heap.stop();
        RowsWritten.Snapshot all = counter.snapshot();

        Map<String, Long> perTable = postgresql ? new TreeMap<>() : all.byTable();
        double copySeconds = Double.NaN;
        long h2Bytes = 0;
        if (postgresql) {
            Thread.sleep(1_500);
            for (String app : List.of("operations", "finance")) {
                try (HikariDataSource db = pool(databases.get("tandem." + app + ".datasource.url"))) {
                    RowsWritten.postgresqlTableWrites(db).forEach((t, n) -> perTable.merge(t, n, Long::sum));
                }
            }
        } else {
            h2Bytes = size(temp.resolve("data"));
        }
        long rowsWritten = perTable.values().stream().mapToLong(Long::longValue).sum();
        phases.print(timeRows);
        printTables(perTable, postgresql ? all.byTable() : null);
        if (postgresql) {
            long width = averageWidth(databases);
            copySeconds = copyBaseline(rowsWritten, width);
            System.out.printf(Locale.ROOT, "%nCOPY baseline: %,d rows of %d bytes (the run's average width from "
                    + "pg_stats) into a fresh table with a primary key: %.1f s%n", rowsWritten, width, copySeconds);
        }
        System.out.printf(Locale.ROOT, "Heap: peak in use %,d MB (sampled), heap pools' peaks %,d MB, max %,d MB%n",
                heap.peakUsed() >> 20, heap.poolPeaks() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        if (!postgresql) {
            System.out.printf(Locale.ROOT, "H2 files: %,d MB after the run (the database shut down), at most %,d MB "
                    + "during it (sampled every second)%n", h2Bytes >> 20, Math.max(heap.peakFiles(), h2Bytes) >> 20);
        }
        System.out.printf(Locale.ROOT, "Report: reconcile %s, %d invoices confirmed, %d proposals posted, "
                + "%d proposal issues%n", report.reconcile().ok() ? "ok" : "FAILED",
                report.thisRun().invoicesConfirmed(), report.thisRun().proposalsPosted(),
                report.thisRun().proposalIssues().size());
        report.thisRun().proposalIssues().forEach(issue -> System.out.println("  proposal issue: " + issue));
        if (!report.reconcile().ok()) {
            report.reconcile().invariants().stream().filter(i -> i.violations() > 0).forEach(i ->
                    System.out.println("  reconcile: " + i.number() + " " + i.name() + ": " + i.samples()));
        }
        deleteTree(temp);
        if (postgresql) {
            dropDatabases(databases);
        }
        return String.format(Locale.ROOT, "| %,d | %s | %.1f | %.1f | %,d | %.1f | %,d | %,d | %,d "
                + "| %s | %s | %s | %s |",
                timeRows, label, wall, phases.first(), rowsWritten, (double) rowsWritten / Math.max(1, timeRows),
                all.statements(), all.roundTrips(), Math.max(heap.peakUsed(), 0) >> 20,
                postgresql ? "" : String.format(Locale.ROOT, "%,d (peak %,d)", h2Bytes >> 20,
                        Math.max(heap.peakFiles(), h2Bytes) >> 20),
                postgresql ? String.format(Locale.ROOT, "%.1f", copySeconds) : "",
                postgresql ? String.format(Locale.ROOT, "%.1f×", wall / copySeconds) : "",
                report.reconcile().ok() ? "ok" : "FAILED");
    }

    /** The application as {@code tandem run} starts it, its two data sources counted by {@code counter}. */
    private static ConfigurableApplicationContext start(Map<String, String> databases, RowsWritten counter) {
        List<String> arguments = new ArrayList<>(List.of("--tandem.dualwrite.auto-run=true",
                "--tandem.invoicing.scheduled-runs.enabled=false", "--tandem.finance.jobs.enabled=false"));
        databases.forEach((k, v) -> arguments.add("--" + k + "=" + v));
        BeanPostProcessor counting = new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && name.endsWith("DataSource")
                        ? counter.wrap(dataSource) : bean;
            }
        };
        return new SpringApplicationBuilder(serverClass("TandemApplication"))
                .web(WebApplicationType.NONE)
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(counting))
                .properties("spring.main.log-startup-info=false", "logging.level.root=ERROR")
                .run(arguments.toArray(String[]::new));
    }

    /** The server's reconcile report (ReconcileReport) as report.json writes it (as RunCommand does). */
    private static RunReport.Reconcile verdict(Object report) {
        List<?> invariants = call(report, "invariants");
        return new RunReport.Reconcile(call(report, "ok"), invariants.stream().map(i -> new RunReport.Invariant(
                call(i, "number"), call(i, "name"), call(i, "checked"), call(i, "violations"),
                call(i, "samples"))).toList());
    }

    private static Class<?> serverClass(String name) {
        try {
            return Class.forName(SERVER + "." + name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the server's classes are not on the classpath: " + name, e);
        }
    }

    /** The value of a public no-argument method (a record component of the server's reconcile report). */
    @SuppressWarnings("unchecked")
    private static <T> T call(Object target, String method) {
        try {
            return (T) target.getClass().getMethod(method).invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(target.getClass().getName() + "." + method + "()", e);
        }
    }

    private static void dropDatabases(Map<String, String> databases) throws SQLException {
        for (String url : databases.values()) {
            if (url.startsWith("jdbc:")) {
                execute("DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", ""));
            }
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = TestDatabases.server().getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }

    /**
     * The average width in bytes of the rows the run left in both databases: per table the sum of its columns'
     * {@code pg_stats.avg_width}, weighted by its live rows (after {@code ANALYZE}).
     */
    private static long averageWidth(Map<String, String> databases) throws SQLException {
        double bytes = 0;
        double rows = 0;
        for (String app : List.of("operations", "finance")) {
            try (HikariDataSource db = pool(databases.get("tandem." + app + ".datasource.url"));
                 Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("ANALYZE");
                try (ResultSet rs = s.executeQuery("SELECT sum(w.width * t.n_live_tup), sum(t.n_live_tup)"
                        + " FROM (SELECT tablename, sum(avg_width) AS width FROM pg_stats WHERE schemaname = 'public'"
                        + " GROUP BY tablename) w JOIN pg_stat_user_tables t ON t.relname = w.tablename")) {
                    rs.next();
                    bytes += rs.getDouble(1);
                    rows += rs.getDouble(2);
                }
            }
        }
        return Math.round(bytes / Math.max(1, rows));
    }

    /** Seconds to COPY {@code rows} rows of {@code width} bytes (a bigint key and text) into a fresh keyed table. */
    private static double copyBaseline(long rows, long width) throws SQLException, IOException {
        String database = "bench_copy_" + Long.toHexString(System.nanoTime());
        execute("CREATE DATABASE " + database);
        try (HikariDataSource db = pool(TestDatabases.server().getJdbcUrl("postgres", database));
             Connection c = db.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE copy_baseline (id bigint PRIMARY KEY, payload text NOT NULL)");
            }
            long start = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY copy_baseline (id, payload) FROM STDIN",
                    new CopyRows(rows, (int) Math.max(1, width - 8)));
            return seconds(start);
        } finally {
            execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    /** COPY text rows {@code id<TAB>payload}, made as they are read, the payloads varying from row to row. */
    private static final class CopyRows extends InputStream {

        private final long rows;
        private final byte[] letters;
        private final int width;
        private long next;
        private byte[] line = new byte[0];
        private int position;

        CopyRows(long rows, int width) {
            this.rows = rows;
            this.width = width;
            Random random = new Random(1);
            letters = new byte[width * 2];
            for (int i = 0; i < letters.length; i++) {
                letters[i] = (byte) ('a' + random.nextInt(26));
            }
        }

        @Override
        public int read() {
            if (position == line.length && !nextLine()) {
                return -1;
            }
            return line[position++];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == line.length && !nextLine()) {
                return -1;
            }
            int n = Math.min(length, line.length - position);
            System.arraycopy(line, position, buffer, offset, n);
            position += n;
            return n;
        }

        private boolean nextLine() {
            if (next == rows) {
                return false;
            }
            byte[] id = (next + "\t").getBytes(StandardCharsets.US_ASCII);
            line = new byte[id.length + width + 1];
            System.arraycopy(id, 0, line, 0, id.length);
            System.arraycopy(letters, (int) (next % width), line, id.length, width);
            line[line.length - 1] = '\n';
            position = 0;
            next++;
            return true;
        }
    }

    private static void printTables(Map<String, Long> perTable, Map<String, Long> counted) {
        System.out.println();
        System.out.println(counted == null ? "Rows written per table (update counts):"
                : "Rows written per table (pg_stat_user_tables; update counts seen by JDBC alongside):");
        System.out.println();
        System.out.println(counted == null ? "| table | rows |\n|---|---|" : "| table | rows | JDBC update counts |\n"
                + "|---|---|---|");
        perTable.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e ->
                System.out.println(counted == null
                        ? String.format(Locale.ROOT, "| %s | %,d |", e.getKey(), e.getValue())
                        : String.format(Locale.ROOT, "| %s | %,d | %,d |", e.getKey(), e.getValue(),
                                counted.getOrDefault(e.getKey(), 0L))));
    }

    private static long size(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * The run's steps, timed and counted from the month-end job's own progress steps: the time before the first
     * step is setup and loading, the gaps between steps are named after what the job does there, and the three units
     * of "Import and post journals" are split into import, posting and the second import.
     */
    private static final class Phases implements Progress {

        private static final Map<String, String> BEFORE = Map.of("Approve time", "setup (Finance, Operations)",
                "Confirm invoices", "create invoices", "Import and post journals", "wait for sync",
                "Post invoice proposals", "list open proposals", "Write invoice PDFs", "(between)");

        private final RowsWritten counter;
        private final List<Phase> done = new ArrayList<>();
        private long since = System.nanoTime();
        private RowsWritten.Snapshot at;

        private record Phase(String name, double seconds, RowsWritten.Snapshot used) {
        }

        Phases(RowsWritten counter) {
            this.counter = counter;
            this.at = counter.snapshot();
        }

        synchronized void mark(String name) {
            long now = System.nanoTime();
            RowsWritten.Snapshot snapshot = counter.snapshot();
            done.add(new Phase(name, (now - since) / 1e9, snapshot.minus(at)));
            since = now;
            at = snapshot;
            System.err.printf(Locale.ROOT, "  %-32s %8.1f s%n", name, done.getLast().seconds());
        }

        double first() {
            return done.getFirst().seconds();
        }

        @Override
        public void step(String name, long total, Consumer<ProgressBar> work) {
            mark(BEFORE.getOrDefault(name, "(before " + name + ")"));
            try (ProgressBar bar = name.equals("Import and post journals") ? new JournalBar(this, total)
                    : new SilentBar(name, total)) {
                work.accept(bar);
            }
            if (!name.equals("Import and post journals")) {
                mark(name.toLowerCase(Locale.ROOT));
            }
        }

        void print(int timeRows) {
            System.out.println();
            System.out.println("| step | s | rows written | per time row | statements | round trips | most written |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (Phase p : done) {
                if (p.seconds() < 0.05 && p.used().roundTrips() == 0) {
                    continue;
                }
                String top = p.used().byTable().entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                        .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", "));
                System.out.printf(Locale.ROOT, "| %s | %.1f | %,d | %.1f | %,d | %,d | %s |%n", p.name(), p.seconds(),
                        p.used().total(), (double) p.used().total() / Math.max(1, timeRows), p.used().statements(),
                        p.used().roundTrips(), top);
            }
        }
    }

    /**
     * A progress bar that draws nothing. Its constructor is deprecated in favour of ProgressBarBuilder, which cannot
     * build a subclass; the journal bar needs one to see each unit end.
     */
    @SuppressWarnings("deprecation")
    private static class SilentBar extends ProgressBar {
        SilentBar(String name, long total) {
            super(name, Math.max(total, 1), 3_600_000, false, false, 0, Duration.ZERO, (state, width) -> "",
                    new ConsoleProgressBarConsumer(new PrintStream(OutputStream.nullOutputStream())));
        }
    }

    /** The bar of "Import and post journals": each of its three units ends a phase. */
    private static final class JournalBar extends SilentBar {
        private static final String[] UNITS = {"import from staging", "post integration journals",
            "import from staging (2nd)"};
        private final Phases phases;
        private final AtomicLong units = new AtomicLong();

        JournalBar(Phases phases, long total) {
            super("Import and post journals", total);
            this.phases = phases;
        }

        @Override
        public ProgressBar step() {
            int unit = (int) units.getAndIncrement();
            phases.mark(unit < UNITS.length ? UNITS[unit] : "import and post journals");
            return super.step();
        }
    }

    /** Peak heap in use, sampled every 20 ms, and the heap pools' peak usage, reset at start. */
    private static final class HeapWatch {
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakFiles = new AtomicLong();
        private volatile boolean running = true;
        private Thread sampler;

        /** Samples the heap every 20 ms and, when {@code h2Directory} is not null, its files' size every second. */
        static HeapWatch start(Path h2Directory) {
            HeapWatch watch = new HeapWatch();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            watch.sampler = Thread.ofPlatform().daemon().start(() -> {
                long samples = 0;
                while (watch.running) {
                    watch.peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()
                            .getUsed(), Math::max);
                    if (h2Directory != null && samples++ % 50 == 0 && Files.isDirectory(h2Directory)) {
                        try {
                            watch.peakFiles.accumulateAndGet(size(h2Directory), Math::max);
                        } catch (IOException | java.io.UncheckedIOException e) {
                            // A file appeared or went while it was listed: the next sample counts it.
                        }
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return watch;
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join(1_000);
        }

        long peakUsed() {
            return peakUsed.get();
        }

        /** The largest size of the H2 files sampled during the run, in bytes (0 on PostgreSQL). */
        long peakFiles() {
            return peakFiles.get();
        }

        long poolPeaks() {
            return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }

        private static List<MemoryPoolMXBean> heapPools() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .toList();
        }
    }
}
