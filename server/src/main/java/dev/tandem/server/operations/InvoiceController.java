package dev.tandem.server.operations;

import dev.tandem.common.Page;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.contracts.Contracts;
import dev.tandem.operations.invoicing.InvoiceCreation.BulkResult;
import dev.tandem.operations.invoicing.InvoiceStatus;
import dev.tandem.operations.invoicing.Invoicing;
import dev.tandem.server.api.Created;
import dev.tandem.server.api.Idempotency;
import dev.tandem.server.api.PageRequest;
import dev.tandem.server.operations.InvoiceViews.BulkView;
import dev.tandem.server.operations.InvoiceViews.ConfirmationView;
import dev.tandem.server.operations.InvoiceViews.InvoiceIds;
import dev.tandem.server.operations.InvoiceViews.InvoiceSummaryView;
import dev.tandem.server.operations.InvoiceViews.InvoiceView;
import dev.tandem.server.operations.InvoiceViews.RefreshView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Proforma invoices (§3.2, §3.3, §4.1, §5 steps 8–9, §6): create from the billing backlog (per contract, in bulk, add
 * to invoice), read, refresh, Draft ↔ In Review, delete a draft, confirm (one-way; creates the actuals of §6), mark
 * Paid, and revise a confirmed invoice into a corrective one. Creates and confirm honour {@value Idempotency#HEADER}
 * ({@link Idempotency}). Amounts are in the invoice's currency.
 *
 * <p>Refusals: 422 {@code NOTHING_TO_INVOICE} (§11 rule 2, the specification's sentence), 409
 * {@code CONTRACT_NOT_CONFIRMED}, 409 {@code INVOICE_READ_ONLY} (§11 rule 4), 409 {@code INVOICE_STATUS} (confirm
 * twice, status back from Confirmed, Paid before Confirmed), 409 {@code INVOICE_NOT_CONFIRMED} and
 * {@code ALREADY_CORRECTED} (§11 rule 12), 409 {@code ACTUAL_INVOICED} / {@code ACTUAL_NOT_INVOICEABLE} /
 * {@code MILESTONE_STATE} (add to invoice), 404 {@code NOT_FOUND}.
 */
@RestController
@RequestMapping(OperationsApi.BASE)
public class InvoiceController {

    private final Invoicing invoicing;
    private final Contracts contracts;
    private final Idempotency idempotency;

    public InvoiceController(ProjectOperations operations, Idempotency idempotency) {
        this.invoicing = operations.invoicing();
        this.contracts = operations.contracts();
        this.idempotency = idempotency;
    }

    /** Create invoices of one contract, dated {@code invoiceDate}. */
    record CreateRequest(@NotNull LocalDate invoiceDate) {
    }

    /** Create invoices of each contract, dated {@code invoiceDate}. */
    record BulkRequest(@NotEmpty List<@NotNull UUID> contractIds, @NotNull LocalDate invoiceDate) {
    }

    /**
     * Put Ready actuals and milestones on the latest draft of their contract and contract customer, or on a new
     * draft dated {@code invoiceDate} (today when absent).
     */
    record AddRequest(List<@NotNull UUID> actualIds, List<@NotNull UUID> milestoneIds, LocalDate invoiceDate) {
    }

    /** The status to set: {@code DRAFT} or {@code IN_REVIEW}. */
    record StatusRequest(@NotNull InvoiceStatus status) {
    }

    /** The line details to correct; absent, {@code null} or empty: all of the invoice's. */
    record ReviseRequest(List<@NotNull UUID> detailIds) {
    }

    /**
     * "Create Invoice" on a contract: one draft per contract customer with the actuals Ready to invoice dated on or
     * before the invoice date, plus the contract's Ready milestones. 201 with the new invoices' ids.
     */
    @PostMapping("/contracts/{contractId}/invoices")
    ResponseEntity<?> createForContract(@PathVariable UUID contractId, @Valid @RequestBody CreateRequest body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key, HttpServletRequest request) {
        return idempotency.once(key, request, body, () -> ResponseEntity.status(HttpStatus.CREATED)
                .body(new InvoiceIds(invoicing.creation().createForContract(contractId, body.invoiceDate()))));
    }

    /** "Create Project Invoices": each contract on its own; a contract with nothing to invoice is skipped. */
    @PostMapping("/invoices/bulk")
    ResponseEntity<?> createBulk(@Valid @RequestBody BulkRequest body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key, HttpServletRequest request) {
        return idempotency.once(key, request, body, () -> {
            // Each contract runs in a savepoint of the request's transaction (InvoiceCreation.createBulk).
            BulkResult result = invoicing.creation().createBulk(body.contractIds(), body.invoiceDate());
            return ResponseEntity.ok(new BulkView(result.invoiceIds(), result.skipped()));
        });
    }

    /** "Add to invoice" (Billing hub): all rows or none; answers the invoices they went to. */
    @PostMapping("/invoices/add")
    ResponseEntity<?> addToInvoice(@Valid @RequestBody AddRequest body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key, HttpServletRequest request) {
        return idempotency.once(key, request, body, () -> ResponseEntity.ok(new InvoiceIds(invoicing.creation()
                .addToInvoice(body.actualIds(), body.milestoneIds(), body.invoiceDate()))));
    }

    /** Invoices by number, of one contract when {@code contractId} is given. */
    @GetMapping("/invoices")
    Page<InvoiceSummaryView> invoices(@RequestParam(required = false) UUID contractId, PageRequest page) {
        if (contractId != null) {
            contracts.contract(contractId);
        }
        List<InvoiceSummaryView> items = invoicing.store().invoices(contractId, page.page(), page.size()).stream()
                .map(InvoiceSummaryView::of).toList();
        return page.toPage(items, invoicing.store().count(contractId));
    }

    @GetMapping("/invoices/{invoiceId}")
    InvoiceView invoice(@PathVariable UUID invoiceId) {
        return InvoiceView.of(invoicing.store().invoice(invoiceId), invoicing.store().lines(invoiceId));
    }

    /** Deletes a draft; everything it billed goes back to the backlog (§4.1). */
    @DeleteMapping("/invoices/{invoiceId}")
    ResponseEntity<Void> delete(@PathVariable UUID invoiceId) {
        invoicing.drafts().deleteInvoice(invoiceId);
        return ResponseEntity.noContent().build();
    }

    /** "Refresh Invoice Line Transactions": adds what became Ready since the draft was created. */
    @PostMapping("/invoices/{invoiceId}/refresh")
    RefreshView refresh(@PathVariable UUID invoiceId) {
        return new RefreshView(invoicing.creation().refresh(invoiceId));
    }

    /** Draft ↔ In Review; answers the invoice. */
    @PostMapping("/invoices/{invoiceId}/status")
    InvoiceView setStatus(@PathVariable UUID invoiceId, @Valid @RequestBody StatusRequest body) {
        invoicing.drafts().setStatus(invoiceId, body.status());
        return invoice(invoiceId);
    }

    /** Confirmed → Invoice Paid; answers the invoice. */
    @PostMapping("/invoices/{invoiceId}/paid")
    InvoiceView markPaid(@PathVariable UUID invoiceId) {
        invoicing.drafts().markPaid(invoiceId);
        return invoice(invoiceId);
    }

    /** Confirms a draft (one-way, §4.1) and creates the actuals of §6; answers their number and the invoice. */
    @PostMapping("/invoices/{invoiceId}/confirm")
    ResponseEntity<?> confirm(@PathVariable UUID invoiceId,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key, HttpServletRequest request) {
        return idempotency.once(key, request, null, () -> {
            int created = invoicing.confirmation().confirm(invoiceId);
            return ResponseEntity.ok(new ConfirmationView(created, invoice(invoiceId)));
        });
    }

    /**
     * "Revise": a corrective draft copying the chosen (or all) line details at quantity 0 — a full credit until the
     * quantity to invoice is entered (§6). 201, located at the corrective invoice.
     */
    @PostMapping("/invoices/{invoiceId}/revise")
    ResponseEntity<Created> revise(@PathVariable UUID invoiceId,
            @Valid @RequestBody(required = false) ReviseRequest body) {
        UUID corrective = invoicing.revision().revise(invoiceId, body == null ? null : body.detailIds());
        return Created.at(OperationsApi.BASE + "/invoices/{id}", corrective);
    }
}
