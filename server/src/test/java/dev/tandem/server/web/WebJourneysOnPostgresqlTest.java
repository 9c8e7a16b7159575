package dev.tandem.server.web;

import dev.tandem.server.ServerDatabases;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The web UI's journeys on PostgreSQL. */
class WebJourneysOnPostgresqlTest extends WebJourneysContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) throws SQLException {
        ServerDatabases.postgresql(registry);
    }

    @Override
    String dbName() {
        return "postgresql";
    }
}
