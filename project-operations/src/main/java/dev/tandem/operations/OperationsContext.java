package dev.tandem.operations;

import dev.tandem.common.TandemException;
import dev.tandem.common.claim.Claims;
import dev.tandem.dualwrite.AppContext;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** The Project Operations app's {@link AppContext}: its database, transactions, clock, user and write path. */
public final class OperationsContext extends AppContext {

    private final Claims claims;

    /** A context whose claims of work are this process's ({@link Claims#on(DataSource)}). */
    public OperationsContext(DataSource dataSource, PlatformTransactionManager transactions, Clock clock,
                             Supplier<String> currentUser) {
        this(dataSource, transactions, clock, currentUser, Claims.on(dataSource));
    }

    /** A context whose claims of work are made by {@code claims}' owner (tests stand in other processes so). */
    public OperationsContext(DataSource dataSource, PlatformTransactionManager transactions, Clock clock,
                             Supplier<String> currentUser, Claims claims) {
        super(dataSource, transactions, clock, currentUser);
        this.claims = claims;
    }

    /** The owner of the work this context claims (bulk confirmation jobs being processed), and who else is live. */
    public Claims claims() {
        return claims;
    }

    /** Convenience for tests and the CLI: a context with its own transaction manager. */
    public static OperationsContext of(DataSource dataSource, Clock clock, Supplier<String> currentUser) {
        return new OperationsContext(dataSource, new DataSourceTransactionManager(dataSource), clock, currentUser);
    }

    /** Fails with NOT_FOUND when {@code table} has no row {@code id}; names the kind of row. */
    public void requireExists(String table, String idColumn, UUID id, String what) {
        if (id == null) {
            throw new TandemException(OperationsError.INVALID_INPUT, what + " is required");
        }
        Integer n = jdbc().queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + idColumn + " = ?", Integer.class, id);
        if (n == null || n == 0) {
            throw new TandemException(OperationsError.NOT_FOUND, "Unknown " + what + " " + id,
                    Map.of("entity", what, "id", id.toString()));
        }
    }
}
