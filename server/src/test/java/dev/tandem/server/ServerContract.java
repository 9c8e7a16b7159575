package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.common.Page;
import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsError;
import dev.tandem.server.api.PageRequest;
import dev.tandem.server.database.FinanceDatabase;
import dev.tandem.server.database.OperationsDatabase;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the running server must do on either database: start, migrate both schemas into their own databases,
 * answer health, and render errors as problem+json. Subclasses supply the two databases.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        classes = {TandemApplication.class, ServerContract.ProbeController.class})
abstract class ServerContract {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Autowired
    @OperationsDatabase
    private JdbcTemplate operations;

    @Autowired
    @FinanceDatabase
    private JdbcTemplate finance;

    @Autowired
    @OperationsDatabase
    private TransactionTemplate operationsTransaction;

    @Autowired
    @FinanceDatabase
    private TransactionTemplate financeTransaction;

    /** Endpoints that exist only in tests, to provoke each kind of error. */
    @RestController
    @RequestMapping("/api/probe")
    static class ProbeController {

        record Payment(@NotBlank String reference, @NotNull @Positive BigDecimal amount, java.time.LocalDate due) {
        }

        @GetMapping("/refusal")
        String refusal() {
            throw new TandemException(OperationsError.ACTUAL_INVOICED,
                    "Actual 7f1c is already on invoice INV-00042.",
                    Map.of("invoiceNumber", "INV-00042", "limit", new BigDecimal("1500.00")));
        }

        @GetMapping("/failure")
        String failure() {
            throw new IllegalStateException("connection string jdbc:secret://internal-host");
        }

        @PostMapping("/payments")
        Payment payment(@Valid @RequestBody Payment payment) {
            return payment;
        }

        @GetMapping("/numbers")
        Page<Integer> numbers(PageRequest page) {
            int total = 120;
            List<Integer> items = IntStream.range(0, total).skip(page.offset()).limit(page.size()).boxed().toList();
            return page.toPage(items, total);
        }
    }

    @Test
    void migratesEachAppSchemaIntoItsOwnDatabase() {
        assertThat(tables(operations)).contains("dw_outbox", "msdyn_actual").doesNotContain("projcdsactualsimport");
        assertThat(tables(finance)).contains("dw_outbox", "projcdsactualsimport").doesNotContain("msdyn_actual");
    }

    @Test
    void offersOnlyTheTwoAppDatabasesAndAUtcClock() {
        assertThat(context.getBeansOfType(DataSource.class).keySet())
                .containsExactlyInAnyOrder("operationsDataSource", "financeDataSource");
        assertThat(context.getBeansOfType(JdbcTemplate.class).keySet())
                .containsExactlyInAnyOrder("operationsJdbcTemplate", "financeJdbcTemplate");
        assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
        // Platform threads (issue 14, finding 1): see application.properties.
        assertThat(context.getEnvironment().getProperty("spring.threads.virtual.enabled")).isEqualTo("false");
    }

    @Test
    void eachTransactionTemplateRollsBackItsOwnDatabase() {
        operationsTransaction.executeWithoutResult(status -> {
            insertOutboxRow(operations);
            status.setRollbackOnly();
        });
        financeTransaction.executeWithoutResult(status -> {
            insertOutboxRow(finance);
            status.setRollbackOnly();
        });
        financeTransaction.executeWithoutResult(status -> insertOutboxRow(finance));

        assertThat(operations.queryForObject("SELECT COUNT(*) FROM dw_outbox", Integer.class)).isZero();
        assertThat(finance.queryForObject("SELECT COUNT(*) FROM dw_outbox", Integer.class)).isOne();
        finance.update("DELETE FROM dw_outbox");
    }

    @Test
    void healthIsUpWhenBothDatabasesAnswer() throws Exception {
        HttpResponse<String> response = get("/api/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\",\"operations\":\"UP\",\"finance\":\"UP\"}");
    }

    @Test
    void refusalRendersAsProblemJsonWithCodeAndProperties() throws Exception {
        HttpResponse<String> response = get("/api/probe/refusal");

        assertThat(response.statusCode()).isEqualTo(409);
        assertProblemJson(response);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("code").asString()).isEqualTo("ACTUAL_INVOICED");
        assertThat(problem.get("title").asString()).isEqualTo(OperationsError.ACTUAL_INVOICED.title());
        assertThat(problem.get("detail").asString()).isEqualTo("Actual 7f1c is already on invoice INV-00042.");
        assertThat(problem.get("invoiceNumber").asString()).isEqualTo("INV-00042");
        assertThat(problem.get("limit").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/probe/refusal");
        assertNoInternals(response);
    }

    @Test
    void unexpectedErrorIs500WithAGenericDetail() throws Exception {
        HttpResponse<String> response = get("/api/probe/failure");

        assertThat(response.statusCode()).isEqualTo(500);
        assertProblemJson(response);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("INTERNAL");
        assertThat(problem.get("detail").asString()).contains("has been logged");
        assertThat(response.body()).doesNotContain("secret", "internal-host", "IllegalStateException");
        assertNoInternals(response);
    }

    @Test
    void malformedJsonIsInvalidInput() throws Exception {
        HttpResponse<String> response = post("/api/probe/payments", "{\"reference\": \"R-1\", ");

        assertInvalidInput(response, "body");
    }

    @Test
    void valueOfTheWrongTypeIsInvalidInputNamingTheField() throws Exception {
        HttpResponse<String> response = post("/api/probe/payments", "{\"reference\": \"R-1\", \"amount\": \"lots\"}");

        assertInvalidInput(response, "amount");
    }

    @Test
    void brokenValidationRuleIsInvalidInputNamingTheField() throws Exception {
        HttpResponse<String> response = post("/api/probe/payments", "{\"reference\": \" \", \"amount\": 10.50}");

        JsonNode problem = assertInvalidInput(response, "reference");
        assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).startsWith("reference: ");
    }

    @Test
    void validBodyIsAccepted() throws Exception {
        HttpResponse<String> response = post("/api/probe/payments", "{\"reference\": \"R-1\", \"amount\": 10.50}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("amount").decimalValue()).isEqualByComparingTo("10.50");
    }

    // Issue 14, findings 6 and 7: strict JSON, limits and errors outside the controllers.

    @Test
    void unknownMemberIsInvalidInputNamingIt() throws Exception {
        assertInvalidInput(post("/api/probe/payments", "{\"reference\": \"R-1\", \"amount\": 1, \"amout\": 2}"),
                "amout");
    }

    @Test
    void duplicateMemberIsInvalidInput() throws Exception {
        HttpResponse<String> response = post("/api/probe/payments",
                "{\"reference\": \"R-1\", \"amount\": 1, \"amount\": 1000000}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblemJson(response);
        assertThat(response.body()).contains("INVALID_INPUT", "amount");
    }

    @Test
    void dateTimeOrNumberWhereADateBelongsIsInvalidInput() throws Exception {
        for (String due : new String[] {"\"2025-01-15T10:00:00\"", "20250115", "\"2025-02-30\"", "\"0000-01-01\""}) {
            assertInvalidInput(post("/api/probe/payments",
                    "{\"reference\": \"R-1\", \"amount\": 1, \"due\": " + due + "}"), "due");
        }
    }

    @Test
    void numberWhereTextBelongsAndControlCharactersAreInvalidInput() throws Exception {
        assertInvalidInput(post("/api/probe/payments", "{\"reference\": 42, \"amount\": 1}"), "reference");
        assertInvalidInput(post("/api/probe/payments", "{\"reference\": \"R\\u0000-1\", \"amount\": 1}"),
                "reference");
    }

    @Test
    void bodyAboveTheJsonLimitIs413BeforeItIsRead() throws Exception {
        String huge = "{\"reference\": \"" + "x".repeat((int) dev.tandem.server.api.RequestLimits.JSON_BYTES)
                + "\", \"amount\": 1}";
        HttpResponse<String> response;
        try {
            response = HTTP.send(dev.tandem.server.TestAuth.request(uri("/api/probe/payments"))
                    .header("Content-Type", "application/json").expectContinue(true)
                    .POST(HttpRequest.BodyPublishers.ofString(huge)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("no answer to an oversized body", e);
        }

        assertThat(response.statusCode()).isEqualTo(413);
        assertProblemJson(response);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("REQUEST_TOO_LARGE");
    }

    @Test
    void pathTomcatRefusesIsAProblemNotHtml() throws Exception {
        HttpResponse<String> response = get("/api/probe/%00");

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblemJson(response);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("INVALID_INPUT");
    }

    @Test
    void wrongMethodAndMediaTypeAreProblems() throws Exception {
        HttpResponse<String> method = HTTP.send(dev.tandem.server.TestAuth.request(uri("/api/probe/payments")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(method.statusCode()).isEqualTo(405);
        assertProblemJson(method);
        HttpResponse<String> media = HTTP.send(dev.tandem.server.TestAuth.request(uri("/api/probe/payments"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(media.statusCode()).isEqualTo(415);
        assertProblemJson(media);
    }

    @Test
    void listsArePagedWithDefaults() throws Exception {
        JsonNode page = JSON.readTree(get("/api/probe/numbers").body());

        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(PageRequest.DEFAULT_SIZE);
        assertThat(page.get("total").asLong()).isEqualTo(120);
        assertThat(page.get("items")).hasSize(50);
        assertThat(page.get("items").get(0).asInt()).isZero();
    }

    @Test
    void aLaterPageStartsAtItsOffset() throws Exception {
        JsonNode page = JSON.readTree(get("/api/probe/numbers?page=2&size=25").body());

        assertThat(page.get("page").asInt()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(25);
        assertThat(page.get("items").get(0).asInt()).isEqualTo(50);
    }

    @Test
    void pageSizeIsCappedNotRefused() throws Exception {
        JsonNode page = JSON.readTree(get("/api/probe/numbers?size=100000").body());

        assertThat(page.get("size").asInt()).isEqualTo(Page.MAX_SIZE);
        assertThat(page.get("items")).hasSize(120);
    }

    @Test
    void negativePageIsInvalidInput() throws Exception {
        assertInvalidInput(get("/api/probe/numbers?page=-1"), "page");
    }

    @Test
    void sizeThatIsNotANumberIsInvalidInput() throws Exception {
        assertInvalidInput(get("/api/probe/numbers?size=ten"), "size");
    }

    @Test
    void unknownPathIsANotFoundProblem() throws Exception {
        HttpResponse<String> response = get("/api/no-such-thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertProblemJson(response);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("NOT_FOUND");
    }

    private JsonNode assertInvalidInput(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertProblemJson(response);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("INVALID_INPUT");
        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).contains(field);
        assertNoInternals(response);
        return problem;
    }

    private static void assertProblemJson(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    /** No stack trace, exception class or parser internals in what the client sees. */
    private static void assertNoInternals(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("\tat ", "Exception", "trace", "java.", "tools.jackson");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(dev.tandem.server.TestAuth.request(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(dev.tandem.server.TestAuth.request(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT LOWER(table_name) FROM information_schema.tables", String.class);
    }

    private static void insertOutboxRow(JdbcTemplate jdbc) {
        jdbc.update("INSERT INTO dw_outbox (batch_id, entity, integration_key, operation, payload, recorded_at) "
                        + "VALUES (?, 'probe', 'k', 'INSERT', '{}', CURRENT_TIMESTAMP)", UUID.randomUUID());
    }
}
