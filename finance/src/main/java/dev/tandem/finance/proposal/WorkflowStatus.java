package dev.tandem.finance.proposal;

/**
 * Where a proposal is in the approval workflow ("Enable processing invoice proposals in workflow", §4.8, §11 item
 * 22). Stored by name in {@code projproposaljour.workflowstatus}. DRAFT and CHANGE_REQUESTED proposals can be
 * edited and submitted; SUBMITTED ones wait for approve, reject or request change; APPROVED ones can be posted;
 * "Reset invoice proposal workflow status" takes any unposted proposal back to DRAFT.
 */
public enum WorkflowStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    REJECTED,
    CHANGE_REQUESTED
}
