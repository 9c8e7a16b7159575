package dev.tandem.operations;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The Project Operations database schema: the dual-write outbox plus the app's own migrations. */
public final class OperationsSchema {

    /** Flyway locations, outbox first (versions 0.x) then the app (versions 1..). */
    public static final String[] LOCATIONS = {"classpath:db/dualwrite", "classpath:db/operations"};

    private OperationsSchema() {
    }

    /** Brings the database to the latest schema; safe to call on every start. */
    public static void migrate(DataSource dataSource) {
        // outOfOrder: a new dual-write migration (0.x) must still apply to a database already at a later app version.
        Flyway.configure().dataSource(dataSource).locations(LOCATIONS).outOfOrder(true).load().migrate();
    }
}
