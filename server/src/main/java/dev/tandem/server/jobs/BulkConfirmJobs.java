package dev.tandem.server.jobs;

import dev.tandem.operations.invoicing.bulk.BulkConfirmJob;
import dev.tandem.operations.invoicing.bulk.BulkConfirmWorker;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands bulk confirmation jobs (§8 "Bulk confirm", §11 rule 14) to this server's {@link BulkConfirmWorker}, which
 * confirms their invoices in the background.
 *
 * <ul>
 *   <li>A job is submitted only once the transaction that scheduled it has committed: the worker claims the job
 *       in a transaction of its own and would not see an uncommitted one (an {@code Idempotency-Key} request
 *       schedules inside the key's transaction).</li>
 *   <li>When the application is ready, every job still Scheduled is submitted: jobs left by a stop or a crash
 *       before their worker took them, or by a submission the shutting-down worker refused; and every job left
 *       Processing by a process that is gone (killed while confirming), which is taken over at once
 *       ({@link dev.tandem.common.claim.Claims}). The worker claims a job under a row lock, with this process as its
 *       owner, so a job submitted twice, or by two nodes, is processed once.</li>
 *   <li>The worker is shut down with the application (its bean's {@code close}, after the web server has stopped
 *       taking requests): running jobs may finish, for at most a minute.</li>
 * </ul>
 *
 * A job's outcome is in the database ({@code GET /bulk-confirm-jobs/{id}}); this class only logs jobs whose
 * processing failed outside the per-invoice handling, which leaves them Processing.
 */
public final class BulkConfirmJobs {

    private static final Logger LOG = LoggerFactory.getLogger(BulkConfirmJobs.class);

    private final BulkConfirmWorker worker;

    public BulkConfirmJobs(BulkConfirmWorker worker) {
        this.worker = worker;
    }

    /**
     * Processes the job in the background after the current transaction commits, or at once when there is none.
     * If the transaction rolls back, the job does not exist and nothing is submitted.
     */
    public void submitAfterCommit(UUID jobId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    submit(jobId);
                }
            });
        } else {
            submit(jobId);
        }
    }

    /** Submits the jobs left Scheduled, oldest first, once the application is ready. */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeScheduled() {
        var jobs = worker.submitScheduled();
        if (!jobs.isEmpty()) {
            LOG.info("resuming {} bulk confirmation job(s) left Scheduled or by a process that is gone", jobs.size());
        }
        jobs.forEach(job -> logFailure(job, "a resumed job"));
    }

    private void submit(UUID jobId) {
        try {
            logFailure(worker.submit(jobId), jobId.toString());
        } catch (RejectedExecutionException shuttingDown) {
            // Stays Scheduled in the database; resumeScheduled() picks it up when a server starts next.
            LOG.info("bulk confirmation job {} stays Scheduled: the worker is shutting down", jobId);
        }
    }

    private static void logFailure(CompletableFuture<BulkConfirmJob> job, String which) {
        job.whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.error("bulk confirmation job {} failed outside its invoices and stays Processing", which, failure);
            }
        });
    }
}
