package dev.tandem.server.operations;

import static dev.tandem.server.operations.ApiClient.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.TandemApplication;
import dev.tandem.server.database.OperationsDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * How the Project Operations API refuses bad requests, on either database: domain rules keep their code and status
 * (422 {@code NEGATIVE_QUANTITY}, 404 {@code NOT_FOUND}), unreadable values are 400 {@code INVALID_INPUT} naming the
 * field, path variable or parameter, and no refusal leaves a row behind (counted through the operations database).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class)
abstract class OperationsApiErrorsContract {

    /** Every table a refused request could have written. */
    private static final List<String> TABLES = List.of("dw_outbox", "tdm_workentry", "msdyn_actual", "salesorder",
            "salesorderdetail", "msdyn_projectcontractsplitbillingrule", "account", "pricelevel");

    @LocalServerPort
    private int port;

    @Autowired
    @OperationsDatabase
    private JdbcTemplate jdbc;

    private ApiClient api;
    private ApiWorld world;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        world = ApiWorld.build(api, null);
    }

    @Test
    void negativeHoursAreRefusedWithNegativeQuantityAndWriteNothing() {
        Map<String, Integer> before = rowCounts();

        JsonNode one = api.post("/work-entries", world.time(-8)).problem(422, "NEGATIVE_QUANTITY");
        JsonNode bulk = api.post("/work-entries/bulk", List.of(world.time(4), world.time("-0.5")))
                .problem(422, "NEGATIVE_QUANTITY");

        assertThat(one.get("title").asString()).isEqualTo("Quantity must not be negative");
        assertThat(one.get("quantity").asString()).isEqualTo("-8");
        assertThat(bulk.get("detail").asString()).startsWith("entry 2:");
        assertThat(bulk.get("row").asInt()).isEqualTo(2);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void anUnknownContractIsNotFoundAndNothingIsWritten() {
        Map<String, Integer> before = rowCounts();
        UUID unknown = UUID.randomUUID();

        JsonNode read = api.get("/contracts/" + unknown).problem(404, "NOT_FOUND");
        api.post("/contracts/" + unknown + "/lines", ApiWorld.timeAndMaterialLine("Orphan", world.project(), null))
                .problem(404, "NOT_FOUND");
        api.post("/contracts/" + unknown + "/confirm").problem(404, "NOT_FOUND");
        api.get("/contracts/" + unknown + "/lines").problem(404, "NOT_FOUND");
        api.post("/work-entries/" + unknown + "/submit").problem(404, "NOT_FOUND");
        api.get("/projects/" + unknown + "/actuals").problem(404, "NOT_FOUND");

        assertThat(read.get("entity").asString()).isEqualTo("contract");
        assertThat(read.get("id").asString()).isEqualTo(unknown.toString());
        assertThat(read.get("detail").asString()).isEqualTo("Unknown contract " + unknown);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void malformedUuidsAreInvalidInputNamingTheField() {
        Map<String, Integer> before = rowCounts();
        Map<String, Object> badProject = new LinkedHashMap<>(entry());
        badProject.put("projectId", "P-001");

        api.get("/contracts/not-a-uuid").invalidInput("contractId");
        api.post("/work-entries/12345/approve").invalidInput("entryId");
        api.post("/work-entries", badProject).invalidInput("projectId");
        api.post("/backlog/actuals/ready", object("ids", List.of("7f1c"))).invalidInput("ids[0]");
        api.get("/backlog/time-and-material?contractId=nope").invalidInput("contractId");

        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void unknownOptionNamesAreInvalidInputNamingTheField() {
        Map<String, Integer> before = rowCounts();
        Map<String, Object> hourly = new LinkedHashMap<>(object("name", "Hourly", "billingMethod", "HOURLY",
                "projectId", world.project(), "includeTime", true));

        api.post("/contracts/" + world.contract() + "/lines", hourly).invalidInput("billingMethod");
        api.post("/price-lists", object("name", "Retail", "context", "RETAIL", "currency", "USD",
                "validFrom", "2026-01-01")).invalidInput("context");
        api.get("/projects/" + world.project() + "/work-entries?status=DONE").invalidInput("status");
        api.get("/backlog/milestones?readyOnly=perhaps").invalidInput("readyOnly");

        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void badDatesAreInvalidInputNamingTheField() {
        Map<String, Integer> before = rowCounts();
        Map<String, Object> usDate = new LinkedHashMap<>(entry());
        usDate.put("date", "03/02/2026");

        api.post("/work-entries", usDate).invalidInput("date");
        api.get("/backlog/time-and-material?from=2026-02-30").invalidInput("from");
        JsonNode backwards = api.get("/backlog/milestones?from=2026-03-31&to=2026-03-01").invalidInput("to");

        assertThat(backwards.get("detail").asString()).contains("to", "2026-03-31");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void missingOrMisshapenBodyValuesAreInvalidInputNamingTheField() {
        Map<String, Integer> before = rowCounts();
        Map<String, Object> noQuantity = new LinkedHashMap<>(entry());
        noQuantity.remove("quantity");
        Map<String, Object> wordyQuantity = new LinkedHashMap<>(entry());
        wordyQuantity.put("quantity", "eight");
        Map<String, Object> tooPrecise = new LinkedHashMap<>(entry());
        tooPrecise.put("quantity", "1.0000001");

        api.post("/work-entries", noQuantity).invalidInput("quantity");
        api.post("/work-entries", tooPrecise).invalidInput("quantity");
        api.post("/work-entries/bulk", List.of(entry(), wordyQuantity)).invalidInput("[1].quantity");
        api.post("/work-entries/bulk", List.of(entry(), noQuantity)).invalidInput("[1].quantity");
        api.post("/work-entries/bulk", List.of()).invalidInput("body");
        api.post("/work-entries/approve", object("ids", List.of())).invalidInput("ids");
        api.post("/work-entries", "{\"transactionClass\": \"TIME\",").invalidInput("body");
        api.post("/accounts", object("accountNumber", "C-" + "9".repeat(30), "name", "Too long"))
                .invalidInput("accountNumber");
        api.post("/work-entries/" + UUID.randomUUID() + "/reject", object("reason", " ")).invalidInput("reason");
        api.get("/projects/" + world.project() + "/actuals?page=-1").invalidInput("page");

        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void domainRefusalsWithoutAFieldAreStillProblems() {
        Map<String, Integer> before = rowCounts();

        JsonNode currency = api.post("/organizational-units", object("name", "Nowhere " + world.key(),
                "currency", "XYZ", "legalEntity", "USMF")).problem(400, "INVALID_INPUT");
        JsonNode noRole = api.post("/work-entries", object("transactionClass", "TIME", "projectId", world.project(),
                "date", ApiWorld.DAY, "quantity", 1)).problem(400, "INVALID_INPUT");

        assertThat(currency.get("detail").asString()).contains("XYZ", "ISO 4217");
        assertThat(noRole.get("detail").asString()).contains("role");
        assertThat(rowCounts()).isEqualTo(before);
    }

    /** A valid time entry body of the world, to spoil one value of. */
    private Map<String, Object> entry() {
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = (Map<String, Object>) world.time(1);
        return entry;
    }

    private Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class));
        }
        return counts;
    }
}
