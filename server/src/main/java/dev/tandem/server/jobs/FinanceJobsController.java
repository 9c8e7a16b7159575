package dev.tandem.server.jobs;

import dev.tandem.common.TandemException;
import dev.tandem.server.ServerError;
import dev.tandem.server.jobs.FinanceJobRun.EntityRun;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finance's periodic jobs (§8) as the integration admin sees them, under {@code /api/finance/jobs}: each job's
 * settings on this server, its next run as the shared scheduler keeps it, and its last run (on whichever node ran
 * it) with the outcome and counts, in total and per legal entity. Read-only; the jobs run by themselves.
 *
 * <ul>
 *   <li>{@code GET /api/finance/jobs}: the three jobs, always in the same order (a fixed list, not paged);</li>
 *   <li>{@code GET /api/finance/jobs/{name}}: one job; an unknown name is 404 {@code NOT_FOUND}.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/finance/jobs")
public class FinanceJobsController {

    /**
     * A Finance job.
     *
     * @param name     {@code import-from-staging}, {@code post-integration-journals} or {@code post-invoice-proposals}
     * @param title    the original's name of the job
     * @param enabled  whether it runs on this server ({@code tandem.finance.jobs.enabled} and its own switch)
     * @param interval the pause between the end of one run and the start of the next, ISO-8601
     * @param nextRun  when it runs next as {@code scheduled_tasks} keeps it for all nodes; {@code null} when it was
     *                 never scheduled
     * @param running  whether a node is running it right now
     * @param lastRun  its last run on any node; {@code null} when it never ran
     */
    public record JobView(String name, String title, boolean enabled, String interval, Instant nextRun,
                          boolean running, LastRunView lastRun) {
    }

    /**
     * The last run of a job.
     *
     * @param outcome       {@code OK} or {@code FAILED}
     * @param message       the first failure, {@code "<dataAreaId>: <code>: <detail>"}; {@code null} when none
     * @param counts        the job's counts summed over the legal entities
     * @param legalEntities the run in each legal entity, by dataAreaId
     */
    public record LastRunView(Instant startedAt, Instant finishedAt, String outcome, String node, String message,
                              Map<String, Integer> counts, List<EntityRunView> legalEntities) {
    }

    /** The part of a run in one legal entity. */
    public record EntityRunView(String dataAreaId, Instant startedAt, Instant finishedAt, String outcome,
                                String message, Map<String, Integer> counts) {
    }

    private final FinanceJobs jobs;

    public FinanceJobsController(FinanceJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping
    List<JobView> jobs() {
        return Arrays.stream(FinanceJob.values()).map(this::view).toList();
    }

    /** @throws TandemException NOT_FOUND for a name that is not one of the jobs */
    @GetMapping("/{name}")
    JobView job(@PathVariable String name) {
        return view(FinanceJob.ofKey(name).orElseThrow(() -> new TandemException(ServerError.NOT_FOUND,
                "There is no Finance job '" + name + "'; the jobs are " + Arrays.stream(FinanceJob.values())
                .map(FinanceJob::key).collect(Collectors.joining(", ")), Map.of("name", name))));
    }

    private JobView view(FinanceJob job) {
        FinanceJobSettings settings = jobs.settings();
        var scheduled = jobs.runs().scheduled(job);
        LastRunView last = jobs.runs().lastRun(job).map(run -> {
            Map<String, Integer> total = new LinkedHashMap<>();
            job.counts().forEach(count -> total.put(count, 0));
            for (EntityRun e : run.legalEntities()) {
                e.counts().forEach((count, value) -> total.merge(count, value == null ? 0 : value, Integer::sum));
            }
            return new LastRunView(run.startedAt(), run.finishedAt(), run.outcome().name(), run.node(), run.message(),
                    total, run.legalEntities().stream().map(e -> new EntityRunView(e.dataAreaId(), e.startedAt(),
                    e.finishedAt(), e.outcome().name(), e.message(), e.counts())).toList());
        }).orElse(null);
        return new JobView(job.key(), job.title(), settings.runs(job), settings.interval(job).toString(),
                scheduled.map(FinanceJobRuns.Scheduled::nextRun).orElse(null),
                scheduled.map(FinanceJobRuns.Scheduled::running).orElse(false), last);
    }
}
