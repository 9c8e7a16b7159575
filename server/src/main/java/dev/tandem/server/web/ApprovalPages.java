package dev.tandem.server.web;

import dev.tandem.common.TandemException;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.work.WorkEntry;
import dev.tandem.operations.work.WorkEntryStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Time and expense entries awaiting approval (§5 steps 2–4), one project at a time: the Submitted entries, paged, and
 * bulk Approve (which creates their cost and unbilled sales actuals) and Reject with a reason. Each chosen entry is
 * approved or rejected on its own, so a refused one does not hold back the others and its refusal shows beside it.
 */
@Controller
class ApprovalPages {

    private final ProjectOperations operations;

    ApprovalPages(ProjectOperations operations) {
        this.operations = operations;
    }

    /** One entry of the page, with its resource's name. */
    record Row(WorkEntry entry, String resource) {
    }

    @GetMapping("/approvals")
    @PreAuthorize("hasAuthority('operations:read')")
    String approvals(@RequestParam(required = false) UUID projectId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Model model) {
        model.addAttribute("projects", BacklogPages.projectChoices(operations));
        model.addAttribute("projectId", projectId);
        if (projectId != null) {
            int pageSize = PageModel.size(size);
            PageNames names = new PageNames(operations);
            List<Row> rows = operations.workEntries().entries(projectId, WorkEntryStatus.SUBMITTED,
                    PageModel.page(page), pageSize).stream().map(e -> new Row(e, names.resource(e.resourceId())))
                    .toList();
            long total = operations.workEntries().count(projectId, WorkEntryStatus.SUBMITTED);
            model.addAttribute("project", names.project(projectId));
            model.addAttribute("rows", rows);
            PageModel.paging(model, PageModel.page(page), pageSize, total);
        }
        return "approvals";
    }

    @PostMapping("/approvals/approve")
    @PreAuthorize("hasAuthority('work:approve')")
    String approve(@RequestParam UUID projectId, @RequestParam(name = "id", required = false) List<UUID> ids,
            RedirectAttributes flash) {
        return each(projectId, ids, flash, "approved", id -> operations.workEntries().approve(id));
    }

    @PostMapping("/approvals/reject")
    @PreAuthorize("hasAuthority('work:approve')")
    String reject(@RequestParam UUID projectId, @RequestParam(name = "id", required = false) List<UUID> ids,
            @RequestParam(required = false) String reason, RedirectAttributes flash) {
        if (reason == null || reason.isBlank()) {
            flash.addFlashAttribute(PageMessages.REFUSED, "Give the reason for the rejection; the person who entered "
                    + "the time or expense reads it.");
            return "redirect:/approvals?projectId=" + projectId;
        }
        return each(projectId, ids, flash, "rejected", id -> operations.workEntries().reject(id, reason.trim()));
    }

    private String each(UUID projectId, List<UUID> ids, RedirectAttributes flash, String verb,
            java.util.function.Consumer<UUID> action) {
        if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute(PageMessages.REFUSED, "Choose the entries first.");
            return "redirect:/approvals?projectId=" + projectId;
        }
        Map<UUID, String> refusals = new LinkedHashMap<>();
        int done = 0;
        for (UUID id : ids.stream().distinct().limit(PageModel.MAX_PAGE_SIZE).toList()) {
            try {
                action.accept(id);
                done++;
            } catch (TandemException e) {
                refusals.put(id, e.errorCode().code() + ": " + e.detail());
            }
        }
        flash.addFlashAttribute(PageMessages.DONE, done + (done == 1 ? " entry " : " entries ") + verb
                + (refusals.isEmpty() ? "." : "; " + refusals.size() + " refused."));
        flash.addFlashAttribute("rowRefusals", refusals);
        return "redirect:/approvals?projectId=" + projectId;
    }
}
