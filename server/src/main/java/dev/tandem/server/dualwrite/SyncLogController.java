package dev.tandem.server.dualwrite;

import dev.tandem.common.Page;
import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.dualwrite.runtime.ErrorStatus;
import dev.tandem.dualwrite.runtime.QueueStatus;
import dev.tandem.dualwrite.runtime.Views.QueuedChange;
import dev.tandem.dualwrite.runtime.Views.SyncError;
import dev.tandem.server.api.Idempotency;
import dev.tandem.server.api.InputError;
import dev.tandem.server.api.PageRequest;
import dev.tandem.server.dualwrite.DualWriteApi.ErrorIdsRequest;
import dev.tandem.server.dualwrite.DualWriteApi.PurgeAnswer;
import dev.tandem.server.dualwrite.DualWriteApi.ResyncRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A map's queue and error log: what is queued (or on the retry and discard lists), what failed and why, and the
 * ways to deal with it: retry error-log rows (one, several or all open ones), apply the retry list, purge rows
 * explicitly (the only way rows leave the error log), and re-sync one source row. Lists are paged
 * ({@code page}, {@code size}). Commands honour {@value Idempotency#HEADER}.
 */
@RestController
@RequestMapping(DualWriteApi.BASE)
@ConditionalOnBooleanProperty(name = DualWriteProperties.ENABLED, matchIfMissing = true)
public class SyncLogController {

    private final DualWriteRuntime runtime;
    private final Idempotency idempotency;

    public SyncLogController(DualWriteRuntime runtime, Idempotency idempotency) {
        this.runtime = runtime;
        this.idempotency = idempotency;
    }

    /** Queued changes in order; {@code status} QUEUED, RETRY, DELIVERED, DISCARDED or FAILED, none for all. */
    @GetMapping("/maps/{id}/queue")
    Page<QueuedChange> queue(@PathVariable String id, @RequestParam(required = false) String status,
            PageRequest page) {
        return runtime.queue(id, DualWriteApi.status(status, QueueStatus.class), page.page(), page.size());
    }

    /** Error-log rows; {@code status} OPEN, RESOLVED or ROLLED_BACK, none for all. */
    @GetMapping("/maps/{id}/errors")
    Page<SyncError> errors(@PathVariable String id, @RequestParam(required = false) String status,
            PageRequest page) {
        return runtime.errors(id, DualWriteApi.status(status, ErrorStatus.class), page.page(), page.size());
    }

    /** One error-log row with its payload and cause; 404 {@code ERROR_NOT_FOUND}. */
    @GetMapping("/errors/{errorId}")
    SyncError error(@PathVariable long errorId) {
        return runtime.error(errorId);
    }

    /**
     * Retries error-log rows of the map: {@code errorIds}, or, when empty or left out, every open retryable row.
     * Answers {@code {retried, succeeded, failed}}; rows that fail again stay open with the new cause. A row of
     * another map is 404 {@code ERROR_NOT_FOUND}, one that is not open or not retryable 409 {@code MAP_STATE}.
     */
    @PostMapping("/maps/{id}/errors/retry")
    ResponseEntity<?> retry(@PathVariable String id, @RequestBody(required = false) ErrorIdsRequest body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key, HttpServletRequest request) {
        List<Long> ids = body == null ? List.of() : body.ids();
        if (ids.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InputError("errorIds", "must not contain null").refusal();
        }
        return idempotency.onceWithoutTransaction(key, request, body,
                () -> ResponseEntity.ok(runtime.retry(id, ids, DualWriteApi.user())));
    }

    /** Applies the retry list (changes moved there by resume LIVE_RETRY_QUEUED), in order. */
    @PostMapping("/maps/{id}/retry-queue")
    ResponseEntity<?> retryQueue(@PathVariable String id,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key, HttpServletRequest request) {
        return idempotency.onceWithoutTransaction(key, request, null,
                () -> ResponseEntity.ok(runtime.retryQueue(id, DualWriteApi.user())));
    }

    /**
     * Deletes the error-log rows of the map named in {@code errorIds} (open ones included), or, when empty or left
     * out, every row that is no longer open (RESOLVED, ROLLED_BACK). This is the only way rows leave the error log:
     * nothing expires by age. Answers {@code {purged}}.
     */
    @PostMapping("/maps/{id}/errors/purge")
    ResponseEntity<?> purge(@PathVariable String id, @RequestBody(required = false) ErrorIdsRequest body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key, HttpServletRequest request) {
        List<Long> ids = body == null ? List.of() : body.ids();
        if (ids.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InputError("errorIds", "must not contain null").refusal();
        }
        return idempotency.onceWithoutTransaction(key, request, body,
                () -> ResponseEntity.ok(new PurgeAnswer(runtime.purgeErrors(id, ids, DualWriteApi.user()))));
    }

    /** Syncs one source row again by its integration key, as initial sync would; {@code {retried, succeeded, failed}}. */
    @PostMapping("/maps/{id}/resync")
    ResponseEntity<?> resync(@PathVariable String id, @RequestBody ResyncRequest body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key, HttpServletRequest request) {
        if (body.key() == null || body.key().isBlank()) {
            throw new InputError("key", "must be the integration key of the source row").refusal();
        }
        return idempotency.onceWithoutTransaction(key, request, body,
                () -> ResponseEntity.ok(runtime.resyncRow(id, body.key(), DualWriteApi.user())));
    }
}
