package dev.tandem.server.web;

import dev.tandem.server.ServerDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Journey 3 of the web UI (the integration admin's) on H2. */
class IntegrationAdminJourneyOnH2Test extends IntegrationAdminJourneyContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        ServerDatabases.h2(registry);
    }

    @Override
    String dbName() {
        return "h2";
    }
}
