package dev.tandem.server.operations;

import dev.tandem.server.ServerDatabases;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Invoice schedules, scheduled runs and bulk confirmation over the API on PostgreSQL. */
class InvoiceJobsApiOnPostgresqlTest extends InvoiceJobsApiContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) throws SQLException {
        ServerDatabases.postgresql(registry);
    }
}
