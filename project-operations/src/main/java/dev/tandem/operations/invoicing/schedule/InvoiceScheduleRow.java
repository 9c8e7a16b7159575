package dev.tandem.operations.invoicing.schedule;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One row of a Time and Material contract line's invoice schedule (§3.5, [D:SCHED]).
 *
 * @param transactionCutoffDate the invoice run date − 1 day: a run invoices actuals dated on or before it
 * @param runDetail             why the run failed, or that it found nothing to invoice; {@code null} otherwise
 * @param runOn                 when the run happened (UTC); {@code null} while Not Run
 * @param invoiceIds            the drafts the run created for this row's contract and run date (one per contract
 *                              customer, shared by all lines of the contract with that run date); empty while Not
 *                              Run, when the run failed and when it found nothing to invoice
 */
public record InvoiceScheduleRow(UUID id, UUID contractLineId, UUID contractId, LocalDate invoiceRunDate,
                                 LocalDate transactionCutoffDate, RunStatus runStatus, String runDetail,
                                 OffsetDateTime runOn, List<UUID> invoiceIds) {
}
