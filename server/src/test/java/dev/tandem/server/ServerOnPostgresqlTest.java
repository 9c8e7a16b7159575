package dev.tandem.server;

import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server on PostgreSQL, configured the way production is: a {@code jdbc:postgresql://} url, user and password
 * per app. Two empty databases on the embedded server, so the server's own start migrates them.
 */
class ServerOnPostgresqlTest extends ServerContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) throws SQLException {
        ServerDatabases.postgresql(registry);
    }
}
