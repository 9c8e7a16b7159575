package dev.tandem.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.DatabaseUrls;
import dev.tandem.server.database.TandemProperties.DataSourceSettings;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Opens the connection pool of one app and migrates its schema before anyone can use it. */
final class AppDataSources {

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
        HikariConfig config = new HikariConfig();
        config.setPoolName(app);
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migration.accept(dataSource);
            return dataSource;
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }
}
