package dev.tandem.server.operations;

import static dev.tandem.server.operations.ApiClient.object;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * The specification's worked example (§6), set up through the API only: a USD contracting unit whose cost price for
 * a Developer is 100/h, a contract whose sales price is 200/h, and a Time and Material line on one project. Names and
 * numbers carry a key unique in the JVM, so tests sharing a server never collide.
 *
 * @param key       the unique part of this world's names
 * @param unit      contracting and resourcing unit (USD)
 * @param customer  the contract's customer account
 * @param project   the project the line bills
 * @param developer the role
 * @param resource  a resource whose default role is {@code developer}
 * @param costList  cost price list of the unit, 100/h
 * @param salesList the contract's sales price list, 200/h
 * @param contract  the draft contract
 * @param line      its Time and Material line (time, expense, material, fee)
 */
record ApiWorld(String key, UUID unit, UUID customer, UUID project, UUID developer, UUID resource, UUID costList,
                UUID salesList, UUID contract, UUID line) {

    /** The day the time is worked, inside both price lists' periods. */
    static final String DAY = "2026-03-02";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** Builds a world whose contract line has the not-to-exceed limit {@code lineNteLimit} ({@code null}: none). */
    static ApiWorld build(ApiClient api, String lineNteLimit) {
        return build(api, lineNteLimit, newKey(), null);
    }

    /** A key unique in the JVM, for {@link #build(ApiClient, String, String, UUID)}. */
    static String newKey() {
        return Long.toString(System.nanoTime() % 1_000_000, 36) + SEQUENCE.incrementAndGet();
    }

    /**
     * Builds a world named after {@code key} (customer {@code C-<key>}, project {@code P-<key>}, contract
     * {@code PC-<key>}) whose contract is for {@code customer}, an account that exists already (e.g. synced from
     * Finance), or for a new account {@code C-<key>} when {@code null}.
     */
    static ApiWorld build(ApiClient api, String lineNteLimit, String key, UUID existingCustomer) {
        UUID unit = api.post("/organizational-units", object("name", "Contoso US " + key, "currency", "USD",
                "legalEntity", "USMF")).created();
        UUID customer = existingCustomer != null ? existingCustomer : api.post("/accounts", object("accountNumber",
                "C-" + key, "name", "Fabrikam " + key)).created();
        UUID project = api.post("/projects", object("projectNumber", "P-" + key, "name", "ERP rollout",
                "contractingUnitId", unit, "customerId", customer)).created();
        UUID developer = api.post("/roles", object("name", "Developer " + key)).created();
        UUID resource = api.post("/resources", object("name", "Ana Silva " + key, "resourcingUnitId", unit,
                "roleIds", List.of(developer))).created();
        UUID costList = api.post("/price-lists", object("name", "Cost " + key, "context", "COST", "currency", "USD",
                "validFrom", "2026-01-01")).created();
        api.put("/price-lists/" + costList + "/role-prices/" + developer, object("price", 100)).noContent();
        api.post("/organizational-units/" + unit + "/cost-price-lists", object("priceListId", costList)).noContent();
        UUID salesList = api.post("/price-lists", object("name", "Sales " + key, "context", "SALES", "currency", "USD",
                "validFrom", "2026-01-01", "validTo", "2026-12-31")).created();
        api.put("/price-lists/" + salesList + "/role-prices/" + developer, object("price", "200.00")).noContent();
        UUID contract = api.post("/contracts", object("contractNumber", "PC-" + key, "name", "ERP rollout T&M",
                "customerId", customer, "contractingUnitId", unit, "currency", "USD", "salesPriceListId", salesList))
                .created();
        UUID line = api.post("/contracts/" + contract + "/lines", timeAndMaterialLine("Development", project,
                lineNteLimit)).created();
        return new ApiWorld(key, unit, customer, project, developer, resource, costList, salesList, contract, line);
    }

    static Object timeAndMaterialLine(String name, UUID project, String nteLimit) {
        return object("name", name, "billingMethod", "TIME_AND_MATERIAL", "projectId", project, "includeTime", true,
                "includeExpense", true, "includeMaterial", true, "includeFee", true, "nteLimit", nteLimit);
    }

    /** A time entry of {@code hours} for the resource (its default role prices it) on {@link #DAY}. */
    Object time(Object hours) {
        return object("transactionClass", "TIME", "projectId", project, "resourceId", resource, "date", DAY,
                "quantity", hours, "description", "Build");
    }

    /** Creates, submits and approves a time entry; answers its id. */
    UUID approvedTime(ApiClient api, Object hours) {
        UUID entry = api.post("/work-entries", time(hours)).created();
        api.post("/work-entries/" + entry + "/submit").ok();
        api.post("/work-entries/" + entry + "/approve").ok();
        return entry;
    }

    /**
     * Approves a time entry of {@code hours} and marks its Unbilled Sales actual Ready to invoice (§5 step 7);
     * answers the actual's id.
     */
    UUID readyTime(ApiClient api, Object hours) {
        String entry = approvedTime(api, hours).toString();
        JsonNode unbilled = StreamSupport.stream(api.get("/projects/" + project + "/actuals?size=500").ok().get("items")
                        .spliterator(), false)
                .filter(a -> a.get("sourceDocumentId").asString().equals(entry)
                        && a.get("transactionType").get("name").asString().equals("UNBILLED_SALES"))
                .findFirst().orElseThrow(() -> new AssertionError("no unbilled sales actual for entry " + entry));
        api.post("/backlog/actuals/ready", object("ids", List.of(unbilled.get("id").asString()))).noContent();
        return UUID.fromString(unbilled.get("id").asString());
    }
}
