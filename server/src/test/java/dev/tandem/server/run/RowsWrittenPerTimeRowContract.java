package dev.tandem.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.common.testing.RowsWritten;
import dev.tandem.common.testing.TestDatabases;
import dev.tandem.finance.Finance;
import dev.tandem.monthend.MonthEndRun;
import dev.tandem.monthend.Progress;
import dev.tandem.monthend.input.InputFolder;
import dev.tandem.monthend.report.RunReport;
import dev.tandem.monthend.sample.SampleFolder;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.server.TandemApplication;
import dev.tandem.server.reconcile.Reconciliation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13, acceptance 2: the month end writes at most {@value #BOUND} rows per time row (the issue's goal is 25,
 * see {@link #BOUND}), so that write amplification (sync bookkeeping, row-at-a-time steps) cannot creep back. Rows are counted as the benchmark
 * ({@code bench/run-month-end}) counts them ({@link RowsWritten}): the update counts of every INSERT, UPDATE, DELETE
 * and MERGE on H2, PostgreSQL's own {@code pg_stat_user_tables} counts on PostgreSQL (which include COPY).
 *
 * <p>What is measured is the cost of one more time row: the rows written by the month end of a generated folder of
 * {@value #LARGE} time rows minus those of one of {@value #SMALL}, over the {@value #LARGE} − {@value #SMALL} time
 * rows between them, each on fresh databases. At a million time rows, what is written once per run (master data,
 * rates, maps) or once per invoice is nothing beside what each time row costs; at a few hundred it is most of the run,
 * and the difference takes it out. The firm is small ({@value #PEOPLE} people, one contract of each of the
 * generator's nine kinds: split billing, not-to-exceed limits reached and not, milestones) so that every contract
 * has work at both sizes and both runs create the same invoices. Subclasses supply the database kind.
 */
abstract class RowsWrittenPerTimeRowContract {

    /**
     * Rows written per time row that the month end may not exceed. Issue 13's goal is 25; it is not met yet: 62.6 was
     * measured on H2 after the cuts (106.5 before them), nearly all of it business rows and their updates as the
     * specification has them (per time row: staged actuals 13.0 — inserted, then updated by import, journal posting,
     * proposal and its posting —, actuals 11.9, journal lines 7.1, transaction origins 7.1, ledger entries 6.7,
     * connections and their staged copies 4.9 each, ...; sync bookkeeping 0.02). The bound holds what was reached,
     * with 2 % to spare, so that write amplification cannot creep back; lower it with every cut (BENCHMARKS.md).
     */
    static final double BOUND = 64;
    static final int SMALL = 100;
    static final int LARGE = 300;
    static final int PEOPLE = 20;
    static final int CONTRACTS = 9;

    @TempDir
    Path temp;

    abstract DatabaseKind kind();

    /** One month end: its report and the rows it wrote per table. */
    record Outcome(RunReport report, Map<String, Long> rowsWritten) {

        long total() {
            return rowsWritten.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    // Measured before the cuts: 106.5 rows per time row on H2 (dw_outbox 27, msdyn_actual 12, dw_inbox_image 12,
    // generaljournalentry 6.7 per time row, ...); after them 62.6.
    @Test
    void oneMoreTimeRowWritesAtMostTheBoundOfRowsAndTheRunReconciles() throws Exception {
        Outcome small = monthEnd(SMALL);
        Outcome large = monthEnd(LARGE);

        for (Outcome outcome : List.of(small, large)) {
            assertThat(outcome.report().reconcile().ok()).as(outcome.report().reconcile().toString()).isTrue();
            assertThat(outcome.report().thisRun().proposalIssues()).isEmpty();
        }
        assertThat(large.report().thisRun().invoicesConfirmed())
                .as("both runs invoice every contract: the difference holds no invoice of its own")
                .isEqualTo(small.report().thisRun().invoicesConfirmed());
        double perTimeRow = (double) (large.total() - small.total()) / (LARGE - SMALL);
        assertThat(perTimeRow).as("rows written per time row; per table, %d rows minus %d rows: %s", LARGE, SMALL,
                difference(large.rowsWritten(), small.rowsWritten())).isLessThanOrEqualTo(BOUND);
    }

    private Outcome monthEnd(int timeRows) throws Exception {
        Path folder = temp.resolve("input-" + timeRows);
        SampleFolder.write(folder, timeRows, SampleFolder.DEFAULT_SEED, PEOPLE, CONTRACTS);
        InputFolder.Result read = InputFolder.read(folder, SampleFolder.AS_OF);
        assertThat(read.problems()).isEmpty();
        Map<String, String> databases = TestDatabases.appDatabaseProperties(
                kind() == DatabaseKind.H2 ? temp.resolve("data-" + timeRows) : null, "rows");
        RowsWritten counter = new RowsWritten();
        RunReport report;
        try (ConfigurableApplicationContext context = start(databases, counter)) {
            Reconciliation reconciliation = context.getBean(Reconciliation.class);
            MonthEndRun run = new MonthEndRun(context.getBean(ProjectOperations.class),
                    context.getBean(Finance.class), () -> RunCommand.verdict(reconciliation.check()), Progress.none());
            report = run.run(read.input(), SampleFolder.AS_OF, temp.resolve("out-" + timeRows));
        }
        if (kind() == DatabaseKind.H2) {
            return new Outcome(report, counter.snapshot().byTable());
        }
        // The pools are closed: every backend has ended and published its counts.
        Map<String, Long> written = new TreeMap<>();
        for (String app : List.of("operations", "finance")) {
            try (HikariDataSource db = pool(databases.get("tandem." + app + ".datasource.url"))) {
                RowsWritten.postgresqlTableWrites(db).forEach((table, rows) -> written.merge(table, rows, Long::sum));
            }
        }
        return new Outcome(report, written);
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
        return new SpringApplicationBuilder(TandemApplication.class).web(WebApplicationType.NONE)
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(counting))
                .properties("spring.main.log-startup-info=false", "logging.level.root=ERROR")
                .run(arguments.toArray(String[]::new));
    }

    private static Map<String, Long> difference(Map<String, Long> large, Map<String, Long> small) {
        Map<String, Long> difference = new TreeMap<>();
        large.forEach((table, rows) -> difference.put(table, rows - small.getOrDefault(table, 0L)));
        return difference;
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }
}
