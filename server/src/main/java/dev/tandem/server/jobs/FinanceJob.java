package dev.tandem.server.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Finance's periodic processes (§8), which the original runs as recurring batch jobs an administrator sets up and
 * which the server runs by itself ({@link FinanceJobs}). Each runs once per legal entity of Finance on every run.
 */
public enum FinanceJob {

    /**
     * "Import from staging table" (§5 steps 5 and 12, §8): staged cost and unbilled sales into integration journal
     * lines, billed sales into the lines of their invoice proposals.
     */
    IMPORT_FROM_STAGING("import-from-staging", "Import from staging", Duration.ofMinutes(1),
            List.of("linesImported", "importErrors", "billedSalesRows")),
    /** "Post Project Operations integration journal" (§5 step 6, §8): every DRAFT journal. */
    POST_INTEGRATION_JOURNALS("post-integration-journals", "Post integration journals", Duration.ofMinutes(1),
            List.of("journalsPosted", "journalLinesPosted", "journalLinesFailed")),
    /** "Post invoice proposals" (§5 step 14, §8): every proposal ready to post. */
    POST_INVOICE_PROPOSALS("post-invoice-proposals", "Post invoice proposals", Duration.ofMinutes(5),
            List.of("proposalsPosted", "proposalsFailed"));

    private final String key;
    private final String title;
    private final Duration defaultInterval;
    private final List<String> counts;

    FinanceJob(String key, String title, Duration defaultInterval, List<String> counts) {
        this.key = key;
        this.title = title;
        this.defaultInterval = defaultInterval;
        this.counts = counts;
    }

    /** The job's name in the API and in its properties ({@code tandem.finance.jobs.<key>.*}). */
    public String key() {
        return key;
    }

    /** The job's name in {@code scheduled_tasks.task_name} and {@code finance_job_run.job_name}. */
    public String taskName() {
        return "finance-" + key;
    }

    /** The name of the original's menu item. */
    public String title() {
        return title;
    }

    /** The interval without configuration. */
    public Duration defaultInterval() {
        return defaultInterval;
    }

    /** The names of the counts a run of this job reports, in order. */
    public List<String> counts() {
        return counts;
    }

    /** The job of an API or property name. */
    public static Optional<FinanceJob> ofKey(String key) {
        for (FinanceJob job : values()) {
            if (job.key.equals(key)) {
                return Optional.of(job);
            }
        }
        return Optional.empty();
    }
}
