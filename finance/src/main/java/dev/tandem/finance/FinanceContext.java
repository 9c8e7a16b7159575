package dev.tandem.finance;

import dev.tandem.dualwrite.AppContext;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** The Finance app's {@link AppContext}: its own database, transactions, clock, user and write path. */
public final class FinanceContext extends AppContext {

    public FinanceContext(DataSource dataSource, PlatformTransactionManager transactions, Clock clock,
                          Supplier<String> currentUser) {
        super(dataSource, transactions, clock, currentUser);
    }

    /** Convenience for tests and the CLI: a context with its own transaction manager. */
    public static FinanceContext of(DataSource dataSource, Clock clock, Supplier<String> currentUser) {
        return new FinanceContext(dataSource, new DataSourceTransactionManager(dataSource), clock, currentUser);
    }
}
