package dev.tandem.server.web;

import dev.tandem.finance.Finance;
import dev.tandem.finance.journal.StagingQueries.StagedActual;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Actuals staging for the accountant (§3.7, §8, §11 item 20): the staged actuals of a legal entity, paged in the
 * database, each with the import error last logged for it; the latest import errors; and Import from staging, which
 * runs on its own thread ({@link ImportRuns}) while the page shows its progress, polled by htmx, and what it did.
 */
@Controller
class StagingPages {

    private final Finance finance;
    private final ImportRuns imports;

    StagingPages(Finance finance, ImportRuns imports) {
        this.finance = finance;
        this.imports = imports;
    }

    /** A staged actual as the list shows it. */
    record Row(StagedActual staged, String transType, String classification) {
    }

    @GetMapping("/finance/staging")
    @PreAuthorize("hasAuthority('finance:read')")
    String staging(@RequestParam(name = "company", required = false) String le, @RequestParam(required = false) Boolean processed,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            Model model) {
        String id = LegalEntities.of(finance, le, model).dataAreaId();
        int pageSize = PageModel.size(size);
        int number = PageModel.page(page);
        List<Row> rows = finance.stagingQueries().page(id, processed, number, pageSize).stream()
                .map(s -> new Row(s, FinanceLabels.transType(s.row().transType()),
                        FinanceLabels.classification(s.row().transactionClassification()))).toList();
        long total = finance.stagingQueries().count(id, processed);
        model.addAttribute("rows", rows);
        model.addAttribute("processed", processed);
        PageModel.paging(model, number, pageSize, total);
        model.addAttribute("pending", finance.stagingQueries().pending(id));
        model.addAttribute("errors", finance.importFromStaging().errors(id, 20));
        model.addAttribute("progress", imports.progress(id).orElse(null));
        return "finance-staging";
    }

    /** Starts Import from staging in the legal entity and goes back to the staging page, which shows its progress. */
    @PostMapping("/finance/import")
    @PreAuthorize("hasAuthority('journal:import')")
    String runImport(@RequestParam(name = "company", required = false) String le, Authentication user, RedirectAttributes flash) {
        String id = LegalEntities.of(finance, le, null).dataAreaId();
        ImportRuns.Run run = imports.start(id, user.getName());
        if (run != null) {
            flash.addFlashAttribute(PageMessages.DONE, "Import from staging started in " + id + ".");
        } else {
            flash.addFlashAttribute(PageMessages.DONE, "Import from staging is still running in " + id
                    + " (started by " + imports.progress(id).map(p -> p.run().user()).orElse("someone") + ").");
        }
        return "redirect:/finance/staging" + LegalEntities.query(id);
    }

    /** The progress of the legal entity's last import, for htmx to poll while it runs. */
    @GetMapping("/finance/import/progress")
    @PreAuthorize("hasAuthority('finance:read')")
    String progress(@RequestParam(name = "company", required = false) String le, Model model) {
        String id = LegalEntities.of(finance, le, model).dataAreaId();
        model.addAttribute("progress", imports.progress(id).orElse(null));
        return "finance-staging :: progress";
    }
}
