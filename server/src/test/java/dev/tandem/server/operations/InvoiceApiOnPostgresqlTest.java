package dev.tandem.server.operations;

import dev.tandem.server.ServerDatabases;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Proforma invoicing over the API on PostgreSQL. */
class InvoiceApiOnPostgresqlTest extends InvoiceApiContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) throws SQLException {
        ServerDatabases.postgresql(registry);
    }
}
