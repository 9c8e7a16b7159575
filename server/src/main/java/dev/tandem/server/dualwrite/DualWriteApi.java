package dev.tandem.server.dualwrite;

import dev.tandem.common.Page;
import dev.tandem.dualwrite.map.MapProblem;
import dev.tandem.dualwrite.runtime.ResumeOption;
import dev.tandem.dualwrite.runtime.Views.MapStatus;
import dev.tandem.dualwrite.runtime.Views.QueuedChange;
import dev.tandem.server.api.InputError;
import java.util.List;
import java.util.Locale;
import java.util.Arrays;

/**
 * Where the dual-write API lives ({@value #BASE}), who acts through it, and its request and answer bodies that are
 * not the runtime's own {@code Views}. Request records use boxed types, so a member left out is {@code null} rather
 * than a refusal.
 */
final class DualWriteApi {

    /** Base path of the dual-write endpoints. */
    static final String BASE = "/api/dualwrite";

    /** The signed-in user of the request, who the activity log and the map's state record as acting (issue 15). */
    static String user() {
        org.springframework.security.core.Authentication auth =
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? dev.tandem.server.security.ActingUser.SYSTEM : auth.getName();
    }

    private DualWriteApi() {
    }

    /** {@code POST /maps/{id}/run}: {@code initialSync} true copies the source first (answered 202). */
    record RunRequest(Boolean initialSync) {
    }

    /** {@code POST /maps/{id}/pause}: the reason, kept with the state and in the activity log. */
    record PauseRequest(String reason) {
    }

    /** {@code POST /maps/{id}/resume}; {@code confirmDiscard} must be true with LIVE_DISCARD_QUEUED. */
    record ResumeRequest(ResumeOption option, Boolean confirmDiscard) {
    }

    /** Error-log rows to retry or purge; for retry, none means every open retryable row of the map. */
    record ErrorIdsRequest(List<Long> errorIds) {

        List<Long> ids() {
            return errorIds == null ? List.of() : errorIds;
        }
    }

    /** {@code POST /maps/{id}/resync}: the source row's integration key. */
    record ResyncRequest(String key) {
    }

    /** {@code POST /maps/validate}: whether the YAML is a valid map, and every problem (file, line, rule, message). */
    record Validation(boolean valid, List<MapProblem> problems) {
    }

    /**
     * Outcome of a resume: the map, the batches drained (DRAIN), moved to the retry list (LIVE_RETRY_QUEUED) or
     * discarded (LIVE_DISCARD_QUEUED). {@code discarded} is the first page of the discarded changes;
     * {@code discardedLink} lists all of them ({@code null} when none was discarded).
     */
    record ResumeAnswer(MapStatus status, int drained, int movedToRetry, int discardedCount,
                        Page<QueuedChange> discarded, String discardedLink) {
    }

    /** {@code POST /maps/{id}/errors/purge}: error-log rows deleted. */
    record PurgeAnswer(int purged) {
    }

    /**
     * A status filter ({@code GET /maps/{id}/queue?status=}, {@code /errors?status=}), case-insensitive;
     * {@code null} when absent; 400 INVALID_INPUT naming the statuses when it is none of {@code type}'s.
     */
    static <E extends Enum<E>> E status(String status, Class<E> type) {
        if (status == null || status.isBlank()) {
            return null;
        }
        String upper = status.strip().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(upper)) {
                return e;
            }
        }
        throw new InputError("status", "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .sorted().toList() + ", was '" + status + "'").refusal();
    }
}
