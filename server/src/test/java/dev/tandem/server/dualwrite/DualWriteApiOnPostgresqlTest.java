package dev.tandem.server.dualwrite;

import dev.tandem.server.ServerDatabases;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dual-write API on PostgreSQL. */
class DualWriteApiOnPostgresqlTest extends DualWriteApiContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) throws SQLException {
        ServerDatabases.postgresql(registry);
    }
}
