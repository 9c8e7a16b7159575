package dev.tandem.operations.invoicing.retainer;

import static dev.tandem.operations.OperationsError.FIELD_NOT_EDITABLE;
import static dev.tandem.operations.OperationsError.INVALID_INPUT;
import static dev.tandem.operations.OperationsError.INVOICE_READ_ONLY;
import static dev.tandem.operations.OperationsError.RETAINER_OVER_INVOICE;
import static dev.tandem.operations.OperationsError.RETAINER_STATE;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.contracts.Contracts;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import dev.tandem.operations.invoicing.InvoiceStore;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The retainer actions on drafts behind {@link Retainers}: change an applied amount, Refund, Cancel refund. Each
 * locks the invoice before the retainer, the order invoice creation and confirmation lock them in.
 */
final class RetainerActions {

    private final OperationsContext ctx;
    private final Contracts contracts;
    private final InvoiceStore invoices;
    private final RetainerStore store;

    RetainerActions(OperationsContext ctx, Contracts contracts, InvoiceStore invoices, RetainerStore store) {
        this.ctx = ctx;
        this.contracts = contracts;
        this.invoices = invoices;
        this.store = store;
    }

    /** See {@link Retainers#editApplied}. @return the invoice of the detail */
    UUID editApplied(UUID detailId, BigDecimal amount) {
        LineDetail d = invoices.detail(detailId);
        RetainerStore.Link link = store.link(detailId).filter(l -> l.role() == RetainerRole.APPLY)
                .orElseThrow(() -> new TandemException(FIELD_NOT_EDITABLE, "Invoice line detail " + detailId
                        + " does not apply a retainer; only the extended amount of an applied retainer is editable, "
                        + "a regular retainer or advance is not (§3.4)",
                        Map.of("detailId", detailId.toString(), "field", "extendedAmount")));
        Invoice invoice = invoices.lockEditable(d.invoiceId());
        RetainerStore.Row r = store.lock(link.retainerId());
        String what = "Applied retainer '" + r.name() + "' on invoice " + invoice.number();
        if (amount == null || amount.signum() < 0) {
            throw new TandemException(INVALID_INPUT, what + ": the applied amount must be 0 or more",
                    Map.of("detailId", detailId.toString()));
        }
        RetainerRules.requireMinorUnits(amount, r.currency(), what);
        BigDecimal reserved = r.reserved(store.draftLinks(List.of(r.id())), detailId);
        if (amount.compareTo(r.available().subtract(reserved)) > 0) {
            throw RetainerRules.overAvailable(r, reserved, amount, "invoice " + invoice.number());
        }
        BigDecimal otherApplied = store.invoiceLinks(invoice.id()).stream()
                .filter(l -> l.role() == RetainerRole.APPLY && !l.detailId().equals(detailId))
                .map(RetainerStore.Link::consumes).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal billable = store.billableAmount(invoice.id());
        if (otherApplied.add(amount).compareTo(billable) > 0) {
            String currency = r.currency();
            throw new TandemException(RETAINER_OVER_INVOICE, what + ": applying "
                    + RetainerRules.amount(amount, currency) + " " + currency
                    + " would take the invoice's applied retainers to "
                    + RetainerRules.amount(otherApplied.add(amount), currency) + ", above the "
                    + RetainerRules.amount(billable, currency) + " it bills; applied retainers reduce an invoice to "
                    + "zero, never below", Map.of("detailId", detailId.toString(), "billable",
                    RetainerRules.amount(billable, currency), "otherApplied",
                    RetainerRules.amount(otherApplied, currency), "requested", RetainerRules.amount(amount, currency),
                    "currency", currency));
        }
        // Quantity stays −1, so amount = quantity × price holds (RetainerDetails).
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("msdyn_price", amount);
        values.put("msdyn_amount", amount.negate());
        values.putAll(ctx.modified());
        ctx.writer().update(OperationsDataEntities.INVOICE_LINE_DETAILS, List.of(detailId), values);
        invoices.recalculate(invoice.id());
        return invoice.id();
    }

    /** See {@link Retainers#refund}. */
    UUID refund(UUID retainerId, BigDecimal amount, UUID invoiceId) {
        Invoice invoice = invoiceId == null ? null : lockForRefundAction(invoiceId, "Refund");
        RetainerStore.Row r = store.lock(retainerId);
        String where = invoice == null ? "the next invoice" : "invoice " + invoice.number();
        String what = "Refund of retainer '" + r.name() + "' on " + where;
        if (invoice != null && (!r.contractId().equals(invoice.contractId())
                || !r.customerId().equals(invoice.customerId()))) {
            throw new TandemException(INVALID_INPUT, what + ": the retainer belongs to another contract or contract "
                    + "customer than the invoice", Map.of("retainerId", r.id().toString(), "invoiceId",
                    invoice.id().toString()));
        }
        if (!r.invoiced()) {
            throw new TandemException(RETAINER_STATE, what + ": the retainer is " + r.status().label()
                    + "; only an invoiced retainer has a balance to refund (§3.5)",
                    Map.of("retainerId", r.id().toString()));
        }
        if (r.refundStatus() != null) {
            throw new TandemException(RETAINER_STATE, what + ": the retainer is already "
                    + r.refundStatus().label() + " (§4.9)",
                    Map.of("retainerId", r.id().toString(), "refundStatus", r.refundStatus().label()));
        }
        if (amount == null || amount.signum() <= 0) {
            throw new TandemException(INVALID_INPUT, what + ": the refund amount must be more than 0",
                    Map.of("retainerId", r.id().toString()));
        }
        RetainerRules.requireMinorUnits(amount, r.currency(), what);
        BigDecimal reserved = r.reserved(store.draftLinks(List.of(r.id())), null);
        if (amount.compareTo(r.available().subtract(reserved)) > 0) {
            throw RetainerRules.overAvailable(r, reserved, amount, where);
        }
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("tdm_refundstatus", RefundStatus.READY_TO_REFUND.value());
        ready.put("tdm_refundamount", amount);
        store.update(r.id(), ready);
        if (invoice == null) {
            return null;
        }
        RetainerDetails details = new RetainerDetails(ctx, contracts, invoices, store);
        UUID detailId = details.add(invoice, r, RetainerRole.REFUND, amount);
        details.flush();
        invoices.recalculate(invoice.id());
        return detailId;
    }

    /** See {@link Retainers#cancelRefund}. */
    void cancelRefund(UUID retainerId) {
        RetainerStore.Link onDraft = store.draftLinks(List.of(retainerId)).stream()
                .filter(l -> l.role() == RetainerRole.REFUND).findFirst().orElse(null);
        if (onDraft != null) {
            lockForRefundAction(onDraft.invoiceId(), "Cancel refund");
        }
        RetainerStore.Row r = store.lock(retainerId);
        if (r.refundStatus() == RefundStatus.REFUNDED) {
            String number = store.invoiceLinksOfRetainer(r.id()).stream()
                    .filter(l -> l.role() == RetainerRole.REFUND).map(l -> invoices.invoice(l.invoiceId()).number())
                    .findFirst().orElse("?");
            throw new TandemException(INVOICE_READ_ONLY, "Retainer '" + r.name() + "' was refunded on invoice "
                    + number + ", which is confirmed: Cancel refund is unavailable on confirmed invoices "
                    + "(§11 rule 13)",
                    Map.of("retainerId", r.id().toString(), "refundStatus", r.refundStatus().label()));
        }
        if (!r.readyToRefund()) {
            throw new TandemException(RETAINER_STATE, "Retainer '" + r.name() + "' is not Ready to refund (§4.9)",
                    Map.of("retainerId", r.id().toString()));
        }
        Map<String, Object> blank = new LinkedHashMap<>();
        blank.put("tdm_refundstatus", null);
        blank.put("tdm_refundamount", null);
        store.update(r.id(), blank);
        if (onDraft != null) {
            // The link goes with the detail (ON DELETE CASCADE).
            ctx.writer().delete(OperationsDataEntities.INVOICE_LINE_DETAILS, List.of(onDraft.detailId()));
            invoices.recalculate(onDraft.invoiceId());
        }
    }

    /** §11 rule 13: "refund actions unavailable on confirmed invoices". */
    private Invoice lockForRefundAction(UUID invoiceId, String action) {
        Invoice invoice = invoices.lock(invoiceId);
        if (!invoice.status().editable()) {
            throw new TandemException(INVOICE_READ_ONLY, "Invoice " + invoice.number() + " is "
                    + invoice.status().label() + ": " + action + " is unavailable on confirmed invoices (§11 rule 13)",
                    Map.of("invoiceId", invoiceId.toString(), "invoiceStatus", invoice.status().label()));
        }
        return invoice;
    }
}
