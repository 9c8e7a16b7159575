package dev.tandem.server.reconcile;

import dev.tandem.finance.journal.IntegrationJournal;
import dev.tandem.finance.journal.IntegrationJournal.JournalClaim;
import dev.tandem.operations.invoicing.bulk.BulkConfirmation;
import dev.tandem.operations.invoicing.bulk.BulkConfirmation.JobClaim;

/**
 * Invariant 9 (issue 14, finding 3), on both databases: no work is claimed by a gone owner. Work is claimed by
 * writing a status with its owner ({@link dev.tandem.common.claim.Claims}): an integration journal in PROCESSING
 * (Finance) and a bulk confirmation job in Processing (Project Operations). {@code checked} counts such claims; each
 * whose owner is gone (a crash, {@code kill -9}) is one violation, its sample naming the journal or job, the owner's
 * host:pid and its last renewal. Such work is not lost: the next posting of the journals ({@code tandem run}, Post
 * integration journals) or the next start of a server takes it over at once, after which this invariant holds
 * again; the violation says that until then invoices wait unposted.
 */
final class NoAbandonedClaims {

    static final String NAME = "no work claimed by a gone owner";

    private final IntegrationJournal journals;
    private final BulkConfirmation bulkConfirmation;

    NoAbandonedClaims(IntegrationJournal journals, BulkConfirmation bulkConfirmation) {
        this.journals = journals;
        this.bulkConfirmation = bulkConfirmation;
    }

    InvariantResult check() {
        Tally tally = new Tally(9, NAME);
        for (JournalClaim c : journals.claims()) {
            tally.checked(1);
            if (c.ownerGone()) {
                tally.violation("integration journal " + c.journalId() + " (" + c.dataAreaId() + ") is PROCESSING, "
                        + "claimed by " + owner(c.claimedBy()) + ", which is gone (last renewed " + c.renewedOn()
                        + "); the next posting takes it over");
            }
        }
        for (JobClaim c : bulkConfirmation.claims()) {
            tally.checked(1);
            if (c.ownerGone()) {
                tally.violation("bulk confirmation job " + c.jobId() + " is Processing, claimed by "
                        + owner(c.claimedBy()) + ", which is gone (last renewed " + c.renewedOn() + "); the next "
                        + "server start takes it over");
            }
        }
        return tally.result();
    }

    private static String owner(String claimedBy) {
        return claimedBy == null ? "no recorded owner" : claimedBy;
    }
}
