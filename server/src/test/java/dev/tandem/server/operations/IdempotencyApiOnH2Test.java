package dev.tandem.server.operations;

import dev.tandem.server.ServerDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Idempotency-Key on the invoicing commands on H2. */
class IdempotencyApiOnH2Test extends IdempotencyApiContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        ServerDatabases.h2(registry);
    }
}
