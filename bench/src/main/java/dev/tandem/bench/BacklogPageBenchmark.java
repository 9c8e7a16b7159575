package dev.tandem.bench;

import dev.tandem.common.testing.TestDatabases;
import dev.tandem.operations.ProjectOperations;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (not a test) of issue 16's backlog page: the server time of the first page of the billing backlog
 * ({@code GET /backlog}, signed in through the sign-in form) with N unbilled sales actuals, for a small and a large N
 * side by side in one run, on a fresh H2 file database and a fresh embedded PostgreSQL; and of the totals over every
 * page ({@code GET /backlog/totals}, which the page loads after it has shown), which scan the whole filter and so grow
 * with N.
 *
 * <p>Each database: the server started as {@code tandem serve} starts it (sync not running), the §6 world of
 * {@link BulkApprovalBenchmark} with its contract confirmed, N time entries approved in bulk (N unbilled sales
 * actuals), three warm-up requests of each, then {@code ROUNDS} timed requests of the first page (50 rows) and of the
 * totals. Prints the median
 * and the slowest, in milliseconds, wall time over loopback. Usage: {@code BacklogPageBenchmark [N ...]} (default
 * 100 100000).
 */
public final class BacklogPageBenchmark {

    private static final int ROUNDS = 20;
    private static final String PASSWORD = "bench-admin-password-16";

    private BacklogPageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(100, 100_000)
                : Arrays.stream(args).map(Integer::parseInt).toList();
        List<String> rows = new ArrayList<>();
        for (boolean postgresql : List.of(false, true)) {
            for (int n : sizes) {
                rows.add(run(postgresql, n));
            }
        }
        System.out.println();
        System.out.println("| database | actuals in the backlog | first page median ms | slowest of " + ROUNDS
                + " ms | totals median ms | slowest of " + ROUNDS + " ms | page bytes | seeding s |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    private static String run(boolean postgresql, int actuals) throws Exception {
        Path temp = Files.createTempDirectory("tandem-bench-backlog-");
        Map<String, String> databases = TestDatabases.appDatabaseProperties(postgresql ? null : temp.resolve("data"),
                "benchpage");
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--tandem.dualwrite.auto-run=false",
                "--tandem.invoicing.scheduled-runs.enabled=false", "--tandem.finance.jobs.enabled=false",
                "--tandem.security.initial-admin-password=" + PASSWORD));
        databases.forEach((k, v) -> arguments.add("--" + k + "=" + v));
        String label = postgresql ? "PostgreSQL" : "H2 (file)";
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                Class.forName("dev.tandem.server.TandemApplication"))
                .web(WebApplicationType.SERVLET)
                .properties("spring.main.log-startup-info=false", "logging.level.root=ERROR")
                .run(arguments.toArray(String[]::new))) {
            ProjectOperations ops = context.getBean(ProjectOperations.class);
            long seedStart = System.nanoTime();
            BulkApprovalBenchmark.World world = BulkApprovalBenchmark.World.build(ops);
            ops.contracts().confirm(world.contract());
            List<UUID> entries = world.submitted(ops, actuals);
            for (int from = 0; from < entries.size(); from += 10_000) {
                ops.workEntries().approveAll(entries.subList(from, Math.min(entries.size(), from + 10_000)));
            }
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            signIn(http, port);
            URI page = URI.create("http://127.0.0.1:" + port + "/backlog");
            URI totals = URI.create("http://127.0.0.1:" + port + "/backlog/totals");
            int bytes = 0;
            for (int i = 0; i < 3; i++) {
                bytes = get(http, page).length();
                get(http, totals);
            }
            long[] pageNanos = new long[ROUNDS];
            long[] totalsNanos = new long[ROUNDS];
            String count = String.format(Locale.ROOT, "%,d actuals", actuals);
            for (int i = 0; i < ROUNDS; i++) {
                long start = System.nanoTime();
                String body = get(http, page);
                pageNanos[i] = System.nanoTime() - start;
                if (!body.contains("id=\"backlog-rows\"") || !body.contains("Next")) {
                    throw new IllegalStateException("the backlog page shows no rows or no next page");
                }
                start = System.nanoTime();
                String fragment = get(http, totals);
                totalsNanos[i] = System.nanoTime() - start;
                if (!fragment.contains(count)) {
                    throw new IllegalStateException("the backlog's totals do not say " + count);
                }
            }
            Arrays.sort(pageNanos);
            Arrays.sort(totalsNanos);
            String row = String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f | %,d | %.1f |", label,
                    actuals, pageNanos[ROUNDS / 2] / 1e6, pageNanos[ROUNDS - 1] / 1e6, totalsNanos[ROUNDS / 2] / 1e6,
                    totalsNanos[ROUNDS - 1] / 1e6, bytes, seedSeconds);
            System.out.println(row);
            return row;
        } finally {
            MonthEndBenchmark.deleteTree(temp);
        }
    }

    private static void signIn(HttpClient http, int port) throws Exception {
        String form = get(http, URI.create("http://127.0.0.1:" + port + "/login"));
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String body = "username=admin&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed: " + answer.statusCode() + " " + answer.headers());
        }
    }

    private static String get(HttpClient http, URI uri) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + answer.statusCode());
        }
        return answer.body();
    }
}
