package dev.tandem.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.common.testing.TestDatabases;
import dev.tandem.monthend.MonthEndRun;
import dev.tandem.server.TandemCli;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14, acceptance 3, on H2 files and on PostgreSQL: {@code tandem run} of the example is started as a child JVM
 * and killed with {@code kill -9} ({@link Process#destroyForcibly}, SIGKILL on Linux) at {@value #KILLS} random
 * moments, aimed at the steps of the month end in turn by the step names its progress output prints
 * ({@link MonthEndRun#STEPS}) and a random delay after a step starts, so every step is hit at least once. After each
 * kill it runs again; after the last one it runs until the run completes. The final report's totals and invoice,
 * voucher and actual counts equal those of an uninterrupted run, reconcile passes, and the run exits 0. The seed is
 * printed (and taken from {@code -Dcrash.seed} when given), so a failure can be replayed.
 *
 * <p>A kill that comes after the run already finished does not count; a run that completes before the aimed step
 * (a step the run before finished) is checked like the final one, and the next kill starts on fresh databases.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(DatabaseKind.class)
class MonthEndCrashTest {

    /** Kills per database: the 20 moments, and at least one per step of the month end. */
    static final int KILLS = 20;

    private static final Path EXAMPLE = Path.of("..", "examples", "northwind").toAbsolutePath().normalize();
    private static final String AS_OF = "2025-04-30";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_DELAY_MILLIS = 400;

    @Parameter
    DatabaseKind kind;

    /** What a finished run left: its exit code, report and the database counts. */
    record Finished(int exitCode, JsonNode report, Map<String, Long> counts) {
    }

    @Test
    void killingTheMonthEndAtEveryStepAndRunningAgainGivesTheUninterruptedRunsResult() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("month-end crash test [" + kind + "]: seed " + seed + " (replay with -Dcrash.seed=" + seed
                + ")");
        Random random = new Random(seed);
        Path work = Files.createTempDirectory("month-end-crash");
        Path log = Path.of("target", "month-end-crash-" + kind + ".log").toAbsolutePath();
        Files.deleteIfExists(log);
        long started = System.nanoTime();

        Finished uninterrupted = runToEnd(databases(work.resolve("uninterrupted")), work.resolve("out-0"), log);
        assertThat(uninterrupted.exitCode()).as("uninterrupted run (see " + log + ")").isZero();
        assertThat(uninterrupted.report().at("/reconcile/ok").asBoolean()).isTrue();

        Set<String> hit = new LinkedHashSet<>();
        List<String> moments = new ArrayList<>();
        int cycle = 1;
        Map<String, String> db = databases(work.resolve("cycle-" + cycle));
        int kills = 0;
        int attempts = 0;
        Map<String, Integer> missed = new TreeMap<>();
        while ((kills < KILLS || hit.size() < MonthEndRun.STEPS.size()) && attempts < 4 * KILLS) {
            attempts++;
            String target = MonthEndRun.STEPS.stream().filter(s -> !hit.contains(s)).findFirst()
                    .orElse(MonthEndRun.STEPS.get(random.nextInt(MonthEndRun.STEPS.size())));
            // A step the last kill aimed at overshot is short: the next kill comes as soon as it shows.
            int delay = missed.containsKey(target) ? 0 : random.nextInt(MAX_DELAY_MILLIS);
            Path out = work.resolve("out-" + cycle);
            Child child = Child.start(db, out, log);
            String killedIn = child.killAfter(target, delay);
            if (killedIn == null) {
                // The run completed before the aimed moment: it must be right; the next kills use fresh databases.
                assertSameResult(child.finished(out, db), uninterrupted, "cycle " + cycle);
                cycle++;
                db = databases(work.resolve("cycle-" + cycle));
                continue;
            }
            kills++;
            hit.add(killedIn);
            if (!killedIn.equals(target)) {
                missed.merge(target, 1, Integer::sum);
            }
            moments.add(killedIn + " +" + delay + " ms");
        }
        System.out.println("month-end crash test [" + kind + "]: " + kills + " kills in " + moments);
        assertThat(kills).as("kills (seed " + seed + ")").isGreaterThanOrEqualTo(KILLS);
        assertThat(hit).as("steps hit (seed " + seed + ")").containsExactlyInAnyOrderElementsOf(MonthEndRun.STEPS);

        Path out = work.resolve("out-final");
        Finished last = runToEnd(db, out, log);
        assertSameResult(last, uninterrupted, "final run after " + kills + " kills (seed " + seed + ")");
        System.out.printf("month-end crash test [%s]: %d kills, %d cycles, %.0f s%n", kind, kills, cycle,
                (System.nanoTime() - started) / 1e9);
    }

    private static void assertSameResult(Finished run, Finished uninterrupted, String what) {
        assertThat(run.exitCode()).as(what + ": exit code").isZero();
        assertThat(run.report().at("/reconcile/ok").asBoolean()).as(what + ": reconcile " + run.report()
                .at("/reconcile")).isTrue();
        assertThat(totals(run.report())).as(what + ": totals").isEqualTo(totals(uninterrupted.report()));
        assertThat(run.report().at("/invoices")).as(what + ": invoices").isEqualTo(uninterrupted.report()
                .at("/invoices"));
        assertThat(run.counts()).as(what + ": invoices, vouchers, actuals").isEqualTo(uninterrupted.counts());
    }

    private static Finished runToEnd(Map<String, String> db, Path out, Path log) throws Exception {
        Child child = Child.start(db, out, log);
        assertThat(child.process.waitFor(10, TimeUnit.MINUTES)).as("run finished (see " + log + ")").isTrue();
        return child.finished(out, db);
    }

    /** {@code tandem run} of the example in a child JVM, its stderr (where the progress goes) watched for steps. */
    private static final class Child {

        private final Process process;
        private final StringBuilder progress = new StringBuilder();

        private Child(Process process) {
            this.process = process;
        }

        static Child start(Map<String, String> db, Path out, Path log) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), TandemCli.class.getName(), "run", EXAMPLE.toString(),
                    "--out", out.toString(), "--as-of", AS_OF));
            db.forEach((k, v) -> command.add("-D" + k + "=" + v));
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Child child = new Child(pb.start());
            Thread.ofVirtual().start(() -> child.copy(child.process.getErrorStream(), log));
            return child;
        }

        private void copy(InputStream stderr, Path log) {
            try (Reader r = new InputStreamReader(stderr, StandardCharsets.UTF_8)) {
                char[] buffer = new char[8192];
                int n;
                while ((n = r.read(buffer)) > 0) {
                    synchronized (progress) {
                        progress.append(buffer, 0, n);
                    }
                    Files.writeString(log, new String(buffer, 0, n), StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                }
            } catch (IOException e) {
                // the child was killed
            }
        }

        /** The last step the progress output has shown, {@code null} before the first. */
        String currentStep() {
            synchronized (progress) {
                String latest = null;
                int at = -1;
                for (String step : MonthEndRun.STEPS) {
                    int i = progress.lastIndexOf(step);
                    if (i > at) {
                        at = i;
                        latest = step;
                    }
                }
                return latest;
            }
        }

        /**
         * Kills the child {@code delay} ms after {@code step} started, or after a later step started if it missed
         * that one (which finished in between two looks); returns the step it was in, {@code null} when the run
         * ended first.
         */
        String killAfter(String step, int delay) throws InterruptedException {
            int target = MonthEndRun.STEPS.indexOf(step);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (process.isAlive() && System.nanoTime() < deadline) {
                String current = currentStep();
                if (current != null && MonthEndRun.STEPS.indexOf(current) >= target) {
                    Thread.sleep(delay);
                    String in = currentStep();
                    process.destroyForcibly();
                    process.waitFor(60, TimeUnit.SECONDS);
                    // A kill that came after the run exited by itself is no kill.
                    return process.exitValue() == 137 || process.exitValue() == 9 ? in : null;
                }
                Thread.sleep(5);
            }
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            return null;
        }

        Finished finished(Path out, Map<String, String> db) throws Exception {
            process.waitFor(10, TimeUnit.MINUTES);
            JsonNode report = Files.exists(out.resolve("report.json")) ? JSON.readTree(out.resolve("report.json")
                    .toFile()) : JSON.readTree("{}");
            return new Finished(process.exitValue(), report, counts(db));
        }
    }

    /** Fresh databases for a run: H2 files in {@code directory}, or two new PostgreSQL databases. */
    private Map<String, String> databases(Path directory) {
        return new TreeMap<>(TestDatabases.appDatabaseProperties(kind == DatabaseKind.H2 ? directory : null, "crash"));
    }

    private static Map<String, Long> counts(Map<String, String> databases) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, String> operations = new LinkedHashMap<>();
        operations.put("invoices", "invoice");
        operations.put("actuals", "msdyn_actual");
        operations.put("work entries", "tdm_workentry");
        Map<String, String> finance = new LinkedHashMap<>();
        finance.put("proposals", "projproposaljour");
        finance.put("vouchers", "ledgervoucher");
        finance.put("ledger lines", "generaljournalentry");
        finance.put("customer transactions", "custtrans");
        finance.put("staging", "projcdsactualsimport");
        finance.put("journal lines", "projintegrationjournalline");
        count(databases, "operations", operations, counts);
        count(databases, "finance", finance, counts);
        return counts;
    }

    /** Row counts of tables; an H2 file is shut down afterwards, so that no other process finds it open. */
    private static void count(Map<String, String> databases, String app, Map<String, String> tables,
                              Map<String, Long> counts) throws SQLException {
        String url = databases.get("tandem." + app + ".datasource.url");
        try (Connection c = DriverManager.getConnection(url, databases.get("tandem." + app + ".datasource.username"),
                "");
             Statement s = c.createStatement()) {
            for (Map.Entry<String, String> table : tables.entrySet()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table.getValue())) {
                    rs.next();
                    counts.put(table.getKey(), rs.getLong(1));
                }
            }
            if (url.startsWith("jdbc:h2:")) {
                s.execute("SHUTDOWN");
            }
        }
    }

    private static Map<String, List<String>> totals(JsonNode report) {
        Map<String, List<String>> totals = new TreeMap<>();
        report.at("/totals").forEach(t -> totals.put(t.get("currency").asString(), List.of(t.get("invoices").asString(),
                t.get("invoiced").asString(), t.get("customerTransactions").asString(), t.get("pdf").asString())));
        return totals;
    }
}
