package dev.tandem.server.finance;

import dev.tandem.common.Page;
import dev.tandem.finance.Finance;
import dev.tandem.finance.proposal.InvoiceProposals;
import dev.tandem.finance.proposal.ProposalHeader;
import dev.tandem.finance.proposal.ProposalHeaders;
import dev.tandem.finance.proposal.ProposalImport.Outcome;
import dev.tandem.finance.proposal.ProposalLine;
import dev.tandem.finance.proposal.ProposalStatus;
import dev.tandem.server.api.PageRequest;
import dev.tandem.server.database.FinanceDatabase;
import dev.tandem.server.finance.FinanceViews.DeletedLinesView;
import dev.tandem.server.finance.FinanceViews.ImportIssueView;
import dev.tandem.server.finance.FinanceViews.ImportView;
import dev.tandem.server.finance.FinanceViews.LineView;
import dev.tandem.server.finance.FinanceViews.ProposalSummaryView;
import dev.tandem.server.finance.FinanceViews.ProposalView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoice proposals under {@code /api/finance/legal-entities/{dataAreaId}/invoice-proposals} (§3.9, §4.8, §5 steps
 * 10–13, §11 items 16–21): the list and one proposal with its lines, totals and last import issue, "Import lines" on
 * one proposal, a line's tax groups, and "Delete all lines". Headers are created and changed only by the "Project
 * invoice proposals V2" map (in-process, through the Finance data entities), so creating, replacing or deleting one
 * here is 405 {@code TABLE_MAP_ONLY} ({@link TableMapRows}, §11 item 16). Amounts are in the proposal currency.
 * Workflow and posting are in {@link ProposalPostingController}.
 *
 * <p>Refusals: 404 {@code NOT_FOUND}; 405 {@code TABLE_MAP_ONLY} for POST, PUT and DELETE of headers; 409
 * {@code POSTED_READ_ONLY} once the proposal is invoiced; 409 {@code STATE} when it is not Open; 400
 * {@code INVALID_INPUT}.
 */
@RestController
@RequestMapping(FinanceApi.BASE + "/legal-entities/{dataAreaId}/invoice-proposals")
public class ProposalController {

    private final Finance finance;
    private final InvoiceProposals proposals;
    private final TransactionTemplate transaction;

    public ProposalController(Finance finance, @FinanceDatabase TransactionTemplate transaction) {
        this.finance = finance;
        this.proposals = finance.proposals();
        this.transaction = transaction;
    }

    /**
     * Creating or replacing a proposal header: refused, the "Project invoice proposals V2" map creates it when
     * Project Operations confirms a proforma invoice (§11 item 16). Nothing of the request is read.
     */
    @Operation(summary = "Refused: invoice proposals are created by the table map 'Project invoice proposals V2'", description = TableMapRows.OPENAPI_DESCRIPTION, responses = @ApiResponse(
            responseCode = "405", description = "TABLE_MAP_ONLY: only the table map writes these rows",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = TableMapRows.PROBLEM_REF))))
    @PostMapping
    void create(@PathVariable String dataAreaId) {
        throw TableMapRows.proposal(HttpMethod.POST, dataAreaId, null);
    }

    /** The legal entity's proposals by id, of one status ({@code OPEN}, {@code INVOICED}, …) or contract if given. */
    @GetMapping
    Page<ProposalSummaryView> list(@PathVariable String dataAreaId, @RequestParam(required = false) ProposalStatus status,
            @RequestParam(required = false) String contractId, PageRequest page) {
        finance.postingSetup().legalEntity(dataAreaId);
        ProposalHeaders headers = proposals.headers();
        return page.toPage(headers.page(dataAreaId, status, contractId, page.page(), page.size()).stream()
                .map(ProposalSummaryView::of).toList(), headers.count(dataAreaId, status, contractId));
    }

    /** One proposal with all its lines (in import order), its totals and its last import issue. */
    @GetMapping("/{proposalId}")
    ProposalView proposal(@PathVariable String dataAreaId, @PathVariable String proposalId) {
        ProposalHeader header = proposals.headers().header(dataAreaId, proposalId);
        return ProposalView.of(header, proposals.lines().lines(proposalId), proposals.importIssues().issue(proposalId));
    }

    /**
     * Replacing (the map's upsert) or deleting one proposal: refused, creating or deleting integrated proposals in
     * Finance isn't supported (§11 item 16). Nothing of the request is read.
     */
    @Operation(summary = "Refused: invoice proposals are created, changed and kept by their table map", description = TableMapRows.OPENAPI_DESCRIPTION, responses = @ApiResponse(
            responseCode = "405", description = "TABLE_MAP_ONLY: only the table map writes these rows",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = TableMapRows.PROBLEM_REF))))
    @RequestMapping(path = "/{proposalId}", method = {RequestMethod.PUT, RequestMethod.DELETE})
    void replaceOrDelete(@PathVariable String dataAreaId, @PathVariable String proposalId, HttpMethod method) {
        throw TableMapRows.proposal(method, dataAreaId, proposalId);
    }

    /**
     * "Import lines" (§5 step 12, selective import): every pending billed-sales row of the proposal becomes a line,
     * all or none. A refusal of the import — typically {@code UNBILLED_NOT_POSTED}, "Project transaction hasn't been
     * posted yet…" — is not a refusal of this request: the import ran, and the domain recorded why it made no lines
     * as the proposal's import issue (the workspace's Troubleshoot), which this answer carries with its error code.
     */
    @PostMapping("/{proposalId}/import-lines")
    ImportView importLines(@PathVariable String dataAreaId, @PathVariable String proposalId) {
        Outcome outcome = proposals.lineImport().importForProposal(dataAreaId, proposalId);
        return new ImportView(outcome.proposalId(), outcome.linesImported(), ImportIssueView.of(outcome.issue()));
    }

    /**
     * Sets a line's sales tax group and/or item sales tax group (§5 step 13, §11 item 21); its tax and the proposal
     * totals are recalculated. Answers the line.
     */
    @PatchMapping("/{proposalId}/lines/{lineId}")
    LineView patchLine(@PathVariable String dataAreaId, @PathVariable String proposalId, @PathVariable String lineId,
            @RequestBody Map<String, Object> body) {
        TaxGroupPatch patch = TaxGroupPatch.of(body, "a proposal line");
        ProposalLine changed = transaction.execute(status -> {
            proposals.headers().lock(dataAreaId, proposalId);
            ProposalLine line = proposals.lines().line(proposalId, lineId);
            return proposals.editing().setLineTaxGroups(dataAreaId, proposalId, lineId,
                    patch.taxGroup(line.taxGroup()), patch.itemTaxGroup(line.itemTaxGroup()));
        });
        return LineView.of(changed);
    }

    /**
     * "Delete all lines" (§5 step 13, §11 item 16): the staging rows are released, so the next import creates the
     * lines again with current defaults.
     */
    @PostMapping("/{proposalId}/delete-all-lines")
    DeletedLinesView deleteAllLines(@PathVariable String dataAreaId, @PathVariable String proposalId) {
        return new DeletedLinesView(proposalId, proposals.editing().deleteAllLines(dataAreaId, proposalId));
    }
}
