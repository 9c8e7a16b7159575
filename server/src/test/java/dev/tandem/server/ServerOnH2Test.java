package dev.tandem.server;

import dev.tandem.common.DatabaseUrls;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The server on the embedded default's database, H2, with two fresh in-memory databases. */
class ServerOnH2Test extends ServerContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        String suffix = Long.toHexString(System.nanoTime());
        for (String app : new String[] {"operations", "finance"}) {
            String url = DatabaseUrls.h2Memory("server_" + app + "_" + suffix);
            registry.add("tandem." + app + ".datasource.url", () -> url);
            registry.add("tandem." + app + ".datasource.username", () -> "sa");
            registry.add("tandem." + app + ".datasource.password", () -> "");
        }
    }
}
