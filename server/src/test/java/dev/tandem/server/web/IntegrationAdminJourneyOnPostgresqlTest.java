package dev.tandem.server.web;

import dev.tandem.server.ServerDatabases;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Journey 3 of the web UI (the integration admin's) on PostgreSQL. */
class IntegrationAdminJourneyOnPostgresqlTest extends IntegrationAdminJourneyContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) throws SQLException {
        ServerDatabases.postgresql(registry);
    }

    @Override
    String dbName() {
        return "postgresql";
    }
}
