package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code tandem run} and {@code tandem reconcile} never run periodic jobs, whatever their arguments say. */
class CommandContextsTest {

    @Test
    void theJobsAreForcedOffAsArgumentsWhichWinOverTheServersApplicationProperties() {
        assertThat(CommandContexts.arguments("--tandem.operations.datasource.url=jdbc:h2:mem:x")).containsExactly(
                "--tandem.operations.datasource.url=jdbc:h2:mem:x", "--tandem.invoicing.scheduled-runs.enabled=false",
                "--tandem.finance.jobs.enabled=false");
    }

    @Test
    void anArgumentSwitchingThemOnIsDroppedRatherThanListedWithTheForcedValue() {
        assertThat(CommandContexts.arguments("--tandem.finance.jobs.enabled=true",
                "--tandem.invoicing.scheduled-runs.enabled=true", "--tandem.finance.jobs.enabled-not=1"))
                .containsExactly("--tandem.finance.jobs.enabled-not=1",
                        "--tandem.invoicing.scheduled-runs.enabled=false", "--tandem.finance.jobs.enabled=false");
    }
}
