package dev.tandem.server.operations;

import dev.tandem.server.ServerDatabases;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Idempotency-Key on the invoicing commands on PostgreSQL. */
class IdempotencyApiOnPostgresqlTest extends IdempotencyApiContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) throws SQLException {
        ServerDatabases.postgresql(registry);
    }
}
