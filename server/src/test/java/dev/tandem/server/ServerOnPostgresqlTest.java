package dev.tandem.server;

import dev.tandem.common.testing.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server on PostgreSQL, configured the way production is: a {@code jdbc:postgresql://} url, user and password
 * per app. Two empty databases on the embedded server, so the server's own start migrates them.
 */
class ServerOnPostgresqlTest extends ServerContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) throws SQLException {
        EmbeddedPostgres server = TestDatabases.server();
        String suffix = Long.toHexString(System.nanoTime());
        for (String app : new String[] {"operations", "finance"}) {
            String database = "server_" + app + "_" + suffix;
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
            String url = server.getJdbcUrl("postgres", database);
            registry.add("tandem." + app + ".datasource.url", () -> url);
            registry.add("tandem." + app + ".datasource.username", () -> "postgres");
            registry.add("tandem." + app + ".datasource.password", () -> "");
        }
    }
}
