package dev.tandem.server.operations;

import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.server.api.Idempotency;
import dev.tandem.server.database.OperationsDatabase;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Project Operations app of this process: one {@link ProjectOperations} over the operations database, its
 * transaction manager (so a service action joins a caller's transaction on the same database) and the application
 * {@link Clock}.
 *
 * <p>Every action is recorded as done by the acting user ({@link dev.tandem.server.security.ActingUser}): the
 * signed-in user of the request (the {@code createdby}/{@code modifiedby} audit fields and {@code tdm_approvedby}).
 */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    @Bean
    ProjectOperations projectOperations(@OperationsDatabase DataSource dataSource,
            @OperationsDatabase PlatformTransactionManager transactions, Clock clock,
            dev.tandem.server.security.ActingUser actingUser) {
        return new ProjectOperations(new OperationsContext(dataSource, transactions, clock, actingUser));
    }

    /**
     * The {@code Idempotency-Key} store of the Project Operations commands, in the operations database, so a stored
     * answer commits with the work it answers. {@code tandem.idempotency.lease} (ISO-8601 duration, default 10
     * minutes) is how long a claim left without an answer blocks its key.
     */
    @Bean
    Idempotency operationsIdempotency(@OperationsDatabase DataSource dataSource,
            @OperationsDatabase PlatformTransactionManager transactions, JsonMapper json, Clock clock,
            @Value("${tandem.idempotency.lease:PT10M}") Duration lease,
            @Value("${tandem.idempotency.retention:P7D}") Duration retention,
            @Value("${tandem.idempotency.max-stored-body:1048576}") int maxStoredBody) {
        return new Idempotency(dataSource, transactions, json, clock, lease, retention, maxStoredBody);
    }
}
