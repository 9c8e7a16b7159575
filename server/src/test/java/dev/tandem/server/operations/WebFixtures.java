package dev.tandem.server.operations;

import static dev.tandem.server.operations.ApiClient.object;

import java.util.List;
import java.util.UUID;

/**
 * The worlds of the web UI's journeys (dev.tandem.server.web), built through the API as {@link ApiWorld} builds them,
 * for tests outside this package.
 */
public final class WebFixtures {

    private WebFixtures() {
    }

    /**
     * A confirmed contract of the specification's worked example (§6: 200 USD/h, no tax) with approved time entries
     * of {@code hours} each on {@link ApiWorld#DAY}; their unbilled sales actuals are in the backlog, not Ready.
     *
     * @param contractNumber the contract's number ({@code PC-<key>}), to pick it on a page
     * @param projectNumber  the project's number ({@code P-<key>})
     * @param resourceName   the resource whose time it is
     */
    public record Contract(UUID contractId, String contractNumber, UUID projectId, String projectNumber,
                           String resourceName, String day) {
    }

    /**
     * A confirmed contract (as {@link #confirmedContractWithApprovedTime}) whose time entries of {@code hours} are
     * submitted, not yet approved; answers the world and the entries' ids.
     */
    public record Submitted(Contract contract, List<UUID> entryIds) {
    }

    public static Submitted confirmedContractWithSubmittedTime(int port, List<Integer> hours) {
        ApiClient api = new ApiClient(port);
        ApiWorld world = ApiWorld.build(api, null);
        api.post("/contracts/" + world.contract() + "/confirm").ok();
        List<UUID> ids = new java.util.ArrayList<>();
        for (int h : hours) {
            UUID entry = api.post("/work-entries", world.time(h)).created();
            api.post("/work-entries/" + entry + "/submit").ok();
            ids.add(entry);
        }
        return new Submitted(new Contract(world.contract(), "PC-" + world.key(), world.project(), "P-" + world.key(),
                "Ana Silva " + world.key(), ApiWorld.DAY), ids);
    }

    /** A work entry's status name as the API answers it ({@code SUBMITTED}, {@code APPROVED}, …). */
    public static String entryStatus(int port, UUID entryId) {
        return new ApiClient(port).get("/work-entries/" + entryId).ok().get("status").asString();
    }

    public static Contract confirmedContractWithApprovedTime(int port, List<Integer> hours) {
        ApiClient api = new ApiClient(port);
        ApiWorld world = ApiWorld.build(api, null);
        api.post("/contracts/" + world.contract() + "/confirm").ok();
        for (int h : hours) {
            world.approvedTime(api, h);
        }
        return new Contract(world.contract(), "PC-" + world.key(), world.project(), "P-" + world.key(),
                "Ana Silva " + world.key(), ApiWorld.DAY);
    }

    /**
     * Marks the world's first unbilled sales actual Ready and creates its contract's draft invoice dated
     * 2026-03-31, as an administrator through the API; answers the draft's id.
     */
    public static UUID readyAndDraft(int port, Contract world) {
        ApiClient api = new ApiClient(port);
        List<String> unbilled = new java.util.ArrayList<>();
        api.get("/projects/" + world.projectId() + "/actuals?size=500").ok().get("items").forEach(a -> {
            if (a.get("transactionType").get("name").asString().equals("UNBILLED_SALES")) {
                unbilled.add(a.get("id").asString());
            }
        });
        api.post("/backlog/actuals/ready", object("ids", unbilled.subList(0, 1))).noContent();
        ApiClient.Reply created = api.post("/contracts/" + world.contractId() + "/invoices", object("invoiceDate",
                "2026-03-31"));
        org.assertj.core.api.Assertions.assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("ids").get(0).asString());
    }

    /** An invoice's status name as the API answers it ({@code DRAFT}, {@code CONFIRMED}, …). */
    public static String invoiceStatus(int port, UUID invoiceId) {
        return new ApiClient(port).get("/invoices/" + invoiceId).ok().get("status").get("name").asString();
    }

    /** Creates a user with the given roles ({@code project-manager}, {@code viewer}, …) through the admin API. */
    public static void user(int port, String username, String password, List<String> roles) {
        ApiClient.Reply reply = ApiClient.of(port, "").post("/api/admin/users", object("username", username,
                "password", password, "roles", roles));
        org.assertj.core.api.Assertions.assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    /**
     * A proforma invoice confirmed in Project Operations and delivered to Finance, ready for the accountant (journey
     * 2): Finance's legal entity {@code USMF} set up ({@link PostingWorld}), a customer {@code C-<key>} synced to
     * Project Operations, 8 approved hours at 200 USD marked Ready, the contract's invoice created and confirmed; the
     * maps (which the server must run: {@code tandem.dualwrite.auto-run=true}) brought the actuals into Finance's
     * staging and the invoice proposal with the proforma's number.
     *
     * @param invoiceId      the proforma invoice in Project Operations
     * @param proposalId     its number, which is the invoice proposal's id in Finance
     * @param customerAccount the customer's account in Finance
     * @param totalAmount    the proforma's total as the API writes it ({@code 1600.00})
     */
    public record ConfirmedInvoice(UUID invoiceId, String proposalId, String customerAccount, String contractNumber,
                                   String totalAmount) {
    }

    public static ConfirmedInvoice confirmedInvoiceInFinance(int port, dev.tandem.finance.Finance finance,
            org.springframework.jdbc.core.JdbcTemplate operations) {
        ApiClient api = new ApiClient(port);
        ApiWorld world = PostingWorld.build(api, finance, operations);
        tools.jackson.databind.JsonNode invoice = PostingWorld.confirmedInvoice(api, world);
        String number = invoice.get("number").asString();
        ApiClient financeApi = ApiClient.of(port, "/api/finance");
        Await.until("the invoice proposal " + number + " in Finance", () -> financeApi.get("/legal-entities/"
                + PostingWorld.LE + "/invoice-proposals/" + number).status(), status -> status == 200);
        return new ConfirmedInvoice(UUID.fromString(invoice.get("id").asString()), number, "C-" + world.key(),
                "PC-" + world.key(), invoice.get("totalAmount").asString());
    }

    /** The legal entity of {@link #confirmedInvoiceInFinance}. */
    public static String postingLegalEntity() {
        return PostingWorld.LE;
    }

    /** {@code GET /api/finance<path>} as an administrator; asserts 200 and answers the JSON body. */
    public static tools.jackson.databind.JsonNode financeGet(int port, String path) {
        return ApiClient.of(port, "/api/finance").get(path).ok();
    }

    /** A proforma invoice's status name once it satisfies {@code done}, waiting up to 30 s for the maps. */
    public static String invoiceStatusOnce(int port, UUID invoiceId, java.util.function.Predicate<String> done) {
        return Await.until("the status of invoice " + invoiceId, () -> invoiceStatus(port, invoiceId), done);
    }

    /**
     * A world the running maps carry to Finance (Finance's setup of {@code USMF}, its customer and project, made
     * through the server's own {@link dev.tandem.finance.Finance} as {@link PostingWorld} makes them, and the
     * contract over the Project Operations API, confirmed), with 8 approved hours marked Ready and the contract's
     * draft invoice dated 2026-03-31, as an administrator; answers the draft's id.
     *
     * @param operations the server's Project Operations database ({@code @OperationsDatabase}), read to find the
     *                   customer the customers map brought over
     */
    public static UUID syncedDraft(int port, dev.tandem.finance.Finance finance,
            org.springframework.jdbc.core.JdbcTemplate operations) {
        ApiClient api = new ApiClient(port);
        ApiWorld world = PostingWorld.build(api, finance, operations);
        world.readyTime(api, 8);
        ApiClient.Reply created = api.post("/contracts/" + world.contract() + "/invoices", object("invoiceDate",
                "2026-03-31"));
        org.assertj.core.api.Assertions.assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("ids").get(0).asString());
    }

    /** Confirms an invoice through the API, as an administrator would for the project manager; answers its status. */
    public static String confirm(int port, UUID invoiceId) {
        new ApiClient(port).post("/invoices/" + invoiceId + "/confirm").ok();
        return invoiceStatus(port, invoiceId);
    }

    /** A table map's state and queue depth as {@code GET /api/dualwrite/maps/{id}} answers them. */
    public record MapFigures(String state, long queueDepth, long lagSeconds) {
    }

    /** {@link MapFigures} of a table map, read through the dual-write API as an administrator. */
    public static MapFigures map(int port, String mapId) {
        tools.jackson.databind.JsonNode map = ApiClient.of(port, "/api/dualwrite").get("/maps/" + mapId).ok();
        return new MapFigures(map.get("state").asString(), map.get("queueDepth").asLong(),
                map.get("lagSeconds").asLong());
    }

    /** Marks every unbilled sales actual of the world's project Ready to invoice, as an administrator. */
    public static void allReady(int port, Contract world) {
        ApiClient api = new ApiClient(port);
        List<String> unbilled = new java.util.ArrayList<>();
        api.get("/projects/" + world.projectId() + "/actuals?size=500").ok().get("items").forEach(a -> {
            if (a.get("transactionType").get("name").asString().equals("UNBILLED_SALES")) {
                unbilled.add(a.get("id").asString());
            }
        });
        api.post("/backlog/actuals/ready", object("ids", unbilled)).noContent();
    }
}
