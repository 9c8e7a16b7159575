package dev.tandem.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.finance.Finance;
import dev.tandem.server.TandemApplication;
import dev.tandem.server.database.FinanceDatabase;
import dev.tandem.server.database.OperationsDatabase;
import dev.tandem.server.jobs.FinanceJob;
import dev.tandem.server.jobs.PeriodicJobs;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What each run of Finance's jobs (§8) does and records, one run at a time, on either database: the jobs are on with
 * an hourly interval, so after their first run at start nothing runs unless a test makes a job due now through the
 * scheduler. Step by step, a confirmed invoice's proposal is posted only once it is ready (lines imported after the
 * unbilled sales were journalized and posted), each run's counts are those of the step, and a job that fails is
 * recorded as FAILED with its message, logged, and runs normally the next time. Subclasses supply the databases.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class, properties = {
        "tandem.dualwrite.auto-run=true", "tandem.finance.jobs.enabled=true",
        "tandem.finance.jobs.import-from-staging.interval=PT1H",
        "tandem.finance.jobs.post-integration-journals.interval=PT1H",
        "tandem.finance.jobs.post-invoice-proposals.interval=PT1H"})
abstract class FinanceJobRunsContract {

    @LocalServerPort
    private int port;

    @Autowired
    private Finance finance;

    @Autowired
    private PeriodicJobs scheduler;

    @Autowired
    private dev.tandem.server.jobs.FinanceJobRuns runs;

    @Autowired
    @OperationsDatabase
    private JdbcTemplate operations;

    @Autowired
    @FinanceDatabase
    private JdbcTemplate financeDb;

    private ApiClient api;
    private ApiClient financeApi;

    /** Every job has had its first run, at the start of the server, before the test sets anything up. */
    @BeforeEach
    void firstRunsDone() {
        api = new ApiClient(port);
        financeApi = ApiClient.of(port, "/api/finance");
        for (FinanceJob job : FinanceJob.values()) {
            Await.until(job.key() + "'s first run", () -> job(job), j -> !j.get("lastRun").isNull());
        }
    }

    /**
     * Issue 14, finding 3: an execution a killed process left picked is released when a scheduler starts on an
     * embedded H2 database (no other process can be running it); on PostgreSQL it is left to db-scheduler's
     * heartbeat (another node takes it over after 4 missed heartbeats of 10 s).
     */
    @Test
    void anExecutionLeftPickedByAKilledProcessIsReleasedAtOnceOnlyOnAnEmbeddedDatabase() throws Exception {
        operations.update("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, "
                + "last_heartbeat, version) VALUES ('killed-task', 'recurring', CURRENT_TIMESTAMP, TRUE, 'gone-node', "
                + "CURRENT_TIMESTAMP, 3)");
        try {
            boolean embedded;
            try (var c = Objects.requireNonNull(operations.getDataSource()).getConnection()) {
                embedded = c.getMetaData().getURL().startsWith("jdbc:h2:");
            }

            int released = runs.releaseExecutionsOfGoneProcesses(
                    dev.tandem.common.claim.Claims.on(operations.getDataSource()));

            assertThat(released).isEqualTo(embedded ? 1 : 0);
            assertThat(operations.queryForObject("SELECT picked FROM scheduled_tasks WHERE task_name = 'killed-task'",
                    Boolean.class)).isEqualTo(!embedded);
        } finally {
            operations.update("DELETE FROM scheduled_tasks WHERE task_name = 'killed-task'");
        }
    }

    @Test
    void eachRunRecordsItsCountsAndAProposalIsPostedOnlyOnceReady() {
        ApiWorld world = PostingWorld.build(api, finance, operations);
        JsonNode invoice = PostingWorld.confirmedInvoice(api, world);
        String path = "/invoices/" + invoice.get("id").asString();

        // The proposal has no lines yet (its billed sales wait in staging): not ready, so not tried.
        assertThat(run(FinanceJob.POST_INVOICE_PROPOSALS)).isEqualTo(Map.of("proposalsPosted", 0,
                "proposalsFailed", 0));
        // Cost and unbilled sales become journal lines; the billed sales are offered but their unbilled sales are
        // not posted yet, so the proposal stays empty, with an import issue.
        assertThat(run(FinanceJob.IMPORT_FROM_STAGING)).isEqualTo(Map.of("linesImported", 2, "importErrors", 0,
                "billedSalesRows", 1));
        assertThat(run(FinanceJob.POST_INVOICE_PROPOSALS)).isEqualTo(Map.of("proposalsPosted", 0,
                "proposalsFailed", 0));
        assertThat(run(FinanceJob.POST_INTEGRATION_JOURNALS)).isEqualTo(Map.of("journalsPosted", 1,
                "journalLinesPosted", 2, "journalLinesFailed", 0));
        assertThat(api.get(path).ok().get("status").get("name").asString()).isEqualTo("CONFIRMED");
        // Now the billed sales become the proposal's line; the proposal is ready.
        assertThat(run(FinanceJob.IMPORT_FROM_STAGING)).isEqualTo(Map.of("linesImported", 0, "importErrors", 0,
                "billedSalesRows", 1));
        assertThat(run(FinanceJob.POST_INVOICE_PROPOSALS)).isEqualTo(Map.of("proposalsPosted", 1,
                "proposalsFailed", 0));

        // Posting wrote Posted back through the customer invoices map, in its own transaction.
        assertThat(api.get(path).ok().get("status").get("name").asString()).isEqualTo("POSTED");
        // Nothing is left to do: the next runs do nothing.
        assertThat(run(FinanceJob.IMPORT_FROM_STAGING)).isEqualTo(Map.of("linesImported", 0, "importErrors", 0,
                "billedSalesRows", 0));
        assertThat(run(FinanceJob.POST_INVOICE_PROPOSALS)).isEqualTo(Map.of("proposalsPosted", 0,
                "proposalsFailed", 0));
    }

    @Test
    void aFailedRunIsRecordedWithItsMessageAndTheJobRunsAgainNextTime() {
        PostingWorld.setUpLegalEntity(finance);
        // Break what finding ready proposals reads, as a lost table or connection would.
        financeDb.execute("ALTER TABLE projproposalimportissue RENAME TO projproposalimportissue_away");
        JsonNode failed;
        try {
            failed = runJob(FinanceJob.POST_INVOICE_PROPOSALS).get("lastRun");
        } finally {
            financeDb.execute("ALTER TABLE projproposalimportissue_away RENAME TO projproposalimportissue");
        }

        assertThat(failed.get("outcome").asString()).isEqualTo("FAILED");
        assertThat(failed.get("message").asString()).startsWith(PostingWorld.LE + ": ")
                .containsIgnoringCase("projproposalimportissue");
        JsonNode entity = failed.get("legalEntities").get(0);
        assertThat(entity.get("dataAreaId").asString()).isEqualTo(PostingWorld.LE);
        assertThat(entity.get("outcome").asString()).isEqualTo("FAILED");
        assertThat(entity.get("message").asString()).containsIgnoringCase("projproposalimportissue");
        // The scheduler lives on: the job is scheduled again and its next run is a normal one.
        assertThat(job(FinanceJob.POST_INVOICE_PROPOSALS).get("nextRun").isNull()).isFalse();
        JsonNode next = runJob(FinanceJob.POST_INVOICE_PROPOSALS).get("lastRun");
        assertThat(next.get("outcome").asString()).as(next.toString()).isEqualTo("OK");
        assertThat(next.get("message").isNull()).isTrue();
    }

    @Test
    void theJobsAreListedWithTheirSettingsAndAnUnknownJobIsAProblem() {
        JsonNode jobs = financeApi.get("/jobs").ok();

        assertThat(jobs).hasSize(3);
        assertThat(jobs.get(0).get("name").asString()).isEqualTo("import-from-staging");
        assertThat(jobs.get(0).get("title").asString()).isEqualTo("Import from staging");
        assertThat(jobs.get(1).get("name").asString()).isEqualTo("post-integration-journals");
        assertThat(jobs.get(2).get("name").asString()).isEqualTo("post-invoice-proposals");
        for (JsonNode job : jobs) {
            assertThat(job.get("enabled").asBoolean()).isTrue();
            assertThat(job.get("interval").asString()).isEqualTo("PT1H");
            assertThat(job.get("nextRun").isNull()).isFalse();
            assertThat(job.get("lastRun").get("node").asString()).isNotBlank();
        }
        JsonNode problem = financeApi.get("/jobs/post-everything").problem(404, "NOT_FOUND");
        assertThat(problem.get("detail").asString()).contains("post-everything", "import-from-staging");
    }

    /** Makes the job due now, waits for the run and answers its counts in the one legal entity. */
    private Map<String, Integer> run(FinanceJob job) {
        JsonNode last = runJob(job).get("lastRun");
        assertThat(last.get("outcome").asString()).as(last.toString()).isEqualTo("OK");
        JsonNode entity = last.get("legalEntities").get(0);
        assertThat(entity.get("dataAreaId").asString()).isEqualTo(PostingWorld.LE);
        assertThat(last.get("counts")).isEqualTo(entity.get("counts"));
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        entity.get("counts").properties().forEach(c -> counts.put(c.getKey(), c.getValue().asInt()));
        return counts;
    }

    /** Makes the job due now and waits until a new last run is recorded; answers the job as the API shows it. */
    private JsonNode runJob(FinanceJob job) {
        String before = job(job).get("lastRun").get("startedAt").asString();
        Await.until(job.key() + " to be made due", () -> scheduler.runNow(job), due -> due);
        return Await.until(job.key() + " to run", () -> job(job),
                j -> !Objects.equals(j.get("lastRun").get("startedAt").asString(), before));
    }

    private JsonNode job(FinanceJob job) {
        return financeApi.get("/jobs/" + job.key()).ok();
    }
}
