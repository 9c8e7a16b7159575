package dev.tandem.server.web;

import dev.tandem.common.Page;
import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.dualwrite.runtime.MapState;
import dev.tandem.dualwrite.runtime.ResumeOption;
import dev.tandem.dualwrite.runtime.Views.ActivityEntry;
import dev.tandem.dualwrite.runtime.Views.MapStatus;
import dev.tandem.dualwrite.runtime.Views.ResumeResult;
import dev.tandem.server.dualwrite.DualWriteProperties;
import dev.tandem.server.dualwrite.InitialSyncJobs;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Table maps for the integration admin (DESIGN §3, dual-write R34 and §4.3): every map with its state, queue depth,
 * lag and open errors, and the actions of the state machine — run (optionally after an initial sync), pause, resume
 * with one of the three options, stop — each calling the runtime as the API does, with the same permission; a map's
 * page adds its activity log and a chart of queue depth, lag and rows applied per second over the last hours
 * ({@link SyncSamples}, served as JSON at {@code /maps/{id}/samples}). Resuming by discarding the queue goes through a
 * confirmation step that says what is lost, and needs {@code queue:discard} besides {@code map:resume}.
 */
@Controller
@ConditionalOnBooleanProperty(name = DualWriteProperties.ENABLED, matchIfMissing = true)
class MapPages {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final DualWriteRuntime runtime;
    private final InitialSyncJobs initialSyncs;
    private final SyncSamples samples;
    private final SyncFormats formats = new SyncFormats();

    MapPages(DualWriteRuntime runtime, InitialSyncJobs initialSyncs, SyncSamples samples) {
        this.runtime = runtime;
        this.initialSyncs = initialSyncs;
        this.samples = samples;
    }

    /** The chart's series: one point per sample, oldest first, and how often samples are taken. */
    record Series(String map, long intervalSeconds, long windowSeconds, List<Point> samples) {
    }

    /**
     * One sample: {@code at} ISO-8601 UTC, {@code label} its time of day (UTC) for the chart's axis.
     */
    record Point(String at, String label, long queueDepth, long lagSeconds, double appliedPerSecond) {
    }

    @GetMapping("/maps")
    @PreAuthorize("hasAuthority('dualwrite:read')")
    String maps(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            Model model) {
        List<MapStatus> all = runtime.maps();
        int pageSize = PageModel.size(size);
        int pageCount = (int) PageModel.pageCount(all.size(), pageSize);
        int current = Math.min(PageModel.page(page), pageCount - 1);
        int from = current * pageSize;
        model.addAttribute("maps", all.subList(Math.min(from, all.size()), Math.min(from + pageSize, all.size())));
        model.addAttribute("page", current);
        model.addAttribute("pageCount", pageCount);
        model.addAttribute("total", (long) all.size());
        model.addAttribute("options", ResumeOption.values());
        return "maps";
    }

    @GetMapping("/maps/{id}")
    @PreAuthorize("hasAuthority('dualwrite:read')")
    String map(@PathVariable String id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Model model) {
        MapStatus map = runtime.map(id);
        int pageSize = PageModel.size(size);
        Page<ActivityEntry> activity = runtime.activity(id, PageModel.page(page), pageSize);
        model.addAttribute("map", map);
        model.addAttribute("activity", activity);
        model.addAttribute("pageCount", PageModel.pageCount(activity.total(), pageSize));
        model.addAttribute("intervalSeconds", samples.interval().toSeconds());
        model.addAttribute("windowHours", samples.window().toMinutes() / 60.0);
        return "map";
    }

    /**
     * The map's samples for its chart, JSON. A page's endpoint (the pages' sign-in and session), not part of the REST
     * API: left out of its OpenAPI description.
     */
    @io.swagger.v3.oas.annotations.Hidden
    @GetMapping(path = "/maps/{id}/samples", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('dualwrite:read')")
    @ResponseBody
    Series samples(@PathVariable String id) {
        runtime.map(id); // MAP_NOT_FOUND for an unknown map
        List<Point> points = samples.samples(id).stream().map(s -> new Point(s.at().toString(),
                CLOCK.format(s.at()), s.queueDepth(), s.lagSeconds(), s.appliedPerSecond())).toList();
        return new Series(id, Math.max(1, samples.interval().toSeconds()), samples.window().toSeconds(), points);
    }

    /**
     * Not running or Stopped → Running; with {@code initialSync} the source is copied first in the background and
     * the initial sync page follows it.
     */
    @PostMapping("/maps/{id}/run")
    @PreAuthorize("hasAuthority('map:run')")
    String run(@PathVariable String id, @RequestParam(defaultValue = "false") boolean initialSync,
            @RequestParam(required = false) String back, Authentication user, RedirectAttributes flash) {
        String by = user.getName();
        if (initialSync) {
            PageMessages.attempt(flash, () -> initialSyncs.start(id, () -> {
                runtime.run(id, true, by);
                return runtime.initialSyncRuns(id).getFirst();
            }), run -> "Table map " + id + " is Initializing: its initial sync runs in the background and the map "
                    + "runs live once it is done.");
            return "redirect:/maps/" + id + "/initial-sync";
        }
        PageMessages.attempt(flash, () -> runtime.run(id, false, by),
                map -> "Table map " + id + " is " + formats.state(map.state()) + ".");
        return "redirect:" + backTo(back, id);
    }

    /** Running → Paused: later changes queue in full order until the map resumes. */
    @PostMapping("/maps/{id}/pause")
    @PreAuthorize("hasAuthority('map:pause')")
    String pause(@PathVariable String id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String back, Authentication user, RedirectAttributes flash) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        PageMessages.attempt(flash, () -> runtime.pause(id, why, user.getName()),
                map -> "Table map " + id + " paused: its changes queue until it resumes.");
        return "redirect:" + backTo(back, id);
    }

    /**
     * Paused → Running by draining the queue first (DRAIN) or going live with the queue on the retry list
     * (LIVE_RETRY_QUEUED); discarding the queue (LIVE_DISCARD_QUEUED) goes to its confirmation step first.
     */
    @PostMapping("/maps/{id}/resume")
    @PreAuthorize("hasAuthority('map:resume')")
    String resume(@PathVariable String id, @RequestParam(required = false) String option,
            @RequestParam(required = false) String back, Authentication user, RedirectAttributes flash) {
        ResumeOption chosen = option(option);
        if (chosen == null) {
            flash.addFlashAttribute(PageMessages.REFUSED, "Choose how to resume: drain the queue first, go live "
                    + "and move the queue to the retry list, or go live and discard the queue.");
            return "redirect:" + backTo(back, id);
        }
        if (chosen == ResumeOption.LIVE_DISCARD_QUEUED) {
            return "redirect:/maps/" + id + "/resume/discard";
        }
        PageMessages.attempt(flash, () -> runtime.resume(id, chosen, false, user.getName()),
                result -> resumed(id, chosen, result));
        return "redirect:" + backTo(back, id);
    }

    /** The confirmation step of discarding a paused map's queue: what is lost, and that it can't be undone. */
    @GetMapping("/maps/{id}/resume/discard")
    @PreAuthorize("hasAuthority('map:resume') and hasAuthority('queue:discard')")
    String discardStep(@PathVariable String id, Model model) {
        model.addAttribute("map", runtime.map(id));
        return "map-discard";
    }

    /** Resumes live and discards the queue; the runtime refuses it without {@code confirmDiscard}. */
    @PostMapping("/maps/{id}/resume/discard")
    @PreAuthorize("hasAuthority('map:resume') and hasAuthority('queue:discard')")
    String discard(@PathVariable String id, @RequestParam(defaultValue = "false") boolean confirmDiscard,
            Authentication user, RedirectAttributes flash) {
        PageMessages.attempt(flash, () -> runtime.resume(id, ResumeOption.LIVE_DISCARD_QUEUED, confirmDiscard,
                user.getName()), result -> resumed(id, ResumeOption.LIVE_DISCARD_QUEUED, result));
        return "redirect:/maps/" + id;
    }

    /** Any state → Stopped; queued changes stay queued and drain when the map runs again. */
    @PostMapping("/maps/{id}/stop")
    @PreAuthorize("hasAuthority('map:stop')")
    String stop(@PathVariable String id, @RequestParam(required = false) String back, Authentication user,
            RedirectAttributes flash) {
        PageMessages.attempt(flash, () -> runtime.stop(id, user.getName()),
                map -> "Table map " + id + " stopped; queued changes stay queued and drain when it runs again.");
        return "redirect:" + backTo(back, id);
    }

    /** Applies the retry list (the queue a LIVE_RETRY_QUEUED resume moved there), in order. */
    @PostMapping("/maps/{id}/retry-queue")
    @PreAuthorize("hasAuthority('error:retry')")
    String retryQueue(@PathVariable String id, Authentication user, RedirectAttributes flash) {
        PageMessages.attempt(flash, () -> runtime.retryQueue(id, user.getName()),
                r -> "Retry list applied: " + r.retried() + " retried, " + r.succeeded() + " succeeded, " + r.failed()
                        + " failed" + (r.failed() == 0 ? "." : " (they are in the error log)."));
        return "redirect:/maps/" + id;
    }

    private String resumed(String id, ResumeOption option, ResumeResult result) {
        String state = formats.state(result.status().state());
        String how = switch (option) {
            case DRAIN -> result.drained() + (result.drained() == 1 ? " queued batch" : " queued batches")
                    + " drained";
            case LIVE_RETRY_QUEUED -> result.movedToRetry() + (result.movedToRetry() == 1 ? " batch" : " batches")
                    + " moved to the retry list";
            case LIVE_DISCARD_QUEUED -> result.discarded().size() + (result.discarded().size() == 1
                    ? " queued change" : " queued changes") + " discarded (each is kept in the discard log)";
        };
        String still = result.status().state() == MapState.RESUMING ? "; it stays Resuming until its target answers "
                + "and the queue is applied in order" : "";
        return "Table map " + id + " resumed: " + how + "; it is " + state + still + ".";
    }

    private static ResumeOption option(String option) {
        if (option == null) {
            return null;
        }
        for (ResumeOption o : ResumeOption.values()) {
            if (o.name().equalsIgnoreCase(option.strip())) {
                return o;
            }
        }
        return null;
    }

    /** Only the maps' pages of this site are places to go back to (never another site). */
    static String backTo(String back, String id) {
        return back != null && back.startsWith("/maps") && !back.startsWith("//") ? back : "/maps/" + id;
    }
}
