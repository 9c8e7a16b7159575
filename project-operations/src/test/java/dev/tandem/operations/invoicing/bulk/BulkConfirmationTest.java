package dev.tandem.operations.invoicing.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.OperationsError;
import dev.tandem.operations.OperationsTestBase;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.invoicing.BulkConfirmationStatus;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceStatus;
import dev.tandem.operations.invoicing.bulk.BulkConfirmJob.JobInvoice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * §8 "Bulk confirm" [D:BULK], §4.1, §11 rule 14: at most 250 invoices per action, only qualifying invoices,
 * Scheduled → Processing → Complete | Failed per invoice, the job's outcome and counts.
 */
class BulkConfirmationTest extends OperationsTestBase {

    private List<UUID> drafts;

    private BulkConfirmation bulk() {
        return ops.invoicing().bulkConfirmation();
    }

    @BeforeEach
    void threeDrafts() {
        ops.contracts().confirm(contract);
        drafts = new ArrayList<>();
        for (String hours : List.of("8", "4", "2")) {
            readyTime(hours);
            drafts.addAll(ops.invoicing().creation().createForContract(contract, LocalDate.of(2026, 3, 31)));
        }
        assertThat(drafts).hasSize(3);
    }

    @Test
    void scheduledDraftsStayDraftAndAreAllConfirmedByTheJob() {
        int invoiceChanges = outboxRows("invoices");

        UUID jobId = bulk().schedule(drafts);

        assertThat(drafts).map(this::invoice).allSatisfy(i -> {
            assertThat(i.status()).isEqualTo(InvoiceStatus.DRAFT);
            assertThat(i.bulkConfirmationStatus()).isEqualTo(BulkConfirmationStatus.SCHEDULED);
            assertThat(i.bulkConfirmationDetail()).isNull();
        });
        assertThat(outboxRows("invoices")).isEqualTo(invoiceChanges + 3);
        BulkConfirmJob scheduled = bulk().job(jobId);
        assertThat(scheduled.status()).isEqualTo(BulkConfirmationStatus.SCHEDULED);
        assertThat(scheduled.invoiceIds()).isEqualTo(drafts);
        assertThat(scheduled.invoiceCount()).isEqualTo(3);
        assertThat(scheduled.createdBy()).isEqualTo("pm@example.test");
        assertThat(scheduled.startedOn()).isNull();
        assertThat(bulk().scheduledJobs()).containsExactly(jobId);

        BulkConfirmJob done = bulk().process(jobId);

        assertThat(done.status()).isEqualTo(BulkConfirmationStatus.COMPLETE);
        assertThat(done.confirmedCount()).isEqualTo(3);
        assertThat(done.failedCount()).isZero();
        assertThat(done.startedOn()).isNotNull();
        assertThat(done.finishedOn()).isNotNull();
        assertThat(done.invoices()).extracting(JobInvoice::outcome).containsOnly(BulkConfirmationStatus.COMPLETE);
        assertThat(drafts).map(this::invoice).allSatisfy(i -> {
            assertThat(i.status()).isEqualTo(InvoiceStatus.CONFIRMED);
            assertThat(i.bulkConfirmationStatus()).isEqualTo(BulkConfirmationStatus.COMPLETE);
        });
        // Every step reached the outbox: the invoice images carry blank, Scheduled, Processing, Complete in turn.
        assertThat(drafts).allSatisfy(id -> assertThat(outboxBulkStatuses(id)).containsExactly("null",
                "690970300", "690970301", "690970302"));
        assertThat(bulk().scheduledJobs()).isEmpty();

        Map<String, Integer> before = counts();
        assertThat(bulk().process(jobId)).isEqualTo(done);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anInvoiceConfirmedMeanwhileFailsWithTheReasonWhileTheOthersComplete() {
        UUID jobId = bulk().schedule(drafts);
        ops.invoicing().confirmation().confirm(drafts.get(1));

        BulkConfirmJob done = bulk().process(jobId);

        assertThat(done.status()).isEqualTo(BulkConfirmationStatus.FAILED);
        assertThat(done.confirmedCount()).isEqualTo(2);
        assertThat(done.failedCount()).isEqualTo(1);
        assertThat(done.invoices()).extracting(JobInvoice::outcome).containsExactly(BulkConfirmationStatus.COMPLETE,
                BulkConfirmationStatus.FAILED, BulkConfirmationStatus.COMPLETE);
        Invoice failed = invoice(drafts.get(1));
        assertThat(failed.bulkConfirmationStatus()).isEqualTo(BulkConfirmationStatus.FAILED);
        assertThat(failed.bulkConfirmationDetail()).startsWith("INVOICE_STATUS: Invoice INV-000002 is already Confirmed");
        for (UUID id : List.of(drafts.get(0), drafts.get(2))) {
            assertThat(invoice(id).status()).isEqualTo(InvoiceStatus.CONFIRMED);
            assertThat(invoice(id).bulkConfirmationStatus()).isEqualTo(BulkConfirmationStatus.COMPLETE);
            assertThat(invoice(id).bulkConfirmationDetail()).isNull();
        }
    }

    @Test
    void aScheduledDraftDeletedBeforeProcessingIsCountedFailed() {
        UUID jobId = bulk().schedule(drafts);
        ops.invoicing().drafts().deleteInvoice(drafts.get(0));

        BulkConfirmJob done = bulk().process(jobId);

        assertThat(done.status()).isEqualTo(BulkConfirmationStatus.FAILED);
        assertThat(done.invoices()).extracting(JobInvoice::outcome).containsExactly(BulkConfirmationStatus.FAILED,
                BulkConfirmationStatus.COMPLETE, BulkConfirmationStatus.COMPLETE);
        assertThat(ops.invoicing().store().find(drafts.get(0))).isEmpty();
    }

    @Test
    void moreThan250InvoicesAreRefusedWithNothingWritten() {
        List<UUID> ids = new ArrayList<>(drafts);
        while (ids.size() < BulkConfirmation.MAX_INVOICES + 1) {
            ids.add(UUID.randomUUID());
        }
        Map<String, Integer> before = counts();

        assertThatThrownBy(() -> bulk().schedule(ids)).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(OperationsError.INVALID_INPUT);
            assertThat(e.detail()).contains("at most 250 invoices", "251 were given", "§11 rule 14");
            assertThat(e.properties()).containsEntry("maximum", 250).containsEntry("given", 251);
        });
        assertThat(counts()).isEqualTo(before);
        assertThat(drafts).map(this::invoice).extracting(Invoice::bulkConfirmationStatus).containsOnlyNulls();

        // Exactly 250 is accepted (repeated ids count once).
        List<UUID> repeated = new ArrayList<>(drafts);
        for (int i = 0; i < 300; i++) {
            repeated.add(drafts.get(i % 3));
        }
        assertThat(bulk().job(bulk().schedule(repeated)).invoiceCount()).isEqualTo(3);
    }

    @Test
    void invoicesNotMeetingTheCriteriaAreNamedAndNothingIsScheduled() {
        ops.invoicing().confirmation().confirm(drafts.get(0));
        bulk().schedule(List.of(drafts.get(1)));
        Map<String, Integer> before = counts();

        assertThatThrownBy(() -> bulk().schedule(drafts)).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(OperationsError.INVOICE_STATUS);
            assertThat(e.detail()).contains("INV-000001 is Confirmed", "INV-000002 is already Scheduled",
                    "§11 rule 14").doesNotContain("INV-000003");
        });
        assertThat(counts()).isEqualTo(before);
        assertThat(invoice(drafts.get(2)).bulkConfirmationStatus()).isNull();

        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> bulk().schedule(List.of(drafts.get(2), unknown)))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(OperationsError.NOT_FOUND);
                    assertThat(e.detail()).contains(unknown.toString());
                });
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anInReviewDraftWhoseEarlierBulkConfirmationFailedMayBeScheduledAgain() {
        UUID draft = drafts.get(0);
        ops.invoicing().drafts().setStatus(draft, InvoiceStatus.IN_REVIEW);
        // An earlier job failed this invoice (for instance the database was unreachable while confirming it).
        ops.context().inTransaction(() -> ops.context().writer().update(OperationsDataEntities.INVOICES, List.of(draft),
                Map.of("tdm_bulkconfirmationstatus", BulkConfirmationStatus.FAILED.value(),
                        "tdm_bulkconfirmationdetail", "DataAccessResourceFailureException: connection refused")));

        UUID jobId = bulk().schedule(List.of(draft));
        assertThat(invoice(draft).bulkConfirmationDetail()).isNull();
        assertThat(invoice(draft).status()).isEqualTo(InvoiceStatus.IN_REVIEW);

        assertThat(bulk().process(jobId).status()).isEqualTo(BulkConfirmationStatus.COMPLETE);
        assertThat(invoice(draft).status()).isEqualTo(InvoiceStatus.CONFIRMED);
        assertThat(invoice(draft).bulkConfirmationStatus()).isEqualTo(BulkConfirmationStatus.COMPLETE);
    }

    @Test
    void theWorkerProcessesJobsInTheBackgroundAndPicksUpScheduledOnes() throws Exception {
        UUID first = bulk().schedule(drafts.subList(0, 2));
        UUID second = bulk().schedule(drafts.subList(2, 3));

        try (BulkConfirmWorker worker = new BulkConfirmWorker(bulk())) {
            List<CompletableFuture<BulkConfirmJob>> pending = worker.submitScheduled();
            assertThat(pending).hasSize(2);
            BulkConfirmJob again = worker.submit(first).get(60, TimeUnit.SECONDS);
            for (CompletableFuture<BulkConfirmJob> job : pending) {
                job.get(60, TimeUnit.SECONDS);
            }
            // Submitted twice, processed once: whichever submission came second found the job taken and returned
            // its state at that moment, so the final state is read once every submission has returned.
            assertThat(again.id()).isEqualTo(first);
        }
        assertThat(bulk().job(first).status()).isEqualTo(BulkConfirmationStatus.COMPLETE);
        assertThat(bulk().job(second).status()).isEqualTo(BulkConfirmationStatus.COMPLETE);

        assertThat(bulk().job(first).confirmedCount()).isEqualTo(2);
        assertThat(bulk().job(second).confirmedCount()).isEqualTo(1);
        assertThat(drafts).map(this::invoice).extracting(Invoice::status).containsOnly(InvoiceStatus.CONFIRMED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM msdyn_actual WHERE msdyn_transactiontypecode = ?",
                Integer.class, TransactionType.BILLED_SALES.value())).isEqualTo(3);
    }

    @Test
    void processingAnUnknownJobIsNotFound() {
        assertThatThrownBy(() -> bulk().process(UUID.randomUUID())).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.errorCode()).isEqualTo(OperationsError.NOT_FOUND));
    }

    private Invoice invoice(UUID id) {
        return ops.invoicing().store().invoice(id);
    }

    private void readyTime(String hours) {
        UUID entry = submittedTime(hours, DAY);
        ops.workEntries().approve(entry);
        ops.backlog().markActuals(ops.actuals().bySource(entry).stream()
                .filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES).map(Actual::id).toList(), true);
    }

    private int outboxRows(String entity) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = ?", Integer.class, entity);
    }

    /** The bulk confirmation status in the invoice's outbox images, oldest first, repeats collapsed. */
    private List<String> outboxBulkStatuses(UUID invoiceId) {
        Pattern status = Pattern.compile("\"tdm_bulkconfirmationstatus\":(\\d+|null)");
        List<String> statuses = new ArrayList<>();
        for (String payload : jdbc.queryForList("SELECT payload FROM dw_outbox WHERE entity = 'invoices' "
                + "AND integration_key = ? ORDER BY sequence_no", String.class, invoiceId.toString())) {
            Matcher m = status.matcher(payload);
            assertThat(m.find()).as(payload).isTrue();
            if (statuses.isEmpty() || !statuses.getLast().equals(m.group(1))) {
                statuses.add(m.group(1));
            }
        }
        return statuses;
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>(rowCounts());
        counts.put("tdm_bulkconfirmjob", count("tdm_bulkconfirmjob"));
        counts.put("tdm_bulkconfirmjobinvoice", count("tdm_bulkconfirmjobinvoice"));
        return counts;
    }
}
