package dev.tandem.server.database;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The server's own tables, migrated from locations of the server's own, never from the apps' migrations:
 * <ul>
 *   <li>{@value #LOCATION} in the operations database, the server's home: the last runs of Finance's periodic jobs
 *       (V1), the Project Operations API's idempotency keys (V2, V4) and db-scheduler's {@code scheduled_tasks}
 *       (V3);</li>
 *   <li>{@value #FINANCE_LOCATION} in the finance database: the Finance API's idempotency keys (V1).</li>
 * </ul>
 * Each database keeps the server's history in its own table, {@value #HISTORY_TABLE}, so the server's versions (V1,
 * V2, …) are independent of the app's migrations in the same database.
 *
 * <p>The idempotency keys and {@code scheduled_tasks} came from the apps' migrations before (Project Operations V7
 * and V8, Finance V6). Databases migrated then already have them, so the server's migrations that create them are
 * idempotent ({@code IF NOT EXISTS}), and the apps' Flyway ignores those applied versions that are no longer on the
 * classpath ({@code OperationsSchema}, {@code FinanceSchema}).
 */
public final class ServerSchema {

    /** Flyway location of the server's migrations in the operations database. */
    public static final String LOCATION = "classpath:db/server";

    /**
     * Flyway location of the server's migrations in the finance database. A sibling of {@link #LOCATION}, not a
     * folder inside it: Flyway scans a location's subfolders too.
     */
    public static final String FINANCE_LOCATION = "classpath:db/server-finance";

    /** The history table of the server's migrations, apart from the app's {@code flyway_schema_history}. */
    public static final String HISTORY_TABLE = "server_schema_history";

    private ServerSchema() {
    }

    /**
     * Brings the server's tables in the operations database to the latest version; safe to call on every start.
     * Call after the app's own migration: the schema is then never empty, so the first run baselines at version 0
     * (nothing of the server's history exists yet) and applies every server migration from V1.
     *
     * @throws org.flywaydb.core.api.FlywayException when a migration fails or the server's history differs from the
     *                                               migrations on the classpath
     */
    public static void migrate(DataSource operations) {
        migrate(operations, LOCATION);
    }

    /**
     * Brings the server's tables in the finance database to the latest version; safe to call on every start. Call
     * after the Finance app's own migration, as {@link #migrate}.
     *
     * @throws org.flywaydb.core.api.FlywayException as {@link #migrate}
     */
    public static void migrateFinance(DataSource finance) {
        migrate(finance, FINANCE_LOCATION);
    }

    private static void migrate(DataSource dataSource, String location) {
        Flyway.configure().dataSource(dataSource).locations(location).table(HISTORY_TABLE).baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
    }
}
