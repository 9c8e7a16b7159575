package dev.tandem.server.jobs;

import dev.tandem.common.claim.ClaimOwner;
import dev.tandem.finance.Finance;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.invoicing.bulk.BulkConfirmWorker;
import dev.tandem.server.database.OperationsDatabase;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background and periodic jobs of the server.
 *
 * <ul>
 *   <li>Bulk confirmation jobs run on a {@link BulkConfirmWorker} (one virtual thread per job), always.</li>
 *   <li>The scheduled invoice run (§8 "Automatic invoice creation") runs daily at {@code tandem.invoicing.run-time}
 *       (UTC, {@code HH:mm} or {@code HH:mm:ss}, default {@code 01:00}) unless
 *       {@code tandem.invoicing.scheduled-runs.enabled} is {@code false}.</li>
 *   <li>Finance's periodic jobs (§8: Import from staging, Post integration journals, Post invoice proposals) run at
 *       their intervals unless switched off ({@link FinanceJobSettings}, {@code tandem.finance.jobs.*}). Their
 *       settings and last runs are readable whether they run here or not ({@code GET /api/finance/jobs}).</li>
 * </ul>
 *
 * All periodic jobs share one scheduler, {@link PeriodicJobs}. When none of them is switched on, this node has no
 * scheduler at all, so nothing polls; in a cluster, the nodes where a job is switched on run it for everyone.
 */
@Configuration(proxyBeanMethods = false)
public class JobsConfiguration {

    /** Property switching the daily invoice run on or off; on by default. */
    public static final String SCHEDULED_RUNS_ENABLED = "tandem.invoicing.scheduled-runs.enabled";

    /** Closed with the application (its {@code close}, inferred), after the web server stopped taking requests. */
    @Bean
    BulkConfirmWorker bulkConfirmWorker(ProjectOperations operations) {
        return new BulkConfirmWorker(operations.invoicing().bulkConfirmation());
    }

    @Bean
    BulkConfirmJobs bulkConfirmJobs(BulkConfirmWorker worker) {
        return new BulkConfirmJobs(worker);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = SCHEDULED_RUNS_ENABLED, matchIfMissing = true)
    DailyInvoiceRun dailyInvoiceRun(ProjectOperations operations, Clock clock,
            @Value("${tandem.invoicing.run-time:01:00}") String runTime) {
        return new DailyInvoiceRun(operations.invoicing().runs(), clock, timeOfDay(runTime));
    }

    @Bean
    FinanceJobRuns financeJobRuns(@OperationsDatabase DataSource dataSource,
            @OperationsDatabase TransactionTemplate transactions) {
        return new FinanceJobRuns(dataSource, transactions);
    }

    @Bean
    FinanceJobs financeJobs(Finance finance, FinanceJobRuns runs, Environment environment, Clock clock) {
        return new FinanceJobs(finance, runs, FinanceJobSettings.from(environment), clock, nodeName());
    }

    /** Servers started in this JVM so far (tests start two). */
    private static final java.util.concurrent.atomic.AtomicInteger SERVERS =
            new java.util.concurrent.atomic.AtomicInteger();

    /**
     * This server's name among the nodes sharing {@code scheduled_tasks} and the job history: {@code host:pid} of
     * the process ({@link ClaimOwner#label}), with {@code #n} for the n-th server of one JVM after the first, so two
     * servers on one host are never taken for one.
     */
    static String nodeName() {
        int n = SERVERS.incrementAndGet();
        String label = ClaimOwner.current().label();
        return n == 1 ? label : label + "#" + n;
    }

    @Bean
    @Conditional(AnyPeriodicJob.class)
    PeriodicJobs periodicJobs(@OperationsDatabase DataSource dataSource, ObjectProvider<DailyInvoiceRun> dailyInvoiceRun,
            FinanceJobs financeJobs) {
        return new PeriodicJobs(dataSource, dailyInvoiceRun.getIfAvailable(), financeJobs);
    }

    /** True when the daily invoice run or one of Finance's jobs is switched on: only then is there a scheduler. */
    static final class AnyPeriodicJob implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            boolean daily = Binder.get(environment).bind(SCHEDULED_RUNS_ENABLED, Boolean.class).orElse(true);
            return daily || FinanceJobSettings.from(environment).anyRuns();
        }
    }

    /** ISO-8601 local time; a bad value stops the start with the property's name rather than running at a guess. */
    static LocalTime timeOfDay(String value) {
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("tandem.invoicing.run-time must be a time of day (UTC) such as 01:00 "
                    + "or 23:30:00, not '" + value + "'", e);
        }
    }
}
