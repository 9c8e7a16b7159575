package dev.tandem.server.operations;

import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.invoicing.bulk.BulkConfirmation;
import dev.tandem.server.api.IdList;
import dev.tandem.server.api.Idempotency;
import dev.tandem.server.jobs.BulkConfirmJobs;
import dev.tandem.server.operations.InvoiceJobViews.BulkConfirmJobView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Bulk confirmation of proforma invoices (§8 "Bulk confirm", §3.2, §4.1, §11 rule 14, [D:BULK]): schedule up to
 * {@value BulkConfirmation#MAX_INVOICES} invoices for confirmation in the background, then follow the job. The
 * schedule honours {@value Idempotency#HEADER}.
 *
 * <p>Refusals of the schedule, all or nothing: 400 {@code INVALID_INPUT} for more than
 * {@value BulkConfirmation#MAX_INVOICES} invoices (members {@code maximum}, {@code given}), 404 {@code NOT_FOUND}
 * naming the unknown ids, 409 {@code INVOICE_STATUS} naming every invoice that is not Draft or In Review or is
 * already Scheduled or Processing. Invoices that fail to confirm later do not fail the request: they end Failed in
 * the job, with the reason on the invoice ({@code bulkConfirmationDetail}).
 */
@RestController
@RequestMapping(OperationsApi.BASE)
public class BulkConfirmController {

    private final BulkConfirmation bulk;
    private final BulkConfirmJobs jobs;
    private final Idempotency idempotency;

    public BulkConfirmController(ProjectOperations operations, BulkConfirmJobs jobs, Idempotency idempotency) {
        this.bulk = operations.invoicing().bulkConfirmation();
        this.jobs = jobs;
        this.idempotency = idempotency;
    }

    /**
     * Schedules the invoices (bulk confirmation status Scheduled) and answers 202 Accepted with the job, Scheduled,
     * located at {@code /bulk-confirm-jobs/{id}}. The job starts once the scheduling has committed.
     */
    @PostMapping("/invoices/bulk-confirm")
    ResponseEntity<?> schedule(@Valid @RequestBody IdList body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key, HttpServletRequest request) {
        return idempotency.once(key, request, body, () -> {
            UUID jobId = bulk.schedule(body.ids());
            // Read before the worker can have it, so the answer shows the job as scheduled, never half done.
            BulkConfirmJobView job = BulkConfirmJobView.of(bulk.job(jobId));
            jobs.submitAfterCommit(jobId);
            URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path(OperationsApi.BASE + "/bulk-confirm-jobs/{id}").buildAndExpand(jobId).toUri();
            return ResponseEntity.accepted().location(location).body(job);
        });
    }

    /** The job with its counts and each invoice's outcome. */
    @GetMapping("/bulk-confirm-jobs/{jobId}")
    BulkConfirmJobView job(@PathVariable UUID jobId) {
        return BulkConfirmJobView.of(bulk.job(jobId));
    }
}
