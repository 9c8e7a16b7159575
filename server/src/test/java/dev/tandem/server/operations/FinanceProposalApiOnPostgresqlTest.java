package dev.tandem.server.operations;

import dev.tandem.server.ServerDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Invoice proposals over the Finance API on PostgreSQL. */
class FinanceProposalApiOnPostgresqlTest extends FinanceProposalApiContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) throws Exception {
        ServerDatabases.postgresql(registry);
    }
}
