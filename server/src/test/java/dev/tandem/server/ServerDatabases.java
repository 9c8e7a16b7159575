package dev.tandem.server;

import dev.tandem.common.DatabaseUrls;
import dev.tandem.common.testing.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The two app databases of a server started by a test, as {@code tandem.*.datasource} properties: fresh and empty,
 * so the server's own start migrates them. Call from a {@code @DynamicPropertySource} method.
 */
public final class ServerDatabases {

    private static final String[] APPS = {"operations", "finance"};

    private ServerDatabases() {
    }

    /** Two new in-memory H2 databases (the embedded default's engine, in PostgreSQL mode). */
    public static void h2(DynamicPropertyRegistry registry) {
        String suffix = Long.toHexString(System.nanoTime());
        for (String app : APPS) {
            String url = DatabaseUrls.h2Memory("server_" + app + "_" + suffix);
            register(registry, app, url, "sa");
        }
    }

    /**
     * Two new databases on the embedded PostgreSQL server, configured the way production is: a
     * {@code jdbc:postgresql://} url, user and password per app.
     */
    public static void postgresql(DynamicPropertyRegistry registry) throws SQLException {
        EmbeddedPostgres server = TestDatabases.server();
        String suffix = Long.toHexString(System.nanoTime());
        for (String app : APPS) {
            String database = "server_" + app + "_" + suffix;
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
            register(registry, app, server.getJdbcUrl("postgres", database), "postgres");
        }
    }

    private static void register(DynamicPropertyRegistry registry, String app, String url, String user) {
        registry.add("tandem." + app + ".datasource.url", () -> url);
        registry.add("tandem." + app + ".datasource.username", () -> user);
        registry.add("tandem." + app + ".datasource.password", () -> "");
    }

    /**
     * The settings that point a command ({@code tandem reconcile}, {@code tandem users}) at an app's database, as the
     * command line takes them: {@code --tandem.<app>.datasource.url=…}, username, password.
     */
    public static java.util.List<String> commandLineSettings(String app, com.zaxxer.hikari.HikariDataSource db) {
        String prefix = "--tandem." + app + ".datasource.";
        return java.util.List.of(prefix + "url=" + db.getJdbcUrl(), prefix + "username=" + db.getUsername(),
                prefix + "password=" + (db.getPassword() == null ? "" : db.getPassword()));
    }
}
