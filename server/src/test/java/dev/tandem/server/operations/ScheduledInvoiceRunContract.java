package dev.tandem.server.operations;

import static dev.tandem.server.operations.ApiClient.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.TandemApplication;
import dev.tandem.server.database.OperationsDatabase;
import dev.tandem.server.jobs.DailyInvoiceRun;
import dev.tandem.server.jobs.PeriodicJobs;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The daily trigger of the scheduled invoice run (§8 "Automatic invoice creation") on a server with the scheduler
 * switched on and a run time of 03:30 UTC, on either database: the run is stored in {@code scheduled_tasks} for the
 * configured time of day, and when it comes due the scheduler runs {@code runDue} for today, which invoices a due
 * schedule row over the API's data and records it Run Successful. The run is made due now through db-scheduler's
 * API instead of waiting for 03:30. Subclasses supply the databases.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class, properties = {
        "tandem.invoicing.scheduled-runs.enabled=true", "tandem.invoicing.run-time=03:30"})
abstract class ScheduledInvoiceRunContract {

    private static final LocalTime RUN_TIME = LocalTime.of(3, 30);

    @LocalServerPort
    private int port;

    @Autowired
    private PeriodicJobs jobs;

    @Autowired
    @OperationsDatabase
    private JdbcTemplate jdbc;

    @Test
    void theDailyRunIsStoredOnceForTheConfiguredTimeOfDayInUtc() {
        Instant next = nextRunAtRunTime();

        assertThat(next).isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plus(Duration.ofDays(1)));
        assertThat(jdbc.queryForList("SELECT task_instance FROM scheduled_tasks WHERE task_name = ?", String.class,
                DailyInvoiceRun.TASK_NAME)).hasSize(1);
    }

    @Test
    void theDueDailyRunInvoicesADueScheduleRowAndRecordsRunSuccessful() {
        ApiClient api = new ApiClient(port);
        ApiWorld world = ApiWorld.build(api, null);
        api.post("/contracts/" + world.contract() + "/confirm").ok();
        String schedule = "/contract-lines/" + world.line() + "/invoice-schedule";
        api.post(schedule, object("frequency", "DATES", "start", "2026-03-01", "end", "2026-03-31",
                "dates", List.of("2026-03-31"))).ok();
        world.readyTime(api, 8);

        assertThat(jobs.runDailyInvoiceRunNow()).isTrue();

        // The run date is today, so the row dated 2026-03-31 is due; the draft is dated the row's run date.
        JsonNode row = Await.until("the schedule row to be run", () -> api.get(schedule).ok().get("items").get(0),
                r -> !r.get("runStatus").get("name").asString().equals("NOT_RUN"));
        assertThat(row.get("runStatus").get("name").asString()).as(row.toString()).isEqualTo("RUN_SUCCESSFUL");
        assertThat(row.get("invoiceIds")).hasSize(1);
        JsonNode invoice = api.get("/invoices/" + row.get("invoiceIds").get(0).asString()).ok();
        assertThat(invoice.get("status").get("name").asString()).isEqualTo("DRAFT");
        assertThat(invoice.get("invoiceDate").asString()).isEqualTo("2026-03-31");
        assertThat(invoice.get("totalAmount").asString()).isEqualTo("1600.00");
        // Once done, the run goes back to its daily time.
        Await.until("the daily run to be rescheduled", () -> jobs.nextDailyInvoiceRun().orElseThrow(),
                next -> next.isAfter(Instant.now()));
        nextRunAtRunTime();
    }

    /** The stored next run, asserted to be at the configured time of day in UTC. */
    private Instant nextRunAtRunTime() {
        Instant next = jobs.nextDailyInvoiceRun().orElseThrow();
        assertThat(next.atZone(ZoneOffset.UTC).toLocalTime()).isEqualTo(RUN_TIME);
        return next;
    }
}
