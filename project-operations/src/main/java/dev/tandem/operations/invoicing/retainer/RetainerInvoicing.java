package dev.tandem.operations.invoicing.retainer;

import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.contracts.Contracts;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import dev.tandem.operations.invoicing.InvoiceStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Where retainers join proforma invoicing: the calls {@code InvoiceCreation}, {@code InvoiceWriter} and
 * {@code InvoiceConfirmation} make, each in the caller's transaction.
 * <ul>
 * <li>{@link #customersToInvoice}: a retainer Ready to invoice, or Ready to refund, is something to invoice, like
 * a Ready actual.</li>
 * <li>{@link #addToDraft}: after details are attached to a draft, its contract customer's retainers Ready to invoice
 * (dated on or before the invoice date) become INVOICE details, refunds Ready to refund REFUND details, and its
 * invoiced retainers are applied automatically (§5 step 8, [D:RET]) as APPLY details, oldest retainer first, each
 * up to what stays free of it and all together up to what the invoice bills (§11 rule 13).</li>
 * <li>{@link #confirm}: the actuals of §6 for the retainer details ({@link RetainerConfirmation}).</li>
 * </ul>
 */
public final class RetainerInvoicing {

    private final OperationsContext ctx;
    private final Contracts contracts;
    private final InvoiceStore invoices;
    private final RetainerStore store;
    private final RetainerConfirmation confirmation;

    public RetainerInvoicing(OperationsContext ctx, Contracts contracts, InvoiceStore invoices) {
        this.ctx = ctx;
        this.contracts = contracts;
        this.invoices = invoices;
        this.store = new RetainerStore(ctx);
        this.confirmation = new RetainerConfirmation(ctx, contracts, store);
    }

    /** True for a line detail that invoices, applies or refunds a retainer: it is confirmed by {@link #confirm}. */
    public static boolean isRetainerDetail(LineDetail d) {
        return d.classification() == TransactionClassification.RETAINER;
    }

    /**
     * Customers of a contract with a retainer Ready to invoice (dated on or before {@code invoiceDate}) or a refund
     * Ready to refund that is on no draft yet.
     */
    public Set<UUID> customersToInvoice(UUID contractId, LocalDate invoiceDate) {
        return new LinkedHashSet<>(store.customersToInvoice(contractId, invoiceDate));
    }

    /**
     * Adds the retainer details of a draft's contract customer: INVOICE details for its retainers Ready to invoice,
     * REFUND details for its refunds Ready to refund, then APPLY details for its invoiced retainers not applied on
     * this draft yet. Only what is on no draft yet is added. A corrective invoice takes no retainers: it corrects
     * what an invoice billed. The caller recalculates the draft's totals.
     */
    public void addToDraft(UUID invoiceId) {
        Invoice invoice = invoices.invoice(invoiceId);
        if (invoice.correctedInvoiceId() != null) {
            return;
        }
        List<RetainerStore.Row> retainers = store.lockCustomer(invoice.contractId(), invoice.customerId());
        if (retainers.isEmpty()) {
            return;
        }
        List<RetainerStore.Link> drafts = store.draftLinks(retainers.stream().map(RetainerStore.Row::id).toList());
        RetainerDetails details = new RetainerDetails(ctx, contracts, invoices, store);
        for (RetainerStore.Row r : retainers) {
            if (r.status() == RetainerInvoiceStatus.READY_TO_INVOICE && !r.invoiceDate().isAfter(invoice.invoiceDate())
                    && !onADraft(drafts, r, RetainerRole.INVOICE)) {
                details.add(invoice, r, RetainerRole.INVOICE, r.amount());
            }
            if (r.readyToRefund() && !onADraft(drafts, r, RetainerRole.REFUND)) {
                details.add(invoice, r, RetainerRole.REFUND, r.refundAmount());
            }
        }
        BigDecimal room = store.billableAmount(invoiceId).subtract(drafts.stream()
                .filter(l -> l.invoiceId().equals(invoiceId) && l.role() == RetainerRole.APPLY)
                .map(RetainerStore.Link::consumes).reduce(BigDecimal.ZERO, BigDecimal::add));
        for (RetainerStore.Row r : retainers) {
            if (room.signum() <= 0) {
                break;
            }
            boolean appliedHere = drafts.stream().anyMatch(l -> l.retainerId().equals(r.id())
                    && l.invoiceId().equals(invoiceId) && l.role() == RetainerRole.APPLY);
            if (!r.invoiced() || appliedHere) {
                continue;
            }
            BigDecimal free = r.available().subtract(r.reserved(drafts, null));
            BigDecimal apply = free.min(room);
            if (apply.signum() > 0) {
                details.add(invoice, r, RetainerRole.APPLY, apply);
                room = room.subtract(apply);
            }
        }
        details.flush();
    }

    private static boolean onADraft(List<RetainerStore.Link> drafts, RetainerStore.Row r, RetainerRole role) {
        return drafts.stream().anyMatch(l -> l.retainerId().equals(r.id()) && l.role() == role);
    }

    /**
     * Confirms the retainer details among {@code details} (the others are left to the caller).
     *
     * @return the number of actuals created
     * @throws dev.tandem.common.TandemException RETAINER_OVER_AVAILABLE, RETAINER_OVER_INVOICE, RETAINER_STATE;
     *                                           the caller's transaction then rolls back
     */
    public int confirm(Invoice invoice, List<LineDetail> details) {
        return confirmation.confirm(invoice, details.stream().filter(RetainerInvoicing::isRetainerDetail).toList());
    }
}
