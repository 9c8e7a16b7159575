package dev.tandem.server.operations;

import static dev.tandem.server.operations.ApiClient.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.invoicing.InvoiceCreation;
import dev.tandem.server.TandemApplication;
import dev.tandem.server.api.Idempotency;
import dev.tandem.server.database.OperationsDatabase;
import dev.tandem.server.jobs.BulkConfirmJobs;
import dev.tandem.server.jobs.PeriodicJobs;
import dev.tandem.server.operations.ApiClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Invoice schedules, scheduled runs and bulk confirmation over real HTTP on 127.0.0.1, on either database (§3.5,
 * §4.9, §8, §11 rule 14): a schedule generated for the worked example's line (§6) and run on its first run date,
 * which creates the draft and records Run Successful; a run with nothing Ready; the schedule refusals; bulk
 * confirmation accepted with 202 and followed until Complete; a job left Scheduled picked up as on a restart; and
 * the 250-invoice limit. Subclasses supply the databases; the daily trigger is off here (test configuration).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class)
abstract class InvoiceJobsApiContract {

    private static final String MARCH_31 = "2026-03-31";

    @LocalServerPort
    private int port;

    @Autowired
    @OperationsDatabase
    private JdbcTemplate jdbc;

    @Autowired
    private ProjectOperations operations;

    @Autowired
    private BulkConfirmJobs bulkConfirmJobs;

    @Autowired
    private ApplicationContext context;

    private ApiClient api;
    private ApiWorld world;

    @BeforeEach
    void confirmedContract() {
        api = new ApiClient(port);
        world = ApiWorld.build(api, null);
        api.post("/contracts/" + world.contract() + "/confirm").ok();
    }

    @Test
    void aMonthlyScheduleRunOnItsFirstRunDateCreatesTheDraftAndRecordsRunSuccessful() {
        JsonNode generated = api.post(schedulePath(), object("frequency", "MONTHLY", "start", "2026-03-01",
                "end", "2026-06-30", "dayOfMonth", 31)).ok();

        assertThat(generated.get("contractLineId").asString()).isEqualTo(world.line().toString());
        assertThat(generated.get("rows")).extracting(r -> r.get("invoiceRunDate").asString(),
                        r -> r.get("transactionCutoffDate").asString(), r -> r.get("runStatus").get("name").asString())
                .containsExactly(tuple("2026-03-31", "2026-03-30", "NOT_RUN"),
                        tuple("2026-04-30", "2026-04-29", "NOT_RUN"), tuple("2026-05-31", "2026-05-30", "NOT_RUN"),
                        tuple("2026-06-30", "2026-06-29", "NOT_RUN"));
        assertThat(generated.get("rows").get(0).get("runStatus").get("value").asInt()).isEqualTo(690970500);
        assertThat(api.get(schedulePath()).ok().get("total").asLong()).isEqualTo(4);
        world.readyTime(api, 8);

        JsonNode summary = api.post("/invoice-runs", object("runDate", MARCH_31)).ok();

        assertThat(summary.get("runDate").asString()).isEqualTo(MARCH_31);
        JsonNode run = runOf(summary, world.contract());
        assertThat(run.get("invoiceRunDate").asString()).isEqualTo(MARCH_31);
        assertThat(run.get("status").get("name").asString()).isEqualTo("RUN_SUCCESSFUL");
        assertThat(run.get("detail").isNull()).isTrue();
        String firstRow = generated.get("rows").get(0).get("id").asString();
        assertThat(run.get("scheduleRowIds")).singleElement()
                .satisfies(id -> assertThat(id.asString()).isEqualTo(firstRow));
        assertThat(run.get("invoiceIds")).hasSize(1);
        String invoiceId = run.get("invoiceIds").get(0).asString();
        JsonNode invoice = api.get("/invoices/" + invoiceId).ok();
        assertThat(invoice.get("status").get("name").asString()).isEqualTo("DRAFT");
        assertThat(invoice.get("invoiceDate").asString()).isEqualTo(MARCH_31);
        assertThat(invoice.get("contractId").asString()).isEqualTo(world.contract().toString());
        assertThat(invoice.get("totalAmount").asString()).isEqualTo("1600.00");
        JsonNode rows = api.get(schedulePath()).ok().get("items");
        assertThat(rows.get(0).get("runStatus").get("name").asString()).isEqualTo("RUN_SUCCESSFUL");
        assertThat(rows.get(0).get("runOn").asString()).endsWith("Z");
        assertThat(rows.get(0).get("invoiceIds")).singleElement()
                .satisfies(id -> assertThat(id.asString()).isEqualTo(invoiceId));
        assertThat(StreamSupport.stream(rows.spliterator(), false).skip(1)
                .map(r -> r.get("runStatus").get("name").asString())).containsOnly("NOT_RUN");

        // A second run for the same date finds the row already run: nothing twice.
        JsonNode again = api.post("/invoice-runs", object("runDate", MARCH_31)).ok();
        assertThat(runsOf(again, world.contract())).isEmpty();
        assertThat(api.get("/invoices?contractId=" + world.contract()).ok().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aRunWithNothingReadyIsRunSuccessfulWithoutInvoiceAndSaysSo() {
        api.post(schedulePath(), object("frequency", "DATES", "start", "2026-03-01", "end", MARCH_31,
                "dates", List.of(MARCH_31))).ok();

        JsonNode run = runOf(api.post("/invoice-runs", object("runDate", MARCH_31)).ok(), world.contract());

        assertThat(run.get("status").get("name").asString()).isEqualTo("RUN_SUCCESSFUL");
        assertThat(run.get("invoiceIds")).isEmpty();
        assertThat(run.get("detail").asString()).isEqualTo(InvoiceCreation.NOTHING_TO_INVOICE_TEXT);
        JsonNode row = api.get(schedulePath()).ok().get("items").get(0);
        assertThat(row.get("runStatus").get("name").asString()).isEqualTo("RUN_SUCCESSFUL");
        assertThat(row.get("runDetail").asString()).isEqualTo(InvoiceCreation.NOTHING_TO_INVOICE_TEXT);
        assertThat(row.get("invoiceIds")).isEmpty();
        assertThat(api.get("/invoices?contractId=" + world.contract()).ok().get("total").asLong()).isZero();
    }

    @Test
    void scheduleRefusalsNameTheFieldOrTheDuplicateDatesAndWriteNothing() {
        api.post(schedulePath(), object("frequency", "WEEKLY", "start", "2026-03-01", "end", "2026-03-15")).ok();

        JsonNode duplicate = api.post(schedulePath(), object("frequency", "DATES", "start", "2026-03-01",
                "end", MARCH_31, "dates", List.of("2026-03-08", MARCH_31))).problem(409, "DUPLICATE");
        assertThat(duplicate.get("runDates").isArray()).isTrue();
        assertThat(duplicate.get("runDates").get(0).asString()).isEqualTo("2026-03-08");
        api.post(schedulePath(), object("frequency", "MONTHLY", "start", "2026-03-01", "end", "2026-06-30"))
                .invalidInput("dayOfMonth");
        api.post(schedulePath(), object("frequency", "WEEKLY", "start", "2026-03-01", "end", "2026-06-30",
                "dates", List.of(MARCH_31))).invalidInput("dates");
        api.post(schedulePath(), object("frequency", "FORTNIGHTLY", "start", "2026-03-01", "end", "2026-06-30"))
                .invalidInput("frequency");
        api.post(schedulePath(), object("frequency", "WEEKLY", "start", "2026-03-01")).invalidInput("end");
        JsonNode backwards = api.post(schedulePath(), object("frequency", "WEEKLY", "start", "2026-06-30",
                "end", "2026-03-01")).problem(400, "INVALID_INPUT");
        assertThat(backwards.get("detail").asString()).contains("before its start date");
        api.post(schedulePath(), object("frequency", "MONTHLY", "start", "2026-03-01", "end", "2026-06-30",
                "dayOfMonth", 32)).problem(400, "INVALID_INPUT");

        assertThat(api.get(schedulePath()).ok().get("items")).extracting(r -> r.get("invoiceRunDate").asString())
                .containsExactly("2026-03-08", "2026-03-15");
        api.get("/contract-lines/" + UUID.randomUUID() + "/invoice-schedule").problem(404, "NOT_FOUND");
        api.post("/contract-lines/" + UUID.randomUUID() + "/invoice-schedule", object("frequency", "WEEKLY",
                "start", "2026-03-01", "end", "2026-06-30")).problem(404, "NOT_FOUND");
        api.post("/invoice-runs", object("runDate", "31.03.2026")).invalidInput("runDate");
    }

    @Test
    void aScheduleGeneratedTwiceWithOneKeyAnswersTheFirstSchedule() {
        ApiClient keyed = api.header(Idempotency.HEADER, UUID.randomUUID().toString());
        Object body = object("frequency", "BIWEEKLY", "start", "2026-03-01", "end", "2026-04-30");

        Reply first = keyed.post(schedulePath(), body);
        Reply again = keyed.post(schedulePath(), body);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("rows")).extracting(r -> r.get("invoiceRunDate").asString())
                .containsExactly("2026-03-15", "2026-03-29", "2026-04-12", "2026-04-26");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
        // Without the key the same request is new work, which the domain refuses.
        api.post(schedulePath(), body).problem(409, "DUPLICATE");
    }

    @Test
    void bulkConfirmationIsAcceptedAndConfirmsEveryInvoiceInTheBackground() {
        String first = draftInvoice(world);
        String second = draftInvoice(confirmedWorld());

        Reply reply = api.post("/invoices/bulk-confirm", object("ids", List.of(first, second)));

        JsonNode accepted = reply.accepted("/bulk-confirm-jobs/");
        assertThat(accepted.get("status").get("name").asString()).isEqualTo("SCHEDULED");
        assertThat(accepted.get("status").get("value").asInt()).isEqualTo(690970300);
        assertThat(accepted.get("invoiceCount").asInt()).isEqualTo(2);
        assertThat(accepted.get("createdBy").asString()).isEqualTo(dev.tandem.server.TestAuth.ADMIN);
        assertThat(accepted.get("startedOn").isNull()).isTrue();
        assertThat(accepted.get("invoices")).extracting(i -> i.get("invoiceId").asString(),
                i -> i.get("outcome").isNull()).containsExactly(tuple(first, true), tuple(second, true));
        JsonNode job = finished(reply.locationPath());
        assertThat(job.get("status").get("name").asString()).isEqualTo("COMPLETE");
        assertThat(job.get("confirmedCount").asInt()).isEqualTo(2);
        assertThat(job.get("failedCount").asInt()).isZero();
        assertThat(job.get("startedOn").asString()).endsWith("Z");
        assertThat(job.get("finishedOn").asString()).endsWith("Z");
        assertThat(job.get("invoices")).extracting(i -> i.get("outcome").get("name").asString())
                .containsExactly("COMPLETE", "COMPLETE");
        for (String id : List.of(first, second)) {
            JsonNode invoice = api.get("/invoices/" + id).ok();
            assertThat(invoice.get("status").get("name").asString()).isEqualTo("CONFIRMED");
            assertThat(invoice.get("bulkConfirmationStatus").get("name").asString()).isEqualTo("COMPLETE");
        }
        // Confirmed invoices don't qualify again: the action is refused, naming the invoice.
        JsonNode refused = api.post("/invoices/bulk-confirm", object("ids", List.of(first)))
                .problem(409, "INVOICE_STATUS");
        assertThat(refused.get("detail").asString()).contains("is Confirmed");
    }

    @Test
    void bulkConfirmationRepeatedWithItsKeyAnswersTheSameJobAndLocation() {
        String invoice = draftInvoice(world);
        ApiClient keyed = api.header(Idempotency.HEADER, UUID.randomUUID().toString());
        int jobsBefore = jobCount();

        Reply first = keyed.post("/invoices/bulk-confirm", object("ids", List.of(invoice)));
        Reply again = keyed.post("/invoices/bulk-confirm", object("ids", List.of(invoice)));

        first.accepted("/bulk-confirm-jobs/");
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(jobCount()).isEqualTo(jobsBefore + 1);
        assertThat(finished(first.locationPath()).get("status").get("name").asString()).isEqualTo("COMPLETE");
    }

    @Test
    void aJobLeftScheduledIsProcessedWhenTheServerIsReady() {
        String invoice = draftInvoice(world);
        // Scheduled in the domain only, as if the server had stopped before handing the job to its worker.
        UUID jobId = operations.invoicing().bulkConfirmation().schedule(List.of(UUID.fromString(invoice)));
        assertThat(api.get("/bulk-confirm-jobs/" + jobId).ok().get("status").get("name").asString())
                .isEqualTo("SCHEDULED");

        bulkConfirmJobs.resumeScheduled();

        JsonNode job = finished("/bulk-confirm-jobs/" + jobId);
        assertThat(job.get("status").get("name").asString()).isEqualTo("COMPLETE");
        assertThat(api.get("/invoices/" + invoice).ok().get("status").get("name").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void moreThan250InvoicesAreRefusedAndNothingIsWritten() {
        String invoice = draftInvoice(world);
        List<String> ids = new ArrayList<>(List.of(invoice));
        while (ids.size() < 251) {
            ids.add(UUID.randomUUID().toString());
        }
        int jobsBefore = jobCount();

        JsonNode refused = api.post("/invoices/bulk-confirm", object("ids", ids)).problem(400, "INVALID_INPUT");

        assertThat(refused.get("detail").asString()).contains("at most 250", "251");
        assertThat(refused.get("maximum").asInt()).isEqualTo(250);
        assertThat(refused.get("given").asInt()).isEqualTo(251);
        assertThat(jobCount()).isEqualTo(jobsBefore);
        JsonNode untouched = api.get("/invoices/" + invoice).ok();
        assertThat(untouched.get("status").get("name").asString()).isEqualTo("DRAFT");
        assertThat(untouched.get("bulkConfirmationStatus").isNull()).isTrue();
        // The other refusals of the action, equally all or nothing.
        JsonNode unknown = api.post("/invoices/bulk-confirm", object("ids", List.of(invoice, ids.get(1))))
                .problem(404, "NOT_FOUND");
        assertThat(unknown.get("ids").get(0).asString()).isEqualTo(ids.get(1));
        api.post("/invoices/bulk-confirm", object("ids", List.of())).invalidInput("ids");
        assertThat(jobCount()).isEqualTo(jobsBefore);
        assertThat(api.get("/invoices/" + invoice).ok().get("bulkConfirmationStatus").isNull()).isTrue();
        api.get("/bulk-confirm-jobs/" + UUID.randomUUID()).problem(404, "NOT_FOUND");
    }

    @Test
    void withScheduledRunsDisabledTheServerRunsNoScheduler() {
        assertThat(context.getBeanProvider(PeriodicJobs.class).getIfAvailable()).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Integer.class)).isZero();
    }

    private String schedulePath() {
        return "/contract-lines/" + world.line() + "/invoice-schedule";
    }

    private ApiWorld confirmedWorld() {
        ApiWorld other = ApiWorld.build(api, null);
        api.post("/contracts/" + other.contract() + "/confirm").ok();
        return other;
    }

    /** A draft of 8 h in {@code of}'s contract; answers its id. */
    private String draftInvoice(ApiWorld of) {
        of.readyTime(api, 8);
        Reply created = api.post("/contracts/" + of.contract() + "/invoices", object("invoiceDate", MARCH_31));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("ids").get(0).asString();
    }

    /** Polls the job until it is Complete or Failed. */
    private JsonNode finished(String jobPath) {
        return Await.until("bulk confirmation job " + jobPath, () -> api.get(jobPath).ok(), job -> {
            String status = job.get("status").get("name").asString();
            return status.equals("COMPLETE") || status.equals("FAILED");
        });
    }

    private int jobCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tdm_bulkconfirmjob", Integer.class);
    }

    /** The runs of one contract in a run summary. */
    private static List<JsonNode> runsOf(JsonNode summary, UUID contractId) {
        return StreamSupport.stream(summary.get("runs").spliterator(), false)
                .filter(r -> r.get("contractId").asString().equals(contractId.toString())).toList();
    }

    /** The one run of a contract in a run summary; other tests' contracts may have been due as well. */
    private static JsonNode runOf(JsonNode summary, UUID contractId) {
        List<JsonNode> runs = runsOf(summary, contractId);
        assertThat(runs).as("runs of contract %s in %s", contractId, summary).hasSize(1);
        return runs.getFirst();
    }
}
