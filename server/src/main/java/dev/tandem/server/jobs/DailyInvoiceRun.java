package dev.tandem.server.jobs;

import com.github.kagkarlsson.scheduler.task.FailureHandler.OnFailureRetryLater;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.tandem.operations.invoicing.schedule.InvoiceRuns;
import dev.tandem.operations.invoicing.schedule.RunSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily trigger of the scheduled invoice run (§8 "Automatic invoice creation", [D:AUTO]): a db-scheduler
 * recurring task that calls {@link InvoiceRuns#runDue} with today's date (UTC, the application clock) once a day at
 * a configured time of day (UTC). The original runs its "create invoices" batch on a 24-hour timer and must be
 * started once, since several instances cause errors (§8); here the task lives in the shared
 * {@code scheduled_tasks} table, so however many nodes run, one of them runs it each day.
 *
 * <p>Per-contract failures are not failures of the task: {@code runDue} records them on their schedule rows as Run
 * Failed and goes on. The task fails only when the run as a whole does (e.g. the database is unreachable); it is
 * then retried after {@link #RETRY_AFTER}, and as {@code runDue} takes everything due up to its date and is
 * idempotent, a late or repeated run catches up without invoicing anything twice.
 */
public final class DailyInvoiceRun {

    /** The task's name in {@code scheduled_tasks.task_name}. */
    public static final String TASK_NAME = "daily-invoice-run";

    /** How long after a failed run it is tried again. */
    public static final Duration RETRY_AFTER = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(DailyInvoiceRun.class);

    private final InvoiceRuns runs;
    private final Clock clock;
    private final LocalTime runTime;
    private final RecurringTask<Void> task;

    /**
     * @param runs    the scheduled run of the Project Operations app
     * @param clock   the application clock: today's date in it is the run date
     * @param runTime the time of day (UTC) the run starts
     */
    public DailyInvoiceRun(InvoiceRuns runs, Clock clock, LocalTime runTime) {
        this.runs = runs;
        this.clock = clock;
        this.runTime = runTime;
        this.task = Tasks.recurring(TASK_NAME, Schedules.daily(ZoneOffset.UTC, runTime))
                .onFailure(new OnFailureRetryLater<>(RETRY_AFTER))
                .execute((instance, context) -> run());
    }

    /**
     * Runs everything due today, as the task does.
     *
     * @return what the run did
     */
    public RunSummary run() {
        LocalDate runDate = LocalDate.now(clock);
        RunSummary summary = runs.runDue(runDate);
        if (summary.failed().isEmpty()) {
            LOG.info("scheduled invoice run of {}: {} contract run(s), {} invoice(s) created", runDate,
                    summary.runs().size(), summary.invoiceIds().size());
        } else {
            // Each failure is on its schedule rows (Run Failed with the reason); someone has to look at them.
            LOG.warn("scheduled invoice run of {}: {} contract run(s), {} invoice(s) created, {} contract run(s) "
                    + "failed", runDate, summary.runs().size(), summary.invoiceIds().size(), summary.failed().size());
        }
        return summary;
    }

    /** The db-scheduler task. */
    public RecurringTask<Void> task() {
        return task;
    }

    /** The task's one execution in {@code scheduled_tasks}. */
    public TaskInstanceId instance() {
        return task.getDefaultTaskInstance();
    }

    /** The time of day (UTC) the run starts. */
    public LocalTime runTime() {
        return runTime;
    }
}
