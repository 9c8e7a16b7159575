package dev.tandem.server.jobs;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.tandem.common.claim.Claims;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;

/**
 * The cluster-safe persistent scheduler of this server's periodic jobs (DESIGN §2): one db-scheduler on the operations
 * database, the server's home, table {@code scheduled_tasks} (migration V8), running the {@link DailyInvoiceRun}
 * and {@link FinanceJobs Finance's periodic jobs} that are switched on here. Finance's jobs work on the finance
 * database, but their schedule is the server's and lives with the daily run's: one table, one poller, one place to
 * look.
 *
 * <p>Every node runs one of these against the same table; a due execution is taken by one node only (an optimistic
 * update of its version), and an execution whose node died (no heartbeat) is revived by another. Executions are
 * persistent: a run missed while every node was down happens as soon as one starts. A node runs only the tasks
 * switched on in its own settings and leaves the others' executions alone.
 *
 * <p>It polls for due executions every {@link #pollingInterval} and starts polling once the application context has
 * started (after the web server); it stops before the database pool closes, waiting up to {@link #SHUTDOWN_MAX_WAIT}
 * for a running job; a job cut short is taken up again by the next node that starts or notices the missing
 * heartbeat, which the idempotent jobs make harmless.
 */
public final class PeriodicJobs implements SmartLifecycle {

    /** Longest a stop waits for a running job. */
    public static final Duration SHUTDOWN_MAX_WAIT = Duration.ofMinutes(1);

    /** db-scheduler's own polling interval, kept unless a job runs more often. */
    public static final Duration MAX_POLLING_INTERVAL = Duration.ofSeconds(10);

    /**
     * How often a node running a job renews db-scheduler's heartbeat on it; another node takes the job over after
     * {@link #MISSED_HEARTBEATS_LIMIT} missed renewals (issue 14, finding 3): {@code 10 s × 4 = 40 s} on PostgreSQL
     * (db-scheduler's default is 30 minutes; it allows no fewer than 4 misses). On an embedded H2 database no other
     * process can be running a job, so {@link #start} releases every execution a killed process left picked at once
     * ({@link FinanceJobRuns#releaseExecutionsOfGoneProcesses}).
     */
    public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(10);

    /** See {@link #HEARTBEAT_INTERVAL}. */
    public static final int MISSED_HEARTBEATS_LIMIT = 4;

    private final Scheduler scheduler;
    private final DataSource dataSource;
    private final DailyInvoiceRun dailyInvoiceRun;
    private final FinanceJobs financeJobs;
    private volatile boolean running;

    /**
     * @param dataSource      the operations database, which holds {@code scheduled_tasks}; not a transaction-aware
     *                        proxy, so each job's own transactions are the only ones
     * @param dailyInvoiceRun the daily invoice run, scheduled on start unless it already is; {@code null} when it is
     *                        switched off here
     * @param financeJobs     Finance's periodic jobs; those switched on here are scheduled on start unless they
     *                        already are
     */
    public PeriodicJobs(DataSource dataSource, DailyInvoiceRun dailyInvoiceRun, FinanceJobs financeJobs) {
        this.dataSource = dataSource;
        this.dailyInvoiceRun = dailyInvoiceRun;
        this.financeJobs = financeJobs;
        List<RecurringTask<?>> tasks = new ArrayList<>();
        if (dailyInvoiceRun != null) {
            tasks.add(dailyInvoiceRun.task());
        }
        tasks.addAll(financeJobs.tasks());
        this.scheduler = Scheduler.create(dataSource)
                .startTasks(tasks)
                .pollingInterval(pollingInterval(financeJobs.intervals()))
                .shutdownMaxWait(SHUTDOWN_MAX_WAIT)
                // The same name as the job runs it records: db-scheduler's picked_by names this server.
                .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed(financeJobs.node()))
                .heartbeatInterval(HEARTBEAT_INTERVAL)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS_LIMIT)
                // H2 gets db-scheduler's generic JDBC handling, which binds timestamps in the JVM's zone unless told
                // otherwise; the columns carry their zone (V8), so this keeps the stored offsets UTC, as everywhere.
                .alwaysPersistTimestampInUTC()
                .build();
    }

    /**
     * How often the scheduler looks for due executions: db-scheduler's 10 seconds, or the shortest interval of the
     * jobs that run here when that is shorter, so a job runs about when it is due.
     */
    static Duration pollingInterval(List<Duration> intervals) {
        return intervals.stream().filter(i -> i.compareTo(MAX_POLLING_INTERVAL) < 0).min(Duration::compareTo)
                .orElse(MAX_POLLING_INTERVAL);
    }

    @Override
    public void start() {
        financeJobs.runs().releaseExecutionsOfGoneProcesses(Claims.on(dataSource));
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        scheduler.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * When the daily invoice run runs next (as stored, shared by all nodes); empty before the scheduler started, or
     * when the daily run is switched off here.
     */
    public Optional<Instant> nextDailyInvoiceRun() {
        if (dailyInvoiceRun == null) {
            return Optional.empty();
        }
        return scheduler.getScheduledExecution(dailyInvoiceRun.instance()).map(ScheduledExecution::getExecutionTime);
    }

    /**
     * Makes the daily invoice run due now: one node (this one, unless another polls first) runs it at once, and
     * afterwards the next run is at the configured time again.
     *
     * @return {@code false} when the run is executing right now (on any node), so it was not moved
     * @throws IllegalStateException when the daily run is switched off here
     * @throws com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException before the scheduler has
     *         started (it schedules the run on start)
     */
    public boolean runDailyInvoiceRunNow() {
        if (dailyInvoiceRun == null) {
            throw new IllegalStateException("the daily invoice run is switched off on this server");
        }
        return runNow(dailyInvoiceRun.instance());
    }

    /**
     * Makes a Finance job due now; afterwards it runs at its interval again, counted from the end of this run.
     *
     * @return {@code false} when the job is executing right now (on any node), so it was not moved
     * @throws IllegalStateException when the job is switched off here
     * @throws com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException before the scheduler has
     *         started
     */
    public boolean runNow(FinanceJob job) {
        if (!financeJobs.settings().runs(job)) {
            throw new IllegalStateException(job.title() + " is switched off on this server");
        }
        return runNow(financeJobs.instance(job));
    }

    private boolean runNow(TaskInstanceId instance) {
        try {
            if (!scheduler.reschedule(instance, Instant.now())) {
                return false;
            }
        } catch (TaskInstanceCurrentlyExecutingException executing) {
            return false;
        }
        // Without this the node would notice the due run at its next poll only, up to a polling interval later.
        scheduler.triggerCheckForDueExecutions();
        return true;
    }
}
