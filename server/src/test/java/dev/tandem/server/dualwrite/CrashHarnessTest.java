package dev.tandem.server.dualwrite;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.DatabaseUrls;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.common.testing.TestDatabases;
import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.dualwrite.runtime.Views.Reconciliation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.tandem.finance.FinanceSchema;
import dev.tandem.operations.OperationsSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 5 acceptance 3, on H2 (files) and PostgreSQL: a child JVM confirming 1,000 proforma invoices with live sync
 * is killed with {@code kill -9} at 20 random points and restarted. After the in-doubt resolver has run, every
 * mapped row equals its counterpart through its map and nothing is duplicated.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(DatabaseKind.class)
class CrashHarnessTest {

    private static final int CONFIRMS = 1000;
    private static final int KILLS = 20;

    @Parameter
    DatabaseKind kind;

    @Test
    void killingTheProcessTwentyTimesLosesAndDuplicatesNothing() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path dir = Files.createTempDirectory("crash-harness");
        String[] db = databases(dir);
        Path log = Path.of("target", "crash-harness-" + kind + ".log");
        int kills = 0;
        boolean done = false;
        while (kills < KILLS && !done) {
            Child child = start(db, log);
            String first = await(child, 180);
            assertThat(first).as("child output (see " + log + ")").isIn("READY", "DONE");
            if ("DONE".equals(first)) {
                done = true;
                break;
            }
            Thread.sleep(100 + random.nextInt(1500));
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            kills++;
        }
        assertThat(kills).as("kills before the child finished (seed " + seed + ")").isEqualTo(KILLS);
        Child last = start(db, log);
        String line = await(last, 180);
        if ("READY".equals(line)) {
            line = await(last, 900);
        }
        assertThat(line).as("last child (see " + log + ")").isEqualTo("DONE");
        assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).isZero();

        try (HikariDataSource operations = pool(db[0], db[2], db[3]);
             HikariDataSource finance = pool(db[1], db[2], db[3])) {
            SyncedWorld world = new SyncedWorld(operations, finance);
            DualWriteRuntime runtime = world.startSync(false);
            try {
                verify(world, runtime);
            } finally {
                runtime.close();
            }
        }
        // Passed: the databases' files (some 800 MB on H2) are of no more use; a failure keeps them for a diagnosis.
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void verify(SyncedWorld world, DualWriteRuntime runtime) {
        var ops = world.ops.context().jdbc();
        var fin = world.finance.context().jdbc();
        List<String> confirmed = ops.queryForList("SELECT invoicenumber FROM invoice WHERE msdyn_projectinvoicestatus = "
                + "192350002 ORDER BY invoicenumber", String.class);
        List<String> proposals = fin.queryForList("SELECT proposalid FROM projproposaljour ORDER BY proposalid",
                String.class);
        assertThat(confirmed).hasSize(CONFIRMS);
        // Invariant 2: every confirmed proforma has exactly one proposal with its number, and no proposal is extra.
        assertThat(proposals).containsExactlyElementsOf(confirmed);
        // Every actual that syncs (Skip Sync off) is in staging once; nothing else is.
        List<String> synced = ops.queryForList("SELECT CAST(msdyn_actualid AS VARCHAR(40)) FROM msdyn_actual WHERE "
                + "tdm_skipsync = FALSE", String.class);
        List<String> staged = fin.queryForList("SELECT CAST(actualid AS VARCHAR(40)) FROM projcdsactualsimport",
                String.class);
        assertThat(new HashSet<>(staged)).hasSize(staged.size()).isEqualTo(new HashSet<>(synced));
        assertThat(fin.queryForObject("SELECT COUNT(*) FROM dw_inbox WHERE status = 'IN_DOUBT'", Integer.class)).isZero();
        List<String> problems = new ArrayList<>();
        for (String map : List.of("invoices", "msdyn_actuals", "msdyn_transactionconnections")) {
            Reconciliation r = runtime.reconcile(map);
            if (!r.consistent()) {
                problems.add(map + ": " + r.missing() + " missing, " + r.different() + " different " + r.samples());
            }
        }
        assertThat(problems).isEmpty();
        System.out.printf("crash harness: %d confirmed invoices, %d staged actuals, %d batches undone by the resolver%n",
                confirmed.size(), staged.size(), fin.queryForObject("SELECT COUNT(*) FROM dw_inbox WHERE status = "
                        + "'UNDONE'", Integer.class));
    }

    /** operations URL, finance URL, user, password. */
    private String[] databases(Path dir) {
        if (kind == DatabaseKind.H2) {
            return new String[] {DatabaseUrls.h2File(dir, "operations"), DatabaseUrls.h2File(dir, "finance"), "sa", ""};
        }
        HikariDataSource operations = TestDatabases.create(kind, Arrays.asList(OperationsSchema.LOCATIONS));
        HikariDataSource finance = TestDatabases.create(kind, Arrays.asList(FinanceSchema.LOCATIONS));
        String[] urls = {operations.getJdbcUrl(), finance.getJdbcUrl(), operations.getUsername(),
            operations.getPassword() == null ? "" : operations.getPassword()};
        operations.close();
        finance.close();
        return urls;
    }

    /** A running child and the READY/DONE lines it printed. */
    private record Child(Process process, BlockingQueue<String> lines) {
        void destroyForcibly() {
            process.destroyForcibly();
        }

        boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
            return process.waitFor(timeout, unit);
        }

        int exitValue() {
            return process.exitValue();
        }
    }

    private static Child start(String[] db, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CrashHarnessChild.class.getName(), db[0], db[1], db[2], db[3], String.valueOf(CONFIRMS));
        pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    if (l.equals("READY") || l.equals("DONE")) {
                        lines.add(l);
                    }
                }
            } catch (IOException e) {
                // the child was killed
            }
            lines.add("EXITED");
        });
        return new Child(process, lines);
    }

    /** The next line among READY/DONE the child prints, or "EXITED"/"TIMEOUT". */
    private static String await(Child child, int seconds) throws InterruptedException {
        String line = child.lines().poll(seconds, TimeUnit.SECONDS);
        return line == null ? "TIMEOUT" : line;
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        return new HikariDataSource(config);
    }

}
