package dev.tandem.server.operations;

import dev.tandem.server.ServerDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Finance API on H2. */
class FinanceApiOnH2Test extends FinanceApiContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) throws Exception {
        ServerDatabases.h2(registry);
    }
}
