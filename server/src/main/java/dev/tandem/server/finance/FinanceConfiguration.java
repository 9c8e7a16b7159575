package dev.tandem.server.finance;

import dev.tandem.finance.Finance;
import dev.tandem.finance.FinanceContext;
import dev.tandem.server.api.Idempotency;
import dev.tandem.server.database.FinanceDatabase;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Finance app of this process: one {@link Finance} over the finance database and its transaction manager, and the
 * {@code Idempotency-Key} store of its commands. Rows record the acting user ({@link
 * dev.tandem.server.security.ActingUser}): the signed-in user of the request, or of the Project Operations request
 * whose change live sync applies here.
 */
@Configuration(proxyBeanMethods = false)
public class FinanceConfiguration {

    @Bean
    Finance finance(@FinanceDatabase DataSource dataSource, @FinanceDatabase PlatformTransactionManager transactions,
            Clock clock, dev.tandem.server.security.ActingUser actingUser) {
        return new Finance(new FinanceContext(dataSource, transactions, clock, actingUser));
    }

    /**
     * The {@code Idempotency-Key} store of the Finance commands, in the finance database (table
     * {@code api_idempotency_key}, Finance migration V6), so a stored answer commits with the posting it answers: a
     * store in the operations database could keep an answer whose posting rolled back, or lose one whose posting
     * committed. Qualified {@link FinanceDatabase} and not a default candidate, so the Project Operations controllers,
     * which ask for an unqualified {@link Idempotency}, keep getting theirs. {@code tandem.idempotency.lease} is shared
     * with the operations store.
     */
    @Bean(defaultCandidate = false)
    @FinanceDatabase
    Idempotency financeIdempotency(@FinanceDatabase DataSource dataSource,
            @FinanceDatabase PlatformTransactionManager transactions, JsonMapper json, Clock clock,
            @Value("${tandem.idempotency.lease:PT10M}") Duration lease,
            @Value("${tandem.idempotency.retention:P7D}") Duration retention,
            @Value("${tandem.idempotency.max-stored-body:1048576}") int maxStoredBody) {
        return new Idempotency(dataSource, transactions, json, clock, lease, retention, maxStoredBody);
    }
}
