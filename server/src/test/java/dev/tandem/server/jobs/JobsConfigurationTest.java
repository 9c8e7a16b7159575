package dev.tandem.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** {@code tandem.invoicing.run-time}: an ISO time of day, or a start that fails naming the property. */
class JobsConfigurationTest {

    @Test
    void theRunTimeIsAnIsoTimeOfDay() {
        assertThat(JobsConfiguration.timeOfDay("01:00")).isEqualTo(LocalTime.of(1, 0));
        assertThat(JobsConfiguration.timeOfDay(" 23:30:15 ")).isEqualTo(LocalTime.of(23, 30, 15));
    }

    @Test
    void aRunTimeThatIsNotATimeOfDayIsRefusedNamingTheProperty() {
        for (String value : new String[] {"1am", "25:00", "1:00", ""}) {
            assertThatThrownBy(() -> JobsConfiguration.timeOfDay(value)).as(value)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tandem.invoicing.run-time").hasMessageContaining("'" + value + "'");
        }
    }
}
