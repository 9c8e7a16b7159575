package dev.tandem.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * {@code tandem.invoicing.run-time}: an ISO time of day, or a start that fails naming the property;
 * {@code tandem.finance.jobs.*}: on by default at PT1M / PT1M / PT5M, switched off all at once or one by one, and an
 * interval that is not a duration fails the start naming the property; and the scheduler's polling interval.
 */
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

    @Test
    void financeJobsAreOnByDefaultAtTheirIntervals() {
        FinanceJobSettings settings = FinanceJobSettings.from(new MockEnvironment());

        assertThat(settings.anyRuns()).isTrue();
        assertThat(FinanceJob.values()).allMatch(settings::runs);
        assertThat(settings.interval(FinanceJob.IMPORT_FROM_STAGING)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.interval(FinanceJob.POST_INTEGRATION_JOURNALS)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.interval(FinanceJob.POST_INVOICE_PROPOSALS)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void financeJobsAreSwitchedOffAllAtOnceOrOneByOneAndTakeIsoIntervals() {
        FinanceJobSettings one = FinanceJobSettings.from(new MockEnvironment()
                .withProperty("tandem.finance.jobs.post-invoice-proposals.enabled", "false")
                .withProperty("tandem.finance.jobs.import-from-staging.interval", "PT30S"));
        assertThat(one.runs(FinanceJob.POST_INVOICE_PROPOSALS)).isFalse();
        assertThat(one.runs(FinanceJob.IMPORT_FROM_STAGING)).isTrue();
        assertThat(one.interval(FinanceJob.IMPORT_FROM_STAGING)).isEqualTo(Duration.ofSeconds(30));

        FinanceJobSettings none = FinanceJobSettings.from(new MockEnvironment()
                .withProperty("tandem.finance.jobs.enabled", "false"));
        assertThat(none.anyRuns()).isFalse();
    }

    @Test
    void anIntervalThatIsNotADurationOrTooShortIsRefusedNamingTheProperty() {
        for (String value : new String[] {"every minute", "PT0S", "-PT1M"}) {
            assertThatThrownBy(() -> FinanceJobSettings.from(new MockEnvironment()
                    .withProperty("tandem.finance.jobs.post-integration-journals.interval", value))).as(value)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tandem.finance.jobs.post-integration-journals.interval");
        }
        assertThatThrownBy(() -> FinanceJobSettings.from(new MockEnvironment()
                .withProperty("tandem.finance.jobs.enabled", "sometimes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tandem.finance.jobs.enabled");
    }

    @Test
    void theSchedulerPollsAsOftenAsTheMostFrequentJobButAtLeastEveryTenSeconds() {
        assertThat(PeriodicJobs.pollingInterval(List.of())).isEqualTo(Duration.ofSeconds(10));
        assertThat(PeriodicJobs.pollingInterval(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5))))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(PeriodicJobs.pollingInterval(List.of(Duration.ofMinutes(1), Duration.ofSeconds(2))))
                .isEqualTo(Duration.ofSeconds(2));
    }
}
