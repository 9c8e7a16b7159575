package dev.tandem.finance;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The Finance database schema: the dual-write outbox plus the app's own migrations. */
public final class FinanceSchema {

    /** Flyway locations, outbox first (versions 0.x) then the app (versions 1..). */
    public static final String[] LOCATIONS = {"classpath:db/dualwrite", "classpath:db/finance"};

    private FinanceSchema() {
    }

    /**
     * Brings the database to the latest schema; safe to call on every start.
     *
     * @throws org.flywaydb.core.api.FlywayException when a migration fails or the applied history differs from the
     *                                               migrations on the classpath
     */
    public static void migrate(DataSource dataSource) {
        // outOfOrder: a new dual-write migration (0.x) must still apply to a database already at a later app version.
        Flyway.configure().dataSource(dataSource).locations(LOCATIONS).outOfOrder(true).load().migrate();
    }
}
