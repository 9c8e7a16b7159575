package dev.tandem.server.operations;

import static dev.tandem.server.operations.ApiClient.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.TandemApplication;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14, findings 1 and 2: twenty clients marking overlapping actuals Ready and Not ready at once froze the
 * server on the embedded database (health checks failed until a restart) and two thirds of the calls answered 500
 * "Deadlock detected". Here {@value #CLIENTS} clients mark random overlapping sets of the same actuals, each set in
 * a random order, for {@value #SECONDS} seconds, while a probe asks {@code /api/health} every 100 ms. Asserted: no
 * 5xx; every refusal is a retryable problem+json with {@code Retry-After}; health answers within a second
 * throughout; and afterwards every actual is in one of the two states, the backlog lists them once each.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class)
// The load leaves its own databases behind: close this server and its pools after the class rather than keep
// them in Spring's test context cache, which holds every cached server's connections open to the end of the suite.
@DirtiesContext
abstract class BacklogContentionContract {

    static final int CLIENTS = 20;
    static final int SECONDS = 8;
    static final int ACTUALS = 30;

    @LocalServerPort
    private int port;

    @Test
    void overlappingReadyAndNotReadyKeepTheServerAnsweringWithoutA5xx() throws Exception {
        ApiClient api = new ApiClient(port);
        ApiWorld world = ApiWorld.build(api, null);
        api.post("/contracts/" + world.contract() + "/confirm").ok();
        for (int i = 0; i < ACTUALS; i++) {
            world.approvedTime(api, 1 + i % 8);
        }
        List<String> actuals = StreamSupport.stream(api.get("/projects/" + world.project() + "/actuals?size=500").ok()
                        .get("items").spliterator(), false)
                .filter(a -> a.get("transactionType").get("name").asString().equals("UNBILLED_SALES"))
                .map(a -> a.get("id").asString()).toList();
        assertThat(actuals).hasSize(ACTUALS);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        assertThat(ApiClient.of(port, "/api").get("/health").status()).as("health before the load").isEqualTo(200);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        AtomicLong slowestHealthMillis = new AtomicLong();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        for (int c = 0; c < CLIENTS; c++) {
            int seed = c;
            clients.submit(() -> {
                Random random = new Random(seed);
                while (System.nanoTime() < until) {
                    List<String> ids = new ArrayList<>(actuals);
                    Collections.shuffle(ids, random);
                    ids = ids.subList(0, 5 + random.nextInt(10));
                    String path = random.nextBoolean() ? "ready" : "not-ready";
                    HttpResponse<String> reply = HealthProbe.send(http, dev.tandem.server.TestAuth.request(
                                    uri("/api/operations/backlog/actuals/" + path))
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(
                                    object("ids", ids)))).build());
                    int status = reply == null ? -1 : reply.statusCode();
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    if (status != 204 && !retryable(reply)) {
                        unexpected.add(status + " " + (reply == null ? "no answer in 30 s" : reply.body()));
                    }
                }
                return null;
            });
        }
        clients.submit(new HealthProbe(() -> uri("/api/health"), until, slowestHealthMillis, unexpected));
        clients.shutdown();
        assertThat(clients.awaitTermination(SECONDS + 60, TimeUnit.SECONDS)).as("clients finished").isTrue();

        assertThat(unexpected).as("answers other than 204 or a retryable refusal; statuses %s", statuses).isEmpty();
        assertThat(statuses.getOrDefault(204, new AtomicInteger()).get()).as("statuses %s", statuses).isPositive();
        assertThat(slowestHealthMillis.get()).as("slowest health answer, ms").isLessThan(1_000);
        for (String id : actuals) {
            assertThat(api.get("/actuals/" + id).ok().get("billingStatus").get("name").asString())
                    .isIn("UNBILLED_SALES_CREATED", "READY_TO_INVOICE");
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A refusal a client may retry: 409 or 503, problem+json with a code, and a Retry-After header. */
    private static boolean retryable(HttpResponse<String> reply) {
        if (reply == null || (reply.statusCode() != 409 && reply.statusCode() != 503)) {
            return false;
        }
        JsonNode body = ApiClient.JSON.readTree(reply.body());
        return reply.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && body.hasNonNull("code") && reply.headers().firstValue("Retry-After").isPresent();
    }
}
