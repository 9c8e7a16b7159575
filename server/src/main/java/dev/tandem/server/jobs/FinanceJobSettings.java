package dev.tandem.server.jobs;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The settings of Finance's periodic jobs on this server:
 * <pre>
 * tandem.finance.jobs.enabled                    true: the jobs below run as each is set; false: none runs here
 * tandem.finance.jobs.&lt;job&gt;.enabled              true
 * tandem.finance.jobs.&lt;job&gt;.interval             ISO-8601 duration ({@link FinanceJob#defaultInterval()})
 * </pre>
 * with {@code <job>} one of {@code import-from-staging}, {@code post-integration-journals},
 * {@code post-invoice-proposals}. The interval is the pause between the end of one run and the start of the next
 * (a fixed delay): a run that takes longer than the interval never overlaps the next.
 *
 * @param enabled the master switch, {@code tandem.finance.jobs.enabled}
 * @param jobs    each job's own switch and interval
 */
public record FinanceJobSettings(boolean enabled, Map<FinanceJob, JobSetting> jobs) {

    /** Prefix of the properties. */
    public static final String PREFIX = "tandem.finance.jobs";

    /** Property switching all of Finance's periodic jobs off on this server when {@code false}. */
    public static final String ENABLED = PREFIX + ".enabled";

    /** Shortest interval accepted: the scheduler polls at most this often. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    /**
     * @param enabled  {@code tandem.finance.jobs.<job>.enabled}
     * @param interval {@code tandem.finance.jobs.<job>.interval}
     */
    public record JobSetting(boolean enabled, Duration interval) {
    }

    public FinanceJobSettings {
        jobs = Collections.unmodifiableMap(new EnumMap<>(jobs));
    }

    /**
     * Reads the settings. A value that is not a boolean or a duration, or an interval under {@link #MIN_INTERVAL},
     * stops the start with the property's name rather than running at a guess.
     *
     * @throws IllegalArgumentException naming the property and the value
     */
    public static FinanceJobSettings from(Environment environment) {
        Binder binder = Binder.get(environment);
        boolean all = bind(binder, ENABLED, Boolean.class, true);
        Map<FinanceJob, JobSetting> jobs = new EnumMap<>(FinanceJob.class);
        for (FinanceJob job : FinanceJob.values()) {
            String prefix = PREFIX + "." + job.key();
            boolean enabled = bind(binder, prefix + ".enabled", Boolean.class, true);
            Duration interval = bind(binder, prefix + ".interval", Duration.class, job.defaultInterval());
            if (interval.compareTo(MIN_INTERVAL) < 0) {
                throw new IllegalArgumentException(prefix + ".interval must be an ISO-8601 duration of at least "
                        + MIN_INTERVAL + " such as PT1M, not " + interval);
            }
            jobs.put(job, new JobSetting(enabled, interval));
        }
        return new FinanceJobSettings(all, jobs);
    }

    /** Whether the job runs on this server: the master switch and its own are on. */
    public boolean runs(FinanceJob job) {
        return enabled && jobs.get(job).enabled();
    }

    /** Whether any of the jobs runs on this server. */
    public boolean anyRuns() {
        return jobs.keySet().stream().anyMatch(this::runs);
    }

    /** The job's interval. */
    public Duration interval(FinanceJob job) {
        return jobs.get(job).interval();
    }

    private static <T> T bind(Binder binder, String name, Class<T> type, T otherwise) {
        try {
            return binder.bind(name, type).orElse(otherwise);
        } catch (BindException e) {
            throw new IllegalArgumentException(name + " must be " + (type == Boolean.class ? "true or false"
                    : "an ISO-8601 duration such as PT1M") + ", not '" + binder.bind(name, String.class).orElse("") + "'", e);
        }
    }
}
