package dev.tandem.operations.invoicing.retainer;

import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.actuals.ActualRow;
import dev.tandem.operations.actuals.AmountMethod;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.ContractRecords.Contract;
import dev.tandem.operations.contracts.ContractRecords.ContractLine;
import dev.tandem.operations.invoicing.DetailActuals;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import dev.tandem.operations.rows.Audit;
import java.math.BigDecimal;

/**
 * Builds the actuals the retainer details of one invoice create on confirmation (§6): billed sales of
 * classification Retainer, and the negative unbilled sales that carries a retainer's available amount until it is
 * reconciled.
 *
 * <p><b>Skip Sync (§7.4).</b> The negative unbilled sales is a "negative unbilled sales created at proforma
 * confirmation", which §7.4 (b) keeps out of Finance; its positive reversal at reconciliation only cancels a row
 * Finance never received, so it is not synced either [I]. What Finance sees of a retainer is its billed sales: +amount
 * when invoiced, −amount when applied or refunded (§3.9: retainer/advance → on-account proposal line [I]).
 *
 * <p>Every retainer actual has quantity ±1 and amount method Fixed Price, NTE status Not Applicable (§4.5: Retainer),
 * and the retainer as its source document.
 */
final class RetainerActuals {

    /** Source document type of retainer actuals. */
    static final String SOURCE_TYPE = "tdm_retainer";

    private final OperationsContext ctx;
    private final Audit audit;
    private final Invoice invoice;
    private final Contract contract;

    RetainerActuals(OperationsContext ctx, Invoice invoice, Contract contract) {
        this.ctx = ctx;
        this.audit = Audit.created(ctx);
        this.invoice = invoice;
        this.contract = contract;
    }

    /** Billed sales of classification Retainer for a detail: quantity ±1, its price, its amount, on the invoice. */
    ActualRow billed(ContractLine line, LineDetail d, RetainerStore.Row retainer) {
        return template(line, d, retainer).billed(d.quantity(), d.price(), d.amount(), BillingType.CHARGEABLE,
                invoice.id(), invoice.invoiceDate(), audit);
    }

    /**
     * The negative unbilled sales of an available amount (−1 × {@code available}), for later reconciliation. It
     * carries the invoice that created it, which keeps it out of the Time and Material backlog and out of "Ready to
     * invoice": a retainer is reconciled by applying it, never invoiced as backlog.
     */
    ActualRow negativeUnbilled(ContractLine line, LineDetail d, RetainerStore.Row retainer, BigDecimal available) {
        return template(line, d, retainer).replacement(TransactionType.UNBILLED_SALES, BigDecimal.ONE.negate(),
                        available, available.negate(), BillingType.CHARGEABLE, BillingStatus.UNBILLED_SALES_CREATED,
                        audit)
                .toBuilder().invoiceId(invoice.id()).skipSync(true).build();
    }

    /** The positive reversal of an open negative unbilled sales: reconciled on this invoice. */
    ActualRow reversal(ActualRow openNegative) {
        return openNegative.reversal(null, true, audit).onInvoice(BillingStatus.CUSTOMER_INVOICE_POSTED, invoice.id());
    }

    private ActualRow template(ContractLine line, LineDetail d, RetainerStore.Row retainer) {
        return DetailActuals.template(contract, line, d, retainer.customerId(), invoice.currency(),
                        TransactionClassification.RETAINER, AmountMethod.FIXED_PRICE, "each")
                .sourceDocumentType(SOURCE_TYPE)
                .sourceDocumentId(retainer.id())
                .audit(audit)
                .build();
    }
}
