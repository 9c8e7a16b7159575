package dev.tandem.finance;

import dev.tandem.common.claim.Claims;
import dev.tandem.dualwrite.AppContext;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** The Finance app's {@link AppContext}: its own database, transactions, clock, user and write path. */
public final class FinanceContext extends AppContext {

    private final Claims claims;

    /** A context whose claims of work are this process's ({@link Claims#on(DataSource)}). */
    public FinanceContext(DataSource dataSource, PlatformTransactionManager transactions, Clock clock,
                          Supplier<String> currentUser) {
        this(dataSource, transactions, clock, currentUser, Claims.on(dataSource));
    }

    /** A context whose claims of work are made by {@code claims}' owner (tests stand in other processes so). */
    public FinanceContext(DataSource dataSource, PlatformTransactionManager transactions, Clock clock,
                          Supplier<String> currentUser, Claims claims) {
        super(dataSource, transactions, clock, currentUser);
        this.claims = claims;
    }

    /** The owner of the work this context claims (integration journals being posted), and who else is live. */
    public Claims claims() {
        return claims;
    }

    /** Convenience for tests and the CLI: a context with its own transaction manager. */
    public static FinanceContext of(DataSource dataSource, Clock clock, Supplier<String> currentUser) {
        return new FinanceContext(dataSource, new DataSourceTransactionManager(dataSource), clock, currentUser);
    }
}
