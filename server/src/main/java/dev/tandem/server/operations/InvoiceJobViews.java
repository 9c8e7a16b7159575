package dev.tandem.server.operations;

import dev.tandem.operations.invoicing.bulk.BulkConfirmJob;
import dev.tandem.operations.invoicing.bulk.BulkConfirmJob.JobInvoice;
import dev.tandem.operations.invoicing.schedule.InvoiceScheduleRow;
import dev.tandem.operations.invoicing.schedule.RunSummary;
import dev.tandem.operations.invoicing.schedule.RunSummary.ContractRun;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Response shapes of invoice schedules, scheduled runs (§3.5, §4.9, §8 "Automatic invoice creation") and bulk
 * confirmation jobs (§8 "Bulk confirm", §11 rule 14). Option fields are {@link Option}s; timestamps are ISO-8601 in
 * UTC ({@code 2026-04-01T01:00:02.125Z}); dates are calendar dates.
 */
final class InvoiceJobViews {

    private InvoiceJobViews() {
    }

    /**
     * One row of a Time and Material line's invoice schedule: the run date, the transaction cutoff date (run date − 1
     * day; the run invoices actuals dated on or before it) and the outcome of its run. {@code runDetail} says why the
     * run failed or that it found nothing to invoice; {@code runOn} is when it ran, {@code null} while Not Run;
     * {@code invoiceIds} are the drafts the run created for the row's contract and run date.
     */
    record ScheduleRowView(UUID id, UUID contractLineId, UUID contractId, LocalDate invoiceRunDate,
                           LocalDate transactionCutoffDate, Option runStatus, String runDetail, OffsetDateTime runOn,
                           List<UUID> invoiceIds) {

        static ScheduleRowView of(InvoiceScheduleRow r) {
            return new ScheduleRowView(r.id(), r.contractLineId(), r.contractId(), r.invoiceRunDate(),
                    r.transactionCutoffDate(), Option.of(r.runStatus()), r.runDetail(), utc(r.runOn()),
                    r.invoiceIds());
        }
    }

    /** A contract line's whole invoice schedule after a generation, by run date. */
    record ScheduleView(UUID contractLineId, List<ScheduleRowView> rows) {

        static ScheduleView of(UUID lineId, List<InvoiceScheduleRow> rows) {
            return new ScheduleView(lineId, rows.stream().map(ScheduleRowView::of).toList());
        }
    }

    /**
     * What a scheduled run did: one entry per contract and invoice run date it ran, and every draft it created.
     * An empty {@code runs} means nothing was due.
     */
    record RunSummaryView(LocalDate runDate, List<ContractRunView> runs, List<UUID> invoiceIds, int failedCount) {

        static RunSummaryView of(RunSummary s) {
            return new RunSummaryView(s.runDate(), s.runs().stream().map(ContractRunView::of).toList(),
                    s.invoiceIds(), s.failed().size());
        }
    }

    /**
     * The run of one contract for one invoice run date, committed on its own: {@code status} Run Successful (with
     * the drafts created, or none and the "nothing to invoice" sentence in {@code detail}) or Run Failed (with the
     * error code and sentence in {@code detail}; nothing of it was kept). {@code scheduleRowIds} is empty when only
     * fixed-price milestones were due.
     */
    record ContractRunView(UUID contractId, LocalDate invoiceRunDate, List<UUID> scheduleRowIds, Option status,
                           List<UUID> invoiceIds, String detail) {

        static ContractRunView of(ContractRun r) {
            return new ContractRunView(r.contractId(), r.invoiceRunDate(), r.scheduleRowIds(), Option.of(r.status()),
                    r.invoiceIds(), r.detail());
        }
    }

    /**
     * A bulk confirmation job: {@code status} Scheduled → Processing → Complete (every invoice confirmed) or Failed
     * (at least one was not; the invoice's {@code bulkConfirmationDetail} says why). Counts are final once the job
     * is Complete or Failed; {@code startedOn} and {@code finishedOn} are {@code null} until then.
     */
    record BulkConfirmJobView(UUID id, Option status, int invoiceCount, int confirmedCount, int failedCount,
                              OffsetDateTime createdOn, String createdBy, OffsetDateTime startedOn,
                              OffsetDateTime finishedOn, List<JobInvoiceView> invoices) {

        static BulkConfirmJobView of(BulkConfirmJob j) {
            return new BulkConfirmJobView(j.id(), Option.of(j.status()), j.invoiceCount(), j.confirmedCount(),
                    j.failedCount(), utc(j.createdOn()), j.createdBy(), utc(j.startedOn()), utc(j.finishedOn()),
                    j.invoices().stream().map(JobInvoiceView::of).toList());
        }
    }

    /** One invoice of a job, in the order given, with its outcome in this job ({@code null} until processed). */
    record JobInvoiceView(UUID invoiceId, Option outcome) {

        static JobInvoiceView of(JobInvoice i) {
            return new JobInvoiceView(i.invoiceId(), Option.of(i.outcome()));
        }
    }

    /** The same instant in UTC, so answers don't depend on the database's session zone; {@code null} stays. */
    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
