package dev.tandem.server.jobs;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;

/**
 * The cluster-safe persistent scheduler of this server's periodic jobs (DESIGN §2): db-scheduler on the operations
 * database, table {@code scheduled_tasks} (migration V8), running the {@link DailyInvoiceRun}.
 *
 * <p>Every node runs one of these against the same table; a due execution is taken by one node only (an optimistic
 * update of its version), and an execution whose node died (no heartbeat) is revived by another. Executions are
 * persistent: a run missed while every node was down happens as soon as one starts.
 *
 * <p>It starts polling once the application context has started (after the web server) and stops before the
 * database pool closes, waiting up to {@link #SHUTDOWN_MAX_WAIT} for a running job; a job cut short is taken up
 * again by the next node that starts or notices the missing heartbeat, which the idempotent run makes harmless.
 */
public final class PeriodicJobs implements SmartLifecycle {

    /** Longest a stop waits for a running job. */
    public static final Duration SHUTDOWN_MAX_WAIT = Duration.ofMinutes(1);

    private final Scheduler scheduler;
    private final DailyInvoiceRun dailyInvoiceRun;
    private volatile boolean running;

    /**
     * @param dataSource      the operations database, which holds {@code scheduled_tasks}; not a transaction-aware
     *                        proxy, so each job's own transactions are the only ones
     * @param dailyInvoiceRun the daily invoice run, scheduled on start unless it already is
     */
    public PeriodicJobs(DataSource dataSource, DailyInvoiceRun dailyInvoiceRun) {
        this.dailyInvoiceRun = dailyInvoiceRun;
        this.scheduler = Scheduler.create(dataSource)
                .startTasks(dailyInvoiceRun.task())
                .shutdownMaxWait(SHUTDOWN_MAX_WAIT)
                // H2 gets db-scheduler's generic JDBC handling, which binds timestamps in the JVM's zone unless told
                // otherwise; the columns carry their zone (V8), so this keeps the stored offsets UTC, as everywhere.
                .alwaysPersistTimestampInUTC()
                .build();
    }

    @Override
    public void start() {
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

    /** When the daily invoice run runs next (as stored, shared by all nodes); empty before the scheduler started. */
    public Optional<Instant> nextDailyInvoiceRun() {
        return scheduler.getScheduledExecution(dailyInvoiceRun.instance()).map(ScheduledExecution::getExecutionTime);
    }

    /**
     * Makes the daily invoice run due now: one node (this one, unless another polls first) runs it at once, and
     * afterwards the next run is at the configured time again.
     *
     * @return {@code false} when the run is executing right now (on any node), so it was not moved
     * @throws com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException before the scheduler has
     *         started (it schedules the run on start)
     */
    public boolean runDailyInvoiceRunNow() {
        try {
            if (!scheduler.reschedule(dailyInvoiceRun.instance(), Instant.now())) {
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
