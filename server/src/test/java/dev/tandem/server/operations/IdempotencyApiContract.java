package dev.tandem.server.operations;

import static dev.tandem.server.operations.ApiClient.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.TandemApplication;
import dev.tandem.server.api.Idempotency;
import dev.tandem.server.database.OperationsDatabase;
import dev.tandem.server.operations.ApiClient.Reply;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The {@code Idempotency-Key} header on the invoicing commands (create per contract, bulk, add to invoice, confirm)
 * over real HTTP, on either database: a repeat answers the first answer and does no work, another request with the
 * key is refused, a refusal releases the key, a key in progress is refused, a dead claim is taken over, and
 * concurrent requests with one key do the work once. Counts come from the operations database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class)
abstract class IdempotencyApiContract {

    private static final String INVOICE_DATE = InvoiceApiContract.INVOICE_DATE;

    @LocalServerPort
    private int port;

    @Autowired
    @OperationsDatabase
    private JdbcTemplate jdbc;

    private ApiClient api;
    private ApiWorld world;

    @BeforeEach
    void confirmedContract() {
        api = new ApiClient(port);
        world = ApiWorld.build(api, null);
        api.post("/contracts/" + world.contract() + "/confirm").ok();
    }

    @Test
    void theSameKeyTwiceOnCreateAnswersTheSameIdsAndCreatesOneInvoice() {
        world.readyTime(api, 8);
        ApiClient keyed = api.header(Idempotency.HEADER, newKey());
        String path = "/contracts/" + world.contract() + "/invoices";

        Reply first = keyed.post(path, object("invoiceDate", INVOICE_DATE));
        Reply again = keyed.post(path, "{ \"invoiceDate\" : \"2026-03-31\" }");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("ids")).hasSize(1);
        assertThat(first.headers().firstValue(Idempotency.REPLAYED_HEADER)).isEmpty();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.contentType()).startsWith("application/json");
        assertThat(again.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
        assertThat(invoicesOfContract()).isEqualTo(1);
        assertThat(api.get("/invoices?contractId=" + world.contract()).ok().get("total").asLong()).isEqualTo(1);
        // Without a key the same request is new work, which the domain refuses: everything is invoiced already.
        api.post(path, object("invoiceDate", INVOICE_DATE)).problem(422, "NOTHING_TO_INVOICE");
    }

    @Test
    void theSameKeyTwiceOnConfirmAnswersTheSameBodyAndCreatesTheActualsOnce() {
        world.readyTime(api, 8);
        String invoiceId = createInvoice();
        ApiClient keyed = api.header(Idempotency.HEADER, newKey());

        Reply first = keyed.post("/invoices/" + invoiceId + "/confirm");
        Reply again = keyed.post("/invoices/" + invoiceId + "/confirm");

        assertThat(first.ok().get("actualsCreated").asInt()).isEqualTo(2);
        assertThat(first.json().get("invoice").get("status").get("name").asString()).isEqualTo("CONFIRMED");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
        assertThat(actualsOfContract()).isEqualTo(4);
        api.post("/invoices/" + invoiceId + "/confirm").problem(409, "INVOICE_STATUS");
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndTheFirstAnswerStays() {
        world.readyTime(api, 8);
        String key = newKey();
        ApiClient keyed = api.header(Idempotency.HEADER, key);
        String path = "/contracts/" + world.contract() + "/invoices";
        Reply first = keyed.post(path, object("invoiceDate", INVOICE_DATE));
        String invoiceId = first.json().get("ids").get(0).asString();

        JsonNode otherBody = keyed.post(path, object("invoiceDate", "2026-04-30"))
                .problem(422, "IDEMPOTENCY_KEY_REUSED");
        JsonNode otherPath = keyed.post("/invoices/" + invoiceId + "/confirm").problem(422, "IDEMPOTENCY_KEY_REUSED");

        assertThat(otherBody.get("idempotencyKey").asString()).isEqualTo(key);
        assertThat(otherBody.get("detail").asString()).contains("with another body");
        assertThat(otherPath.get("detail").asString()).contains("POST /api/operations" + path);
        assertThat(api.get("/invoices/" + invoiceId).ok().get("status").get("name").asString()).isEqualTo("DRAFT");
        assertThat(keyed.post(path, object("invoiceDate", INVOICE_DATE)).body()).isEqualTo(first.body());
        assertThat(invoicesOfContract()).isEqualTo(1);
    }

    @Test
    void aRefusedRequestIsNotStoredSoTheSameKeyWorksOnceTheInputIsFixed() {
        String key = newKey();
        ApiClient keyed = api.header(Idempotency.HEADER, key);
        String path = "/contracts/" + world.contract() + "/invoices";

        keyed.post(path, object("invoiceDate", INVOICE_DATE)).problem(422, "NOTHING_TO_INVOICE");

        assertThat(storedKeys(key)).isZero();
        world.readyTime(api, 8);
        Reply created = keyed.post(path, object("invoiceDate", INVOICE_DATE));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue(Idempotency.REPLAYED_HEADER)).isEmpty();
        assertThat(storedKeys(key)).isEqualTo(1);
        assertThat(invoicesOfContract()).isEqualTo(1);
    }

    @Test
    void aKeyInProgressIsRefusedAndAClaimLeftByADeadRequestIsTakenOverAfterTheLease() throws Exception {
        world.readyTime(api, 8);
        String invoiceId = createInvoice();
        String key = newKey();
        String path = OperationsApi.BASE + "/invoices/" + invoiceId + "/confirm";
        // What a request that is still confirming (or died confirming) leaves: a claim without an answer.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update("INSERT INTO api_idempotency_key (idempotency_key, request_method, request_path, request_hash, "
                + "claim_token, created_at) VALUES (?, 'POST', ?, ?, ?, ?)", key, path,
                Idempotency.ofUser(dev.tandem.server.TestAuth.ADMIN, sha256(new byte[0])),
                UUID.randomUUID(), now);
        ApiClient keyed = api.header(Idempotency.HEADER, key);

        JsonNode busy = keyed.post("/invoices/" + invoiceId + "/confirm").problem(409, "IDEMPOTENCY_IN_PROGRESS");

        assertThat(busy.get("idempotencyKey").asString()).isEqualTo(key);
        assertThat(api.get("/invoices/" + invoiceId).ok().get("status").get("name").asString()).isEqualTo("DRAFT");
        assertThat(actualsOfContract()).isEqualTo(2);

        jdbc.update("UPDATE api_idempotency_key SET created_at = ? WHERE idempotency_key = ?", now.minusHours(1), key);
        Reply takenOver = keyed.post("/invoices/" + invoiceId + "/confirm");

        assertThat(takenOver.ok().get("actualsCreated").asInt()).isEqualTo(2);
        assertThat(keyed.post("/invoices/" + invoiceId + "/confirm").body()).isEqualTo(takenOver.body());
        assertThat(actualsOfContract()).isEqualTo(4);
    }

    @Test
    void concurrentConfirmationsWithOneKeyConfirmOnceAndAllAnswerTheSame() throws Exception {
        world.readyTime(api, 8);
        String invoiceId = createInvoice();
        ApiClient keyed = api.header(Idempotency.HEADER, newKey());
        int requests = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                Callable<Reply> confirm = () -> {
                    start.await();
                    return keyed.post("/invoices/" + invoiceId + "/confirm");
                };
                replies.add(pool.submit(confirm));
            }
            start.countDown();
        }

        List<String> confirmed = new ArrayList<>();
        for (Future<Reply> future : replies) {
            Reply reply = future.get();
            if (reply.status() == 200) {
                confirmed.add(reply.body());
            } else {
                reply.problem(409, "IDEMPOTENCY_IN_PROGRESS");
            }
        }
        assertThat(confirmed).isNotEmpty();
        assertThat(confirmed).allSatisfy(body -> assertThat(body).isEqualTo(confirmed.getFirst()));
        assertThat(ApiClient.JSON.readTree(confirmed.getFirst()).get("actualsCreated").asInt()).isEqualTo(2);
        assertThat(actualsOfContract()).isEqualTo(4);
        assertThat(keyed.post("/invoices/" + invoiceId + "/confirm").body()).isEqualTo(confirmed.getFirst());
    }

    @Test
    void bulkAndAddToInvoiceReplayTheirFirstAnswer() {
        world.readyTime(api, 8);
        ApiWorld idle = ApiWorld.build(api, null);
        api.post("/contracts/" + idle.contract() + "/confirm").ok();
        ApiClient keyed = api.header(Idempotency.HEADER, newKey());
        // The skipped contract comes first: its refusal must roll back to its own savepoint only, not doom the
        // transaction in which the other contract's invoice and the stored answer commit.
        Object body = object("contractIds", List.of(idle.contract(), world.contract()), "invoiceDate", INVOICE_DATE);

        Reply first = keyed.post("/invoices/bulk", body);
        Reply again = keyed.post("/invoices/bulk", body);

        JsonNode result = first.ok();
        assertThat(result.get("invoiceIds")).hasSize(1);
        assertThat(result.get("skipped").get(idle.contract().toString()).asString()).startsWith("NOTHING_TO_INVOICE: ");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(invoicesOfContract()).isEqualTo(1);

        UUID more = world.readyTime(api, 2);
        ApiClient addKey = api.header(Idempotency.HEADER, newKey());
        Object add = object("actualIds", List.of(more), "invoiceDate", INVOICE_DATE);
        Reply added = addKey.post("/invoices/add", add);
        assertThat(added.ok().get("ids").get(0).asString()).isEqualTo(result.get("invoiceIds").get(0).asString());
        assertThat(addKey.post("/invoices/add", add).body()).isEqualTo(added.body());
        api.post("/invoices/add", add).problem(409, "ACTUAL_INVOICED");
        assertThat(invoicesOfContract()).isEqualTo(1);
    }

    @Test
    void aKeyThatIsTooLongOrNotPrintableIsInvalidInput() {
        world.readyTime(api, 8);
        String path = "/contracts/" + world.contract() + "/invoices";

        api.header(Idempotency.HEADER, "k".repeat(Idempotency.MAX_KEY_LENGTH + 1))
                .post(path, object("invoiceDate", INVOICE_DATE)).invalidInput(Idempotency.HEADER);
        api.header(Idempotency.HEADER, "  ").post(path, object("invoiceDate", INVOICE_DATE))
                .invalidInput(Idempotency.HEADER);

        assertThat(invoicesOfContract()).isZero();
    }

    private String createInvoice() {
        Reply created = api.post("/contracts/" + world.contract() + "/invoices", object("invoiceDate", INVOICE_DATE));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("ids").get(0).asString();
    }

    private int invoicesOfContract() {
        return count("SELECT COUNT(*) FROM invoice WHERE salesorderid = ?", world.contract());
    }

    private int actualsOfContract() {
        return count("SELECT COUNT(*) FROM msdyn_actual WHERE msdyn_salescontract = ?", world.contract());
    }

    private int storedKeys(String key) {
        return count("SELECT COUNT(*) FROM api_idempotency_key WHERE idempotency_key = ?", key);
    }

    private int count(String sql, Object arg) {
        Integer n = jdbc.queryForObject(sql, Integer.class, arg);
        return n == null ? 0 : n;
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
