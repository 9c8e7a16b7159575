package dev.tandem.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application without its web server, for the commands that work on the databases directly ({@code tandem run},
 * {@code tandem reconcile}): both apps on their configured databases (migrated on start), the dual-write runtime
 * with the maps of {@code maps/} started as configured, and no periodic jobs: neither the daily invoice run nor
 * Finance's jobs, whose steps {@code tandem run} runs itself, in its own order.
 */
public final class CommandContexts {

    private CommandContexts() {
    }

    /**
     * Settings every command context has, whatever the configuration says: no scheduler jobs. They are given as
     * command-line arguments, the highest precedence; as default properties ({@code SpringApplicationBuilder
     * .properties}) the server's own {@code application.properties}, which switches the jobs on, would win.
     */
    static final String[] NO_PERIODIC_JOBS = {"--tandem.invoicing.scheduled-runs.enabled=false",
        "--tandem.finance.jobs.enabled=false"};

    /**
     * Starts the context; {@code arguments} are Spring arguments such as {@code --tandem.operations.datasource.url=…}.
     * The caller closes it.
     */
    public static ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(TandemApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.log-startup-info=false",
                        // The console is the command's: its summary on stdout, progress and problems on stderr. Spring
                        // logs to stdout, so only errors are logged (H2-version and font-fallback warnings are noise).
                        "logging.level.root=ERROR")
                .run(arguments(arguments));
    }

    /**
     * The command's arguments with the periodic jobs forced off: the same setting among the arguments goes, since
     * Spring would read both values as a list ("true,false").
     */
    static String[] arguments(String... arguments) {
        List<String> all = new ArrayList<>();
        for (String argument : arguments) {
            if (Arrays.stream(NO_PERIODIC_JOBS).noneMatch(forced -> argument.startsWith(forced.substring(0,
                    forced.indexOf('=') + 1)))) {
                all.add(argument);
            }
        }
        all.addAll(List.of(NO_PERIODIC_JOBS));
        return all.toArray(String[]::new);
    }
}
