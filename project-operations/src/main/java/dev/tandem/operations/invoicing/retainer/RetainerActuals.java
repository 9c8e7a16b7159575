package dev.tandem.operations.invoicing.retainer;

import dev.tandem.common.Ids;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.actuals.ActualRows;
import dev.tandem.operations.actuals.AmountMethod;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.ContractRecords.Contract;
import dev.tandem.operations.contracts.ContractRecords.ContractLine;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

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
    private final ActualRows rows;
    private final Invoice invoice;
    private final Contract contract;

    RetainerActuals(OperationsContext ctx, Invoice invoice, Contract contract) {
        this.ctx = ctx;
        this.rows = new ActualRows(ctx);
        this.invoice = invoice;
        this.contract = contract;
    }

    /** Billed sales of classification Retainer for a detail: quantity ±1, its price, its amount, on the invoice. */
    Map<String, Object> billed(ContractLine line, LineDetail d, RetainerStore.Row retainer) {
        Map<String, Object> billed = rows.like(template(line, d, retainer), TransactionType.BILLED_SALES, d.quantity(),
                d.price(), d.amount(), BillingType.CHARGEABLE, null);
        billed.put("msdyn_invoice", invoice.id());
        billed.put("msdyn_accountingdate", invoice.invoiceDate());
        return billed;
    }

    /**
     * The negative unbilled sales of an available amount (−1 × {@code available}), for later reconciliation. It
     * carries the invoice that created it, which keeps it out of the Time and Material backlog and out of "Ready to
     * invoice": a retainer is reconciled by applying it, never invoiced as backlog.
     */
    Map<String, Object> negativeUnbilled(ContractLine line, LineDetail d, RetainerStore.Row retainer,
                                         BigDecimal available) {
        Map<String, Object> row = rows.like(template(line, d, retainer), TransactionType.UNBILLED_SALES,
                BigDecimal.ONE.negate(), available, available.negate(), BillingType.CHARGEABLE,
                BillingStatus.UNBILLED_SALES_CREATED);
        row.put("msdyn_invoice", invoice.id());
        row.put("tdm_skipsync", true);
        return row;
    }

    /** The positive reversal of an open negative unbilled sales: reconciled on this invoice. */
    Map<String, Object> reversal(Map<String, Object> openNegative) {
        Map<String, Object> row = rows.reversal(openNegative, null, true);
        row.put("msdyn_billingstatus", BillingStatus.CUSTOMER_INVOICE_POSTED.value());
        row.put("msdyn_invoice", invoice.id());
        return row;
    }

    private Map<String, Object> template(ContractLine line, LineDetail d, RetainerStore.Row retainer) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String field : OperationsDataEntities.ACTUALS.fields()) {
            row.put(field, null);
        }
        row.put("msdyn_actualid", Ids.newId());
        row.put("msdyn_description", d.description());
        row.put("msdyn_externaldescription", d.externalDescription());
        row.put("msdyn_transactionclassification", TransactionClassification.RETAINER.value());
        row.put("msdyn_amountmethod", AmountMethod.FIXED_PRICE.value());
        row.put("transactioncurrency", invoice.currency());
        row.put("msdyn_documentdate", d.documentDate());
        row.put("msdyn_startdatetime", d.documentDate());
        row.put("msdyn_enddatetime", d.documentDate());
        row.put("msdyn_project", line.projectId());
        row.put("msdyn_salescontract", contract.id());
        row.put("msdyn_salescontractlineid", line.id());
        row.put("msdyn_accountcustomer", retainer.customerId());
        row.put("msdyn_customertype", dev.tandem.operations.actuals.CustomerType.ACCOUNT.value());
        row.put("msdyn_contractorganizationalunitid", contract.contractingUnitId());
        row.put("msdyn_pricelist", contract.salesPriceListId());
        row.put("msdyn_unit", "each");
        row.put("msdyn_isjournalized", false);
        row.put("tdm_skipsync", false);
        row.put("tdm_sourcedocumenttype", SOURCE_TYPE);
        row.put("tdm_sourcedocumentid", retainer.id());
        row.putAll(ctx.created());
        return row;
    }
}
