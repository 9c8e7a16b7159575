package dev.tandem.operations.invoicing.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What one call of {@link InvoiceRuns#runDue} did: one outcome per contract and invoice run date it ran.
 *
 * @param runDate the date the run was made for: rows with an invoice run date on or before it were due
 */
public record RunSummary(LocalDate runDate, List<ContractRun> runs) {

    /**
     * The run of one contract for one invoice run date, in its own transaction.
     *
     * @param scheduleRowIds the schedule rows it ran (the contract's Time and Material lines with that run date);
     *                       empty when only fixed-price milestones were due
     * @param status         Run Successful (with or without invoices) or Run Failed
     * @param invoiceIds     the drafts created, one per contract customer
     * @param detail         the failure, or the "nothing to invoice" sentence; {@code null} when invoices were created
     */
    public record ContractRun(UUID contractId, LocalDate invoiceRunDate, List<UUID> scheduleRowIds, RunStatus status,
                              List<UUID> invoiceIds, String detail) {
    }

    /** Every draft the run created, in run order. */
    public List<UUID> invoiceIds() {
        return runs.stream().flatMap(r -> r.invoiceIds().stream()).toList();
    }

    /** The contract runs that failed. */
    public List<ContractRun> failed() {
        return runs.stream().filter(r -> r.status() == RunStatus.RUN_FAILED).toList();
    }
}
