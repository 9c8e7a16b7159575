package dev.tandem.server;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application without its web server, for the commands that work on the databases directly ({@code tandem run},
 * {@code tandem reconcile}): both apps on their configured databases (migrated on start), the dual-write runtime
 * with the maps of {@code maps/} started as configured, and no periodic jobs.
 */
public final class CommandContexts {

    private CommandContexts() {
    }

    /**
     * Starts the context; {@code arguments} are Spring arguments such as {@code --tandem.operations.datasource.url=…}.
     * The caller closes it.
     */
    public static ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(TandemApplication.class)
                .web(WebApplicationType.NONE)
                .properties("tandem.invoicing.scheduled-runs.enabled=false", "spring.main.log-startup-info=false",
                        // The console is the command's: its summary on stdout, progress and problems on stderr. Spring
                        // logs to stdout, so only errors are logged (H2-version and font-fallback warnings are noise).
                        "logging.level.root=ERROR")
                .run(arguments);
    }
}
