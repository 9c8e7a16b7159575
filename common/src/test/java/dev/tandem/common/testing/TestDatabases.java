package dev.tandem.common.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.DatabaseUrls;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * Fresh, migrated databases for tests, on H2 (in memory, PostgreSQL mode) or on a real PostgreSQL started from
 * zonky's embedded binaries (one server per JVM, on loopback).
 *
 * <p>On PostgreSQL each set of migration locations is migrated once into a template database; every test then
 * gets {@code CREATE DATABASE … TEMPLATE …}, a copy that takes milliseconds, so tests never share rows.
 */
public final class TestDatabases {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Map<String, String> TEMPLATES = new ConcurrentHashMap<>();
    private static volatile EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /**
     * A new empty database of {@code kind}, migrated with Flyway from {@code locations}
     * (e.g. {@code classpath:db/operations}). Close the returned pool when the test ends.
     */
    public static HikariDataSource create(DatabaseKind kind, List<String> locations) {
        String name = "t" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
        return switch (kind) {
            case H2 -> {
                HikariDataSource ds = pool(DatabaseUrls.h2Memory(name), "sa", "", name);
                migrate(ds, locations);
                yield ds;
            }
            case POSTGRESQL -> {
                String template = TEMPLATES.computeIfAbsent(String.join(",", locations), TestDatabases::createTemplate);
                execute("CREATE DATABASE " + name + " TEMPLATE " + template);
                yield pool(server().getJdbcUrl("postgres", name), "postgres", "", name);
            }
        };
    }

    /** Drops an H2 in-memory database or a PostgreSQL test database and closes its pool. */
    public static void destroy(DatabaseKind kind, HikariDataSource dataSource) {
        if (dataSource == null) {
            return;
        }
        String name = dataSource.getPoolName();
        if (kind == DatabaseKind.H2) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already gone
            }
            dataSource.close();
        } else {
            dataSource.close();
            execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    private static String createTemplate(String joinedLocations) {
        String name = "tpl_" + Integer.toHexString(joinedLocations.hashCode()) + "_" + SEQUENCE.incrementAndGet();
        execute("CREATE DATABASE " + name);
        try (HikariDataSource ds = pool(server().getJdbcUrl("postgres", name), "postgres", "", name)) {
            migrate(ds, List.of(joinedLocations.split(",")));
        }
        return name;
    }

    private static void migrate(HikariDataSource ds, List<String> locations) {
        Flyway.configure().dataSource(ds).locations(locations.toArray(String[]::new)).load().migrate();
    }

    private static HikariDataSource pool(String url, String user, String password, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName(name);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    /**
     * The {@code tandem.<app>.datasource.*} properties of a whole server (both apps) on fresh databases: H2 files
     * under {@code h2Directory} (the embedded default's url), or, with {@code h2Directory} {@code null}, two new
     * databases named {@code <prefix>_<app>_<suffix>} on the embedded PostgreSQL.
     */
    public static Map<String, String> appDatabaseProperties(Path h2Directory, String prefix) {
        String suffix = Long.toHexString(System.nanoTime());
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        for (String app : List.of("operations", "finance")) {
            if (h2Directory != null) {
                properties.put("tandem." + app + ".datasource.url", DatabaseUrls.h2File(h2Directory, app));
                properties.put("tandem." + app + ".datasource.username", "sa");
            } else {
                String database = prefix + "_" + app + "_" + suffix;
                execute("CREATE DATABASE " + database);
                properties.put("tandem." + app + ".datasource.url", server().getJdbcUrl("postgres", database));
                properties.put("tandem." + app + ".datasource.username", "postgres");
            }
        }
        return properties;
    }

    private static void execute(String sql) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The JVM's embedded PostgreSQL, started on first use and stopped by zonky's shutdown hook. */
    public static EmbeddedPostgres server() {
        EmbeddedPostgres server = postgres;
        if (server == null) {
            synchronized (TestDatabases.class) {
                server = postgres;
                if (server == null) {
                    postgres = server = start();
                }
            }
        }
        return server;
    }

    private static EmbeddedPostgres start() {
        try {
            // As root (CI, containers) zonky runs initdb and pg_ctl under "unshare -U", since PostgreSQL
            // refuses to run as root; nothing to do here for that.
            Path dataDirectory = Files.createTempDirectory("tandem-pg-");
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setServerConfig("unix_socket_directories", dataDirectory.toString())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    // Spring's test context cache keeps every server a suite started, with both apps' pools of
                    // ten connections each, and the load tests start a second server: the default of 100
                    // connections ran out in CI ("sorry, too many clients already").
                    .setServerConfig("max_connections", "400")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }
}
