package dev.tandem.server.web;

import dev.tandem.common.Page;
import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.dualwrite.runtime.ErrorStatus;
import dev.tandem.dualwrite.runtime.Views.SyncError;
import dev.tandem.server.dualwrite.DualWriteProperties;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A table map's error log for the integration admin (DESIGN §3, dual-write §4.3): the rows that failed to sync with
 * their cause and payload, paged in the database and filtered by status, and the ways to deal with them as the API
 * has them — retry one row or every open retryable row ({@code error:retry}), purge the rows that are no longer open
 * ({@code error:purge}; nothing leaves the error log by age).
 */
@Controller
@ConditionalOnBooleanProperty(name = DualWriteProperties.ENABLED, matchIfMissing = true)
class SyncErrorPages {

    private final DualWriteRuntime runtime;

    SyncErrorPages(DualWriteRuntime runtime) {
        this.runtime = runtime;
    }

    @GetMapping("/maps/{id}/errors")
    @PreAuthorize("hasAuthority('dualwrite:read')")
    String errors(@PathVariable String id, @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            Model model) {
        ErrorStatus filter = status(status);
        if (filter == null && status != null && !status.isBlank()) {
            model.addAttribute("filterError", "There is no error status '" + status + "'; showing every row.");
        }
        int pageSize = PageModel.size(size);
        Page<SyncError> errors = runtime.errors(id, filter, PageModel.page(page), pageSize);
        model.addAttribute("map", runtime.map(id));
        model.addAttribute("errors", errors);
        model.addAttribute("status", filter == null ? "" : filter.name());
        model.addAttribute("statuses", ErrorStatus.values());
        model.addAttribute("size", pageSize);
        model.addAttribute("pageCount", PageModel.pageCount(errors.total(), pageSize));
        return "sync-errors";
    }

    /** Retries one row ({@code errorId}) or, without it, every open retryable row of the map. */
    @PostMapping("/maps/{id}/errors/retry")
    @PreAuthorize("hasAuthority('error:retry')")
    String retry(@PathVariable String id, @RequestParam(required = false) Long errorId, Authentication user,
            RedirectAttributes flash) {
        List<Long> ids = errorId == null ? List.of() : List.of(errorId);
        PageMessages.attempt(flash, () -> runtime.retry(id, ids, user.getName()),
                r -> (errorId == null ? "Every open retryable row retried: " : "Row " + errorId + " retried: ")
                        + r.retried() + " retried, " + r.succeeded() + " succeeded, " + r.failed() + " failed"
                        + (r.failed() == 0 ? "." : " (they stay open with the new cause)."));
        return "redirect:/maps/" + id + "/errors";
    }

    /** Deletes every row of the map's error log that is no longer open (resolved or rolled back). */
    @PostMapping("/maps/{id}/errors/purge")
    @PreAuthorize("hasAuthority('error:purge')")
    String purge(@PathVariable String id, Authentication user, RedirectAttributes flash) {
        PageMessages.attempt(flash, () -> runtime.purgeErrors(id, List.of(), user.getName()),
                n -> n + (n == 1 ? " row" : " rows") + " that were no longer open purged from the error log.");
        return "redirect:/maps/" + id + "/errors";
    }

    private static ErrorStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        String upper = status.strip().toUpperCase(Locale.ROOT);
        for (ErrorStatus s : ErrorStatus.values()) {
            if (s.name().equals(upper)) {
                return s;
            }
        }
        return null;
    }
}
