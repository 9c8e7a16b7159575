package dev.tandem.server.dualwrite;

import dev.tandem.common.Page;
import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.dualwrite.runtime.Views.InitialSyncRun;
import dev.tandem.server.api.Idempotency;
import dev.tandem.server.api.PageRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Initial sync of a map (chunked and resumable, every failed row in the error log): start it in the background and
 * follow its run. The map must not be live (Not running, Stopped or Initializing, else 409 {@code MAP_STATE}); it
 * stays in its state ({@code POST /maps/{id}/run} with {@code initialSync} goes live afterwards). Starting again
 * after an interrupted run resumes after its checkpoint.
 */
@RestController
@RequestMapping(DualWriteApi.BASE)
@ConditionalOnBooleanProperty(name = DualWriteProperties.ENABLED, matchIfMissing = true)
public class InitialSyncController {

    private final DualWriteRuntime runtime;
    private final Idempotency idempotency;
    private final InitialSyncJobs jobs;

    public InitialSyncController(DualWriteRuntime runtime, Idempotency idempotency, InitialSyncJobs jobs) {
        this.runtime = runtime;
        this.idempotency = idempotency;
        this.jobs = jobs;
    }

    /**
     * Starts (or resumes) the map's initial sync: 202 with the run, RUNNING, and
     * {@code Location: /api/dualwrite/initial-sync-runs/{runId}}.
     */
    @PostMapping("/maps/{id}/initial-sync")
    ResponseEntity<?> start(@PathVariable String id,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key, HttpServletRequest request) {
        return idempotency.onceWithoutTransaction(key, request, null,
                () -> {
                    String user = DualWriteApi.user();
                    return accepted(id, jobs.start(id, () -> runtime.initialSync(id, user)));
                });
    }

    /** A run: status RUNNING, COMPLETED, COMPLETED_WITH_ERRORS, FAILED or INTERRUPTED, rows synced and failed. */
    @GetMapping("/initial-sync-runs/{runId}")
    InitialSyncRun run(@PathVariable UUID runId) {
        return runtime.initialSyncRun(runId);
    }

    /** The map's runs, newest first. */
    @GetMapping("/maps/{id}/initial-sync-runs")
    Page<InitialSyncRun> runs(@PathVariable String id, PageRequest page) {
        return page.slice(runtime.initialSyncRuns(id));
    }

    /** 202 with the run and where to follow it (the map's runs when the run could not be told yet). */
    static ResponseEntity<?> accepted(String mapId, InitialSyncRun run) {
        if (run == null) {
            return ResponseEntity.accepted().location(TableMapController.location("/maps/{id}/initial-sync-runs",
                    mapId)).build();
        }
        return ResponseEntity.accepted().location(TableMapController.location("/initial-sync-runs/{runId}",
                run.runId())).body(run);
    }
}
