package dev.tandem.server.operations;

import static dev.tandem.server.operations.ApiClient.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.TandemApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * profile rules (§9, most specific wins), exchange rates with cross rates through EUR, rate types and the import of
 * the ECB reference rates file, sales tax setup and calculation (§3.8), and the refusals with their codes. Subclasses
 * supply the databases.
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

    /** Issue 14, finding 5: a key with a space answered 500 after the commit; its Location is now encoded. */
    @Test
    void aKeyThatIsNoUriSegmentGetsAnEncodedLocation() {
        ApiClient.Reply reply = api.post("/legal-entities/" + le + "/customers", object("accountNum", "C 100%",
                "name", "Spaced", "group", "10", "paymentTermDays", 30, "currency", "USD"));

        created(reply);
        assertThat(reply.headers().firstValue("Location")).hasValue("/api/finance/legal-entities/" + le
                + "/customers/C%20100%25");
        api.post("/legal-entities/" + le + "/customers", object("accountNum", "C 100%", "name", "Again", "group", "10",
                "paymentTermDays", 30, "currency", "USD")).problem(409, "DUPLICATE");
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

    /** The ECB file of 2025-04-01 to 2025-05-09 (26 business days), as the finance module's tests use it. */
    private static final Path ECB_FILE = Path.of("../finance/src/test/resources/ecb/eurofxref-hist-2025q2.csv");

    @Test
    void rateTypesAreCreatedAndListed() {
        String type = "BANK-" + le;
        created(api.post("/exchange-rate-types", object("rateType", type, "description", "Our bank's rates")));

        JsonNode page = api.get("/exchange-rate-types?size=500").ok();
        List<String> names = new ArrayList<>();
        page.get("items").forEach(t -> names.add(t.get("rateType").asString()));
        assertThat(names).contains("ECB", type);
        assertThat(page.get("total").asLong()).isEqualTo(names.size());

        api.post("/exchange-rate-types", object("rateType", type, "description", "Again")).problem(409, "DUPLICATE");
        api.post("/exchange-rate-types", object("rateType", "X".repeat(21), "description", "Too long"))
                .problem(400, "INVALID_INPUT");
        api.post("/exchange-rate-types", object("rateType", type)).invalidInput("description");
    }

    @Test
    void theEcbFileImportedOverHttpGivesTheRateOfTheDay() throws IOException {
        // A rate type of this test's own, so the rates it imports don't answer the other tests' lookups.
        String type = "ECB-" + le;
        created(api.post("/exchange-rate-types", object("rateType", type, "description", "ECB reference rates, test")));
        byte[] file = Files.readAllBytes(ECB_FILE);

        JsonNode imported = api.post("/exchange-rates/ecb?rateType=" + type, "text/csv", file).ok();

        assertThat(imported.get("rateType").asString()).isEqualTo(type);
        assertThat(imported.get("dates").asInt()).isEqualTo(26);
        assertThat(imported.get("rates").asLong()).isEqualTo(780);
        assertThat(imported.get("changed").asLong()).isEqualTo(780);
        assertThat(imported.get("skipped").asLong()).isEqualTo(286);
        assertThat(imported.get("firstDate").asString()).isEqualTo("2025-04-01");
        assertThat(imported.get("lastDate").asString()).isEqualTo("2025-05-09");
        assertThat(rate(type, "EUR", "USD", "2025-05-09")).isEqualByComparingTo("1.1252");
        // Saturday takes Friday's rate; GBP → USD is the cross rate through EUR, 1.1252 / 0.8477.
        assertThat(rate(type, "EUR", "USD", "2025-05-10")).isEqualByComparingTo("1.1252");
        assertThat(rate(type, "GBP", "USD", "2025-05-09")).isEqualByComparingTo("1.3273563761");
        api.get("/exchange-rates?rateType=" + type + "&from=EUR&to=USD&date=2025-03-31")
                .problem(422, "EXCHANGE_RATE_NOT_FOUND");

        // The same file again, as a form upload: nothing changes.
        JsonNode again = api.post("/exchange-rates/ecb?rateType=" + type, "multipart/form-data; boundary=" + BOUNDARY,
                multipart("eurofxref-hist.csv", file)).ok();
        assertThat(again.get("rates").asLong()).isEqualTo(780);
        assertThat(again.get("changed").asLong()).isZero();
        assertThat(rate(type, "EUR", "USD", "2025-05-09")).isEqualByComparingTo("1.1252");

        // An upload above Spring's 1 MB default (the full ECB history is about 2 MB): empty lines are skipped.
        byte[] padded = new byte[file.length + 1_200_000];
        System.arraycopy(file, 0, padded, 0, file.length);
        Arrays.fill(padded, file.length, padded.length, (byte) '\n');
        JsonNode large = api.post("/exchange-rates/ecb?rateType=" + type, "multipart/form-data; boundary=" + BOUNDARY,
                multipart("eurofxref-hist.csv", padded)).ok();
        assertThat(large.get("dates").asInt()).isEqualTo(26);
    }

    @Test
    void theEcbImportNarrowedToCurrenciesAndDatesKeepsTheirRatesAndTheLastOneBefore() throws IOException {
        String type = "ECB-" + le;
        created(api.post("/exchange-rate-types", object("rateType", type, "description", "ECB reference rates, test")));
        byte[] file = Files.readAllBytes(ECB_FILE);

        // Saturday 19 April to Wednesday 23 April 2025: Easter Monday has no rate; Thursday 17 April's is the last
        // before the range; the ECB published on 22 and 23 April.
        JsonNode imported = api.post("/exchange-rates/ecb?rateType=" + type + "&currency=USD&currency=GBP"
                + "&from=2025-04-19&to=2025-04-23", "text/csv", file).ok();

        assertThat(imported.get("dates").asInt()).isEqualTo(26);
        assertThat(imported.get("rates").asLong()).isEqualTo(6); // 17, 22 and 23 April, of USD and GBP
        assertThat(imported.get("changed").asLong()).isEqualTo(6);
        assertThat(imported.get("outside").asLong()).isEqualTo(780 - 6);
        assertThat(rate(type, "EUR", "USD", "2025-04-19")).isEqualByComparingTo("1.136");
        assertThat(rate(type, "EUR", "GBP", "2025-04-21")).isEqualByComparingTo("0.85873");
        api.get("/exchange-rates?rateType=" + type + "&from=EUR&to=JPY&date=2025-04-22")
                .problem(422, "EXCHANGE_RATE_NOT_FOUND");
        api.get("/exchange-rates?rateType=" + type + "&from=EUR&to=USD&date=2025-04-16")
                .problem(422, "EXCHANGE_RATE_NOT_FOUND");

        JsonNode problem = api.post("/exchange-rates/ecb?rateType=" + type + "&currency=XAU", "text/csv", file)
                .problem(400, "INVALID_INPUT");
        assertThat(problem.get("detail").asString()).contains("XAU");
        api.post("/exchange-rates/ecb?rateType=" + type + "&from=2025-04-23&to=2025-04-19", "text/csv", file)
                .problem(400, "INVALID_INPUT");
    }

    @Test
    void aBadEcbFileIsRefusedNamingLineAndColumnAndWritesNothing() {
        String type = "ECB-" + le;
        created(api.post("/exchange-rate-types", object("rateType", type, "description", "ECB reference rates, test")));
        byte[] bad = "Date,USD,GBP,\n2025-05-09,1.1252,0.8477,\n2025-05-08,1.1214,0.84.76,\n"
                .getBytes(StandardCharsets.US_ASCII);

        JsonNode problem = api.post("/exchange-rates/ecb?rateType=" + type, "text/csv", bad).problem(400, "INVALID_INPUT");

        assertThat(problem.get("detail").asString()).contains("line 3", "GBP", "0.84.76");
        assertThat(problem.get("line").asInt()).isEqualTo(3);
        assertThat(problem.get("column").asString()).isEqualTo("GBP");
        // One transaction: line 2 was read and sent before line 3 was refused, and is not there either.
        api.get("/exchange-rates?rateType=" + type + "&from=EUR&to=USD&date=2025-05-09")
                .problem(422, "EXCHANGE_RATE_NOT_FOUND");
        api.post("/exchange-rates/ecb?rateType=NOPE-" + le, "text/csv", bad).problem(404, "NOT_FOUND");
        assertThat(api.post("/exchange-rates/ecb", "application/pdf", bad).status()).isEqualTo(415);
    }

    @Test
    void salesTaxIsTheSumOfEachCodesRoundedTax() {
        String base = "/legal-entities/" + le;
        created(api.post(base + "/sales-tax-codes", object("taxCode", "VAT", "name", "Value added tax", "values",
                List.of(object("validFrom", "2025-01-01", "validTo", "2025-12-31", "ratePercent", "19")))));
        api.post(base + "/sales-tax-codes/VAT/values", object("validFrom", "2026-01-01", "ratePercent", 20)).noContent();
        created(api.post(base + "/sales-tax-codes", object("taxCode", "CITY", "name", "City tax", "roundingMode", "UP",
                "roundingPrecision", "0.05", "values", List.of(object("validFrom", "2024-01-01", "ratePercent", "2.5")))));
        created(api.post(base + "/sales-tax-groups", object("taxGroup", "STD", "name", "Standard", "taxCodes",
                List.of("VAT", "CITY"))));
        created(api.post(base + "/item-sales-tax-groups", object("taxGroup", "SERVICES", "name", "Services",
                "taxCodes", List.of("VAT", "CITY"))));
        created(api.post(base + "/item-sales-tax-groups", object("taxGroup", "BOOKS", "name", "Books",
                "taxCodes", List.of("CITY"))));

        // 100.01 × 2.5 % = 2.50025 → up to 0.05: 2.55; × 19 % = 19.0019 → 19.00.
        JsonNode tax = api.get(base + "/sales-tax?taxGroup=STD&itemTaxGroup=SERVICES&amount=100.01&currency=USD"
                + "&date=2025-06-30").ok();
        assertThat(tax.get("taxAmount").asString()).isEqualTo("21.55");
        assertThat(tax.get("amount").asString()).isEqualTo("100.01");
        assertThat(tax.get("codes")).hasSize(2);
        assertThat(tax.get("codes").get(0).get("taxCode").asString()).isEqualTo("CITY");
        assertThat(tax.get("codes").get(0).get("taxAmount").asString()).isEqualTo("2.55");
        assertThat(tax.get("codes").get(1).get("taxCode").asString()).isEqualTo("VAT");
        assertThat(tax.get("codes").get(1).get("ratePercent").asString()).isEqualTo("19.00");
        assertThat(tax.get("codes").get(1).get("taxAmount").asString()).isEqualTo("19.00");
        // The rate of the date: 20 % from 2026 (20.002 → 20.00).
        assertThat(api.get(base + "/sales-tax?taxGroup=STD&itemTaxGroup=SERVICES&amount=100.01&currency=USD"
                + "&date=2026-01-01").ok().get("taxAmount").asString()).isEqualTo("22.55");
        // Only the codes in both groups.
        assertThat(api.get(base + "/sales-tax?taxGroup=STD&itemTaxGroup=BOOKS&amount=100.01&currency=USD"
                + "&date=2025-06-30").ok().get("taxAmount").asString()).isEqualTo("2.55");
        JsonNode none = api.get(base + "/sales-tax?taxGroup=STD&amount=100.01&currency=USD&date=2025-06-30").ok();
        assertThat(none.get("taxAmount").asString()).isEqualTo("0.00");
        assertThat(none.get("codes")).isEmpty();

        JsonNode noRate = api.get(base + "/sales-tax?taxGroup=STD&itemTaxGroup=SERVICES&amount=100.00&currency=USD"
                + "&date=2024-12-31").problem(422, "TAX_VALUE_NOT_FOUND");
        assertThat(noRate.get("taxCode").asString()).isEqualTo("VAT");
        api.get(base + "/sales-tax?taxGroup=STD&itemTaxGroup=SERVICES&amount=100.001&currency=USD&date=2025-06-30")
                .problem(400, "INVALID_INPUT");
        api.get(base + "/sales-tax?taxGroup=NOPE&itemTaxGroup=SERVICES&amount=1.00&currency=USD&date=2025-06-30")
                .problem(404, "NOT_FOUND");
        api.get(base + "/sales-tax?taxGroup=STD&itemTaxGroup=SERVICES&amount=ten&currency=USD&date=2025-06-30")
                .invalidInput("amount");
    }

    @Test
    void salesTaxSetupRefusals() {
        String base = "/legal-entities/" + le;
        created(api.post(base + "/sales-tax-codes", object("taxCode", "VAT", "name", "VAT", "values",
                List.of(object("validFrom", "2025-01-01", "ratePercent", "19")))));
        created(api.post(base + "/sales-tax-groups", object("taxGroup", "STD", "name", "Standard", "taxCodes",
                List.of("VAT"))));

        api.post(base + "/sales-tax-codes", object("taxCode", "VAT", "name", "Again", "values",
                List.of(object("validFrom", "2025-01-01", "ratePercent", "19")))).problem(409, "DUPLICATE");
        api.post(base + "/sales-tax-codes/VAT/values", object("validFrom", "2025-06-01", "ratePercent", "20"))
                .problem(400, "INVALID_INPUT");
        api.post(base + "/sales-tax-codes", object("taxCode", "ODD", "name", "Odd rounding", "roundingPrecision",
                "0.03", "values", List.of(object("validFrom", "2025-01-01", "ratePercent", "5"))))
                .problem(400, "INVALID_INPUT");
        api.post(base + "/sales-tax-codes", object("taxCode", "ODD", "name", "No rates", "values", List.of()))
                .invalidInput("values");
        api.post(base + "/sales-tax-codes", object("taxCode", "ODD", "name", "Mode", "roundingMode", "SIDEWAYS",
                "values", List.of(object("validFrom", "2025-01-01", "ratePercent", "5")))).invalidInput("roundingMode");
        api.post(base + "/sales-tax-groups", object("taxGroup", "X", "name", "Unknown code", "taxCodes",
                List.of("NOPE"))).problem(404, "NOT_FOUND");
        api.put(base + "/contracts/PC-001/sales-tax-group", object("taxGroup", "STD")).noContent();
        api.put(base + "/contracts/PC-001/sales-tax-group", object("taxGroup", null)).noContent();
        api.put(base + "/contracts/PC-001/sales-tax-group", object("taxGroup", "NOPE")).problem(404, "NOT_FOUND");
        api.post("/legal-entities/NOPE/sales-tax-groups", object("taxGroup", "STD", "name", "Standard", "taxCodes",
                List.of("VAT"))).problem(404, "NOT_FOUND");
    }

    private BigDecimal rate(String type, String from, String to, String date) {
        return new BigDecimal(api.get("/exchange-rates?rateType=" + type + "&from=" + from + "&to=" + to + "&date="
                + date).ok().get("rate").asString());
    }

    private static final String BOUNDARY = "tandem-test-boundary";

    /** A multipart/form-data body with the part {@code file}. */
    private static byte[] multipart(String filename, byte[] content) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(content);
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }
}
