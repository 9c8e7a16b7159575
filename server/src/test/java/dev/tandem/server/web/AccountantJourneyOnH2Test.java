package dev.tandem.server.web;

import dev.tandem.server.ServerDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Journey 2 (the accountant) on H2. */
class AccountantJourneyOnH2Test extends AccountantJourneyContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        ServerDatabases.h2(registry);
    }

    @Override
    String dbName() {
        return "h2";
    }
}
