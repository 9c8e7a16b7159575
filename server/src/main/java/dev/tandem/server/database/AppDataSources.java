package dev.tandem.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.DatabaseUrls;
import dev.tandem.server.database.TandemProperties.DataSourceSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the connection pool of one app and migrates its schema before anyone can use it. */
final class AppDataSources {

    private static final Logger LOG = LoggerFactory.getLogger(AppDataSources.class);

    /** Where the embedded default keeps its files, relative to the working directory. */
    static final Path DATA_DIRECTORY = Path.of("data");

    private AppDataSources() {
    }

    /**
     * The configured settings, or, without a url, the embedded default: H2 file {@code ./data/<app>.mv.db} in
     * PostgreSQL mode (user {@code sa}, no password).
     */
    static DataSourceSettings resolve(String app, DataSourceSettings configured) {
        if (configured.hasUrl()) {
            return configured;
        }
        return new DataSourceSettings(DatabaseUrls.h2File(DATA_DIRECTORY, app), "sa", "");
    }

    /**
     * A Hikari pool named after the app, already migrated by {@code migration}. The pool connects on creation, so a
     * wrong url or password fails the start with the driver's message rather than the first request.
     *
     * @throws com.zaxxer.hikari.pool.HikariPool.PoolInitializationException when the database cannot be reached
     * @throws RuntimeException whatever the migration throws; the pool is closed first
     */
    static HikariDataSource openMigrated(String app, DataSourceSettings configured, Consumer<DataSource> migration) {
        DataSourceSettings settings = resolve(app, configured);
        HikariDataSource dataSource = open(poolConfig(app, settings));
        try {
            migration.accept(dataSource);
            return dataSource;
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * The pool's settings. For an embedded H2 database the pool never retires a connection (no {@code maxLifetime},
     * no keepalive): there is no server on the other end that drops idle connections, and a file database whose
     * last connection closes is closed by H2 and opened again by the next (issue 13: a long month end failed with
     * "The database has been closed" while the pool retired its connections). For PostgreSQL, batched inserts are
     * rewritten by the driver into multi-row statements ({@code reWriteBatchedInserts}) unless the url says otherwise.
     */
    static HikariConfig poolConfig(String app, DataSourceSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(app);
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        if (DatabaseUrls.isEmbeddedH2(settings.url())) {
            config.setMaxLifetime(0);
            config.setKeepaliveTime(0);
            config.setIdleTimeout(0);
        }
        if (settings.url() != null && settings.url().startsWith("jdbc:postgresql:")
                && !settings.url().contains("reWriteBatchedInserts")) {
            // A JDBC batch of inserts goes to PostgreSQL as multi-row INSERTs instead of one statement per row:
            // the month end is dominated by batched inserts (issue 13). The driver then reports such a batch's
            // counts as SUCCESS_NO_INFO, which no insert batch of the apps reads. A url that sets it keeps its value.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return config;
    }

    private static HikariDataSource open(HikariConfig config) {
        return DatabaseUrls.isEmbeddedH2File(config.getJdbcUrl())
                ? new EmbeddedH2Pool(config)
                : new HikariDataSource(config);
    }

    /**
     * The pool of an embedded H2 file database, which shuts the database down when it closes. With
     * {@code DB_CLOSE_DELAY=-1} the database outlives its connections, so closing the pool alone would leave it open
     * (and its file locked) until the JVM exits; {@code SHUTDOWN} writes it out and releases the file.
     */
    static final class EmbeddedH2Pool extends HikariDataSource {

        EmbeddedH2Pool(HikariConfig config) {
            super(config);
        }

        @Override
        public void close() {
            boolean open = !isClosed();
            super.close();
            if (open) {
                // Outside the pool: a pooled connection would be handed back to a database already shut down.
                try (Connection connection = DriverManager.getConnection(getJdbcUrl(), getUsername(), getPassword());
                     Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                } catch (SQLException e) {
                    // Already shut down by someone else (a test's SHUTDOWN, a disk error): nothing left to write.
                    LOG.debug("Pool {}: SHUTDOWN of the embedded database failed: {}", getPoolName(), e.getMessage());
                }
            }
        }
    }
}
