package dev.tandem.server.jobs;

import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.tandem.common.TandemException;
import dev.tandem.finance.Finance;
import dev.tandem.finance.journal.ImportFromStaging.ImportResult;
import dev.tandem.finance.journal.IntegrationJournal.PostResult;
import dev.tandem.finance.journal.JournalStatus;
import dev.tandem.server.jobs.FinanceJobRun.EntityRun;
import dev.tandem.server.jobs.FinanceJobRun.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finance's periodic processes (§8), run by the server itself as the original's recurring batch jobs: Import from
 * staging (§5 steps 5 and 12), Post integration journals (§5 step 6) and Post invoice proposals (§5 step 14), each a
 * db-scheduler recurring task with a fixed delay ({@link FinanceJobSettings}) in the shared {@code scheduled_tasks},
 * so with several servers each run happens on one of them. Together they carry a confirmed invoice to Posted without
 * anyone calling Finance: the first import journalizes the unbilled sales, posting the journal posts them, the next
 * import turns the billed sales into proposal lines, and the proposal, now ready, is posted, which writes Posted back
 * to Project Operations through the maps.
 *
 * <p>A run works through every legal entity of Finance in turn, each on its own: a failure in one (its posting setup,
 * the database) is logged, recorded with its message, and the run goes on with the next. What a run did is stored as
 * the job's last run ({@link FinanceJobRuns}); nothing a job does in Finance throws out of the task, so the
 * scheduler is never disturbed by it. Only failing to store the result throws, and db-scheduler then logs it and
 * schedules the next run after the interval as usual.
 *
 * <p>The jobs only call what the accountant's API calls, and Finance keeps them safe against each other and against
 * the API: Import from staging claims rows, journal posting locks the journal, posting a proposal locks its header.
 * Post invoice proposals posts only proposals that are ready ({@code ProposalPosting.readyToPost}): in the status
 * posting needs (Approved under the approval workflow, else Open), with lines, and with every billed sales row
 * imported. A ready proposal whose posting is refused (a closed period, a missing rate) counts as failed, and is tried
 * again on the next run.
 */
public final class FinanceJobs {

    /** Failures named in one run's message of Post invoice proposals; the log has all of them. */
    private static final int NAMED_FAILURES = 5;

    private static final Logger LOG = LoggerFactory.getLogger(FinanceJobs.class);

    private final Finance finance;
    private final FinanceJobRuns runs;
    private final FinanceJobSettings settings;
    private final Clock clock;
    private final String node;
    private final Map<FinanceJob, RecurringTask<Void>> tasks = new EnumMap<>(FinanceJob.class);

    /**
     * @param finance  the Finance app
     * @param runs     where each run's result is stored
     * @param settings which jobs run here, and how often
     * @param clock    the application clock (start and end of runs)
     * @param node     this server's name, stored with the runs it makes
     */
    public FinanceJobs(Finance finance, FinanceJobRuns runs, FinanceJobSettings settings, Clock clock, String node) {
        this.finance = finance;
        this.runs = runs;
        this.settings = settings;
        this.clock = clock;
        this.node = node;
        for (FinanceJob job : FinanceJob.values()) {
            if (settings.runs(job)) {
                // Recurring tasks reschedule after a failure by their schedule (the interval); the run itself
                // never throws for what happened in Finance.
                tasks.put(job, Tasks.recurring(job.taskName(), Schedules.fixedDelay(settings.interval(job)))
                        .execute((instance, context) -> run(job)));
            }
        }
    }

    /** The db-scheduler tasks of the jobs that run on this server. */
    public List<RecurringTask<Void>> tasks() {
        return List.copyOf(tasks.values());
    }

    /** The intervals of the jobs that run on this server. */
    public List<java.time.Duration> intervals() {
        return tasks.keySet().stream().map(settings::interval).toList();
    }

    /** The job's one execution in {@code scheduled_tasks}. */
    public TaskInstanceId instance(FinanceJob job) {
        return TaskInstanceId.of(job.taskName(), RecurringTask.INSTANCE);
    }

    public FinanceJobSettings settings() {
        return settings;
    }

    /** This server's name among the nodes, stored with the runs it makes. */
    public String node() {
        return node;
    }

    public FinanceJobRuns runs() {
        return runs;
    }

    /**
     * Runs the job once for every legal entity of Finance, as the task does, and stores the result as the job's last
     * run.
     *
     * @return the result
     * @throws RuntimeException only when the result could not be stored
     */
    public FinanceJobRun run(FinanceJob job) {
        Instant started = clock.instant();
        List<EntityRun> entities = new ArrayList<>();
        String failure = null;
        try {
            for (String dataAreaId : finance.postingSetup().dataAreaIds()) {
                entities.add(runIn(job, dataAreaId));
            }
        } catch (RuntimeException e) {
            LOG.error("{}: could not read the legal entities of Finance", job.title(), e);
            failure = describe(e);
        }
        if (failure == null) {
            failure = entities.stream().filter(e -> e.outcome() == Outcome.FAILED).findFirst()
                    .map(e -> e.dataAreaId() + ": " + e.message()).orElse(null);
        }
        FinanceJobRun run = new FinanceJobRun(job, started, clock.instant(), failure == null ? Outcome.OK
                : Outcome.FAILED, node, failure, List.copyOf(entities));
        runs.record(run);
        return run;
    }

    /** The job in one legal entity; whatever goes wrong is caught, logged and returned as a failed part. */
    private EntityRun runIn(FinanceJob job, String dataAreaId) {
        Instant started = clock.instant();
        Map<String, Integer> counts = new LinkedHashMap<>();
        job.counts().forEach(count -> counts.put(count, 0));
        String failure;
        try {
            failure = switch (job) {
                case IMPORT_FROM_STAGING -> importFromStaging(dataAreaId, counts);
                case POST_INTEGRATION_JOURNALS -> postIntegrationJournals(dataAreaId, counts);
                case POST_INVOICE_PROPOSALS -> postInvoiceProposals(dataAreaId, counts);
            };
        } catch (RuntimeException e) {
            LOG.error("{} failed in legal entity {}", job.title(), dataAreaId, e);
            failure = describe(e);
        }
        return new EntityRun(dataAreaId, started, clock.instant(), failure == null ? Outcome.OK : Outcome.FAILED,
                failure, counts);
    }

    private String importFromStaging(String dataAreaId, Map<String, Integer> counts) {
        ImportResult result = finance.importFromStaging().run(dataAreaId);
        counts.put("linesImported", result.lines());
        counts.put("importErrors", result.errors());
        counts.put("billedSalesRows", result.billedSalesRows());
        if (result.errors() > 0) {
            LOG.warn("Import from staging in {}: {} staged row(s) not imported, see its import errors", dataAreaId,
                    result.errors());
        } else if (result.lines() > 0) {
            LOG.info("Import from staging in {}: {} integration journal line(s)", dataAreaId, result.lines());
        }
        return null;
    }

    private String postIntegrationJournals(String dataAreaId, Map<String, Integer> counts) {
        for (PostResult posted : finance.integrationJournal().postAll(dataAreaId)) {
            if (posted.status() == JournalStatus.POSTED) {
                counts.merge("journalsPosted", 1, Integer::sum);
            }
            counts.merge("journalLinesPosted", posted.postedLines(), Integer::sum);
            counts.merge("journalLinesFailed", posted.failedLines(), Integer::sum);
            if (posted.failedLines() > 0) {
                LOG.warn("Post integration journals in {}: journal {} is {}, {} line(s) failed and moved to journal {}",
                        dataAreaId, posted.journalId(), posted.status(), posted.failedLines(), posted.errorJournalId());
            } else {
                LOG.info("Post integration journals in {}: journal {} posted, {} line(s)", dataAreaId,
                        posted.journalId(), posted.postedLines());
            }
        }
        return null;
    }

    private String postInvoiceProposals(String dataAreaId, Map<String, Integer> counts) {
        List<String> refusals = new ArrayList<>();
        for (String proposalId : finance.proposals().posting().readyToPost(dataAreaId)) {
            try {
                var posted = finance.proposals().posting().post(dataAreaId, proposalId);
                counts.merge("proposalsPosted", 1, Integer::sum);
                LOG.info("Post invoice proposals in {}: proposal {} posted as customer invoice {}", dataAreaId,
                        proposalId, posted.customerInvoiceId());
            } catch (RuntimeException e) {
                // Nothing of it is posted (one transaction); it stays ready and is tried again on the next run.
                counts.merge("proposalsFailed", 1, Integer::sum);
                refusals.add(proposalId + ": " + describe(e));
                if (e instanceof TandemException) {
                    LOG.warn("Post invoice proposals in {}: proposal {} not posted: {}", dataAreaId, proposalId,
                            e.getMessage());
                } else {
                    LOG.error("Post invoice proposals in {}: proposal {} not posted", dataAreaId, proposalId, e);
                }
            }
        }
        if (refusals.isEmpty()) {
            return null;
        }
        String named = String.join("; ", refusals.subList(0, Math.min(NAMED_FAILURES, refusals.size())));
        return refusals.size() + " proposal(s) not posted: " + named
                + (refusals.size() > NAMED_FAILURES ? "; …" : "");
    }

    /** A failure as the API shows it: an app's refusal by its code and sentence, anything else by its type too. */
    private static String describe(RuntimeException e) {
        if (e instanceof TandemException t) {
            return t.errorCode().code() + ": " + t.detail();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
