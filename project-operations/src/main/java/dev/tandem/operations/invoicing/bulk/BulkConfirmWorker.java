package dev.tandem.operations.invoicing.bulk;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The background worker of bulk confirmation (§8 "Bulk confirm": the invoices are "scheduled by a batch job for
 * asynchronous processing", [D:BULK]): runs {@link BulkConfirmation#process} for submitted jobs on an executor,
 * by default one virtual thread per job. Jobs run concurrently with each other; the invoices of one job are
 * confirmed one after the other. Two jobs never share an invoice, because scheduling refuses an invoice that is
 * already Scheduled or Processing.
 *
 * <p>Jobs survive a restart in the database: {@link #submitScheduled()} picks up every job still Scheduled, and every
 * job whose processing process is gone (taken over at once, {@link dev.tandem.common.claim.Claims}). A job
 * submitted twice, or by workers on two nodes, is processed once (the job is claimed under a row lock).
 */
public final class BulkConfirmWorker implements AutoCloseable {

    private final BulkConfirmation bulk;
    private final ExecutorService executor;
    private final boolean ownsExecutor;

    /** A worker on its own virtual-thread executor, shut down by {@link #close()}. */
    public BulkConfirmWorker(BulkConfirmation bulk) {
        this(bulk, Executors.newVirtualThreadPerTaskExecutor(), true);
    }

    /** A worker on the caller's executor, which the caller also shuts down. */
    public BulkConfirmWorker(BulkConfirmation bulk, ExecutorService executor) {
        this(bulk, executor, false);
    }

    private BulkConfirmWorker(BulkConfirmation bulk, ExecutorService executor, boolean ownsExecutor) {
        this.bulk = bulk;
        this.executor = executor;
        this.ownsExecutor = ownsExecutor;
    }

    /**
     * Processes a job in the background.
     *
     * @return the job as it ends; completes exceptionally when the job is unknown or the database fails outside
     *         the per-invoice handling (the job then stays Processing)
     */
    public CompletableFuture<BulkConfirmJob> submit(UUID jobId) {
        return CompletableFuture.supplyAsync(() -> bulk.process(jobId), executor);
    }

    /**
     * Submits every job still Scheduled, and every job left Processing by a process that is gone (a crash), oldest
     * first: call it when the worker starts.
     */
    public List<CompletableFuture<BulkConfirmJob>> submitScheduled() {
        return bulk.resumableJobs().stream().map(this::submit).toList();
    }

    /**
     * Stops taking jobs and, when the worker owns its executor, waits up to {@code timeout} for running jobs to
     * finish. A job cut short stays Processing with its unprocessed invoices Scheduled.
     *
     * @return whether every running job finished in time
     */
    public boolean shutdown(long timeout, TimeUnit unit) throws InterruptedException {
        if (!ownsExecutor) {
            return true;
        }
        executor.shutdown();
        return executor.awaitTermination(timeout, unit);
    }

    /** Shuts the owned executor down and waits for running jobs (at most one minute). */
    @Override
    public void close() {
        try {
            shutdown(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
