package dev.tandem.server.operations;

import static dev.tandem.server.operations.ApiClient.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.TandemApplication;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The Finance API over real HTTP on 127.0.0.1 (in this package for its {@link ApiClient}): setup of a legal entity,
 * profile rules (§9, most specific wins), exchange rates with cross rates through EUR, and the refusals with their
 * codes. Subclasses supply the databases.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class)
abstract class FinanceApiContract {

    @LocalServerPort
    private int port;

    private ApiClient api;
    private String le;

    @BeforeEach
    void legalEntity() {
        api = ApiClient.of(port, "/api/finance");
        le = "L" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var created = api.post("/legal-entities", object("dataAreaId", le, "name", "Contoso", "accountingCurrency", "USD",
                "roundingAccount", "999999"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.post("/legal-entities/" + le + "/periods", object("firstMonth", "2025-01-01", "months", 24))
                .status()).isEqualTo(201);
        for (String[] a : new String[][] {{"600100", "Cost", "EXPENSE"}, {"600900", "Payroll allocation", "EXPENSE"},
                {"401000", "Revenue", "REVENUE"}, {"110000", "Customers", "ASSET"}, {"220000", "Tax", "LIABILITY"},
                {"999999", "Rounding", "EXPENSE"}}) {
            created(api.post("/legal-entities/" + le + "/main-accounts", object("mainAccountId", a[0], "name", a[1],
                    "accountType", a[2])));
        }
    }

    /** Finance creates answer 201 with a Location and no body. */
    private static void created(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.headers().firstValue("Location")).isPresent();
    }

    @Test
    void setupAndTheMostSpecificProfileRule() {
        created(api.post("/legal-entities/" + le + "/customers", object("accountNum", "C-001", "name", "Fabrikam", "group", "10",
                "paymentTermDays", 30, "currency", "USD")));
        created(api.post("/legal-entities/" + le + "/project-groups", object("projectGroupId", "TM", "name", "T&M")));
        created(api.post("/legal-entities/" + le + "/projects", object("projectId", "P-001", "name", "ERP", "projectGroupId", "TM",
                "contractId", "PC-001", "customerAccount", "C-001")));
        for (String profile : List.of("GROUP", "PROJ")) {
            created(api.post("/legal-entities/" + le + "/profiles", object("profileId", profile, "name", profile, "accrueRevenue",
                    false, "costAccount", "600100", "costOffsetAccount", "600900", "invoicedRevenueAccount", "401000",
                    "customerBalanceAccount", "110000", "salesTaxPayableAccount", "220000")));
        }
        created(api.post("/legal-entities/" + le + "/profile-rules", object("level", "PROJECT_GROUP", "key", "TM",
                "profileId", "GROUP")));
        assertThat(api.get("/legal-entities/" + le + "/projects/P-001/profile").ok().get("profileId").asString())
                .isEqualTo("GROUP");
        created(api.post("/legal-entities/" + le + "/profile-rules", object("level", "PROJECT", "key", "P-001",
                "profileId", "PROJ")));
        assertThat(api.get("/legal-entities/" + le + "/projects/P-001/profile").ok().get("profileId").asString())
                .isEqualTo("PROJ");
        assertThat(api.get("/legal-entities/" + le + "/trial-balance").ok().get("total").asString()).isEqualTo("0.00");
    }

    @Test
    void exchangeRatesAndTheirRefusals() {
        api.post("/exchange-rates", object("rateType", "ECB", "from", "EUR", "to", "USD", "validFrom", "2025-05-09",
                "rate", "1.1252")).noContent();
        api.post("/exchange-rates", object("rateType", "ECB", "from", "EUR", "to", "GBP", "validFrom", "2025-05-09",
                "rate", "0.84825")).noContent();

        assertThat(api.get("/exchange-rates?rateType=ECB&from=EUR&to=USD&date=2025-05-10").ok().get("rate").asString())
                .isEqualTo("1.1252000000");
        assertThat(api.get("/exchange-rates?rateType=ECB&from=GBP&to=USD&date=2025-05-09").ok().get("rate").asString())
                .isEqualTo(new java.math.BigDecimal("1.1252").divide(new java.math.BigDecimal("0.84825"), 10,
                        java.math.RoundingMode.HALF_UP).toPlainString());
        JsonNode missing = api.get("/exchange-rates?rateType=ECB&from=EUR&to=USD&date=2025-05-08")
                .problem(422, "EXCHANGE_RATE_NOT_FOUND");
        assertThat(missing.get("detail").asString()).contains("2025-05-08");
    }

    @Test
    void closingAPeriodAndRefusals() {
        api.put("/legal-entities/" + le + "/periods/2026-03-01/status", object("status", "CLOSED")).noContent();
        api.post("/legal-entities", object("dataAreaId", le, "name", "Again", "accountingCurrency", "USD"))
                .problem(409, "DUPLICATE");
        api.post("/legal-entities/" + le + "/customers", object("accountNum", "C-9", "name", "X", "group", "10",
                "paymentTermDays", 30, "currency", "ZZZ")).problem(400, "INVALID_INPUT");
        api.get("/legal-entities/" + le + "/projects/NOPE/profile").problem(422, "PROJECT_NOT_FOUND");
        api.get("/legal-entities/" + le + "/vouchers/GJ-1").problem(404, "NOT_FOUND");
    }
}
