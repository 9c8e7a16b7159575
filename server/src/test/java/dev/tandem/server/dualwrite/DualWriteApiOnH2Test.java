package dev.tandem.server.dualwrite;

import dev.tandem.server.ServerDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dual-write API on H2. */
class DualWriteApiOnH2Test extends DualWriteApiContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        ServerDatabases.h2(registry);
    }
}
