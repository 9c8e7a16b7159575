package dev.tandem.server.web;

import dev.tandem.server.ServerDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The web UI's journeys on H2. */
class WebJourneysOnH2Test extends WebJourneysContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        ServerDatabases.h2(registry);
    }

    @Override
    String dbName() {
        return "h2";
    }
}
