package dev.tandem.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.DatabaseUrls;
import dev.tandem.server.database.TandemProperties.DataSourceSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppDataSourcesTest {

    @Test
    void withoutAUrlAnAppGetsAnH2FileUnderData() {
        DataSourceSettings resolved = AppDataSources.resolve("finance", new DataSourceSettings(null, null, null));

        assertThat(resolved.url()).isEqualTo(DatabaseUrls.h2File(Path.of("data"), "finance"));
        assertThat(resolved.username()).isEqualTo("sa");
    }

    @Test
    void aConfiguredUrlIsUsedAsGiven() {
        DataSourceSettings configured =
                new DataSourceSettings("jdbc:postgresql://db.internal:5432/finance", "tandem", "s3cret");

        assertThat(AppDataSources.resolve("finance", configured)).isSameAs(configured);
    }

    @Test
    void thePasswordIsNeverPrinted() {
        assertThat(new DataSourceSettings("jdbc:postgresql://db/x", "tandem", "s3cret").toString())
                .doesNotContain("s3cret").contains("<set>");
    }

    @Test
    void aFailedMigrationClosesThePool() {
        AtomicBoolean migrated = new AtomicBoolean();
        HikariDataSource[] seen = new HikariDataSource[1];
        DataSourceSettings memory = new DataSourceSettings(DatabaseUrls.h2Memory("app_datasources_test"), "sa", "");

        assertThatThrownBy(() -> AppDataSources.openMigrated("probe", memory, dataSource -> {
            seen[0] = (HikariDataSource) dataSource;
            migrated.set(true);
            throw new IllegalStateException("migration V7 failed");
        })).hasMessage("migration V7 failed");

        assertThat(migrated).isTrue();
        assertThat(seen[0].isClosed()).isTrue();
    }

    // The tests below are about the embedded H2 default only (a PostgreSQL server outlives its connections anyway).

    @Test
    void withTheOldDefaultH2ClosesAFileDatabaseWithItsLastConnection(@TempDir Path dir) throws SQLException {
        // The cause of issue 13's "The database has been closed": H2's own default, DB_CLOSE_DELAY=0.
        String url = "jdbc:h2:file:" + dir.resolve("old") + DatabaseUrls.H2_OPTIONS + ";WRITE_DELAY=0";
        rememberInMemory(url, "kept while open");

        assertThat(inMemoryRows(url)).as("a new connection finds the database opened afresh").isEmpty();
    }

    @Test
    void theDefaultFileDatabaseStaysOpenWithoutConnectionsUntilThePoolShutsItDown(@TempDir Path dir)
            throws SQLException {
        DataSourceSettings settings = new DataSourceSettings(DatabaseUrls.h2File(dir, "probe"), "sa", "");
        HikariDataSource pool = AppDataSources.openMigrated("probe", settings, dataSource -> { });
        try {
            rememberInMemory(settings.url(), "kept while open");
            pool.getHikariPoolMXBean().softEvictConnections();

            assertThat(inMemoryRows(settings.url())).containsExactly("kept while open");
        } finally {
            pool.close();
        }
        assertThat(inMemoryRows(settings.url())).as("closing the pool shut the database down").isEmpty();
        try (Connection connection = DriverManager.getConnection(settings.url(), "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void anEmbeddedDatabaseGetsAPoolThatNeverRetiresConnectionsAServerOneKeepsHikarisDefaults() {
        var embedded = AppDataSources.poolConfig("probe",
                new DataSourceSettings(DatabaseUrls.h2File(Path.of("data"), "probe"), "sa", ""));
        var server = AppDataSources.poolConfig("probe",
                new DataSourceSettings("jdbc:postgresql://db.internal:5432/finance", "tandem", "x"));
        var h2Server = AppDataSources.poolConfig("probe",
                new DataSourceSettings("jdbc:h2:tcp://db.internal/~/finance", "sa", ""));

        assertThat(embedded.getMaxLifetime()).isZero();
        assertThat(embedded.getKeepaliveTime()).isZero();
        assertThat(server.getMaxLifetime()).isPositive();
        assertThat(h2Server.getMaxLifetime()).isPositive();
        assertThat(server.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
        assertThat(embedded.getDataSourceProperties()).doesNotContainKey("reWriteBatchedInserts");
    }

    @Test
    void aPostgresqlUrlThatChoosesHowBatchesAreSentKeepsItsChoice() {
        var chosen = AppDataSources.poolConfig("probe", new DataSourceSettings(
                "jdbc:postgresql://db.internal:5432/finance?reWriteBatchedInserts=false", "tandem", "x"));

        assertThat(chosen.getDataSourceProperties()).doesNotContainKey("reWriteBatchedInserts");
    }

    @Test
    void writersLoseNothingWhileThePoolRetiresItsConnections(@TempDir Path dir) throws Exception {
        DataSourceSettings settings = new DataSourceSettings(DatabaseUrls.h2File(dir, "busy"), "sa", "");
        HikariDataSource pool = AppDataSources.openMigrated("busy", settings, dataSource -> { });
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger committed = new AtomicInteger();
        try {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE work_done (id BIGINT PRIMARY KEY, writer INT NOT NULL)");
            }
            long until = System.nanoTime() + 2_000_000_000L;
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                writers.add(Thread.ofPlatform().start(() -> {
                    for (long id = writer * 1_000_000L; System.nanoTime() < until; id += 10) {
                        try (Connection connection = pool.getConnection()) {
                            connection.setAutoCommit(false);
                            try (var insert = connection.prepareStatement(
                                    "INSERT INTO work_done (id, writer) VALUES (?, ?)")) {
                                for (int i = 0; i < 10; i++) {
                                    insert.setLong(1, id + i);
                                    insert.setInt(2, writer);
                                    insert.addBatch();
                                }
                                insert.executeBatch();
                            }
                            connection.commit();
                            committed.addAndGet(10);
                        } catch (SQLException | RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            while (writers.stream().anyMatch(Thread::isAlive)) {
                pool.getHikariPoolMXBean().softEvictConnections();
                Thread.sleep(5);
            }
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM work_done")) {
                rows.next();
                assertThat(failures).isEmpty();
                assertThat(committed.get()).isPositive();
                assertThat(rows.getInt(1)).isEqualTo(committed.get());
            }
        } finally {
            pool.close();
        }
    }

    @Test
    void aWriterInterruptedMidWriteLeavesTheDefaultDatabaseOpen(@TempDir Path dir) throws Exception {
        // Without retry: in the url, the interrupt closes H2's file channel and the database with it for good.
        DataSourceSettings settings = new DataSourceSettings(DatabaseUrls.h2File(dir, "interrupted"), "sa", "");
        HikariDataSource pool = AppDataSources.openMigrated("interrupted", settings, dataSource -> { });
        AtomicInteger committed = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        try {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE work_done (id BIGINT PRIMARY KEY, note VARCHAR(300))");
            }
            Thread writer = Thread.ofPlatform().start(() -> {
                for (int chunk = 0; chunk < 400; chunk++) {
                    try (Connection connection = pool.getConnection()) {
                        connection.setAutoCommit(false);
                        try (var insert = connection.prepareStatement("INSERT INTO work_done VALUES (?, ?)")) {
                            for (int i = 0; i < 250; i++) {
                                insert.setLong(1, chunk * 250L + i);
                                insert.setString(2, "x".repeat(200));
                                insert.addBatch();
                            }
                            insert.executeBatch();
                        }
                        connection.commit();
                        committed.addAndGet(250);
                    } catch (SQLException | RuntimeException e) {
                        failures.add(e);
                        return;
                    } finally {
                        Thread.interrupted();
                    }
                }
            });
            for (int i = 0; i < 100 && writer.isAlive(); i++) {
                Thread.sleep(10);
                writer.interrupt();
            }
            writer.join();

            assertThat(failures).isEmpty();
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM work_done")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(committed.get()).isEqualTo(100_000);
            }
        } finally {
            pool.close();
        }
    }

    /** Stores a value in a global temporary table: it lives exactly as long as the open database. */
    private static void rememberInMemory(String url, String value) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE GLOBAL TEMPORARY TABLE IF NOT EXISTS kept (v VARCHAR(40))");
            statement.execute("INSERT INTO kept VALUES ('" + value + "')");
        }
    }

    private static List<String> inMemoryRows(String url) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE GLOBAL TEMPORARY TABLE IF NOT EXISTS kept (v VARCHAR(40))");
            try (ResultSet rows = statement.executeQuery("SELECT v FROM kept")) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}
