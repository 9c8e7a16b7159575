package dev.tandem.server.finance;

import dev.tandem.finance.Finance;
import dev.tandem.finance.FinanceContext;
import dev.tandem.server.database.FinanceDatabase;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Finance app of this process: one {@link Finance} over the finance database and its transaction manager. Like
 * the Project Operations API, calls are recorded as done by user "api" until the API authenticates its callers.
 */
@Configuration(proxyBeanMethods = false)
public class FinanceConfiguration {

    /** The acting user of every Finance API call until the API authenticates its callers. */
    public static final String API_USER = "api";

    @Bean
    Finance finance(@FinanceDatabase DataSource dataSource, @FinanceDatabase PlatformTransactionManager transactions,
            Clock clock) {
        return new Finance(new FinanceContext(dataSource, transactions, clock, () -> API_USER));
    }
}
