package dev.tandem.server.web;

import dev.tandem.common.Page;
import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.dualwrite.runtime.ErrorStatus;
import dev.tandem.dualwrite.runtime.InitialSyncStatus;
import dev.tandem.dualwrite.runtime.Views.InitialSyncRun;
import dev.tandem.dualwrite.runtime.Views.SyncError;
import dev.tandem.server.dualwrite.DualWriteProperties;
import dev.tandem.server.dualwrite.InitialSyncJobs;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A table map's initial sync for the integration admin (DESIGN §3: chunked, resumable, every error visible): start
 * it in the background through the same {@link InitialSyncJobs} as the API ({@code initialsync:run}; the map must
 * not be live, the runtime says so otherwise), follow its runs — rows synced and failed, checkpoint, pass — while the
 * page polls its progress with htmx, and see the rows it could not sync in the map's open error log. The runs are
 * the runtime's, kept in the database: the page can be left and come back to, and a new start resumes an interrupted
 * run after its checkpoint.
 */
@Controller
@ConditionalOnBooleanProperty(name = DualWriteProperties.ENABLED, matchIfMissing = true)
class InitialSyncPages {

    /** Runs listed, newest first. */
    private static final int RUNS = 20;
    /** Open error-log rows listed under the runs; the error log pages through all of them. */
    private static final int ERRORS = 20;

    private final DualWriteRuntime runtime;
    private final InitialSyncJobs jobs;

    InitialSyncPages(DualWriteRuntime runtime, InitialSyncJobs jobs) {
        this.runtime = runtime;
        this.jobs = jobs;
    }

    @GetMapping("/maps/{id}/initial-sync")
    @PreAuthorize("hasAuthority('dualwrite:read')")
    String page(@PathVariable String id, Model model) {
        progress(id, model);
        return "initial-sync";
    }

    /** The runs and open errors alone: what the page's htmx polling swaps in while a run is RUNNING. */
    @GetMapping("/maps/{id}/initial-sync/progress")
    @PreAuthorize("hasAuthority('dualwrite:read')")
    String progressFragment(@PathVariable String id, Model model) {
        progress(id, model);
        return "initial-sync-progress :: progress";
    }

    /** Starts (or resumes after its checkpoint) the map's initial sync in the background. */
    @PostMapping("/maps/{id}/initial-sync")
    @PreAuthorize("hasAuthority('initialsync:run')")
    String start(@PathVariable String id, Authentication user, RedirectAttributes flash) {
        String by = user.getName();
        PageMessages.attempt(flash, () -> jobs.start(id, () -> runtime.initialSync(id, by)),
                run -> "Initial sync of table map " + id + " started" + (run != null && run.status()
                        != InitialSyncStatus.RUNNING ? " and already ended " + run.status() : "; this page follows it")
                        + ".");
        return "redirect:/maps/" + id + "/initial-sync";
    }

    private void progress(String id, Model model) {
        model.addAttribute("map", runtime.map(id));
        List<InitialSyncRun> runs = runtime.initialSyncRuns(id);
        model.addAttribute("runs", runs.subList(0, Math.min(RUNS, runs.size())));
        model.addAttribute("runCount", runs.size());
        model.addAttribute("running", runs.stream().anyMatch(r -> r.status() == InitialSyncStatus.RUNNING));
        Page<SyncError> errors = runtime.errors(id, ErrorStatus.OPEN, 0, ERRORS);
        model.addAttribute("errors", errors);
    }
}
