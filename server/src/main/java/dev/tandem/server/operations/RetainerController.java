package dev.tandem.server.operations;

import dev.tandem.common.Page;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.contracts.Contracts;
import dev.tandem.operations.invoicing.retainer.RetainerRecords.RetainerInput;
import dev.tandem.operations.invoicing.retainer.RetainerType;
import dev.tandem.operations.invoicing.retainer.Retainers;
import dev.tandem.server.api.Created;
import dev.tandem.server.api.IdList;
import dev.tandem.server.api.Idempotency;
import dev.tandem.server.api.PageRequest;
import dev.tandem.server.operations.RetainerViews.InvoiceRetainerView;
import dev.tandem.server.operations.RetainerViews.RefundView;
import dev.tandem.server.operations.RetainerViews.RetainerView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retainers and advances on project contracts (§3.5, §4.9, §5 step 8, §6, §11 rule 13): define one for a contract
 * customer, mark it Ready to invoice (the customer's next invoice then invoices it), read it with its available
 * amount, change what a draft applies, Refund and Cancel refund. Amounts are in the contract's currency, no finer
 * than its minor units. Creating honours {@value Idempotency#HEADER}.
 *
 * <p>Refusals: 409 {@code RETAINER_STATE} (the invoice or refund status forbids the action: marking or deleting a
 * retainer on a draft or invoiced, refunding one not invoiced or already Ready to refund), 422
 * {@code RETAINER_OVER_AVAILABLE} (applying or refunding more than the retainer has free, §11 rule 13), 422
 * {@code RETAINER_OVER_INVOICE} (applied retainers above what the invoice bills), 409 {@code INVOICE_READ_ONLY}
 * (refund actions or edits on a confirmed invoice, §11 rule 13), 422 {@code FIELD_NOT_EDITABLE} (a detail that does
 * not apply a retainer), 422 {@code CURRENCY_MISMATCH}, 400 {@code INVALID_INPUT}, 404 {@code NOT_FOUND}.
 */
@RestController
@RequestMapping(OperationsApi.BASE)
public class RetainerController {

    private final Retainers retainers;
    private final Contracts contracts;
    private final Idempotency idempotency;

    public RetainerController(ProjectOperations operations, Idempotency idempotency) {
        this.retainers = operations.invoicing().retainers();
        this.contracts = operations.contracts();
        this.idempotency = idempotency;
    }

    /**
     * A retainer or advance of {@code amount} for {@code customerId} (the contract's customer or a contract-line
     * customer), picked up by the customer's first invoice dated on or after {@code invoiceDate} once Ready.
     * {@code currency} is optional; when given it must be the contract's.
     */
    record RetainerRequest(@NotNull UUID customerId, @NotNull RetainerType type, @NotBlank @Size(max = 200) String name,
                           @NotNull @Digits(integer = 13, fraction = 6) BigDecimal amount, String currency,
                           @NotNull LocalDate invoiceDate) {
    }

    /** Refund {@code amount} of the available balance, on draft {@code invoiceId} or, absent, on the next invoice. */
    record RefundRequest(@NotNull @Digits(integer = 13, fraction = 6) BigDecimal amount, UUID invoiceId) {
    }

    /** What an applied retainer detail applies: 0 up to what the retainer has free and the invoice bills. */
    record AppliedRequest(@NotNull @Digits(integer = 13, fraction = 6) BigDecimal extendedAmount) {
    }

    /** Records a retainer or advance, Not ready to invoice; 201 located at {@code /retainers/{id}}. */
    @PostMapping("/contracts/{contractId}/retainers")
    ResponseEntity<?> create(@PathVariable UUID contractId, @Valid @RequestBody RetainerRequest body,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key, HttpServletRequest request) {
        return idempotency.once(key, request, body, () -> Created.at(OperationsApi.BASE + "/retainers/{id}",
                retainers.create(new RetainerInput(contractId, body.customerId(), body.type(), body.name(),
                        body.amount(), body.currency(), body.invoiceDate()))));
    }

    /** The contract's retainers and advances, by customer and invoice date. */
    @GetMapping("/contracts/{contractId}/retainers")
    Page<RetainerView> ofContract(@PathVariable UUID contractId, PageRequest page) {
        contracts.contract(contractId);
        return page.slice(retainers.retainers(contractId).stream().map(RetainerView::of).toList());
    }

    @GetMapping("/retainers/{retainerId}")
    RetainerView retainer(@PathVariable UUID retainerId) {
        return RetainerView.of(retainers.retainer(retainerId));
    }

    /** Deletes a retainer that is on no invoice and was never invoiced. */
    @DeleteMapping("/retainers/{retainerId}")
    ResponseEntity<Void> delete(@PathVariable UUID retainerId) {
        retainers.delete(retainerId);
        return ResponseEntity.noContent().build();
    }

    /** Not ready → Ready to invoice, all or none. */
    @PostMapping("/retainers/ready")
    ResponseEntity<Void> ready(@Valid @RequestBody IdList body) {
        retainers.markReady(body.ids(), true);
        return ResponseEntity.noContent().build();
    }

    /** Ready → Not ready to invoice, all or none. */
    @PostMapping("/retainers/not-ready")
    ResponseEntity<Void> notReady(@Valid @RequestBody IdList body) {
        retainers.markReady(body.ids(), false);
        return ResponseEntity.noContent().build();
    }

    /** "Refund" (§4.9): the amount becomes Ready to refund; answers the retainer and the refund's detail, if any. */
    @PostMapping("/retainers/{retainerId}/refund")
    RefundView refund(@PathVariable UUID retainerId, @Valid @RequestBody RefundRequest body) {
        UUID detailId = retainers.refund(retainerId, body.amount(), body.invoiceId());
        return new RefundView(detailId, retainer(retainerId));
    }

    /** "Cancel refund" (§4.9): the refund status is blank again and the refund leaves its draft. */
    @PostMapping("/retainers/{retainerId}/cancel-refund")
    RetainerView cancelRefund(@PathVariable UUID retainerId) {
        retainers.cancelRefund(retainerId);
        return retainer(retainerId);
    }

    /** The invoice's retainer line details (invoiced, applied, refunded), in the order they were added. */
    @GetMapping("/invoices/{invoiceId}/retainers")
    Page<InvoiceRetainerView> onInvoice(@PathVariable UUID invoiceId, PageRequest page) {
        return page.slice(retainers.onInvoice(invoiceId).stream().map(InvoiceRetainerView::of).toList());
    }

    /** Changes what an applied retainer detail of a draft applies; the invoice's totals follow. */
    @PatchMapping("/invoice-retainers/{detailId}")
    InvoiceRetainerView editApplied(@PathVariable UUID detailId, @Valid @RequestBody AppliedRequest body) {
        return InvoiceRetainerView.of(retainers.editApplied(detailId, body.extendedAmount()));
    }
}
