package dev.tandem.server.dualwrite;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.DualWriteError;
import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.dualwrite.runtime.InitialSyncStatus;
import dev.tandem.dualwrite.runtime.Views.InitialSyncRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Initial syncs started through the API ({@code POST /maps/{id}/initial-sync} and {@code POST /maps/{id}/run} with
 * {@code initialSync}) or the integration admin's pages (the same jobs, so one initial sync per map whichever face
 * starts it), which can take minutes: each runs on a virtual thread of its own, and the request is answered
 * as soon as the run is recorded (status RUNNING), with that run. One initial sync per map at a time in this process.
 *
 * <p>A run that fails ends INTERRUPTED (the runtime records it, with the cause in the map's activity log) and is
 * resumed after its checkpoint by the next initial sync of the map. Closing (server shutdown) interrupts running
 * syncs; the runtime's next start marks them resumable.
 */
public final class InitialSyncJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InitialSyncJobs.class);

    /** How long a request waits for its run to be recorded before answering with what there is. */
    private static final Duration RECORDED_WITHIN = Duration.ofSeconds(30);

    private final DualWriteRuntime runtime;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    InitialSyncJobs(DualWriteRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Starts {@code work} (an initial sync of {@code mapId}, alone or as part of running the map) in the background
     * and answers the run it records, or the finished run when it is done first.
     *
     * @throws TandemException MAP_STATE when an initial sync of the map is already running here; whatever the work
     *                         throws before it has recorded its run (MAP_NOT_FOUND, MAP_STATE)
     */
    public InitialSyncRun start(String mapId, Supplier<InitialSyncRun> work) {
        runtime.map(mapId); // MAP_NOT_FOUND before anything else
        if (!running.add(mapId)) {
            throw new TandemException(DualWriteError.MAP_STATE, "An initial sync of table map " + mapId
                    + " is already running; follow it at GET /api/dualwrite/maps/" + mapId + "/initial-sync-runs",
                    Map.of("map", mapId));
        }
        CompletableFuture<InitialSyncRun> job;
        try {
            job = CompletableFuture.supplyAsync(() -> {
                try {
                    return work.get();
                } catch (TandemException e) {
                    // A refusal (the map's state): the request that started it gets it.
                    LOG.debug("initial sync of table map {} refused: {}", mapId, e.getMessage());
                    throw e;
                } catch (RuntimeException e) {
                    LOG.warn("initial sync of table map {} ended: {}", mapId, e.getMessage(), e);
                    throw e;
                } finally {
                    running.remove(mapId);
                }
            }, executor);
        } catch (RuntimeException e) {
            running.remove(mapId);
            throw e;
        }
        long deadline = System.nanoTime() + RECORDED_WITHIN.toNanos();
        while (true) {
            try {
                return job.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                InitialSyncRun recorded = recorded(mapId);
                if (recorded != null) {
                    return recorded;
                }
                if (System.nanoTime() > deadline) {
                    List<InitialSyncRun> runs = runtime.initialSyncRuns(mapId);
                    return runs.isEmpty() ? null : runs.getFirst();
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the initial sync of " + mapId, e);
            }
        }
    }

    /** The map's run that is RUNNING: while this process runs one sync per map, it is the one just started. */
    private InitialSyncRun recorded(String mapId) {
        return runtime.initialSyncRuns(mapId).stream().filter(r -> r.status() == InitialSyncStatus.RUNNING).findFirst()
                .orElse(null);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
