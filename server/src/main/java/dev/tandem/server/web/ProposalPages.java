package dev.tandem.server.web;

import dev.tandem.finance.Finance;
import dev.tandem.finance.proposal.InvoiceProposals;
import dev.tandem.finance.proposal.ProposalHeader;
import dev.tandem.finance.proposal.ProposalLine;
import dev.tandem.finance.proposal.ProposalStatus;
import dev.tandem.finance.proposal.WorkflowStatus;
import dev.tandem.finance.setup.PostingSetup.LegalEntity;
import dev.tandem.server.database.FinanceDatabase;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Invoice proposals for the accountant (§3.9, §4.8, §5 steps 12–14): the list by status, paged in the database; one
 * proposal with its lines, totals and last import issue; "Import lines"; a line's sales tax group and item sales tax
 * group; the approval workflow when the legal entity uses it (submit, approve, reject, request change, reset); and
 * posting into a customer invoice. Each action calls what the API's operation calls (the tax groups under the
 * proposal's lock, as the API does) and shows the domain's answer or refusal.
 */
@Controller
class ProposalPages {

    /** Longest group id the schema holds, as the API's {@code TaxGroupPatch} checks it. */
    private static final int MAX_GROUP = 20;

    private final Finance finance;
    private final InvoiceProposals proposals;
    private final TransactionTemplate transaction;
    private final Formats formats;

    ProposalPages(Finance finance, @FinanceDatabase TransactionTemplate transaction, Formats formats) {
        this.finance = finance;
        this.proposals = finance.proposals();
        this.transaction = transaction;
        this.formats = formats;
    }

    @GetMapping("/finance/proposals")
    @PreAuthorize("hasAuthority('finance:read')")
    String list(@RequestParam(name = "company", required = false) String le, @RequestParam(required = false) ProposalStatus status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        String id = LegalEntities.of(finance, le, model).dataAreaId();
        int pageSize = PageModel.size(size);
        int number = PageModel.page(page);
        long total = proposals.headers().count(id, status, null);
        model.addAttribute("rows", proposals.headers().page(id, status, null, number, pageSize));
        model.addAttribute("status", status);
        model.addAttribute("statuses", ProposalStatus.values());
        model.addAttribute("byStatus", finance.proposalQueries().countByStatus(id));
        PageModel.paging(model, number, pageSize, total);
        return "finance-proposals";
    }

    @GetMapping("/finance/proposals/{proposalId}")
    @PreAuthorize("hasAuthority('finance:read')")
    String proposal(@PathVariable String proposalId, @RequestParam(name = "company", required = false) String le, Model model) {
        LegalEntity entity = LegalEntities.of(finance, le, model);
        ProposalHeader header = proposals.headers().header(entity.dataAreaId(), proposalId);
        List<ProposalLine> lines = proposals.lines().lines(proposalId);
        model.addAttribute("proposal", header);
        model.addAttribute("lines", lines);
        model.addAttribute("linesAmount", header.invoiceAmount().subtract(header.sumTax()));
        model.addAttribute("issue", proposals.importIssues().issue(proposalId).orElse(null));
        model.addAttribute("workflow", entity.proposalWorkflow());
        model.addAttribute("invoiced", header.status() == ProposalStatus.INVOICED);
        model.addAttribute("submitted", header.workflowStatus() == WorkflowStatus.SUBMITTED);
        return "finance-proposal";
    }

    /** "Import lines" (§5 step 12): the import's issue, when it made no lines, is its answer, not a refusal. */
    @PostMapping("/finance/proposals/{proposalId}/import-lines")
    @PreAuthorize("hasAuthority('proposal:edit')")
    String importLines(@PathVariable String proposalId, @RequestParam(name = "company", required = false) String le,
            RedirectAttributes flash) {
        String id = LegalEntities.of(finance, le, null).dataAreaId();
        var outcome = PageMessages.attempt(flash, () -> proposals.lineImport().importForProposal(id, proposalId),
                o -> o.linesImported() == 1 ? "Imported 1 line." : "Imported " + o.linesImported() + " lines.");
        if (outcome != null && outcome.issue().isPresent()) {
            flash.addFlashAttribute(PageMessages.REFUSED, outcome.issue().get().message());
            flash.addFlashAttribute(PageMessages.REFUSED_CODE, outcome.issue().get().errorCode());
        }
        return back(id, proposalId);
    }

    /** A line's sales tax group and item sales tax group (§5 step 13): tax and totals are recalculated. */
    @PostMapping("/finance/proposals/{proposalId}/lines/{lineId}")
    @PreAuthorize("hasAuthority('proposal:edit')")
    String taxGroups(@PathVariable String proposalId, @PathVariable String lineId,
            @RequestParam(name = "company", required = false) String le, @RequestParam(required = false) String taxGroup,
            @RequestParam(required = false) String itemTaxGroup, RedirectAttributes flash) {
        String id = LegalEntities.of(finance, le, null).dataAreaId();
        for (String group : new String[] {taxGroup, itemTaxGroup}) {
            if (group != null && group.trim().length() > MAX_GROUP) {
                flash.addFlashAttribute(PageMessages.REFUSED_CODE, "INVALID_INPUT");
                flash.addFlashAttribute(PageMessages.REFUSED, "A tax group is 1 to " + MAX_GROUP + " characters, or "
                        + "empty for no group; '" + group.trim() + "' is longer.");
                return back(id, proposalId);
            }
        }
        PageMessages.attempt(flash, () -> transaction.execute(status -> {
            proposals.headers().lock(id, proposalId);
            return proposals.editing().setLineTaxGroups(id, proposalId, lineId, blankToNull(taxGroup),
                    blankToNull(itemTaxGroup));
        }), line -> "Line " + line.lineTransId() + ": tax " + formats.money(line.taxAmount(), line.currency()) + ".");
        return back(id, proposalId);
    }

    @PostMapping("/finance/proposals/{proposalId}/submit")
    @PreAuthorize("hasAuthority('proposal:edit')")
    String submit(@PathVariable String proposalId, @RequestParam(name = "company", required = false) String le,
            RedirectAttributes flash) {
        return workflow(le, proposalId, flash, proposals.workflow()::submit, "submitted for approval");
    }

    @PostMapping("/finance/proposals/{proposalId}/approve")
    @PreAuthorize("hasAuthority('proposal:approve')")
    String approve(@PathVariable String proposalId, @RequestParam(name = "company", required = false) String le,
            RedirectAttributes flash) {
        return workflow(le, proposalId, flash, proposals.workflow()::approve, "approved");
    }

    @PostMapping("/finance/proposals/{proposalId}/reject")
    @PreAuthorize("hasAuthority('proposal:approve')")
    String reject(@PathVariable String proposalId, @RequestParam(name = "company", required = false) String le,
            RedirectAttributes flash) {
        return workflow(le, proposalId, flash, proposals.workflow()::reject, "rejected");
    }

    @PostMapping("/finance/proposals/{proposalId}/request-change")
    @PreAuthorize("hasAuthority('proposal:approve')")
    String requestChange(@PathVariable String proposalId, @RequestParam(name = "company", required = false) String le,
            RedirectAttributes flash) {
        return workflow(le, proposalId, flash, proposals.workflow()::requestChange, "sent back for changes");
    }

    @PostMapping("/finance/proposals/{proposalId}/reset")
    @PreAuthorize("hasAuthority('proposal:edit')")
    String reset(@PathVariable String proposalId, @RequestParam(name = "company", required = false) String le,
            RedirectAttributes flash) {
        return workflow(le, proposalId, flash, proposals.workflow()::reset, "reset to Open, Draft");
    }

    /** Posts the proposal as a customer invoice: number, voucher, customer transaction, write-back (§5 step 14). */
    @PostMapping("/finance/proposals/{proposalId}/post")
    @PreAuthorize("hasAuthority('proposal:post')")
    String post(@PathVariable String proposalId, @RequestParam(name = "company", required = false) String le, RedirectAttributes flash) {
        String id = LegalEntities.of(finance, le, null).dataAreaId();
        PageMessages.attempt(flash, () -> proposals.posting().post(id, proposalId), p -> (p.creditNote()
                ? "Posted as credit note " : "Posted as customer invoice ") + p.customerInvoiceId() + ": "
                + formats.money(p.invoiceAmount(), p.currency()) + ", voucher " + p.voucher() + ".");
        return back(id, proposalId);
    }

    private String workflow(String le, String proposalId, RedirectAttributes flash,
            BiFunction<String, String, ProposalHeader> action, String done) {
        String id = LegalEntities.of(finance, le, null).dataAreaId();
        PageMessages.attempt(flash, () -> action.apply(id, proposalId), h -> "Proposal " + proposalId + " " + done
                + ".");
        return back(id, proposalId);
    }

    private static String back(String le, String proposalId) {
        return "redirect:/finance/proposals/" + proposalId + LegalEntities.query(le);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
