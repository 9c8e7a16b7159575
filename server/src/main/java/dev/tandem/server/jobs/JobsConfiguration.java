package dev.tandem.server.jobs;

import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.invoicing.bulk.BulkConfirmWorker;
import dev.tandem.server.database.OperationsDatabase;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The background and periodic jobs of the server.
 *
 * <ul>
 *   <li>Bulk confirmation jobs run on a {@link BulkConfirmWorker} (one virtual thread per job), always.</li>
 *   <li>The scheduled invoice run (§8 "Automatic invoice creation") runs daily at {@code tandem.invoicing.run-time}
 *       (UTC, {@code HH:mm} or {@code HH:mm:ss}, default {@code 01:00}) through {@link PeriodicJobs}, unless
 *       {@code tandem.invoicing.scheduled-runs.enabled} is {@code false}. Then this node has no scheduler at all,
 *       so nothing polls; in a cluster, the nodes where it is enabled run the daily run for everyone.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class JobsConfiguration {

    /** Property switching the daily invoice run (and with it the scheduler) on or off; on by default. */
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
    @ConditionalOnBooleanProperty(name = SCHEDULED_RUNS_ENABLED, matchIfMissing = true)
    PeriodicJobs periodicJobs(@OperationsDatabase DataSource dataSource, DailyInvoiceRun dailyInvoiceRun) {
        return new PeriodicJobs(dataSource, dailyInvoiceRun);
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
