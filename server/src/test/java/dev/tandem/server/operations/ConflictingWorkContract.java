package dev.tandem.server.operations;

import static dev.tandem.server.operations.ApiClient.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.finance.Finance;
import dev.tandem.server.TandemApplication;
import dev.tandem.server.database.OperationsDatabase;
import dev.tandem.server.reconcile.ReconcileReport;
import dev.tandem.server.reconcile.Reconciliation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14, acceptance 2: {@value #CLIENTS} clients do conflicting work on the same {@value #WORLDS} contracts for
 * {@value #SECONDS} seconds: approve time, mark the same actuals Ready and Not ready, create, confirm, delete and
 * revise the contracts' invoices, and in Finance import from staging and post the integration journals and the
 * invoice proposals, while a probe asks {@code /api/health} every 100 ms. Asserted: no 5xx but the retryable 503
 * {@code CONTENTION} (with {@code Retry-After}); every refusal is problem+json with a code; health answers within a
 * second throughout; and once the clients stop, every invariant of the reconcile holds.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class, properties = {
        "tandem.dualwrite.auto-run=true"})
// The load leaves its own databases behind: close this server and its pools after the class rather than keep
// them in Spring's test context cache, which holds every cached server's connections open to the end of the suite.
@DirtiesContext
abstract class ConflictingWorkContract {

    static final int CLIENTS = 50;
    static final int SECONDS = 15;
    static final int WORLDS = 3;
    static final String INVOICE_DATE = "2026-03-31";
    static final String LEGAL_ENTITY = "/api/finance/legal-entities/" + PostingWorld.LE;

    @LocalServerPort
    private int port;

    @Autowired
    private Finance finance;

    @Autowired
    @OperationsDatabase
    private JdbcTemplate operations;

    @Autowired
    private Reconciliation reconciliation;

    @Autowired
    private org.springframework.core.env.Environment environment;

    /** The ports of the servers the clients talk to: this test's, and any {@link #moreServers} started. */
    private final List<Integer> ports = new CopyOnWriteArrayList<>();

    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();

    /**
     * Servers started besides this test's, on the same two databases (their settings are in {@code environment});
     * none by default. Answers their ports; the test closes them.
     */
    protected List<org.springframework.context.ConfigurableApplicationContext> moreServers(
            org.springframework.core.env.Environment environment) {
        return List.of();
    }

    @Test
    void fiftyClientsDoingConflictingWorkGetNo5xxAndLeaveEveryInvariantHolding() throws Exception {
        List<org.springframework.context.ConfigurableApplicationContext> others = moreServers(environment);
        try {
            ports.add(port);
            others.forEach(other -> ports.add(((org.springframework.boot.web.server.context.WebServerApplicationContext)
                    other).getWebServer().getPort()));
            conflictingWork();
            afterTheLoad(others);
        } finally {
            others.forEach(org.springframework.context.ConfigurableApplicationContext::close);
        }
    }

    /** Checks of a subclass once the clients have stopped and every invariant holds; nothing by default. */
    protected void afterTheLoad(List<org.springframework.context.ConfigurableApplicationContext> others) {
    }

    private void conflictingWork() throws Exception {
        ApiClient api = new ApiClient(port);
        List<ApiWorld> worlds = new ArrayList<>();
        for (int w = 0; w < WORLDS; w++) {
            ApiWorld world = PostingWorld.build(api, finance, operations);
            for (int i = 0; i < 4; i++) {
                world.approvedTime(api, 1 + i);
            }
            worlds.add(world);
        }
        assertThat(ApiClient.of(port, "/api").get("/health").status()).isEqualTo(200);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        AtomicLong slowestHealth = new AtomicLong();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        for (int c = 0; c < CLIENTS; c++) {
            Random random = new Random(c);
            clients.submit(() -> {
                while (System.nanoTime() < until) {
                    act(http, random, worlds.get(random.nextInt(worlds.size())));
                }
                return null;
            });
        }
        clients.submit(new HealthProbe(() -> uri("/api/health"), until, slowestHealth, unexpected));
        clients.shutdown();
        assertThat(clients.awaitTermination(SECONDS + 120, TimeUnit.SECONDS)).as("clients finished").isTrue();

        Map<String, Integer> tally = new TreeMap<>();
        answers.forEach((k, v) -> tally.put(k, v.get()));
        assertThat(unexpected).as("unexpected answers; all answers %s", tally).isEmpty();
        assertThat(tally.keySet().stream().filter(k -> k.endsWith(" 2xx")).count()).as("answers %s", tally)
                .isGreaterThanOrEqualTo(5);
        assertThat(slowestHealth.get()).as("slowest health answer, ms").isLessThan(1_000);
        ReconcileReport report = Await.until("every invariant after the load", reconciliation::check,
                ReconcileReport::ok);
        assertThat(report.ok()).as(report.toString()).isTrue();
    }

    /** One random piece of work on {@code world}; its answer is tallied and checked. */
    private void act(HttpClient http, Random random, ApiWorld world) {
        String ops = "/api/operations";
        switch (random.nextInt(10)) {
            case 0 -> call(http, "approve", "POST", ops + "/work-entries", world.time(1 + random.nextInt(8)),
                    reply -> {
                        if (reply.statusCode() == 201) {
                            String entry = ApiClient.JSON.readTree(reply.body()).get("id").asString();
                            call(http, "submit", "POST", ops + "/work-entries/" + entry + "/submit", null, r -> { });
                            call(http, "approve", "POST", ops + "/work-entries/" + entry + "/approve", null, r -> { });
                        }
                    });
            case 1, 2 -> {
                List<String> ids = actuals(http, world);
                if (!ids.isEmpty()) {
                    Collections.shuffle(ids, random);
                    call(http, "mark", "POST", ops + "/backlog/actuals/" + (random.nextBoolean() ? "ready" : "not-ready"),
                            object("ids", ids.subList(0, 1 + random.nextInt(ids.size()))), r -> { });
                }
            }
            case 3 -> call(http, "create invoices", "POST", ops + "/contracts/" + world.contract() + "/invoices",
                    object("invoiceDate", INVOICE_DATE), r -> { });
            case 4 -> invoice(http, random, world, "DRAFT").ifPresent(id -> call(http, "confirm", "POST",
                    ops + "/invoices/" + id + "/confirm", null, r -> { }));
            case 5 -> invoice(http, random, world, "DRAFT").ifPresent(id -> call(http, "delete draft", "DELETE",
                    ops + "/invoices/" + id, null, r -> { }));
            case 6 -> invoice(http, random, world, "CONFIRMED").ifPresent(id -> call(http, "revise", "POST",
                    ops + "/invoices/" + id + "/revise", null, r -> { }));
            case 7 -> call(http, "import from staging", "POST", LEGAL_ENTITY + "/import-from-staging", null, r -> { });
            case 8 -> call(http, "post journals", "POST", LEGAL_ENTITY + "/integration-journals/post", null, r -> { });
            default -> {
                HttpResponse<String> open = call(http, "list proposals", "GET", LEGAL_ENTITY
                        + "/invoice-proposals?status=OPEN&size=50", null, r -> { });
                if (open != null && open.statusCode() == 200) {
                    List<String> ids = new ArrayList<>();
                    ApiClient.JSON.readTree(open.body()).get("items").forEach(p -> ids.add(p.get("proposalId")
                            .asString()));
                    if (!ids.isEmpty()) {
                        call(http, "post proposal", "POST", LEGAL_ENTITY + "/invoice-proposals/"
                                + ids.get(random.nextInt(ids.size())) + "/post", null, r -> { });
                    }
                }
            }
        }
    }

    private List<String> actuals(HttpClient http, ApiWorld world) {
        HttpResponse<String> page = call(http, "list actuals", "GET", "/api/operations/projects/" + world.project()
                + "/actuals?size=500", null, r -> { });
        if (page == null || page.statusCode() != 200) {
            return List.of();
        }
        return new ArrayList<>(StreamSupport.stream(ApiClient.JSON.readTree(page.body()).get("items").spliterator(),
                        false)
                .filter(a -> a.get("transactionType").get("name").asString().equals("UNBILLED_SALES"))
                .map(a -> a.get("id").asString()).toList());
    }

    private java.util.Optional<String> invoice(HttpClient http, Random random, ApiWorld world, String status) {
        HttpResponse<String> page = call(http, "list invoices", "GET", "/api/operations/invoices?contractId="
                + world.contract() + "&size=100", null, r -> { });
        if (page == null || page.statusCode() != 200) {
            return java.util.Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        ApiClient.JSON.readTree(page.body()).get("items").forEach(i -> {
            if (i.get("status").get("name").asString().equals(status)) {
                ids.add(i.get("id").asString());
            }
        });
        return ids.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ids.get(random.nextInt(ids.size())));
    }

    /**
     * Sends one request and checks its answer: 2xx; or a refusal with a problem+json code (4xx; a refused state
     * change is normal when others change the same rows); or 503 CONTENTION with Retry-After. Anything else, or no
     * answer within 30 s, is unexpected.
     */
    private HttpResponse<String> call(HttpClient http, String what, String method, String path, Object body,
                                      java.util.function.Consumer<HttpResponse<String>> then) {
        HttpRequest.Builder request = dev.tandem.server.TestAuth.request(uri(path)).timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(
                    ApiClient.JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> reply = HealthProbe.send(http, request.build());
        if (reply == null) {
            unexpected.add(what + ": no answer within 30 s");
            return null;
        }
        int status = reply.statusCode();
        String problemCode = null;
        if (status >= 400) {
            String type = reply.headers().firstValue("Content-Type").orElse("");
            JsonNode problem = type.startsWith("application/problem+json") ? ApiClient.JSON.readTree(reply.body())
                    : null;
            problemCode = problem == null || !problem.hasNonNull("code") ? null : problem.get("code").asString();
            boolean retryable = status == 503 && "CONTENTION".equals(problemCode)
                    && reply.headers().firstValue("Retry-After").isPresent();
            if (problemCode == null || (status >= 500 && !retryable)) {
                unexpected.add(what + ": " + status + " " + reply.body());
            }
        }
        answers.computeIfAbsent(what + " " + (status < 300 ? "2xx" : status + " " + problemCode),
                k -> new AtomicInteger()).incrementAndGet();
        if (status < 300) {
            then.accept(reply);
        }
        return reply;
    }

    /** The URL of {@code path} on one of the servers, chosen at random. */
    private URI uri(String path) {
        int chosen = ports.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(ports.size()));
        return URI.create("http://127.0.0.1:" + chosen + path);
    }
}
