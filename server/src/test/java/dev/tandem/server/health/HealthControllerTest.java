package dev.tandem.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.common.DatabaseUrls;
import dev.tandem.server.health.HealthReport.State;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The DOWN side of health, which the running server tests cannot provoke. */
class HealthControllerTest {

    @Test
    void aDatabaseThatDoesNotAnswerMakesTheServerDown() {
        DriverManagerDataSource up = new DriverManagerDataSource(DatabaseUrls.h2Memory("health_up"), "sa", "");
        // IFEXISTS refuses to create the database, so every connection attempt fails like an unreachable server.
        DriverManagerDataSource down = new DriverManagerDataSource("jdbc:h2:mem:health_down;IFEXISTS=TRUE", "sa", "");

        ResponseEntity<HealthReport> response = new HealthController(up, down).health();

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getBody()).isEqualTo(new HealthReport(State.DOWN, State.UP, State.DOWN));
    }

    @Test
    void bothDatabasesAnsweringMakesTheServerUp() {
        DriverManagerDataSource operations = new DriverManagerDataSource(DatabaseUrls.h2Memory("health_ops"), "sa", "");
        DriverManagerDataSource finance = new DriverManagerDataSource(DatabaseUrls.h2Memory("health_fin"), "sa", "");

        ResponseEntity<HealthReport> response = new HealthController(operations, finance).health();

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo(new HealthReport(State.UP, State.UP, State.UP));
    }
}
