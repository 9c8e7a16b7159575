package dev.tandem.server.operations;

import static dev.tandem.server.operations.ApiClient.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.TandemApplication;
import dev.tandem.server.api.Idempotency;
import dev.tandem.server.api.IdempotencyFilter;
import dev.tandem.server.database.OperationsDatabase;
import dev.tandem.server.operations.ApiClient.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every command of the API takes an {@code Idempotency-Key} (issue 14, finding 10). The commands are enumerated from
 * Spring's handler mappings, so a command added later is covered without editing this test: each one either reaches
 * the {@link IdempotencyFilter} (a key that is too long is refused by it, 400 naming the header, before any work) or
 * declares the header itself; and {@code /v3/api-docs} documents the header on each. Real replays for a
 * representative set: approve, mark Ready, and their refusal of a reused key.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class)
abstract class IdempotentCommandsContract {

    private static final Set<RequestMethod> COMMANDS = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Autowired
    @OperationsDatabase
    private JdbcTemplate jdbc;

    /** One command: an HTTP method and a path pattern of a handler. */
    private record Command(String method, String pattern, HandlerMethod handler) {
    }

    private List<Command> commands() {
        List<Command> commands = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (RequestMethod method : methods.isEmpty() ? COMMANDS : methods) {
                if (!COMMANDS.contains(method)) {
                    continue;
                }
                for (String pattern : e.getKey().getPatternValues()) {
                    if (pattern.startsWith("/api/")) {
                        commands.add(new Command(method.name(), pattern, e.getValue()));
                    }
                }
            }
        }
        return commands;
    }

    private static boolean declaresHeader(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            if (header != null && (Idempotency.HEADER.equals(header.name()) || Idempotency.HEADER.equals(header.value()))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyCommandMappingHonoursTheKey() throws Exception {
        List<Command> commands = commands();
        assertThat(commands).hasSizeGreaterThan(100);
        HttpClient http = HttpClient.newHttpClient();
        String tooLong = "k".repeat(Idempotency.MAX_KEY_LENGTH + 1);
        List<String> uncovered = new ArrayList<>();
        for (Command c : commands) {
            if (IdempotencyFilter.answersASecret(c.pattern())) {
                // Issue 15: a new token or password is shown once and never stored, so never replayed.
                assertThat(IdempotencyFilter.covers(c.method(), c.pattern())).as(c.toString()).isFalse();
                continue;
            }
            assertThat(IdempotencyFilter.covers(c.method(), c.pattern())).as(c.toString()).isTrue();
            if (declaresHeader(c.handler())) {
                continue; // the controller runs Idempotency#once itself
            }
            String path = c.pattern().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            HttpRequest request = dev.tandem.server.TestAuth.request(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").header(Idempotency.HEADER, tooLong)
                    .method(c.method(), HttpRequest.BodyPublishers.ofString("{}")).build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = answer.statusCode() == 400 ? JSON.readTree(answer.body()) : null;
            if (body == null || !Idempotency.HEADER.equals(body.path("field").asString(""))) {
                uncovered.add(c.method() + " " + c.pattern() + " answered " + answer.statusCode() + " " + answer.body());
            }
        }
        assertThat(uncovered).as("commands that do not reach the Idempotency-Key filter").isEmpty();
    }

    @Test
    void theOpenApiDocumentShowsTheHeaderOnEveryCommand() throws Exception {
        HttpResponse<String> docs = HttpClient.newHttpClient().send(dev.tandem.server.TestAuth.request(URI.create("http://127.0.0.1:"
                + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode paths = JSON.readTree(docs.body()).get("paths");
        List<String> without = new ArrayList<>();
        java.util.Set<String> documented = new java.util.TreeSet<>();
        for (var path : paths.properties()) {
            for (String method : List.of("post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                boolean has = false;
                for (JsonNode p : operation.path("parameters")) {
                    has |= "header".equals(p.path("in").asString("")) && Idempotency.HEADER.equals(p.path("name")
                            .asString(""));
                }
                if (!has && !IdempotencyFilter.answersASecret(path.getKey())) {
                    without.add(method + " " + path.getKey());
                }
            }
        }
        java.util.Set<String> mapped = new java.util.TreeSet<>();
        commands().forEach(c -> mapped.add(c.method() + " " + c.pattern()));
        assertThat(documented).as("the commands of /v3/api-docs are those of the handler mappings")
                .isEqualTo(mapped);
        assertThat(without).isEmpty();
    }

    @Test
    void approveAndMarkReadyReplayTheirFirstAnswerAndRefuseAReusedKey() {
        ApiClient api = new ApiClient(port);
        ApiWorld world = ApiWorld.build(api, null);
        api.post("/contracts/" + world.contract() + "/confirm").ok();
        UUID entry = api.post("/work-entries", world.time(8)).created();
        api.post("/work-entries/" + entry + "/submit").ok();
        ApiClient keyed = api.header(Idempotency.HEADER, ApiWorld.newKey());

        Reply approved = keyed.post("/work-entries/" + entry + "/approve");
        int actuals = count("SELECT COUNT(*) FROM msdyn_actual");
        Reply again = keyed.post("/work-entries/" + entry + "/approve");

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(approved.body());
        assertThat(again.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
        assertThat(count("SELECT COUNT(*) FROM msdyn_actual")).isEqualTo(actuals);
        // The same key on another command is refused, and nothing is done.
        keyed.post("/work-entries/" + entry + "/recall").problem(422, "IDEMPOTENCY_KEY_REUSED");

        String unbilled = world.readyTime(api, 4).toString();
        ApiClient notReady = api.header(Idempotency.HEADER, ApiWorld.newKey());
        notReady.post("/backlog/actuals/not-ready", object("ids", List.of(unbilled))).noContent();
        Reply replayed = notReady.post("/backlog/actuals/not-ready", "{\"ids\" : [ \"" + unbilled + "\" ]}");
        replayed.noContent();
        assertThat(replayed.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
        notReady.post("/backlog/actuals/ready", object("ids", List.of(unbilled)))
                .problem(422, "IDEMPOTENCY_KEY_REUSED");

        ApiClient ready = api.header(Idempotency.HEADER, ApiWorld.newKey());
        ready.post("/backlog/actuals/ready", object("ids", List.of(unbilled))).noContent();
        Reply remarked = ready.post("/backlog/actuals/ready", object("ids", List.of(unbilled)));
        remarked.noContent();
        assertThat(remarked.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
        ready.post("/backlog/actuals/ready", object("ids", List.of(unbilled, unbilled)))
                .problem(422, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aFinanceSetupCreateAndAMultipartUploadReplayTheirFirstAnswer() throws Exception {
        ApiClient finance = ApiClient.of(port, "/api/finance");
        String type = "IDEM-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient keyed = finance.header(Idempotency.HEADER, ApiWorld.newKey());

        Reply created = keyed.post("/exchange-rate-types", object("rateType", type, "description", "Retried create"));
        Reply again = keyed.post("/exchange-rate-types", object("description", "Retried create", "rateType", type));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.headers().firstValue("Location")).isEqualTo(created.headers().firstValue("Location"));
        assertThat(again.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
        finance.post("/exchange-rate-types", object("rateType", type, "description", "Retried create"))
                .problem(409, "DUPLICATE");

        byte[] file = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(
                "../finance/src/test/resources/ecb/eurofxref-hist-2025q2.csv"));
        ApiClient upload = finance.header(Idempotency.HEADER, ApiWorld.newKey());
        String path = "/exchange-rates/ecb?rateType=" + type;
        Reply imported = upload.post(path, "multipart/form-data; boundary=first-boundary",
                multipart("first-boundary", file));
        Reply retried = upload.post(path, "multipart/form-data; boundary=other-boundary",
                multipart("other-boundary", file));

        assertThat(imported.ok().get("changed").asLong()).isPositive();
        assertThat(retried.body()).isEqualTo(imported.body());
        assertThat(retried.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
        // Another file with the key, as CSV body or as another upload: refused.
        byte[] shorter = java.util.Arrays.copyOf(file, file.length / 2);
        upload.post(path, "multipart/form-data; boundary=first-boundary", multipart("first-boundary", shorter))
                .problem(422, "IDEMPOTENCY_KEY_REUSED");
        upload.post(path, "text/csv", file).problem(422, "IDEMPOTENCY_KEY_REUSED");
    }

    /** A multipart/form-data body with the part {@code file}. */
    private static byte[] multipart(String boundary, byte[] content) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ecb.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
