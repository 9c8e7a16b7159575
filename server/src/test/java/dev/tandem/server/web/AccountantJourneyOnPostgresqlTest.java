package dev.tandem.server.web;

import dev.tandem.server.ServerDatabases;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Journey 2 (the accountant) on PostgreSQL. */
class AccountantJourneyOnPostgresqlTest extends AccountantJourneyContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) throws SQLException {
        ServerDatabases.postgresql(registry);
    }

    @Override
    String dbName() {
        return "postgresql";
    }
}
