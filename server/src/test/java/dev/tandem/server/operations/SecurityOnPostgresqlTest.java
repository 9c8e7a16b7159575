package dev.tandem.server.operations;

import java.sql.SQLException;
import dev.tandem.server.ServerDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Who may do what, on Postgresql. */
class SecurityOnPostgresqlTest extends SecurityContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) throws SQLException {
        ServerDatabases.postgresql(registry);
    }
}
