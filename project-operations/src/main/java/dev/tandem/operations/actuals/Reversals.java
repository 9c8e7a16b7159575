package dev.tandem.operations.actuals;

import static dev.tandem.operations.OperationsError.ACTUAL_INVOICED;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.rows.Audit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reverses the actuals of a work entry whose approval is cancelled (§4.3): each live original becomes
 * <b>Adjusted</b> (unbilled sales also <b>Canceled</b>), and gets a reversal with negated quantity and amount that
 * is <b>Unadjustable</b>, connected to it as Reversing ↔ Original. Neither shows in the billing backlog any more.
 */
public final class Reversals {

    private final OperationsContext ctx;
    private final Actuals actuals;

    public Reversals(OperationsContext ctx, Actuals actuals) {
        this.ctx = ctx;
        this.actuals = actuals;
    }

    /**
     * Reverses the live actuals whose source is the given work entry.
     *
     * @param entryId      the work entry whose approval is cancelled
     * @param documentType the entry's source document type, recorded on each reversal's transaction origin
     * @throws TandemException ACTUAL_INVOICED when an unbilled sales actual of the entry is on an invoice; nothing
     *                         is changed then
     */
    public void reverseSource(UUID entryId, String documentType) {
        List<Actual> originals = actuals.bySource(entryId).stream().filter(a -> a.adjustmentStatus() == null).toList();
        for (Actual a : originals) {
            if (a.invoiceId() != null || a.billingStatus() == BillingStatus.CUSTOMER_INVOICE_CREATED
                    || a.billingStatus() == BillingStatus.CUSTOMER_INVOICE_POSTED) {
                throw new TandemException(ACTUAL_INVOICED, "Actual " + a.id() + " of work entry " + entryId
                        + " is on invoice " + a.invoiceId() + "; correct the invoice instead of cancelling the approval",
                        Map.of("actualId", a.id().toString()));
            }
        }
        TransactionLinks links = new TransactionLinks(ctx);
        List<UUID> ids = originals.stream().map(Actual::id).toList();
        List<ActualRow> reversals = new ArrayList<>();
        Audit audit = Audit.created(ctx);
        for (ActualRow original : ActualRow.ROWS.read(ctx.writer(), ids)) {
            ActualRow reversal = original.reversal(AdjustmentStatus.UNADJUSTABLE, false, audit);
            if (original.billingStatus() != null) {
                reversal = reversal.toBuilder().billingStatus(BillingStatus.CANCELED).build();
            }
            UUID reversalId = reversal.id();
            UUID originalId = original.id();
            reversals.add(reversal);
            links.connect(reversalId, ConnectionRole.REVERSING, originalId, ConnectionRole.ORIGINAL);
            links.origin(entryId, documentType, reversalId);
        }
        List<UUID> unbilled = originals.stream().filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES)
                .map(Actual::id).toList();
        List<UUID> others = originals.stream().filter(a -> a.transactionType() != TransactionType.UNBILLED_SALES)
                .map(Actual::id).toList();
        Map<String, Object> adjusted = new LinkedHashMap<>();
        adjusted.put("msdyn_adjustmentstatus", AdjustmentStatus.ADJUSTED.value());
        adjusted.putAll(ctx.modified());
        ctx.writer().update(OperationsDataEntities.ACTUALS, others, adjusted);
        Map<String, Object> canceled = new LinkedHashMap<>(adjusted);
        canceled.put("msdyn_billingstatus", BillingStatus.CANCELED.value());
        ctx.writer().update(OperationsDataEntities.ACTUALS, unbilled, canceled);
        ActualRow.ROWS.insert(ctx.writer(), reversals);
        links.flush();
    }
}
