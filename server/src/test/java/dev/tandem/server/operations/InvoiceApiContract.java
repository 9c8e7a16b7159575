package dev.tandem.server.operations;

import static dev.tandem.server.operations.ApiClient.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.operations.invoicing.InvoiceCreation;
import dev.tandem.server.TandemApplication;
import dev.tandem.server.operations.ApiClient.Reply;
import java.util.ArrayList;
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
 * Proforma invoicing over real HTTP on 127.0.0.1, on either database: the specification's worked example (§6) from
 * approval to confirmation, confirmed unchanged and at 6 h, a full credit by revision, the draft lifecycle, bulk
 * creation, and the refusals of §11 with their codes. Subclasses supply the databases.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class)
abstract class InvoiceApiContract {

    static final String INVOICE_DATE = "2026-03-31";

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
    void workedExampleApproveMarkReadyCreateConfirmGivesTheActualsOfSection6() {
        UUID unbilled = world.readyTime(api, 8);

        Reply created = api.post("/contracts/" + world.contract() + "/invoices", object("invoiceDate", INVOICE_DATE));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("ids")).hasSize(1);
        String invoiceId = created.json().get("ids").get(0).asString();
        JsonNode draft = api.get("/invoices/" + invoiceId).ok();
        assertThat(draft.get("number").asString()).startsWith("INV-");
        assertThat(draft.get("status").get("name").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("status").get("value").asInt()).isEqualTo(192350000);
        assertThat(draft.get("contractId").asString()).isEqualTo(world.contract().toString());
        assertThat(draft.get("customerId").asString()).isEqualTo(world.customer().toString());
        assertThat(draft.get("invoiceDate").asString()).isEqualTo(INVOICE_DATE);
        assertThat(draft.get("currency").asString()).isEqualTo("USD");
        assertThat(draft.get("detailAmount").asString()).isEqualTo("1600.00");
        assertThat(draft.get("totalTax").asString()).isEqualTo("0.00");
        assertThat(draft.get("totalAmount").asString()).isEqualTo("1600.00");
        assertThat(draft.get("lines")).singleElement().satisfies(line -> {
            assertThat(line.get("contractLineId").asString()).isEqualTo(world.line().toString());
            assertThat(line.get("billingMethod").get("name").asString()).isEqualTo("TIME_AND_MATERIAL");
            assertThat(line.get("amount").asString()).isEqualTo("1600.00");
            assertThat(line.get("extendedAmount").asString()).isEqualTo("1600.00");
        });
        JsonNode detail = onlyDetail(invoiceId);
        assertThat(detail.get("sourceActualId").asString()).isEqualTo(unbilled.toString());
        assertThat(detail.get("quantity").asString()).isEqualTo("8.00");
        assertThat(detail.get("price").asString()).isEqualTo("200.00");
        assertThat(detail.get("amount").asString()).isEqualTo("1600.00");
        assertThat(detail.get("transactionClassification").get("name").asString()).isEqualTo("TIME");
        assertThat(api.get("/actuals/" + unbilled).ok().get("billingStatus").get("name").asString())
                .isEqualTo("CUSTOMER_INVOICE_CREATED");
        JsonNode list = api.get("/invoices?contractId=" + world.contract()).ok();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asString()).isEqualTo(invoiceId);

        JsonNode confirmation = api.post("/invoices/" + invoiceId + "/confirm").ok();

        assertThat(confirmation.get("actualsCreated").asInt()).isEqualTo(2);
        assertThat(confirmation.get("invoice").get("status").get("name").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmation.get("invoice").get("creditNote").asBoolean()).isFalse();
        assertThat(actualRows()).containsExactlyInAnyOrder(
                tuple("COST", "8.00", "800.00", null, "CHARGEABLE", null),
                tuple("UNBILLED_SALES", "8.00", "1600.00", "CUSTOMER_INVOICE_POSTED", "CHARGEABLE", null),
                tuple("UNBILLED_SALES", "-8.00", "-1600.00", "CUSTOMER_INVOICE_POSTED", "CHARGEABLE", null),
                tuple("BILLED_SALES", "8.00", "1600.00", null, "CHARGEABLE", null));
        assertThat(onlyDetail(invoiceId).get("billedSalesActualId").isNull()).isFalse();

        JsonNode paid = api.post("/invoices/" + invoiceId + "/paid").ok();
        assertThat(paid.get("status").get("name").asString()).isEqualTo("INVOICE_PAID");
    }

    @Test
    void aDetailEditedToSixHoursConfirmsIntoNineActualsWithTheTwoHoursNonChargeable() {
        world.readyTime(api, 8);
        String invoiceId = createInvoice();
        String detailId = onlyDetail(invoiceId).get("id").asString();

        JsonNode edited = api.patch("/invoice-line-details/" + detailId, object("quantity", 6,
                "externalDescription", "Development, March")).ok();

        assertThat(edited.get("quantity").asString()).isEqualTo("6.00");
        assertThat(edited.get("amount").asString()).isEqualTo("1200.00");
        assertThat(edited.get("externalDescription").asString()).isEqualTo("Development, March");
        assertThat(api.get("/invoices/" + invoiceId).ok().get("totalAmount").asString()).isEqualTo("1200.00");

        JsonNode confirmation = api.post("/invoices/" + invoiceId + "/confirm").ok();

        assertThat(confirmation.get("actualsCreated").asInt()).isEqualTo(7);
        assertThat(confirmation.get("invoice").get("totalAmount").asString()).isEqualTo("1200.00");
        assertThat(actualRows()).extracting(row -> tuple(row.toList().get(0), row.toList().get(1),
                        row.toList().get(2), row.toList().get(4), row.toList().get(5)))
                .containsExactlyInAnyOrder(
                        tuple("COST", "8.00", "800.00", "CHARGEABLE", null),
                        tuple("UNBILLED_SALES", "8.00", "1600.00", "CHARGEABLE", "ADJUSTED"),
                        tuple("UNBILLED_SALES", "-8.00", "-1600.00", "CHARGEABLE", "UNADJUSTABLE"),
                        tuple("UNBILLED_SALES", "6.00", "1200.00", "CHARGEABLE", null),
                        tuple("UNBILLED_SALES", "-6.00", "-1200.00", "CHARGEABLE", null),
                        tuple("UNBILLED_SALES", "2.00", "400.00", "NON_CHARGEABLE", null),
                        tuple("UNBILLED_SALES", "-2.00", "-400.00", "NON_CHARGEABLE", null),
                        tuple("BILLED_SALES", "6.00", "1200.00", "CHARGEABLE", null),
                        tuple("BILLED_SALES", "2.00", "400.00", "NON_CHARGEABLE", null));
        assertThat(actualRows()).filteredOn(row -> row.toList().get(0).equals("UNBILLED_SALES"))
                .as("every unbilled row of the confirmed invoice is posted")
                .allSatisfy(row -> assertThat(row.toList().get(3)).isEqualTo("CUSTOMER_INVOICE_POSTED"));
    }

    @Test
    void aFullCreditByRevisionPutsTheEightHoursBackInTheBacklog() {
        world.readyTime(api, 8);
        String original = createInvoice();
        api.post("/invoices/" + original + "/confirm").ok();
        String originalDetail = onlyDetail(original).get("id").asString();

        Reply revised = api.post("/invoices/" + original + "/revise");

        UUID corrective = revised.created();
        JsonNode draft = api.get("/invoices/" + corrective).ok();
        assertThat(draft.get("status").get("name").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("hasCorrections").asBoolean()).isTrue();
        assertThat(draft.get("correctedInvoiceId").asString()).isEqualTo(original);
        assertThat(draft.get("totalAmount").asString()).isEqualTo("-1600.00");
        JsonNode copy = onlyDetail(corrective.toString());
        assertThat(copy.get("correction").asBoolean()).isTrue();
        assertThat(copy.get("originalDetailId").asString()).isEqualTo(originalDetail);
        assertThat(copy.get("quantity").asString()).isEqualTo("0.00");
        assertThat(copy.get("previousQuantity").asString()).isEqualTo("8.00");
        assertThat(copy.get("previousAmount").asString()).isEqualTo("1600.00");
        assertThat(backlog().get("total").asLong()).isZero();

        JsonNode confirmation = api.post("/invoices/" + corrective + "/confirm").ok();

        assertThat(confirmation.get("invoice").get("creditNote").asBoolean()).isTrue();
        JsonNode backlog = backlog();
        assertThat(backlog.get("total").asLong()).isEqualTo(1);
        JsonNode back = backlog.get("items").get(0);
        assertThat(back.get("quantity").asString()).isEqualTo("8.00");
        assertThat(back.get("amount").asString()).isEqualTo("1600.00");
        assertThat(back.get("billingStatus").get("name").asString()).isEqualTo("UNBILLED_SALES_CREATED");
        assertThat(backlog.get("totals").get(0).get("chargeableAmount").asString()).isEqualTo("1600.00");
        assertThat(actualRows()).filteredOn(row -> row.toList().getFirst().equals("BILLED_SALES"))
                .extracting(row -> row.toList().get(2)).containsExactlyInAnyOrder("1600.00", "-1600.00");
    }

    @Test
    void aDraftIsRefreshedReviewedEditedAddedToAndDeletedWhichReleasesItsActuals() {
        world.readyTime(api, 8);
        String invoiceId = createInvoice();
        UUID later = world.readyTime(api, 2);

        assertThat(api.post("/invoices/" + invoiceId + "/refresh").ok().get("added").asInt()).isEqualTo(1);
        assertThat(api.get("/invoices/" + invoiceId).ok().get("totalAmount").asString()).isEqualTo("2000.00");
        JsonNode review = api.post("/invoices/" + invoiceId + "/status", object("status", "IN_REVIEW")).ok();
        assertThat(review.get("status").get("name").asString()).isEqualTo("IN_REVIEW");
        assertThat(api.post("/invoices/" + invoiceId + "/status", object("status", "DRAFT")).ok().get("status")
                .get("name").asString()).isEqualTo("DRAFT");

        String laterDetail = details(invoiceId).stream()
                .filter(d -> d.get("sourceActualId").asString().equals(later.toString())).findFirst().orElseThrow()
                .get("id").asString();
        api.delete("/invoice-line-details/" + laterDetail).noContent();
        api.get("/invoice-line-details/" + laterDetail).problem(404, "NOT_FOUND");
        assertThat(api.get("/invoices/" + invoiceId).ok().get("totalAmount").asString()).isEqualTo("1600.00");
        assertThat(api.get("/actuals/" + later).ok().get("billingStatus").get("name").asString())
                .isEqualTo("READY_TO_INVOICE");

        JsonNode added = api.post("/invoices/add", object("actualIds", List.of(later), "invoiceDate", INVOICE_DATE))
                .ok();
        assertThat(added.get("ids")).singleElement().satisfies(id -> assertThat(id.asString()).isEqualTo(invoiceId));
        JsonNode page = api.get("/invoices/" + invoiceId + "/line-details?size=1").ok();
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(1);

        api.delete("/invoices/" + invoiceId).noContent();

        api.get("/invoices/" + invoiceId).problem(404, "NOT_FOUND");
        JsonNode ready = api.get("/backlog/time-and-material?readyOnly=true&contractId=" + world.contract()).ok();
        assertThat(ready.get("total").asLong()).isEqualTo(2);
        assertThat(ready.get("totals").get(0).get("amount").asString()).isEqualTo("2000.00");
    }

    @Test
    void bulkCreationInvoicesEachContractAndReportsTheSkippedOnesWithTheirReason() {
        world.readyTime(api, 8);
        ApiWorld idle = ApiWorld.build(api, null);
        api.post("/contracts/" + idle.contract() + "/confirm").ok();

        JsonNode result = api.post("/invoices/bulk", object("contractIds", List.of(world.contract(), idle.contract()),
                "invoiceDate", INVOICE_DATE)).ok();

        assertThat(result.get("invoiceIds")).hasSize(1);
        assertThat(api.get("/invoices/" + result.get("invoiceIds").get(0).asString()).ok().get("contractId").asString())
                .isEqualTo(world.contract().toString());
        assertThat(result.get("skipped").size()).isEqualTo(1);
        assertThat(result.get("skipped").get(idle.contract().toString()).asString())
                .isEqualTo("NOTHING_TO_INVOICE: " + InvoiceCreation.NOTHING_TO_INVOICE_TEXT);
        assertThat(api.get("/invoices?contractId=" + idle.contract()).ok().get("total").asLong()).isZero();
    }

    @Test
    void refusalsOverHttpCarryTheCodesOfSection11() {
        JsonNode nothing = api.post("/contracts/" + world.contract() + "/invoices", object("invoiceDate", INVOICE_DATE))
                .problem(422, "NOTHING_TO_INVOICE");
        assertThat(nothing.get("detail").asString()).isEqualTo(
                "There are no past dated transactions to invoice for this project contract. No invoice was created.");
        assertThat(nothing.get("contractId").asString()).isEqualTo(world.contract().toString());
        ApiWorld draftContract = ApiWorld.build(api, null);
        api.post("/contracts/" + draftContract.contract() + "/invoices", object("invoiceDate", INVOICE_DATE))
                .problem(409, "CONTRACT_NOT_CONFIRMED");

        world.readyTime(api, 8);
        String invoiceId = createInvoice();
        String detailId = onlyDetail(invoiceId).get("id").asString();
        JsonNode paidEarly = api.post("/invoices/" + invoiceId + "/paid").problem(409, "INVOICE_STATUS");
        assertThat(paidEarly.get("detail").asString()).contains("only after it is confirmed");
        api.post("/invoices/" + invoiceId + "/revise").problem(409, "INVOICE_NOT_CONFIRMED");
        api.patch("/invoice-line-details/" + detailId, object("transactionClassification", "EXPENSE"))
                .problem(422, "CLASSIFICATION_CHANGE");
        api.post("/invoices/" + invoiceId + "/status", object("status", "CONFIRMED")).problem(400, "INVALID_INPUT");

        api.post("/invoices/" + invoiceId + "/confirm").ok();

        JsonNode readOnly = api.patch("/invoice-line-details/" + detailId, object("quantity", 6))
                .problem(409, "INVOICE_READ_ONLY");
        assertThat(readOnly.get("invoiceStatus").asString()).isEqualTo("Confirmed");
        api.delete("/invoice-line-details/" + detailId).problem(409, "INVOICE_READ_ONLY");
        api.delete("/invoices/" + invoiceId).problem(409, "INVOICE_READ_ONLY");
        api.post("/invoices/" + invoiceId + "/confirm").problem(409, "INVOICE_STATUS");
        api.post("/invoices/" + invoiceId + "/status", object("status", "IN_REVIEW")).problem(409, "INVOICE_STATUS");
        api.post("/invoices/" + invoiceId + "/refresh").problem(409, "INVOICE_READ_ONLY");
        api.post("/invoices/" + invoiceId + "/revise").created();
        api.post("/invoices/" + invoiceId + "/revise").problem(409, "ALREADY_CORRECTED");
        assertThat(onlyDetail(invoiceId).get("quantity").asString()).isEqualTo("8.00");
    }

    @Test
    void unreadableInputIsRefusedNamingTheField() {
        api.post("/contracts/" + world.contract() + "/invoices", object()).invalidInput("invoiceDate");
        api.post("/contracts/" + world.contract() + "/invoices", object("invoiceDate", "31.03.2026"))
                .invalidInput("invoiceDate");
        api.post("/invoices/bulk", object("contractIds", List.of(), "invoiceDate", INVOICE_DATE))
                .invalidInput("contractIds");
        api.post("/invoices/" + UUID.randomUUID() + "/status", object("status", "PAID")).invalidInput("status");
        api.patch("/invoice-line-details/" + UUID.randomUUID(), object("quantity", "eight")).invalidInput("quantity");
        api.post("/invoices/add", object("actualIds", List.of())).problem(400, "INVALID_INPUT");
        api.get("/invoices?contractId=" + UUID.randomUUID()).problem(404, "NOT_FOUND");
        api.post("/invoices/" + UUID.randomUUID() + "/confirm").problem(404, "NOT_FOUND");
    }

    @Test
    void aLineDetailAddedByHandIsBilledOnConfirmation() {
        world.readyTime(api, 8);
        String invoiceId = createInvoice();

        Reply added = api.post("/invoices/" + invoiceId + "/line-details", object("contractLineId", world.line(),
                "transactionClassification", "TIME", "date", "2026-03-02", "quantity", "2", "price", "200",
                "description", "Workshop"));

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("amount").asString()).isEqualTo("400.00");
        assertThat(api.get("/invoices/" + invoiceId).ok().get("totalAmount").asString()).isEqualTo("2000.00");
        assertThat(details(invoiceId)).hasSize(2);
        api.post("/invoices/" + invoiceId + "/confirm").ok();
        assertThat(actualRows()).filteredOn(row -> row.toList().get(0).equals("BILLED_SALES"))
                .extracting(row -> row.toList().get(2)).containsExactlyInAnyOrder("1600.00", "400.00");
    }

    private String createInvoice() {
        Reply created = api.post("/contracts/" + world.contract() + "/invoices", object("invoiceDate", INVOICE_DATE));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("ids").get(0).asString();
    }

    private List<JsonNode> details(String invoiceId) {
        return StreamSupport.stream(api.get("/invoices/" + invoiceId + "/line-details").ok().get("items").spliterator(),
                false).toList();
    }

    private JsonNode onlyDetail(String invoiceId) {
        List<JsonNode> details = details(invoiceId);
        assertThat(details).hasSize(1);
        return details.getFirst();
    }

    private JsonNode backlog() {
        return api.get("/backlog/time-and-material?contractId=" + world.contract()).ok();
    }

    /** The project's actuals as (type, quantity, amount, billing status, billing type, adjustment status). */
    private List<org.assertj.core.groups.Tuple> actualRows() {
        JsonNode page = api.get("/projects/" + world.project() + "/actuals?size=500").ok();
        List<org.assertj.core.groups.Tuple> rows = new ArrayList<>();
        page.get("items").forEach(a -> rows.add(tuple(name(a.get("transactionType")), a.get("quantity").asString(),
                a.get("amount").asString(), name(a.get("billingStatus")), name(a.get("billingType")),
                name(a.get("adjustmentStatus")))));
        assertThat(rows).hasSize((int) page.get("total").asLong());
        return rows;
    }

    private static String name(JsonNode option) {
        return option == null || option.isNull() ? null : option.get("name").asString();
    }
}
