package dev.tandem.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.finance.Finance;
import dev.tandem.finance.proposal.ProposalHeader;
import dev.tandem.finance.proposal.ProposalStatus;
import dev.tandem.server.TandemApplication;
import dev.tandem.server.database.OperationsDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 acceptance 7, on either database: in a running server whose maps run and whose Finance jobs (§8) are on,
 * every second, a confirmed proforma invoice reaches Posted in Project Operations by itself — Import from staging
 * journalizes its unbilled sales, Post integration journals posts them, the next import brings its billed sales into
 * the proposal, Post invoice proposals posts it, and the customer-invoices map writes Posted back — without anyone
 * calling Finance's API; and the jobs' last runs are listed at {@code GET /api/finance/jobs} with their outcome.
 * Subclasses supply the databases.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class, properties = {
        "tandem.dualwrite.auto-run=true", "tandem.finance.jobs.enabled=true",
        "tandem.finance.jobs.import-from-staging.interval=PT1S",
        "tandem.finance.jobs.post-integration-journals.interval=PT1S",
        "tandem.finance.jobs.post-invoice-proposals.interval=PT1S"})
abstract class FinanceJobsContract {

    /** Four job runs one after the other, each within about a second of the one before, on a loaded machine. */
    private static final Duration TO_POSTED = Duration.ofSeconds(90);

    @LocalServerPort
    private int port;

    @Autowired
    private Finance finance;

    @Autowired
    @OperationsDatabase
    private JdbcTemplate operations;

    @Test
    void aConfirmedInvoiceReachesPostedByFinancesJobsAloneAndTheirRunsAreListed() {
        ApiClient api = new ApiClient(port);
        ApiWorld world = PostingWorld.build(api, finance, operations);

        JsonNode confirmed = PostingWorld.confirmedInvoice(api, world);
        assertThat(confirmed.get("status").get("name").asString()).isEqualTo("CONFIRMED");

        String path = "/invoices/" + confirmed.get("id").asString();
        JsonNode posted = Await.until("the invoice to be posted by the Finance jobs", TO_POSTED,
                () -> api.get(path).ok(), i -> i.get("status").get("name").asString().equals("POSTED"));
        assertThat(posted.get("totalAmount").asString()).isEqualTo("1600.00");
        ProposalHeader proposal = finance.proposals().headers().header(PostingWorld.LE,
                confirmed.get("number").asString());
        assertThat(proposal.status()).isEqualTo(ProposalStatus.INVOICED);
        assertThat(proposal.customerInvoiceId()).startsWith("CI-");
        assertThat(proposal.invoiceAmount()).isEqualByComparingTo("1600");

        JsonNode jobs = ApiClient.of(port, "/api/finance").get("/jobs").ok();
        List<String> names = new ArrayList<>();
        for (JsonNode job : jobs) {
            names.add(job.get("name").asString());
            assertThat(job.get("enabled").asBoolean()).as(job.toString()).isTrue();
            assertThat(job.get("interval").asString()).isEqualTo("PT1S");
            assertThat(job.get("nextRun").isNull()).as(job.toString()).isFalse();
            JsonNode last = job.get("lastRun");
            assertThat(last.get("outcome").asString()).as(job.toString()).isEqualTo("OK");
            assertThat(last.get("message").isNull()).isTrue();
            assertThat(last.get("legalEntities")).singleElement().satisfies(entity -> {
                assertThat(entity.get("dataAreaId").asString()).isEqualTo(PostingWorld.LE);
                assertThat(entity.get("outcome").asString()).isEqualTo("OK");
                assertThat(entity.get("counts").propertyNames()).isNotEmpty();
            });
        }
        assertThat(names).containsExactly("import-from-staging", "post-integration-journals",
                "post-invoice-proposals");
    }
}
