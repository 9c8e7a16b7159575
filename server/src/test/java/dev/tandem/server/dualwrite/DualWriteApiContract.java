package dev.tandem.server.dualwrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.TandemApplication;
import dev.tandem.server.dualwrite.Http.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The dual-write API over real HTTP on a server that runs the repository's maps ({@code maps/}, packaged in the jar)
 * with auto-run on, as a fresh installation does: listing maps, the state machine and its refusals, resume options,
 * definitions (validate, replace only when stopped), the queue and the error log, initial sync in the background,
 * idempotent commands, and the runtime's meters at {@code /actuator/prometheus}. Subclasses supply the databases.
 *
 * <p>The tests share one server, so each leaves the maps it touches Running, and each works on maps of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class,
        properties = "tandem.dualwrite.auto-run=true")
abstract class DualWriteApiContract {

    private static final String API = "/api/dualwrite";
    private static final Pattern MAP_ID = Pattern.compile("(?m)^map:\\s*(\\S+)");

    @LocalServerPort
    private int port;

    private Http http;

    @org.springframework.beans.factory.annotation.Autowired
    @dev.tandem.server.database.OperationsDatabase
    private org.springframework.jdbc.core.JdbcTemplate operationsDb;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void listsEveryMapOfTheMapsDirectoryRunning() throws IOException {
        JsonNode page = http.get(API + "/maps").ok();

        List<String> ids = new ArrayList<>();
        page.get("items").forEach(m -> ids.add(m.get("id").asString()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(repositoryMapIds()).contains("msdyn_actuals");
        assertThat(page.get("total").asInt()).isEqualTo(ids.size());
        page.get("items").forEach(m -> assertThat(m.get("state").asString()).as(m.toString()).isEqualTo("RUNNING"));

        JsonNode actuals = http.get(API + "/maps/msdyn_actuals").ok();
        assertThat(actuals.get("name").asString()).isEqualTo("Project Operations integration actuals (msdyn_actuals)");
        assertThat(actuals.get("source").asString()).isEqualTo("operations/msdyn_actuals");
        assertThat(actuals.get("target").asString()).isEqualTo("finance/ProjCDSActualsImportEntity");
        assertThat(actuals.get("queueDepth").asLong()).isZero();
        assertThat(actuals.get("lagSeconds").asLong()).isZero();
        assertThat(actuals.get("changedBy").asString()).isEqualTo("dual-write");
        assertThat(Instant.parse(actuals.get("changedAt").asString())).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void pausingTwiceIsRefusedAndDiscardingTheQueueNeedsConfirmation() {
        JsonNode paused = http.post(API + "/maps/legalentities/pause", Map.of("reason", "month-end close")).ok();
        assertThat(paused.get("state").asString()).isEqualTo("PAUSED");
        assertThat(paused.get("reason").asString()).isEqualTo("month-end close");
        assertThat(paused.get("changedBy").asString()).isEqualTo(dev.tandem.server.TestAuth.ADMIN);

        JsonNode again = http.post(API + "/maps/legalentities/pause", Map.of("reason", "again")).problem(409,
                "MAP_STATE");
        assertThat(again.get("map").asString()).isEqualTo("legalentities");
        assertThat(again.get("state").asString()).isEqualTo("PAUSED");

        // A Finance change while the map is paused queues instead of syncing.
        String legalEntity = newLegalEntity();
        JsonNode queued = http.get(API + "/maps/legalentities/queue?status=QUEUED").ok();
        assertThat(queued.get("total").asLong()).isPositive();
        assertThat(queued.get("items").get(0).get("integrationKey").asString()).isEqualTo(legalEntity);
        assertThat(http.get(API + "/maps/legalentities").ok().get("queueDepth").asLong()).isPositive();

        JsonNode unconfirmed = http.post(API + "/maps/legalentities/resume", Map.of("option", "LIVE_DISCARD_QUEUED"))
                .problem(409, "CONFIRMATION_REQUIRED");
        assertThat(unconfirmed.get("queued").asLong()).isPositive();
        assertThat(http.get(API + "/maps/legalentities").ok().get("state").asString()).isEqualTo("PAUSED");

        JsonNode resumed = http.post(API + "/maps/legalentities/resume", Map.of("option", "LIVE_DISCARD_QUEUED",
                "confirmDiscard", true)).ok();
        assertThat(resumed.get("status").get("state").asString()).isEqualTo("RUNNING");
        assertThat(resumed.get("discardedCount").asInt()).isPositive();
        assertThat(resumed.get("discarded").get("total").asInt()).isEqualTo(resumed.get("discardedCount").asInt());
        assertThat(resumed.get("discarded").get("items").get(0).get("integrationKey").asString())
                .isEqualTo(legalEntity);
        assertThat(resumed.get("discardedLink").asString())
                .isEqualTo(API + "/maps/legalentities/queue?status=DISCARDED");
        JsonNode discarded = http.get(resumed.get("discardedLink").asString()).ok();
        assertThat(discarded.get("items").get(0).get("status").asString()).isEqualTo("DISCARDED");

        List<String> events = new ArrayList<>();
        http.get(API + "/maps/legalentities/activity").ok().get("items")
                .forEach(a -> events.add(a.get("event").asString()));
        assertThat(events).contains("QUEUE_DISCARDED", "STATE");
    }

    @Test
    void resumeDrainCatchesUpTheQueueBeforeGoingLive() {
        http.post(API + "/maps/customers/pause", null).ok();
        http.post(API + "/maps/legalentities/pause", null).ok();
        String legalEntity = newLegalEntity();

        JsonNode resumed = http.post(API + "/maps/legalentities/resume", Map.of("option", "DRAIN")).ok();

        assertThat(resumed.get("status").get("state").asString()).isEqualTo("RUNNING");
        assertThat(resumed.get("drained").asInt()).isPositive();
        assertThat(resumed.get("discardedCount").asInt()).isZero();
        assertThat(resumed.get("discardedLink").isNull()).isTrue();
        JsonNode delivered = http.get(API + "/maps/legalentities/queue?status=delivered&size=200").ok();
        List<String> keys = new ArrayList<>();
        delivered.get("items").forEach(q -> keys.add(q.get("integrationKey").asString()));
        assertThat(keys).contains(legalEntity);

        JsonNode retryList = http.post(API + "/maps/customers/resume", Map.of("option", "LIVE_RETRY_QUEUED")).ok();
        assertThat(retryList.get("status").get("state").asString()).isEqualTo("RUNNING");
        assertThat(http.post(API + "/maps/customers/retry-queue", null).ok().get("failed").asInt()).isZero();
    }

    @Test
    void resumeNeedsAnOption() {
        Reply reply = http.post(API + "/maps/legalentities/resume", Map.of());
        JsonNode problem = reply.problem(400, "INVALID_INPUT");
        assertThat(problem.get("field").asString()).isEqualTo("option");
        http.post(API + "/maps/legalentities/resume", Map.of("option", "SOMETIMES")).problem(400, "INVALID_INPUT");
    }

    @Test
    void validationNamesEachProblemWithItsLineAndRule() {
        Reply definition = http.get(API + "/maps/msdyn_actuals/definition");
        assertThat(definition.status()).isEqualTo(200);
        assertThat(definition.contentType()).startsWith("text/yaml");
        String yaml = definition.body();
        assertThat(yaml).contains("map: msdyn_actuals", "  - msdyn_amount > amount");

        JsonNode valid = http.postYaml(API + "/maps/validate", yaml).ok();
        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(valid.get("problems")).isEmpty();

        String broken = yaml.replace("  - msdyn_amount > amount", "  - msdyn_amonut > amount");
        int line = lineOf(broken, "msdyn_amonut");
        JsonNode invalid = http.postYaml(API + "/maps/validate?file=maps/msdyn_actuals.yaml", broken).ok();
        assertThat(invalid.get("valid").asBoolean()).isFalse();
        JsonNode problem = invalid.get("problems").get(0);
        assertThat(problem.get("file").asString()).isEqualTo("maps/msdyn_actuals.yaml");
        assertThat(problem.get("line").asInt()).isEqualTo(line);
        assertThat(problem.get("rule").asString()).isEqualTo("DIPV1021");
        assertThat(problem.get("message").asString()).contains("msdyn_amonut");

        JsonNode unknownElement = http.postYaml(API + "/maps/validate", yaml.replace("master: source",
                "master: source\ncolour: blue")).ok();
        assertThat(unknownElement.get("valid").asBoolean()).isFalse();
        assertThat(unknownElement.get("problems").get(0).get("rule").asString()).isEqualTo("TDM-FORMAT");
        assertThat(unknownElement.get("problems").get(0).get("file").asString()).isEqualTo("request.yaml");
    }

    @Test
    void theDefinitionChangesOnlyWhileTheMapIsStopped() {
        String yaml = http.get(API + "/maps/exchangerates/definition").body();
        String bumped = yaml.replace("version: 1.0.0.0", "version: 1.0.0.1");
        assertThat(bumped).isNotEqualTo(yaml);

        JsonNode running = http.putYaml(API + "/maps/exchangerates/definition", bumped).problem(409, "MAP_STATE");
        assertThat(running.get("state").asString()).isEqualTo("RUNNING");

        assertThat(http.post(API + "/maps/exchangerates/stop", null).ok().get("state").asString())
                .isEqualTo("STOPPED");
        String broken = bumped.replace("rate > msdyn_rate", "rate > msdyn_rat");
        JsonNode invalid = http.putYaml(API + "/maps/exchangerates/definition", broken).problem(422, "MAP_INVALID");
        JsonNode problem = invalid.get("problems").get(0);
        assertThat(problem.get("file").asString()).isEqualTo("maps/exchangerates.yaml");
        assertThat(problem.get("line").asInt()).isEqualTo(lineOf(broken, "- rate > msdyn_rat "));
        assertThat(problem.get("rule").asString()).isEqualTo("DIPV1024");
        assertThat(problem.get("message").asString()).contains("msdyn_rat");

        JsonNode replaced = http.putYaml(API + "/maps/exchangerates/definition", bumped).ok();
        assertThat(replaced.get("version").asString()).isEqualTo("1.0.0.1");
        assertThat(replaced.get("state").asString()).isEqualTo("STOPPED");
        assertThat(http.get(API + "/maps/exchangerates/definition").body()).isEqualTo(bumped);

        assertThat(http.post(API + "/maps/exchangerates/run", Map.of("initialSync", false)).ok().get("state")
                .asString()).isEqualTo("RUNNING");
    }

    @Test
    void initialSyncRunsInTheBackgroundAndIsFollowedByItsRun() {
        http.post(API + "/maps/msdyn_projects/initial-sync", null).problem(409, "MAP_STATE");
        http.post(API + "/maps/msdyn_projects/stop", null).ok();

        Reply started = http.post(API + "/maps/msdyn_projects/initial-sync", null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode run = started.json();
        String runId = run.get("runId").asString();
        assertThat(run.get("mapId").asString()).isEqualTo("msdyn_projects");
        assertThat(started.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith("http://127.0.0.1:").endsWith(API + "/initial-sync-runs/" + runId));
        JsonNode finished = awaitRun(runId);
        assertThat(finished.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(finished.get("failed").asLong()).isZero();
        assertThat(http.get(API + "/maps/msdyn_projects").ok().get("state").asString()).isEqualTo("STOPPED");

        Reply runWithSync = http.post(API + "/maps/msdyn_projects/run", Map.of("initialSync", true));
        assertThat(runWithSync.status()).as(runWithSync.body()).isEqualTo(202);
        awaitRun(runWithSync.json().get("runId").asString());
        awaitState("msdyn_projects", "RUNNING");
        // Run in the background, the change is still the signed-in user's, not the system's.
        assertThat(http.get(API + "/maps/msdyn_projects").ok().get("changedBy").asString())
                .isEqualTo(dev.tandem.server.TestAuth.ADMIN);
        JsonNode runs = http.get(API + "/maps/msdyn_projects/initial-sync-runs").ok();
        assertThat(runs.get("total").asInt()).isEqualTo(2);

        http.get(API + "/initial-sync-runs/" + UUID.randomUUID()).problem(404, "MAP_NOT_FOUND");
    }

    @Test
    void theErrorLogPagesAndItsRowsCanBeRetriedAndPurged() {
        String missing = UUID.randomUUID().toString();
        long openBefore = http.get(API + "/maps/msdyn_actuals").ok().get("openErrors").asLong();
        // A re-sync of a key the source has no row for is refused before anything is written (issue 14, finding 8):
        // it used to leave an open error that no retry could resolve, failing invariant 6 for good.
        JsonNode refused = http.post(API + "/maps/msdyn_actuals/resync", Map.of("key", missing)).problem(404,
                "SOURCE_ROW_NOT_FOUND");
        assertThat(refused.get("detail").asString()).contains(missing);
        assertThat(http.get(API + "/maps/msdyn_actuals").ok().get("openErrors").asLong()).isEqualTo(openBefore);
        // An open error of a row deleted in the source since, as a failed live change leaves it.
        operationsDb.update("INSERT INTO dw_error (map_id, entity, integration_key, operation, error_type, cause, "
                + "status, retryable, attempts, occurred_at) VALUES ('msdyn_actuals', 'msdyn_actuals', ?, 'SYNC', "
                + "'APPLICATION', ?, 'OPEN', TRUE, 1, CURRENT_TIMESTAMP)", missing, "msdyn_actuals " + missing
                + " no longer exists in operations");

        JsonNode page = http.get(API + "/maps/msdyn_actuals/errors?status=OPEN&page=0&size=1").ok();
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isOne();
        assertThat(page.get("total").asLong()).isPositive();
        assertThat(page.get("items")).hasSize(1);
        JsonNode error = page.get("items").get(0);
        long errorId = error.get("errorId").asLong();
        assertThat(error.get("integrationKey").asString()).isEqualTo(missing);
        assertThat(error.get("cause").asString()).contains(missing);
        assertThat(error.get("retryable").asBoolean()).isTrue();
        assertThat(http.get(API + "/maps/msdyn_actuals").ok().get("openErrors").asLong()).isPositive();

        assertThat(http.get(API + "/errors/" + errorId).ok().get("mapId").asString()).isEqualTo("msdyn_actuals");
        JsonNode retried = http.post(API + "/maps/msdyn_actuals/errors/retry", Map.of("errorIds", List.of(errorId)))
                .ok();
        assertThat(retried.get("retried").asInt()).isOne();
        assertThat(retried.get("failed").asInt()).isOne();
        http.post(API + "/maps/invoices/errors/retry", Map.of("errorIds", List.of(errorId))).problem(404,
                "ERROR_NOT_FOUND");

        JsonNode purged = http.post(API + "/maps/msdyn_actuals/errors/purge", Map.of("errorIds", List.of(errorId)))
                .ok();
        assertThat(purged.get("purged").asInt()).isOne();
        http.get(API + "/errors/" + errorId).problem(404, "ERROR_NOT_FOUND");

        JsonNode queue = http.get(API + "/maps/msdyn_actuals/queue?page=1&size=5").ok();
        assertThat(queue.get("page").asInt()).isOne();
        assertThat(queue.get("size").asInt()).isEqualTo(5);
        assertThat(queue.get("items")).isEmpty();
        assertThat(http.get(API + "/maps/msdyn_actuals/errors?status=LOST").problem(400, "INVALID_INPUT")
                .get("field").asString()).isEqualTo("status");
        assertThat(http.get(API + "/maps/msdyn_actuals/queue?page=-1").problem(400, "INVALID_INPUT")
                .get("field").asString()).isEqualTo("page");
    }

    @Test
    void anUnknownMapIsNotFound() {
        JsonNode problem = http.get(API + "/maps/no_such_map").problem(404, "MAP_NOT_FOUND");
        assertThat(problem.get("map").asString()).isEqualTo("no_such_map");
        assertThat(problem.get("detail").asString()).contains("no_such_map", "msdyn_actuals");
        http.post(API + "/maps/no_such_map/pause", null).problem(404, "MAP_NOT_FOUND");
        http.get(API + "/maps/no_such_map/errors").problem(404, "MAP_NOT_FOUND");
        http.post(API + "/maps/no_such_map/initial-sync", null).problem(404, "MAP_NOT_FOUND");
        http.get(API + "/errors/987654321").problem(404, "ERROR_NOT_FOUND");
    }

    @Test
    void aCommandRepeatedWithItsIdempotencyKeyIsAnsweredAgainNotDoneAgain() {
        String key = UUID.randomUUID().toString();
        Reply first = http.post(API + "/maps/salesorders/pause", Map.of("reason", "once"), "Idempotency-Key", key);
        assertThat(first.status()).as(first.body()).isEqualTo(200);

        Reply again = http.post(API + "/maps/salesorders/pause", Map.of("reason", "once"), "Idempotency-Key", key);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(first.body());
        http.post(API + "/maps/salesorders/pause", Map.of("reason", "other"), "Idempotency-Key", key)
                .problem(422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(http.post(API + "/maps/salesorders/resume", Map.of("option", "DRAIN")).ok().get("status")
                .get("state").asString()).isEqualTo("RUNNING");
    }

    @Test
    void prometheusScrapesTheRuntimeMetersOfEachMap() {
        Reply scrape = http.get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        assertThat(scrape.body()).contains("tandem_dualwrite_queue_depth{map=\"msdyn_actuals\"",
                "tandem_dualwrite_lag_seconds{map=\"msdyn_actuals\"", "tandem_dualwrite_state{map=\"msdyn_actuals\"",
                "tandem_dualwrite_queue_depth{map=\"invoices\"");
        assertThat(http.get("/actuator/health").ok().get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/env").status()).isEqualTo(404);
        assertThat(http.get("/actuator/metrics").status()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- helpers

    /** A new Finance legal entity: a change of the {@code legalentities} map's source. */
    private String newLegalEntity() {
        String id = "L" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Reply created = http.post("/api/finance/legal-entities", Map.of("dataAreaId", id, "name", "Contoso " + id,
                "accountingCurrency", "USD", "roundingAccount", "999999"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }

    private JsonNode awaitRun(String runId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonNode run = http.get(API + "/initial-sync-runs/" + runId).ok();
            if (!run.get("status").asString().equals("RUNNING") || Instant.now().isAfter(deadline)) {
                return run;
            }
            pause();
        }
    }

    private void awaitState(String map, String state) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!http.get(API + "/maps/" + map).ok().get("state").asString().equals(state)) {
            assertThat(Instant.now()).as("map " + map + " " + state).isBefore(deadline);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** 1-based line of the first line containing {@code text}. */
    private static int lineOf(String yaml, String text) {
        int at = yaml.indexOf(text);
        assertThat(at).as(text).isNotNegative();
        return (int) yaml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The map ids of the repository's {@code maps/} directory, which the server jar packages. */
    private static List<String> repositoryMapIds() throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../maps"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Matcher m = MAP_ID.matcher(Files.readString(file));
                if (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        assertThat(ids).isNotEmpty();
        return ids;
    }
}
