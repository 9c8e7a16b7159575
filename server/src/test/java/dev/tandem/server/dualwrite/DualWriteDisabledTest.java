package dev.tandem.server.dualwrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.server.ServerDatabases;
import dev.tandem.server.TandemApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code tandem.dualwrite.enabled=false}: a server without the runtime still serves both apps, has no
 * {@code /api/dualwrite} and no dual-write meters. A configuration switch, so H2 alone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class,
        properties = "tandem.dualwrite.enabled=false")
class DualWriteDisabledTest {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        ServerDatabases.h2(registry);
    }

    @Test
    void theServerRunsWithoutTheRuntime() {
        Http http = new Http(port);

        assertThat(context.getBeansOfType(DualWriteRuntime.class)).isEmpty();
        assertThat(http.get("/api/health").ok().get("status").asString()).isEqualTo("UP");
        http.get("/api/dualwrite/maps").problem(404, "NOT_FOUND");
        Http.Reply scrape = http.get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).doesNotContain("tandem_dualwrite");
    }
}
