package dev.tandem.server.dualwrite;

import dev.tandem.common.Page;
import dev.tandem.dualwrite.map.MapLoadException;
import dev.tandem.dualwrite.map.MapProblem;
import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.dualwrite.runtime.Views.ActivityEntry;
import dev.tandem.dualwrite.runtime.Views.InitialSyncRun;
import dev.tandem.dualwrite.runtime.Views.MapStatus;
import dev.tandem.dualwrite.runtime.Views.QueuedChange;
import dev.tandem.dualwrite.runtime.Views.ResumeResult;
import dev.tandem.server.api.Idempotency;
import dev.tandem.server.api.InputError;
import dev.tandem.server.api.PageRequest;
import dev.tandem.server.api.ProblemResponses;
import dev.tandem.server.dualwrite.DualWriteApi.PauseRequest;
import dev.tandem.server.dualwrite.DualWriteApi.ResumeAnswer;
import dev.tandem.server.dualwrite.DualWriteApi.ResumeRequest;
import dev.tandem.server.dualwrite.DualWriteApi.RunRequest;
import dev.tandem.server.dualwrite.DualWriteApi.Validation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Table maps and their states (DESIGN §3, dual-write R34/R35): list and read maps, read, replace and validate their
 * YAML definitions, run, pause, resume and stop them, and read their activity log. Commands honour
 * {@value Idempotency#HEADER} (the operations database's store).
 *
 * <p>Refusals: 404 {@code MAP_NOT_FOUND} (unknown map), 409 {@code MAP_STATE} (an action the map's state does not
 * allow: pausing a map that is not Running, replacing the definition of a map that is not Stopped or Not running),
 * 409 {@code CONFIRMATION_REQUIRED} (discarding the queue without {@code confirmDiscard}), 422 {@code MAP_INVALID}
 * with {@code problems}, each {@code {file, line, rule, message}}, 400 {@code INVALID_INPUT}.
 */
@RestController
@RequestMapping(DualWriteApi.BASE)
@ConditionalOnBooleanProperty(name = DualWriteProperties.ENABLED, matchIfMissing = true)
public class TableMapController {

    private static final Logger LOG = LoggerFactory.getLogger(TableMapController.class);

    /** Content type of map definitions. */
    static final MediaType YAML = new MediaType("text", "yaml", StandardCharsets.UTF_8);

    private final DualWriteRuntime runtime;
    private final Idempotency idempotency;
    private final InitialSyncJobs initialSyncs;

    public TableMapController(DualWriteRuntime runtime, Idempotency idempotency, InitialSyncJobs initialSyncs) {
        this.runtime = runtime;
        this.idempotency = idempotency;
        this.initialSyncs = initialSyncs;
    }

    /** Every map with its state, queue depth, lag and open errors, in the order of the map files. */
    @GetMapping("/maps")
    Page<MapStatus> maps(PageRequest page) {
        return page.slice(runtime.maps());
    }

    @GetMapping("/maps/{id}")
    MapStatus map(@PathVariable String id) {
        return runtime.map(id);
    }

    /** The map's YAML as loaded or last replaced, {@code text/yaml}. */
    @GetMapping("/maps/{id}/definition")
    ResponseEntity<String> definition(@PathVariable String id) {
        return ResponseEntity.ok().contentType(YAML).body(runtime.yaml(id));
    }

    /**
     * Replaces the map's definition with the YAML body (any text content type). Only a Stopped or Not running map
     * (409 {@code MAP_STATE}); the id must stay; 422 {@code MAP_INVALID} with every problem.
     */
    @PutMapping("/maps/{id}/definition")
    MapStatus replace(@PathVariable String id, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            description = "the table map: YAML text (any text content type is read)", content = {
                @Content(mediaType = "application/yaml", schema = @Schema(type = "string")),
                @Content(mediaType = "text/yaml", schema = @Schema(type = "string"))})
            @RequestBody String yaml) {
        return runtime.replace(id, yaml, DualWriteApi.user());
    }

    /**
     * Validates a map file (the YAML body) against both apps' entities without loading it: 200 with
     * {@code valid} and every problem. {@code file} names it in the problems (default {@code request.yaml}).
     */
    @PostMapping("/maps/validate")
    Validation validate(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            description = "the table map: YAML text (any text content type is read)", content = {
                @Content(mediaType = "application/yaml", schema = @Schema(type = "string")),
                @Content(mediaType = "text/yaml", schema = @Schema(type = "string"))})
            @RequestBody String yaml, @RequestParam(name = "file", required = false) String file) {
        List<MapProblem> problems = runtime.validate(file == null || file.isBlank() ? "request.yaml" : file, yaml);
        return new Validation(problems.isEmpty(), problems);
    }

    /**
     * Not running/Stopped → Running (queued changes of a stopped map drain first): 200 with the map. With
     * {@code initialSync} the source is copied first, which can take minutes: 202 with the initial sync run,
     * {@code Location: /api/dualwrite/initial-sync-runs/{runId}}; the map is Initializing until the run completes,
     * then Running.
     */
    @PostMapping("/maps/{id}/run")
    ResponseEntity<?> run(@PathVariable String id, @RequestBody(required = false) RunRequest body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key, HttpServletRequest request) {
        boolean initialSync = body != null && Boolean.TRUE.equals(body.initialSync());
        return idempotency.onceWithoutTransaction(key, request, body, () -> {
            if (!initialSync) {
                return ResponseEntity.ok(runtime.run(id, false, DualWriteApi.user()));
            }
            // The acting user is read here, on the request's thread: the job runs on a thread of its own, which has
            // no security context and would record the change as the system's.
            String user = DualWriteApi.user();
            InitialSyncRun run = initialSyncs.start(id, () -> {
                runtime.run(id, true, user);
                return runtime.initialSyncRuns(id).getFirst();
            });
            return InitialSyncController.accepted(id, run);
        });
    }

    /** Running → Paused: later changes queue in full order until the map resumes. */
    @PostMapping("/maps/{id}/pause")
    ResponseEntity<?> pause(@PathVariable String id, @RequestBody(required = false) PauseRequest body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key, HttpServletRequest request) {
        String reason = body == null ? null : body.reason();
        return idempotency.onceWithoutTransaction(key, request, body,
                () -> ResponseEntity.ok(runtime.pause(id, reason, DualWriteApi.user())));
    }

    /**
     * Paused → Running with one of the three options: DRAIN (catch up the queue first), LIVE_RETRY_QUEUED (go live,
     * the queue moves to the retry list), LIVE_DISCARD_QUEUED (go live and discard the queue; needs
     * {@code confirmDiscard: true}, else 409 {@code CONFIRMATION_REQUIRED}; and the permission {@code queue:discard},
     * else 403 {@code PERMISSION_REFUSED}).
     */
    @PostMapping("/maps/{id}/resume")
    ResponseEntity<?> resume(@PathVariable String id, @RequestBody ResumeRequest body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key, HttpServletRequest request) {
        if (body.option() == null) {
            throw new InputError("option", "must be one of DRAIN, LIVE_RETRY_QUEUED, LIVE_DISCARD_QUEUED").refusal();
        }
        if (body.option() == dev.tandem.dualwrite.runtime.ResumeOption.LIVE_DISCARD_QUEUED) {
            // Discarding loses the queued changes for good: it needs its own permission besides map:resume.
            dev.tandem.server.security.Permissions.require(dev.tandem.server.security.Permission.QUEUE_DISCARD,
                    "resume map " + id + " discarding its queue");
        }
        boolean confirm = Boolean.TRUE.equals(body.confirmDiscard());
        return idempotency.onceWithoutTransaction(key, request, body, () -> {
            ResumeResult result = runtime.resume(id, body.option(), confirm, DualWriteApi.user());
            List<QueuedChange> discarded = result.discarded();
            PageRequest first = new PageRequest(0, PageRequest.DEFAULT_SIZE);
            String link = discarded.isEmpty() ? null : DualWriteApi.BASE + "/maps/" + id + "/queue?status=DISCARDED";
            return ResponseEntity.ok(new ResumeAnswer(result.status(), result.drained(), result.movedToRetry(),
                    discarded.size(), first.slice(discarded), link));
        });
    }

    /** Any state → Stopped; queued changes stay queued and drain when the map runs again. */
    @PostMapping("/maps/{id}/stop")
    ResponseEntity<?> stop(@PathVariable String id,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key, HttpServletRequest request) {
        return idempotency.onceWithoutTransaction(key, request, null,
                () -> ResponseEntity.ok(runtime.stop(id, DualWriteApi.user())));
    }

    /** The map's activity log, newest first: state changes, alerts, resumes, discards, initial syncs, retries. */
    @GetMapping("/maps/{id}/activity")
    Page<ActivityEntry> activity(@PathVariable String id, PageRequest page) {
        return runtime.activity(id, page.page(), page.size());
    }

    /**
     * 422 {@code MAP_INVALID} of a definition: the problems as objects {@code {file, line, rule, message}} rather
     * than the exception's lines of text.
     */
    @ExceptionHandler(MapLoadException.class)
    ResponseEntity<ProblemDetail> invalid(MapLoadException exception) {
        LOG.debug("refused map definition: {}", exception.detail());
        ProblemDetail problem = ProblemResponses.of(exception);
        problem.setProperty("problems", exception.problems());
        return ProblemResponses.response(problem);
    }

    static URI location(String path, Object... variables) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(DualWriteApi.BASE + path)
                .buildAndExpand(variables).toUri();
    }
}
