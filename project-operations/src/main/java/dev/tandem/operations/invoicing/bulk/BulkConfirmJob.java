package dev.tandem.operations.invoicing.bulk;

import dev.tandem.operations.invoicing.BulkConfirmationStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A bulk confirmation job (§8 "Bulk confirm", [D:BULK]): Scheduled → Processing → Complete (every invoice
 * confirmed) or Failed (at least one was not). Times are UTC.
 *
 * @param invoices the job's invoices in the order they were given, each with its outcome in this job
 */
public record BulkConfirmJob(UUID id, BulkConfirmationStatus status, int invoiceCount, int confirmedCount,
                             int failedCount, OffsetDateTime createdOn, String createdBy, OffsetDateTime startedOn,
                             OffsetDateTime finishedOn, List<JobInvoice> invoices) {

    /**
     * One invoice of a job.
     *
     * @param outcome Complete or Failed once processed, {@code null} before; the invoice's own bulk confirmation
     *                status and detail say the same until the invoice is scheduled again by a later job
     */
    public record JobInvoice(UUID invoiceId, BulkConfirmationStatus outcome) {
    }

    /** The ids of the job's invoices, in the order given. */
    public List<UUID> invoiceIds() {
        return invoices.stream().map(JobInvoice::invoiceId).toList();
    }
}
