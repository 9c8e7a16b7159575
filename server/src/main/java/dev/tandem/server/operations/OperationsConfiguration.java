package dev.tandem.server.operations;

import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.server.database.OperationsDatabase;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Project Operations app of this process: one {@link ProjectOperations} over the operations database, its
 * transaction manager (so a service action joins a caller's transaction on the same database) and the application
 * {@link Clock}.
 *
 * <p>The API has no authentication yet, so every action is recorded as done by the constant user
 * {@value #API_USER} (the {@code createdby}/{@code modifiedby} audit fields and {@code tdm_approvedby}). That is
 * also why the server listens on loopback only by default.
 */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    /** The acting user of every API call until the API authenticates its callers. */
    public static final String API_USER = "api";

    @Bean
    ProjectOperations projectOperations(@OperationsDatabase DataSource dataSource,
            @OperationsDatabase PlatformTransactionManager transactions, Clock clock) {
        return new ProjectOperations(new OperationsContext(dataSource, transactions, clock, () -> API_USER));
    }
}
