package dev.tandem.server.operations;

import dev.tandem.server.ServerDatabases;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The daily invoice run of the persistent scheduler on PostgreSQL. */
class ScheduledInvoiceRunOnPostgresqlTest extends ScheduledInvoiceRunContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) throws SQLException {
        ServerDatabases.postgresql(registry);
    }
}
