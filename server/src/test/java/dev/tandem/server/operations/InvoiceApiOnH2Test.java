package dev.tandem.server.operations;

import dev.tandem.server.ServerDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Proforma invoicing over the API on H2. */
class InvoiceApiOnH2Test extends InvoiceApiContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        ServerDatabases.h2(registry);
    }
}
