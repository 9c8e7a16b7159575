package dev.tandem.server.operations;

import dev.tandem.server.ServerDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The daily invoice run of the persistent scheduler on H2. */
class ScheduledInvoiceRunOnH2Test extends ScheduledInvoiceRunContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        ServerDatabases.h2(registry);
    }
}
