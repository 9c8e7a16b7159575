package dev.tandem.finance.proposal;

import static dev.tandem.finance.FinanceError.POSTED_READ_ONLY;
import static dev.tandem.finance.FinanceError.STATE;

import dev.tandem.common.TandemException;
import java.util.Map;

/**
 * What a proposal's status allows (§4.8, §11 items 16, 22). Lines change (import, tax groups, "Delete all lines")
 * only while the proposal is Open: a Submitted proposal waits for its approver, an Approved one must be posted as
 * approved, a Rejected one goes back through "Reset workflow". Invoiced proposals never change.
 */
final class ProposalRules {

    private ProposalRules() {
    }

    /** @throws TandemException POSTED_READ_ONLY when invoiced; STATE when not Open */
    static void requireEditable(ProposalHeader h, String action) {
        requireNotPosted(h, action);
        if (h.status() != ProposalStatus.OPEN) {
            throw new TandemException(STATE, "Invoice proposal " + h.proposalId() + " is " + label(h.status())
                    + "; " + action + " is possible only while it is Open (§4.8)", props(h));
        }
    }

    /** @throws TandemException POSTED_READ_ONLY naming the customer invoice */
    static void requireNotPosted(ProposalHeader h, String action) {
        if (h.status() == ProposalStatus.INVOICED) {
            throw new TandemException(POSTED_READ_ONLY, "Invoice proposal " + h.proposalId() + " is posted as customer "
                    + "invoice " + h.customerInvoiceId() + "; " + action + " is not possible any more",
                    Map.of("proposalId", h.proposalId(), "customerInvoiceId", h.customerInvoiceId()));
        }
    }

    static String label(ProposalStatus s) {
        String name = s.name().toLowerCase();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * The properties of a refusal about a proposal. Not {@code status}: an API answers a refusal as an RFC 9457
     * problem, whose {@code status} member is the HTTP status, so a property of that name would be dropped there.
     */
    static Map<String, Object> props(ProposalHeader h) {
        return Map.of("proposalId", h.proposalId(), "proposalStatus", label(h.status()), "workflowStatus",
                h.workflowStatus().name());
    }
}
