package dev.tandem.finance.proposal;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceError;

/**
 * Status of an invoice proposal: F&O's ProjLinePropertyCode (§4.8), stored as its value in
 * {@code projproposaljour.status}. Tandem sets Open on arrival, Submitted / Approved / Rejected through the workflow
 * and Invoiced on posting; Canceled is kept for the value set but nothing sets it (integrated proposals are not
 * canceled in Finance, §11 item 16).
 */
public enum ProposalStatus {
    OPEN(0),
    APPROVED(1),
    CANCELED(2),
    INVOICED(3),
    SUBMITTED(4),
    REJECTED(5);

    private final int value;

    ProposalStatus(int value) {
        this.value = value;
    }

    /** The ProjLinePropertyCode value. */
    public int value() {
        return value;
    }

    /** @throws TandemException INVALID_INPUT for a value that is not a ProjLinePropertyCode */
    public static ProposalStatus of(int value) {
        for (ProposalStatus s : values()) {
            if (s.value == value) {
                return s;
            }
        }
        throw new TandemException(FinanceError.INVALID_INPUT, "Unknown proposal status " + value);
    }
}
