package dev.tandem.server.web;

import dev.tandem.common.Page;
import dev.tandem.finance.Finance;
import dev.tandem.finance.journal.IntegrationJournal;
import dev.tandem.finance.journal.IntegrationJournal.PostResult;
import dev.tandem.finance.journal.Journal;
import dev.tandem.finance.journal.JournalLine;
import dev.tandem.finance.journal.JournalStatus;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Integration journals for the accountant (§3.8, §4.7, §5 step 6): a legal entity's journals by status, one journal
 * with its lines paged in the database, posting one journal or every draft journal, and "Update to draft" of an
 * error journal. Each action calls what the API's operation calls and shows the domain's answer or refusal.
 */
@Controller
class JournalPages {

    private final Finance finance;

    JournalPages(Finance finance) {
        this.finance = finance;
    }

    @GetMapping("/finance/journals")
    @PreAuthorize("hasAuthority('finance:read')")
    String journals(@RequestParam(name = "company", required = false) String le, @RequestParam(required = false) JournalStatus status,
            Model model) {
        String id = LegalEntities.of(finance, le, model).dataAreaId();
        List<Journal> journals = finance.integrationJournal().journals(id, status);
        model.addAttribute("journals", journals);
        model.addAttribute("status", status);
        model.addAttribute("statuses", JournalStatus.values());
        model.addAttribute("drafts", journals.stream().anyMatch(j -> j.status() == JournalStatus.DRAFT));
        return "finance-journals";
    }

    @GetMapping("/finance/journals/{journalId}")
    @PreAuthorize("hasAuthority('finance:read')")
    String journal(@PathVariable String journalId, @RequestParam(name = "company", required = false) String le,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        String id = LegalEntities.of(finance, le, model).dataAreaId();
        IntegrationJournal journals = finance.integrationJournal();
        int pageSize = PageModel.size(size);
        Page<JournalLine> lines = journals.lines(id, journalId, PageModel.page(page), pageSize);
        model.addAttribute("journal", journals.journal(id, journalId));
        model.addAttribute("lines", lines);
        model.addAttribute("pageCount", PageModel.pageCount(lines.total(), pageSize));
        model.addAttribute("size", pageSize);
        return "finance-journal";
    }

    /** "Post" of one journal: its lines become vouchers; lines that fail move to an error journal (§4.7). */
    @PostMapping("/finance/journals/{journalId}/post")
    @PreAuthorize("hasAuthority('journal:post')")
    String post(@PathVariable String journalId, @RequestParam(name = "company", required = false) String le, RedirectAttributes flash) {
        String id = LegalEntities.of(finance, le, null).dataAreaId();
        PageMessages.attempt(flash, () -> finance.integrationJournal().post(id, journalId), JournalPages::posted);
        return "redirect:/finance/journals/" + journalId + LegalEntities.query(id);
    }

    /** "Post Project Operations integration journal" for every draft journal of the legal entity (§8). */
    @PostMapping("/finance/journals/post")
    @PreAuthorize("hasAuthority('journal:post')")
    String postAll(@RequestParam(name = "company", required = false) String le, RedirectAttributes flash) {
        String id = LegalEntities.of(finance, le, null).dataAreaId();
        PageMessages.attempt(flash, () -> finance.integrationJournal().postAll(id), results -> results.isEmpty()
                ? "No draft journal to post." : String.join(" ", results.stream().map(JournalPages::posted).toList()));
        return "redirect:/finance/journals" + LegalEntities.query(id);
    }

    /** "Update to draft" of an error journal (§4.7). */
    @PostMapping("/finance/journals/{journalId}/reset")
    @PreAuthorize("hasAuthority('journal:edit')")
    String reset(@PathVariable String journalId, @RequestParam(name = "company", required = false) String le, RedirectAttributes flash) {
        String id = LegalEntities.of(finance, le, null).dataAreaId();
        PageMessages.attempt(flash, () -> finance.integrationJournal().resetToDraft(id, journalId),
                "Journal " + journalId + " is a draft again.");
        return "redirect:/finance/journals/" + journalId + LegalEntities.query(id);
    }

    private static String posted(PostResult r) {
        return "Journal " + r.journalId() + ": " + r.status().name().toLowerCase(java.util.Locale.ROOT) + ", "
                + r.postedLines() + (r.postedLines() == 1 ? " line" : " lines") + " posted"
                + (r.failedLines() == 0 ? "." : ", " + r.failedLines() + " failed and moved to error journal "
                + r.errorJournalId() + ".");
    }
}
