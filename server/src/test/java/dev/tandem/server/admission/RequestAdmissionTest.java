package dev.tandem.server.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.DatabaseUrls;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The bulkhead in front of the databases: fewer requests at once than either pool has connections. */
class RequestAdmissionTest {

    @Test
    void requestsBeyondThePermitsWaitThenGetARetryableProblemAndHealthIsNeverHeldBack() throws Exception {
        try (HikariDataSource operations = pool("adm_ops", 4); HikariDataSource finance = pool("adm_fin", 6)) {
            RequestAdmission admission = new RequestAdmission(operations, finance, Duration.ofMillis(200));
            assertThat(admission.size()).as("the smaller pool less the reserved connections").isEqualTo(2);

            CountDownLatch inside = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService busy = Executors.newFixedThreadPool(2);
            for (int i = 0; i < 2; i++) {
                busy.submit(() -> {
                    admission.doFilter(post(), new MockHttpServletResponse(), (req, res) -> {
                        inside.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    return null;
                });
            }
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

            MockHttpServletResponse turnedAway = new MockHttpServletResponse();
            MockFilterChain neverReached = new MockFilterChain();
            admission.doFilter(post(), turnedAway, neverReached);
            assertThat(neverReached.getRequest()).as("the refused request did nothing").isNull();
            assertThat(turnedAway.getStatus()).isEqualTo(503);
            assertThat(turnedAway.getHeader("Retry-After")).isEqualTo("1");
            assertThat(turnedAway.getContentType()).isEqualTo("application/problem+json");
            assertThat(turnedAway.getContentAsString()).contains("\"code\":\"CONTENTION\"")
                    .contains("\"instance\":\"/api/operations/backlog/actuals/ready\"");

            MockHttpServletRequest health = new MockHttpServletRequest("GET", "/api/health");
            MockFilterChain healthChain = new MockFilterChain();
            admission.doFilter(health, new MockHttpServletResponse(), healthChain);
            assertThat(healthChain.getRequest()).as("health passes while every slot is taken").isNotNull();

            release.countDown();
            busy.shutdown();
            assertThat(busy.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            MockFilterChain afterwards = new MockFilterChain();
            admission.doFilter(post(), new MockHttpServletResponse(), afterwards);
            assertThat(afterwards.getRequest()).as("slots come back when requests end").isNotNull();
        }
    }

    private static MockHttpServletRequest post() {
        return new MockHttpServletRequest("POST", "/api/operations/backlog/actuals/ready");
    }

    private static HikariDataSource pool(String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(DatabaseUrls.h2Memory(name));
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }
}
