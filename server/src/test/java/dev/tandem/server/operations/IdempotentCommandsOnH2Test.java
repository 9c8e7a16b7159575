package dev.tandem.server.operations;

import dev.tandem.server.ServerDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every command takes an Idempotency-Key, on H2. */
class IdempotentCommandsOnH2Test extends IdempotentCommandsContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        ServerDatabases.h2(registry);
    }
}
