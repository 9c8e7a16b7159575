package dev.tandem.server.operations;

import static dev.tandem.server.operations.ApiClient.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.TandemApplication;
import dev.tandem.server.database.OperationsDatabase;
import dev.tandem.server.operations.ApiClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The Project Operations API over real HTTP on 127.0.0.1, on either database: the worked example from master data to
 * the billing backlog, not-to-exceed, the work entry lifecycle, contracts, master data and paging. Subclasses supply
 * the databases; tests share one server and keep apart by building their own world ({@link ApiWorld}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class)
abstract class OperationsApiContract {

    @LocalServerPort
    private int port;

    @Autowired
    @OperationsDatabase
    private JdbcTemplate jdbc;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void workedExampleFromMasterDataToTheBillingBacklog() {
        ApiWorld world = ApiWorld.build(api, null);
        JsonNode confirmed = api.post("/contracts/" + world.contract() + "/confirm").ok();
        assertThat(confirmed.get("status").get("name").asString()).isEqualTo("CONFIRMED");

        UUID entry = api.post("/work-entries", world.time(8)).created();
        JsonNode draft = api.get("/work-entries/" + entry).ok();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("quantity").asString()).isEqualTo("8.00");
        assertThat(draft.get("roleId").asString()).isEqualTo(world.developer().toString());
        assertOption(draft.get("transactionClass"), "TIME", 192350000, "Time");
        assertThat(api.post("/work-entries/" + entry + "/submit").ok().get("status").asString()).isEqualTo("SUBMITTED");
        JsonNode approval = api.post("/work-entries/" + entry + "/approve").ok();
        assertThat(approval.get("entries").asInt()).isEqualTo(1);
        assertThat(approval.get("actuals").asInt()).isEqualTo(2);

        JsonNode actuals = api.get("/projects/" + world.project() + "/actuals").ok();
        assertThat(actuals.get("total").asLong()).isEqualTo(2);
        JsonNode cost = ofType(actuals, "COST");
        assertOption(cost.get("transactionType"), "COST", 192350000, "Cost");
        assertThat(cost.get("quantity").asString()).isEqualTo("8.00");
        assertThat(cost.get("price").asString()).isEqualTo("100.00");
        assertThat(cost.get("amount").asString()).isEqualTo("800.00");
        assertThat(cost.get("currency").asString()).isEqualTo("USD");
        assertThat(cost.get("billingStatus").isNull()).isTrue();
        JsonNode unbilled = ofType(actuals, "UNBILLED_SALES");
        assertThat(unbilled.get("quantity").asString()).isEqualTo("8.00");
        assertThat(unbilled.get("price").asString()).isEqualTo("200.00");
        assertThat(unbilled.get("amount").asString()).isEqualTo("1600.00");
        assertOption(unbilled.get("billingStatus"), "UNBILLED_SALES_CREATED", 192350000, "Unbilled Sales Created");
        assertThat(unbilled.get("billingType").get("name").asString()).isEqualTo("CHARGEABLE");
        assertThat(unbilled.get("nteStatus").get("name").asString()).isEqualTo("NOT_APPLICABLE");
        assertThat(unbilled.get("contractLineId").asString()).isEqualTo(world.line().toString());
        assertThat(unbilled.get("customerId").asString()).isEqualTo(world.customer().toString());
        assertThat(unbilled.get("sourceDocumentId").asString()).isEqualTo(entry.toString());
        String unbilledId = unbilled.get("id").asString();

        JsonNode connection = api.get("/actuals/" + unbilledId + "/connections").ok().get("items").get(0);
        assertThat(connection.get("transaction1").asString()).isEqualTo(unbilledId);
        assertThat(connection.get("role1").get("name").asString()).isEqualTo("UNBILLED_SALES");
        assertThat(connection.get("transaction2").asString()).isEqualTo(cost.get("id").asString());
        assertThat(connection.get("role2").get("name").asString()).isEqualTo("COST");

        JsonNode backlog = api.get("/backlog/time-and-material?projectId=" + world.project()).ok();
        assertThat(backlog.get("total").asLong()).isEqualTo(1);
        assertThat(backlog.get("items").get(0).get("id").asString()).isEqualTo(unbilledId);
        assertThat(backlog.get("totals")).hasSize(1);
        JsonNode usd = backlog.get("totals").get(0);
        assertThat(usd.get("currency").asString()).isEqualTo("USD");
        assertThat(usd.get("count").asLong()).isEqualTo(1);
        assertThat(usd.get("amount").asString()).isEqualTo("1600.00");
        assertThat(usd.get("chargeableAmount").asString()).isEqualTo("1600.00");

        api.post("/backlog/actuals/ready", object("ids", List.of(unbilledId))).noContent();
        assertThat(api.get("/actuals/" + unbilledId).ok().get("billingStatus").get("name").asString())
                .isEqualTo("READY_TO_INVOICE");
        assertThat(api.get("/backlog/time-and-material?readyOnly=true&contractId=" + world.contract()).ok()
                .get("total").asLong()).isEqualTo(1);
        api.post("/backlog/actuals/not-ready", object("ids", List.of(unbilledId))).noContent();
        assertThat(api.get("/backlog/time-and-material?readyOnly=true&contractId=" + world.contract()).ok()
                .get("total").asLong()).isZero();
    }

    @Test
    void anNteFailedActualCannotBeMarkedReadyAndTheProblemNamesLimitCommittedAndRequested() {
        ApiWorld world = ApiWorld.build(api, "1000");
        world.approvedTime(api, 8); // 1,600 against a line limit of 1,000
        JsonNode unbilled = ofType(api.get("/projects/" + world.project() + "/actuals").ok(), "UNBILLED_SALES");
        String id = unbilled.get("id").asString();
        assertOption(unbilled.get("nteStatus"), "FAILED", 690970202, "Failed");
        assertThat(unbilled.get("nteDetail").asString()).contains("contract line", "1000.00");

        JsonNode problem = api.post("/backlog/actuals/ready", object("ids", List.of(id))).problem(409, "NTE_FAILED");

        assertThat(problem.get("title").asString()).isEqualTo("Not-to-exceed validation failed");
        assertThat(problem.get("detail").asString()).contains(id, "1000.00", "1600.00");
        assertThat(problem.get("limit").asString()).isEqualTo("1000.00");
        assertThat(problem.get("committed").asString()).isEqualTo("0.00");
        assertThat(problem.get("requested").asString()).isEqualTo("1600.00");
        assertThat(problem.get("level").asString()).isEqualTo("CONTRACT_LINE");
        assertThat(problem.get("currency").asString()).isEqualTo("USD");
        assertThat(problem.get("actualId").asString()).isEqualTo(id);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/operations/backlog/actuals/ready");
        assertThat(api.get("/actuals/" + id).ok().get("billingStatus").get("name").asString())
                .isEqualTo("UNBILLED_SALES_CREATED");

        JsonNode reset = api.post("/actuals/nte/reset", object("ids", List.of(id))).ok();
        assertThat(reset.get("reset").get(0).asString()).isEqualTo(id);
        assertThat(api.get("/actuals/" + id).ok().get("nteStatus").get("name").asString()).isEqualTo("NOT_EVALUATED");
        JsonNode result = api.post("/actuals/nte/reevaluate", object("ids", List.of(id))).ok().get("results").get(0);
        assertThat(result.get("actualId").asString()).isEqualTo(id);
        assertThat(result.get("nteStatus").get("name").asString()).isEqualTo("FAILED");
    }

    @Test
    void aContractCustomerLimitIsTheThirdNteLevel() {
        ApiWorld world = ApiWorld.build(api, null);
        api.put("/contracts/" + world.contract() + "/customers/" + world.customer() + "/nte-limit",
                object("nteLimit", "1000")).noContent();
        world.approvedTime(api, 5); // 1,000 fits exactly
        world.approvedTime(api, 1); // 200 more does not

        JsonNode backlog = api.get("/backlog/time-and-material?contractId=" + world.contract()).ok();

        assertThat(backlog.get("total").asLong()).isEqualTo(2);
        List<String> statuses = new ArrayList<>();
        backlog.get("items").forEach(a -> statuses.add(a.get("nteStatus").get("name").asString()));
        assertThat(statuses).containsExactlyInAnyOrder("COMMITTED", "FAILED");
        assertThat(backlog.get("totals").get(0).get("amount").asString()).isEqualTo("1200.00");
    }

    @Test
    void workEntryLifecycleSubmitRejectRecallApproveAndCancelApproval() {
        ApiWorld world = ApiWorld.build(api, null);
        Reply bulk = api.post("/work-entries/bulk", List.of(world.time(1), world.time(2), world.time(3)));
        assertThat(bulk.status()).isEqualTo(201);
        JsonNode created = bulk.json();
        assertThat(created.get("ids")).hasSize(3);
        List<String> ids = StreamSupport.stream(created.get("ids").spliterator(), false).map(JsonNode::asString)
                .toList();
        api.post("/work-entries/submit", object("ids", ids)).noContent();

        JsonNode rejected = api.post("/work-entries/" + ids.get(0) + "/reject", object("reason", "Wrong project")).ok();
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejectionReason").asString()).isEqualTo("Wrong project");
        assertThat(api.post("/work-entries/" + ids.get(0) + "/recall").ok().get("status").asString()).isEqualTo("DRAFT");
        JsonNode refused = api.post("/work-entries/" + ids.get(0) + "/approve").problem(409, "ENTRY_STATE");
        assertThat(refused.get("entryId").asString()).isEqualTo(ids.get(0));
        assertThat(refused.get("detail").asString()).contains("is DRAFT");

        JsonNode approval = api.post("/work-entries/approve", object("ids", ids.subList(1, 3))).ok();
        assertThat(approval.get("entries").asInt()).isEqualTo(2);
        assertThat(approval.get("actuals").asInt()).isEqualTo(4);

        JsonNode cancelled = api.post("/work-entries/" + ids.get(1) + "/cancel-approval").ok();
        assertThat(cancelled.get("status").asString()).isEqualTo("DRAFT");
        JsonNode actuals = api.get("/projects/" + world.project() + "/actuals").ok();
        assertThat(actuals.get("total").asLong()).isEqualTo(6);
        List<String> adjustments = new ArrayList<>();
        actuals.get("items").forEach(a -> {
            if (a.get("sourceDocumentId").asString().equals(ids.get(1))) {
                adjustments.add(a.get("adjustmentStatus").get("name").asString());
            }
        });
        assertThat(adjustments).containsExactlyInAnyOrder("ADJUSTED", "ADJUSTED", "UNADJUSTABLE", "UNADJUSTABLE");
        JsonNode backlog = api.get("/backlog/time-and-material?projectId=" + world.project()).ok();
        assertThat(backlog.get("total").asLong()).isEqualTo(1);
        assertThat(backlog.get("items").get(0).get("sourceDocumentId").asString()).isEqualTo(ids.get(2));
    }

    /**
     * §11 rule 10 [D:MCL]: a contract-line customer that actuals bill can't be removed from the line — the refusal
     * names it and writes nothing — but its split can go to 0 %, after which approval gives it no new actuals (not
     * even zero-amount ones) and the other customers share the whole. A customer without actuals is removed as before.
     */
    @Test
    void aLineCustomerWithActualsIsSetToZeroPercentInsteadOfRemoved() {
        ApiWorld world = ApiWorld.build(api, null);
        UUID partner = api.post("/accounts", object("accountNumber", "CP-" + world.key(), "name", "Partner")).created();
        UUID third = api.post("/accounts", object("accountNumber", "CT-" + world.key(), "name", "Third")).created();
        String line = "/contract-lines/" + world.line();
        api.put(line + "/customers", List.of(object("accountId", world.customer(), "splitPercent", 50),
                object("accountId", partner, "splitPercent", 50), object("accountId", third, "splitPercent", 0)))
                .noContent();
        world.approvedTime(api, 8);
        assertThat(unbilledSales(world, partner)).containsExactly("800.00");
        assertThat(unbilledSales(world, third)).isEmpty();
        JsonNode before = api.get(line + "/customers").ok();
        String partnerRow = customerRow(before, partner).get("id").asString();
        int rows = splitRows(world);

        // Leaving the partner out — with or without the others changing — is refused, naming it; nothing changes.
        JsonNode refused = api.put(line + "/customers", List.of(object("accountId", world.customer(), "splitPercent",
                100))).problem(409, "LINE_CUSTOMER_HAS_ACTUALS");
        assertThat(refused.get("detail").asString()).isEqualTo("Contract line customer CP-" + world.key()
                + " of contract line 1 'Development' of contract PC-" + world.key() + " has 1 actual, so it can't be "
                + "removed; set its billing split to 0 % instead (§11 rule 10)");
        assertThat(refused.get("title").asString()).isEqualTo("A contract-line customer with actuals can't be removed");
        assertThat(refused.get("contractLineId").asString()).isEqualTo(world.line().toString());
        assertThat(refused.get("lineCustomerId").asString()).isEqualTo(partnerRow);
        assertThat(refused.get("accountId").asString()).isEqualTo(partner.toString());
        assertThat(refused.get("actuals").asInt()).isOne();
        api.put(line + "/customers", List.of(object("accountId", world.customer(), "splitPercent", 60),
                object("accountId", third, "splitPercent", 40))).problem(409, "LINE_CUSTOMER_HAS_ACTUALS");
        assertThat(api.get(line + "/customers").ok()).isEqualTo(before);
        assertThat(splitRows(world)).isEqualTo(rows);

        // 0 % is allowed (the splits still total 100 %); the partner keeps its row. The third customer, which has no
        // actuals, may go.
        api.put(line + "/customers", List.of(object("accountId", world.customer(), "splitPercent", 100),
                object("accountId", partner, "splitPercent", 0))).noContent();
        JsonNode after = api.get(line + "/customers").ok();
        assertThat(after.get("total").asLong()).isEqualTo(2);
        assertThat(customerRow(after, partner).get("id").asString()).isEqualTo(partnerRow);
        assertThat(customerRow(after, partner).get("splitPercent").asString()).isEqualTo("0.00");
        assertThat(customerRow(after, world.customer()).get("rounding").asBoolean()).isTrue();

        // New approvals bill the whole to the customer; the 0 % partner gets no new actual, not even a zero one.
        world.approvedTime(api, 8);
        assertThat(unbilledSales(world, world.customer())).containsExactlyInAnyOrder("800.00", "1600.00");
        assertThat(unbilledSales(world, partner)).containsExactly("800.00");
        // Still refused: the partner keeps its actuals at 0 %.
        api.put(line + "/customers", List.of(object("accountId", world.customer(), "splitPercent", 100)))
                .problem(409, "LINE_CUSTOMER_HAS_ACTUALS");
    }

    private List<String> unbilledSales(ApiWorld world, UUID customer) {
        List<String> amounts = new ArrayList<>();
        api.get("/projects/" + world.project() + "/actuals?size=500").ok().get("items").forEach(a -> {
            if (a.get("transactionType").get("name").asString().equals("UNBILLED_SALES")
                    && customer.toString().equals(a.get("customerId").asString())) {
                amounts.add(a.get("amount").asString());
            }
        });
        return amounts;
    }

    private static JsonNode customerRow(JsonNode customers, UUID account) {
        return StreamSupport.stream(customers.get("items").spliterator(), false)
                .filter(c -> c.get("accountId").asString().equals(account.toString())).findFirst()
                .orElseThrow(() -> new AssertionError("no customer " + account + " in " + customers));
    }

    private int splitRows(ApiWorld world) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM msdyn_projectcontractsplitbillingrule WHERE "
                + "msdyn_contractline = ?", Integer.class, world.line());
    }

    @Test
    void contractLinesCustomersChargeabilityMilestonesAndConfirmation() {
        ApiWorld world = ApiWorld.build(api, null);
        UUID partner = api.post("/accounts", object("accountNumber", "CP-" + world.key(), "name", "Partner")).created();
        String line = "/contract-lines/" + world.line();

        api.put(line + "/customers", List.of(object("accountId", world.customer(), "splitPercent", 60),
                object("accountId", partner, "splitPercent", "40", "rounding", true))).noContent();
        api.put(line + "/customers", List.of(object("accountId", world.customer(), "splitPercent", 90)))
                .problem(422, "SPLIT_NOT_100");
        JsonNode customers = api.get(line + "/customers").ok();
        assertThat(customers.get("total").asLong()).isEqualTo(2);
        assertThat(customers.get("items").get(0).get("splitPercent").asString()).isEqualTo("60.00");
        assertThat(customers.get("items").get(1).get("rounding").asBoolean()).isTrue();

        api.put(line + "/chargeability", List.of(object("componentType", "ROLE", "componentId", world.developer(),
                "billingType", "NON_CHARGEABLE"))).noContent();
        JsonNode rule = api.get(line + "/chargeability").ok().get("items").get(0);
        assertThat(rule.get("componentType").asString()).isEqualTo("ROLE");
        assertOption(rule.get("billingType"), "NON_CHARGEABLE", 192350000, "Non Chargeable");

        UUID otherProject = api.post("/projects", object("projectNumber", "PF-" + world.key(), "name", "Fixed scope",
                "contractingUnitId", world.unit())).created();
        UUID fixed = api.post("/contracts/" + world.contract() + "/lines", object("name", "Implementation",
                "billingMethod", "FIXED_PRICE", "projectId", otherProject, "includeTime", true,
                "contractedAmount", "5000")).created();
        JsonNode fixedLine = api.get("/contract-lines/" + fixed).ok();
        assertOption(fixedLine.get("billingMethod"), "FIXED_PRICE", 192350001, "Fixed Price");
        assertThat(fixedLine.get("contractedAmount").asString()).isEqualTo("5000.00");
        assertThat(fixedLine.get("lineNumber").asInt()).isEqualTo(2);
        api.put("/contract-lines/" + fixed + "/milestones", List.of(object("name", "Design", "milestoneDate",
                "2026-03-15", "amount", "2000"))).problem(422, "MILESTONES_NOT_CONTRACTED_AMOUNT");
        api.put(line + "/milestones", List.of(object("name", "Design", "milestoneDate", "2026-03-15", "amount",
                "2000"))).problem(422, "MILESTONE_NOT_ON_FIXED_PRICE_LINE");
        JsonNode milestoneIds = api.put("/contract-lines/" + fixed + "/milestones", List.of(
                object("name", "Design", "milestoneDate", "2026-03-15", "amount", "2000"),
                object("name", "Go-live", "milestoneDate", "2026-04-30", "amount", 3000, "tax", "300"))).ok();
        assertThat(milestoneIds.get("ids")).hasSize(2);
        JsonNode goLive = api.get("/contract-lines/" + fixed + "/milestones").ok().get("items").get(1);
        assertThat(goLive.get("id").asString()).isEqualTo(milestoneIds.get("ids").get(1).asString());
        assertThat(goLive.get("amountAfterTax").asString()).isEqualTo("3300.00");
        assertOption(goLive.get("invoiceStatus"), "NOT_READY_FOR_INVOICING", 192350000, "Not Ready for invoicing");

        JsonNode milestoneBacklog = api.get("/backlog/milestones?contractId=" + world.contract()).ok();
        assertThat(milestoneBacklog.get("total").asLong()).isEqualTo(2);
        assertThat(milestoneBacklog.get("totals").get(0).get("amount").asString()).isEqualTo("5000.00");
        api.post("/backlog/milestones/ready", object("ids", List.of(goLive.get("id").asString()))).noContent();
        assertThat(api.get("/backlog/milestones?readyOnly=true&contractId=" + world.contract()).ok().get("total")
                .asLong()).isEqualTo(1);

        UUID nextYear = api.post("/price-lists", object("name", "Sales 2027 " + world.key(), "context", "SALES",
                "currency", "USD", "validFrom", "2027-01-01")).created();
        api.post("/contracts/" + world.contract() + "/sales-price-lists", object("priceListId", nextYear)).noContent();
        // Adding a list the contract already has states the wanted result again: accepted, nothing doubled.
        api.post("/contracts/" + world.contract() + "/sales-price-lists", object("priceListId", nextYear)).noContent();
        assertThat(api.get("/contracts/" + world.contract() + "/lines").ok().get("total").asLong()).isEqualTo(2);

        JsonNode contract = api.post("/contracts/" + world.contract() + "/confirm").ok();
        assertOption(contract.get("status"), "CONFIRMED", 192350001, "Confirmed");
        UUID third = api.post("/projects", object("projectNumber", "PT-" + world.key(), "name", "Late",
                "contractingUnitId", world.unit())).created();
        api.post("/contracts/" + world.contract() + "/lines", ApiWorld.timeAndMaterialLine("Late", third, null))
                .problem(409, "CONTRACT_NOT_DRAFT");
    }

    @Test
    void masterDataIsReadBackWhereTheLocationSays() {
        ApiWorld world = ApiWorld.build(api, null);
        Reply task = api.post("/projects/" + world.project() + "/tasks", object("wbsId", "1.1", "name", "Design"));
        UUID taskId = task.created();
        UUID category = api.post("/transaction-categories", object("name", "Travel " + world.key())).created();
        UUID product = api.post("/products", object("productNumber", "SKU-" + world.key(), "name", "Router",
                "unit", "each")).created();

        assertThat(api.get("/tasks/" + taskId).ok().get("wbsId").asString()).isEqualTo("1.1");
        assertThat(api.get("/tasks/" + taskId).ok().get("projectId").asString()).isEqualTo(world.project().toString());
        assertThat(api.get("/accounts/" + world.customer()).ok().get("accountNumber").asString())
                .isEqualTo("C-" + world.key());
        JsonNode project = api.get("/projects/" + world.project()).ok();
        assertThat(project.get("contractingUnitId").asString()).isEqualTo(world.unit().toString());
        assertThat(project.get("customerId").asString()).isEqualTo(world.customer().toString());
        assertThat(api.get("/organizational-units/" + world.unit()).ok().get("currency").asString()).isEqualTo("USD");
        assertThat(api.get("/roles/" + world.developer()).ok().get("name").asString())
                .isEqualTo("Developer " + world.key());
        assertThat(api.get("/resources/" + world.resource()).ok().get("defaultRoleId").asString())
                .isEqualTo(world.developer().toString());
        assertThat(api.get("/transaction-categories/" + category).ok().get("name").asString()).startsWith("Travel");
        assertThat(api.get("/products/" + product).ok().get("unit").asString()).isEqualTo("each");
        JsonNode costList = api.get("/price-lists/" + world.costList()).ok();
        assertOption(costList.get("context"), "COST", 192350000, "Cost");
        assertThat(costList.get("validFrom").asString()).isEqualTo("2026-01-01");
        assertThat(costList.get("validTo").isNull()).isTrue();
        assertThat(api.get(task.headers().firstValue("Location").orElseThrow()
                .substring(("http://127.0.0.1:" + port + OperationsApi.BASE).length())).status()).isEqualTo(200);

        int accounts = count("account");
        api.post("/accounts", object("accountNumber", "C-" + world.key(), "name", "Again")).problem(409, "DUPLICATE");
        assertThat(count("account")).isEqualTo(accounts);
        JsonNode unknown = api.get("/accounts/" + UUID.randomUUID()).problem(404, "NOT_FOUND");
        assertThat(unknown.get("entity").asString()).isEqualTo("account");
        api.put("/price-lists/" + world.costList() + "/role-prices/" + world.developer(), object("price", "-1"))
                .problem(400, "INVALID_INPUT");
        api.post("/projects/" + world.project() + "/tasks", object("wbsId", "1.1", "name", "Twice"))
                .problem(409, "DUPLICATE");
    }

    @Test
    void listsArePagedWithTheTotalOfAllPages() {
        ApiWorld world = ApiWorld.build(api, null);
        List<Object> entries = IntStream.rangeClosed(2, 6).mapToObj(day -> (Object) object("transactionClass", "TIME",
                "projectId", world.project(), "resourceId", world.resource(), "date", "2026-03-0" + day,
                "quantity", day)).toList();
        assertThat(api.post("/work-entries/bulk", entries).status()).isEqualTo(201);
        String list = "/projects/" + world.project() + "/work-entries";

        JsonNode first = api.get(list + "?size=2").ok();
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(dates(first)).containsExactly("2026-03-06", "2026-03-05");
        JsonNode last = api.get(list + "?size=2&page=2").ok();
        assertThat(dates(last)).containsExactly("2026-03-02");
        assertThat(last.get("total").asLong()).isEqualTo(5);
        assertThat(api.get(list + "?size=2&page=3").ok().get("items")).isEmpty();
        assertThat(api.get(list + "?status=DRAFT").ok().get("total").asLong()).isEqualTo(5);
        assertThat(api.get(list + "?status=SUBMITTED").ok().get("total").asLong()).isZero();

        JsonNode contracts = api.get("/contracts?size=1").ok();
        assertThat(contracts.get("items")).hasSize(1);
        assertThat(contracts.get("total").asLong()).isEqualTo(count("salesorder"));
        JsonNode accounts = api.get("/accounts?size=1&page=0").ok();
        assertThat(accounts.get("total").asLong()).isEqualTo(count("account"));
    }

    private static List<String> dates(JsonNode page) {
        List<String> dates = new ArrayList<>();
        page.get("items").forEach(e -> dates.add(e.get("date").asString()));
        return dates;
    }

    private static JsonNode ofType(JsonNode page, String transactionType) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(a -> a.get("transactionType").get("name").asString().equals(transactionType))
                .findFirst().orElseThrow(() -> new AssertionError("no " + transactionType + " actual in " + page));
    }

    private static void assertOption(JsonNode option, String name, int value, String label) {
        assertThat(option.get("name").asString()).isEqualTo(name);
        assertThat(option.get("value").asInt()).isEqualTo(value);
        assertThat(option.get("label").asString()).isEqualTo(label);
    }

    private int count(String table) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
        return n == null ? 0 : n;
    }
}
