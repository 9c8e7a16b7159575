package dev.tandem.finance.proposal;

import static dev.tandem.finance.FinanceError.STATE;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.setup.PostingSetup;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The invoice proposal approval workflow, for legal entities with "Enable processing invoice proposals in
 * workflow" (§4.8, §11 item 22). Transitions (status = ProjLinePropertyCode, workflow status):
 * <pre>
 *   submit         Open (Draft | Change requested)  → Submitted (Submitted)     needs lines
 *   approve        Submitted                        → Approved  (Approved)      posting allowed from here only
 *   reject         Submitted                        → Rejected  (Rejected)
 *   requestChange  Submitted                        → Open      (Change requested)  editable, submit again
 *   reset          any but Invoiced                 → Open      (Draft)   "Reset invoice proposal workflow status"
 * </pre>
 * Every transition is refused with STATE when the legal entity doesn't use the workflow or the proposal is in
 * another status, and with POSTED_READ_ONLY once it is invoiced.
 */
public final class ProposalWorkflow {

    private final FinanceContext ctx;
    private final PostingSetup setup;
    private final ProposalHeaders headers;
    private final ProposalLines lines;

    ProposalWorkflow(FinanceContext ctx, PostingSetup setup, ProposalHeaders headers, ProposalLines lines) {
        this.ctx = ctx;
        this.setup = setup;
        this.headers = headers;
        this.lines = lines;
    }

    public ProposalHeader submit(String dataAreaId, String proposalId) {
        return move(dataAreaId, proposalId, "submit", Set.of(ProposalStatus.OPEN), ProposalStatus.SUBMITTED,
                WorkflowStatus.SUBMITTED);
    }

    public ProposalHeader approve(String dataAreaId, String proposalId) {
        return move(dataAreaId, proposalId, "approve", Set.of(ProposalStatus.SUBMITTED), ProposalStatus.APPROVED,
                WorkflowStatus.APPROVED);
    }

    public ProposalHeader reject(String dataAreaId, String proposalId) {
        return move(dataAreaId, proposalId, "reject", Set.of(ProposalStatus.SUBMITTED), ProposalStatus.REJECTED,
                WorkflowStatus.REJECTED);
    }

    public ProposalHeader requestChange(String dataAreaId, String proposalId) {
        return move(dataAreaId, proposalId, "request a change of", Set.of(ProposalStatus.SUBMITTED),
                ProposalStatus.OPEN, WorkflowStatus.CHANGE_REQUESTED);
    }

    public ProposalHeader reset(String dataAreaId, String proposalId) {
        return move(dataAreaId, proposalId, "reset the workflow of", Set.of(ProposalStatus.OPEN,
                ProposalStatus.SUBMITTED, ProposalStatus.APPROVED, ProposalStatus.REJECTED), ProposalStatus.OPEN,
                WorkflowStatus.DRAFT);
    }

    private ProposalHeader move(String dataAreaId, String proposalId, String action, Set<ProposalStatus> from,
                                ProposalStatus to, WorkflowStatus workflow) {
        return ctx.inTransaction(() -> {
            ProposalHeader h = headers.lock(dataAreaId, proposalId);
            ProposalRules.requireNotPosted(h, "the workflow");
            if (!setup.legalEntity(dataAreaId).proposalWorkflow()) {
                throw new TandemException(STATE, "Legal entity " + dataAreaId + " doesn't process invoice proposals in "
                        + "workflow; can't " + action + " invoice proposal " + proposalId, ProposalRules.props(h));
            }
            if (!from.contains(h.status())) {
                throw new TandemException(STATE, "Can't " + action + " invoice proposal " + proposalId + ": it is "
                        + ProposalRules.label(h.status()) + " (§4.8)", ProposalRules.props(h));
            }
            if (to == ProposalStatus.SUBMITTED && lines.lines(proposalId).isEmpty()) {
                throw new TandemException(STATE, "Invoice proposal " + proposalId + " has no lines to submit; import "
                        + "its lines first (§5 step 12)", ProposalRules.props(h));
            }
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("status", to.value());
            values.put("workflowstatus", workflow.name());
            headers.update(proposalId, values);
            return headers.header(dataAreaId, proposalId);
        });
    }
}
