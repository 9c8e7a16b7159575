package dev.tandem.server.database;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The server's own tables (not the apps'): Flyway location {@code classpath:db/server} in the operations database,
 * the server's home database, next to {@code scheduled_tasks}. They have their own history table,
 * {@code server_schema_history}, so their versions (V1, V2, …) are independent of the Project Operations app's
 * migrations in the same database. The server-owned tables of earlier versions ({@code scheduled_tasks},
 * {@code api_idempotency_key}) stay in the apps' migrations, where databases already have them.
 */
public final class ServerSchema {

    /** Flyway location of the server's migrations. */
    public static final String LOCATION = "classpath:db/server";

    /** The history table of the server's migrations, apart from the app's {@code flyway_schema_history}. */
    public static final String HISTORY_TABLE = "server_schema_history";

    private ServerSchema() {
    }

    /**
     * Brings the server's tables to the latest version; safe to call on every start. Call after the app's own
     * migration: the schema is then never empty, so the first run baselines at version 0 (nothing of the server's
     * exists yet) and applies every server migration from V1.
     */
    public static void migrate(DataSource operations) {
        Flyway.configure().dataSource(operations).locations(LOCATION).table(HISTORY_TABLE).baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
    }
}
