package dev.tandem.server.operations;

import dev.tandem.server.ServerDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Invoice schedules, scheduled runs and bulk confirmation over the API on H2. */
class InvoiceJobsApiOnH2Test extends InvoiceJobsApiContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        ServerDatabases.h2(registry);
    }
}
