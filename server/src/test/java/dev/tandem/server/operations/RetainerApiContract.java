package dev.tandem.server.operations;

import static dev.tandem.server.operations.ApiClient.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.server.TandemApplication;
import dev.tandem.server.api.Idempotency;
import dev.tandem.server.operations.ApiClient.Reply;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Retainers and advances over real HTTP on 127.0.0.1, on either database (§3.5, §4.9, §5 step 8, §6, §11 rule 13):
 * a 5,000 USD retainer is created, marked Ready, invoiced and confirmed, then applied to the next invoice of the
 * worked example's 8 hours (1,600 USD); edits above what it has available or above what the invoice bills are
 * refused with their codes and change nothing; Refund and Cancel refund; the input refusals. Subclasses supply the
 * databases.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class)
abstract class RetainerApiContract {

    private static final String MARCH_31 = "2026-03-31";

    @LocalServerPort
    private int port;

    private ApiClient api;
    private ApiWorld world;

    @BeforeEach
    void confirmedContract() {
        api = new ApiClient(port);
        world = ApiWorld.build(api, null);
        api.post("/contracts/" + world.contract() + "/confirm").ok();
    }

    @Test
    void aRetainerIsInvoicedConfirmedAndAppliedOnTheNextInvoice() {
        UUID retainer = api.post(retainersPath(), retainer("5000.00")).created();
        JsonNode created = api.get("/retainers/" + retainer).ok();
        assertThat(created.get("invoiceStatus").get("name").asString()).isEqualTo("NOT_READY_TO_INVOICE");
        assertThat(created.get("type").get("value").asInt()).isEqualTo(690970310);
        assertThat(created.get("amount").asString()).isEqualTo("5000.00");
        assertThat(created.get("currency").asString()).isEqualTo("USD");
        assertThat(created.get("availableAmount").asString()).isEqualTo("0.00");

        api.post("/retainers/ready", object("ids", List.of(retainer))).noContent();
        String retainerInvoice = createInvoice();

        assertThat(onInvoice(retainerInvoice)).extracting(d -> d.get("role").asString(),
                d -> d.get("extendedAmount").asString()).containsExactly(tuple("INVOICE", "5000.00"));
        JsonNode onDraft = api.get("/retainers/" + retainer).ok();
        assertThat(onDraft.get("invoiceStatus").get("name").asString()).isEqualTo("CUSTOMER_INVOICE_CREATED");
        assertThat(onDraft.get("invoiceId").asString()).isEqualTo(retainerInvoice);
        assertThat(api.get("/invoices/" + retainerInvoice).ok().get("totalAmount").asString()).isEqualTo("5000.00");

        api.post("/invoices/" + retainerInvoice + "/confirm").ok();

        JsonNode invoiced = api.get("/retainers/" + retainer).ok();
        assertThat(invoiced.get("invoiceStatus").get("name").asString()).isEqualTo("CUSTOMER_INVOICE_POSTED");
        assertThat(invoiced.get("availableAmount").asString()).isEqualTo("5000.00");

        world.readyTime(api, 8);
        String workInvoice = createInvoice();

        JsonNode applied = onInvoice(workInvoice).getFirst();
        assertThat(applied.get("role").asString()).isEqualTo("APPLY");
        assertThat(applied.get("retainerId").asString()).isEqualTo(retainer.toString());
        assertThat(applied.get("extendedAmount").asString()).isEqualTo("1600.00");
        assertThat(applied.get("balanceAmount").asString()).isEqualTo("3400.00");
        assertThat(api.get("/invoices/" + workInvoice).ok().get("totalAmount").asString()).isEqualTo("0.00");
        assertThat(api.get("/retainers/" + retainer).ok().get("reservedAmount").asString()).isEqualTo("1600.00");
        String appliedPath = "/invoice-retainers/" + applied.get("detailId").asString();

        JsonNode overAvailable = api.patch(appliedPath, object("extendedAmount", "6000.00"))
                .problem(422, "RETAINER_OVER_AVAILABLE");
        assertThat(overAvailable.get("available").asString()).isEqualTo("5000.00");
        assertThat(overAvailable.get("requested").asString()).isEqualTo("6000.00");
        assertThat(overAvailable.get("currency").asString()).isEqualTo("USD");
        JsonNode overInvoice = api.patch(appliedPath, object("extendedAmount", "1700.00"))
                .problem(422, "RETAINER_OVER_INVOICE");
        assertThat(overInvoice.get("billable").asString()).isEqualTo("1600.00");
        assertThat(onInvoice(workInvoice).getFirst().get("extendedAmount").asString()).isEqualTo("1600.00");
        assertThat(api.get("/invoices/" + workInvoice).ok().get("totalAmount").asString()).isEqualTo("0.00");

        JsonNode lowered = api.patch(appliedPath, object("extendedAmount", "1000.00")).ok();
        assertThat(lowered.get("extendedAmount").asString()).isEqualTo("1000.00");
        assertThat(api.get("/invoices/" + workInvoice).ok().get("totalAmount").asString()).isEqualTo("600.00");

        api.post("/invoices/" + workInvoice + "/confirm").ok();

        JsonNode used = api.get("/retainers/" + retainer).ok();
        assertThat(used.get("usedAmount").asString()).isEqualTo("1000.00");
        assertThat(used.get("availableAmount").asString()).isEqualTo("4000.00");
        assertThat(used.get("reservedAmount").asString()).isEqualTo("0.00");
        api.patch(appliedPath, object("extendedAmount", "900.00")).problem(409, "INVOICE_READ_ONLY");
        JsonNode state = api.post("/retainers/not-ready", object("ids", List.of(retainer)))
                .problem(409, "RETAINER_STATE");
        assertThat(state.get("retainerId").asString()).isEqualTo(retainer.toString());
        api.delete("/retainers/" + retainer).problem(409, "RETAINER_STATE");
        assertThat(api.get(retainersPath()).ok().get("items")).extracting(r -> r.get("id").asString())
                .containsExactly(retainer.toString());
    }

    @Test
    void refundOnADraftIsRefundedWhenConfirmedAndARefundWaitingForTheNextInvoiceCanBeCancelled() {
        UUID retainer = invoicedRetainer("5000.00");

        api.post("/retainers/" + retainer + "/refund", object("amount", "5000.01"))
                .problem(422, "RETAINER_OVER_AVAILABLE");
        JsonNode waiting = api.post("/retainers/" + retainer + "/refund", object("amount", "2000.00")).ok();

        assertThat(waiting.get("refundDetailId").isNull()).isTrue();
        assertThat(waiting.get("retainer").get("refundStatus").get("name").asString()).isEqualTo("READY_TO_REFUND");
        assertThat(waiting.get("retainer").get("refundAmount").asString()).isEqualTo("2000.00");
        assertThat(waiting.get("retainer").get("reservedAmount").asString()).isEqualTo("2000.00");
        api.post("/retainers/" + retainer + "/refund", object("amount", "100.00")).problem(409, "RETAINER_STATE");

        JsonNode cancelled = api.post("/retainers/" + retainer + "/cancel-refund").ok();

        assertThat(cancelled.get("refundStatus").isNull()).isTrue();
        assertThat(cancelled.get("refundAmount").isNull()).isTrue();
        api.post("/retainers/" + retainer + "/cancel-refund").problem(409, "RETAINER_STATE");

        world.readyTime(api, 8);
        String draft = createInvoice();
        api.patch("/invoice-retainers/" + onInvoice(draft).getFirst().get("detailId").asString(),
                object("extendedAmount", "0.00")).ok();
        JsonNode onDraft = api.post("/retainers/" + retainer + "/refund", object("amount", "1000.00",
                "invoiceId", draft)).ok();
        assertThat(onDraft.get("refundDetailId").isNull()).isFalse();
        assertThat(onInvoice(draft)).extracting(d -> d.get("role").asString(), d -> d.get("extendedAmount").asString())
                .containsExactly(tuple("APPLY", "0.00"), tuple("REFUND", "1000.00"));
        assertThat(api.get("/invoices/" + draft).ok().get("totalAmount").asString()).isEqualTo("600.00");

        api.post("/invoices/" + draft + "/confirm").ok();

        JsonNode refunded = api.get("/retainers/" + retainer).ok();
        assertThat(refunded.get("refundStatus").get("name").asString()).isEqualTo("REFUNDED");
        assertThat(refunded.get("refundedAmount").asString()).isEqualTo("1000.00");
        assertThat(refunded.get("availableAmount").asString()).isEqualTo("4000.00");
        api.post("/retainers/" + retainer + "/cancel-refund").problem(409, "INVOICE_READ_ONLY");
    }

    @Test
    void retainerInputIsCheckedAndACreateRepeatedWithItsKeyMakesOneRetainer() {
        api.post(retainersPath(), object("customerId", world.customer(), "type", "ADVANCE", "name", "Advance",
                "amount", "100.00", "currency", "EUR", "invoiceDate", ApiWorld.DAY)).problem(422, "CURRENCY_MISMATCH");
        api.post(retainersPath(), retainer("0.00")).problem(400, "INVALID_INPUT");
        JsonNode cents = api.post(retainersPath(), retainer("10.005")).problem(400, "INVALID_INPUT");
        assertThat(cents.get("detail").asString()).contains("minor units");
        api.post(retainersPath(), object("customerId", world.customer(), "type", "DEPOSIT", "name", "Q1",
                "amount", "100.00", "invoiceDate", ApiWorld.DAY)).invalidInput("type");
        api.post(retainersPath(), object("customerId", world.customer(), "type", "RETAINER", "name", " ",
                "amount", "100.00", "invoiceDate", ApiWorld.DAY)).invalidInput("name");
        UUID stranger = api.post("/accounts", object("accountNumber", "X-" + world.key(), "name", "Stranger"))
                .created();
        api.post(retainersPath(), object("customerId", stranger, "type", "RETAINER", "name", "Q1", "amount", "100.00",
                "invoiceDate", ApiWorld.DAY)).problem(400, "INVALID_INPUT");
        api.post("/contracts/" + UUID.randomUUID() + "/retainers", retainer("100.00")).problem(404, "NOT_FOUND");
        api.get("/contracts/" + UUID.randomUUID() + "/retainers").problem(404, "NOT_FOUND");
        api.get("/retainers/" + UUID.randomUUID()).problem(404, "NOT_FOUND");
        assertThat(api.get(retainersPath()).ok().get("total").asLong()).isZero();

        ApiClient keyed = api.header(Idempotency.HEADER, UUID.randomUUID().toString());
        Reply first = keyed.post(retainersPath(), retainer("250.00"));
        Reply again = keyed.post(retainersPath(), retainer("250.00"));

        UUID id = first.created();
        assertThat(again.created()).isEqualTo(id);
        assertThat(again.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
        assertThat(api.get(retainersPath()).ok().get("total").asLong()).isEqualTo(1);
        api.delete("/retainers/" + id).noContent();
        assertThat(api.get(retainersPath()).ok().get("total").asLong()).isZero();
    }

    private String retainersPath() {
        return "/contracts/" + world.contract() + "/retainers";
    }

    /** A retainer request for the contract's customer, dated the day the work is done. */
    private Object retainer(String amount) {
        return object("customerId", world.customer(), "type", "RETAINER", "name", "Q1 retainer", "amount", amount,
                "invoiceDate", ApiWorld.DAY);
    }

    /** A retainer of {@code amount}, invoiced alone and confirmed: {@code amount} available. */
    private UUID invoicedRetainer(String amount) {
        UUID retainer = api.post(retainersPath(), retainer(amount)).created();
        api.post("/retainers/ready", object("ids", List.of(retainer))).noContent();
        api.post("/invoices/" + createInvoice() + "/confirm").ok();
        return retainer;
    }

    private String createInvoice() {
        Reply created = api.post("/contracts/" + world.contract() + "/invoices", object("invoiceDate", MARCH_31));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("ids")).hasSize(1);
        return created.json().get("ids").get(0).asString();
    }

    private List<JsonNode> onInvoice(String invoiceId) {
        return StreamSupport.stream(api.get("/invoices/" + invoiceId + "/retainers").ok().get("items").spliterator(),
                false).toList();
    }
}
