package dev.tandem.finance;

import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/** The Finance database schema: the dual-write outbox plus the app's own migrations. */
public final class FinanceSchema {

    /** Flyway locations, outbox first (versions 0.x) then the app (versions 1..). */
    public static final String[] LOCATIONS = {"classpath:db/dualwrite", "classpath:db/finance"};

    /**
     * Versions that were this app's once and now belong to the server, which migrates their tables from a location
     * of its own (V6 the idempotency keys): databases migrated before list them as applied, but they are no longer
     * on the classpath.
     */
    static final Set<String> MOVED_TO_SERVER = Set.of("6");

    private FinanceSchema() {
    }

    /**
     * Brings the database to the latest schema; safe to call on every start.
     *
     * @throws org.flywaydb.core.api.FlywayException when a migration fails or the applied history differs from the
     *                                               migrations on the classpath (other than {@link #MOVED_TO_SERVER})
     */
    public static void migrate(DataSource dataSource) {
        // outOfOrder: a new dual-write migration (0.x) must still apply to a database already at a later app version.
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations(LOCATIONS).outOfOrder(true)
                .ignoreMigrationPatterns("*:missing").load();
        // Flyway ignores every applied version missing from the classpath; only those that moved are fine.
        for (MigrationInfo applied : flyway.info().all()) {
            boolean missing = applied.getState() == MigrationState.MISSING_SUCCESS
                    || applied.getState() == MigrationState.MISSING_FAILED;
            if (missing && (applied.getVersion() == null
                    || !MOVED_TO_SERVER.contains(applied.getVersion().getVersion()))) {
                throw new FlywayException("Migration " + applied.getVersion() + " (" + applied.getDescription()
                        + ") was applied to this database but is not among the migrations of this build: the database "
                        + "was migrated by another version of Tandem");
            }
        }
        flyway.migrate();
    }
}
