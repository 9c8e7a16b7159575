package dev.tandem.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.TandemApplication;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description at {@code /v3/api-docs} over real HTTP: it lists the paths of every controller (Project
 * Operations, Finance, dual-write, reconcile), pages lists with {@code page} and {@code size}, declares
 * {@code Idempotency-Key} on commands that honour it, and documents errors as problem+json; and
 * {@code /api/reconcile}, which it describes, answers the report of a fresh, consistent installation. Subclasses
 * supply the databases.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class)
abstract class OpenApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Test
    void describesEveryControllerWithPagesIdempotencyAndProblems() throws Exception {
        HttpResponse<String> answer = get("/v3/api-docs");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode doc = JSON.readTree(answer.body());
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        JsonNode paths = doc.get("paths");
        List<String> names = new ArrayList<>(paths.propertyNames());
        for (String base : List.of("/api/operations/", "/api/finance/", "/api/dualwrite/", "/api/reconcile")) {
            assertThat(names).as(base).anyMatch(p -> p.startsWith(base));
        }
        assertThat(names).contains("/api/reconcile", "/api/dualwrite/maps", "/api/operations/contracts/{contractId}/invoices");

        JsonNode maps = paths.get("/api/dualwrite/maps").get("get");
        assertThat(parameterNames(maps)).contains("page", "size");
        JsonNode confirm = paths.get("/api/operations/invoices/{invoiceId}/confirm").get("post");
        assertThat(parameterNames(confirm)).contains("Idempotency-Key");

        // Rows only table maps create: the create, replace and delete operations are described as refused with
        // 405 TABLE_MAP_ONLY and take no body; reading stays.
        String proposal = "/api/finance/legal-entities/{dataAreaId}/invoice-proposals/{proposalId}";
        for (String[] refused : new String[][] {{proposal, "put"}, {proposal, "delete"},
                {"/api/finance/staging/actuals", "post"}, {"/api/finance/transaction-relationships", "post"},
                {"/api/finance/legal-entities/{dataAreaId}/on-account-transactions/{transactionId}", "put"}}) {
            JsonNode operation = paths.get(refused[0]).get(refused[1]);
            assertThat(operation.get("responses").propertyNames()).as(refused[0]).contains("405", "default")
                    .doesNotContain("200");
            assertThat(operation.has("requestBody")).as(refused[0]).isFalse();
            assertThat(operation.get("description").asString()).contains("405 TABLE_MAP_ONLY");
        }
        assertThat(paths.get(proposal).has("get")).isTrue();

        JsonNode reconcile = paths.get("/api/reconcile").get("get");
        assertThat(reconcile.get("responses").has("default")).as(reconcile.toString()).isTrue();
        JsonNode problem = reconcile.get("responses").get("default").get("content").get("application/problem+json");
        assertThat(problem.get("schema").get("$ref").asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(doc.get("components").get("schemas").get("Problem").get("properties").propertyNames())
                .contains("code", "title", "status", "detail", "instance");
        JsonNode report = reconcile.get("responses").get("200");
        assertThat(report.toString()).contains("ReconcileReport");
    }

    /**
     * Issue 14, finding 9: the document is valid OpenAPI for a standard validator (swagger-parser's
     * {@link OpenAPIV3Parser}), has {@code info.version}, and describes the YAML bodies of table maps as YAML text,
     * not as JSON strings.
     */
    @Test
    void isValidOpenApiForAStandardValidator() throws Exception {
        String document = get("/v3/api-docs").body();
        ParseOptions options = new ParseOptions();
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);

        assertThat(result.getMessages()).as("validation messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getInfo().getVersion()).isNotBlank();
        JsonNode paths = JSON.readTree(document).get("paths");
        for (JsonNode yamlBody : List.of(paths.get("/api/dualwrite/maps/{id}/definition").get("put"),
                paths.get("/api/dualwrite/maps/validate").get("post"))) {
            JsonNode content = yamlBody.get("requestBody").get("content");
            assertThat(content.propertyNames()).as(yamlBody.toString()).containsExactly("application/yaml", "text/yaml");
            assertThat(content.get("application/yaml").get("schema").get("type").asString()).isEqualTo("string");
        }
    }

    @Test
    void reconcileAnswersTheReportOfAConsistentInstallation() throws Exception {
        HttpResponse<String> answer = get("/api/reconcile");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(answer.body());
        assertThat(report.has("ok")).as(answer.body()).isTrue();
        assertThat(report.get("ok").asBoolean()).as(answer.body()).isTrue();
        assertThat(report.get("violations").asLong()).isZero();
        assertThat(report.get("invariants")).hasSize(9);
        JsonNode first = report.get("invariants").get(0);
        assertThat(first.get("number").asInt()).isEqualTo(1);
        assertThat(first.get("ok").asBoolean()).isTrue();
        assertThat(first.has("checked")).isTrue();
        assertThat(first.get("samples")).isEmpty();
    }

    private static List<String> parameterNames(JsonNode operation) {
        List<String> names = new ArrayList<>();
        if (operation.has("parameters")) {
            operation.get("parameters").forEach(p -> names.add(p.get("name").asString()));
        }
        return names;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(dev.tandem.server.TestAuth.request(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
