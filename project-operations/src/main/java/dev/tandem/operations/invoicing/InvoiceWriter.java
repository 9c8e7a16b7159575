package dev.tandem.operations.invoicing;

import dev.tandem.common.Ids;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.ConnectionRole;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.actuals.TransactionLinks;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.ContractRecords.Contract;
import dev.tandem.operations.contracts.ContractRecords.ContractLine;
import dev.tandem.operations.contracts.ContractRecords.Milestone;
import dev.tandem.operations.contracts.Contracts;
import dev.tandem.operations.contracts.MilestoneInvoiceStatus;
import dev.tandem.operations.invoicing.retainer.RetainerInvoicing;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes invoice headers, their lines and line details through the outbox write path, and moves what a detail
 * bills onto the invoice: the unbilled sales actual becomes Customer Invoice Created, the milestone Customer
 * invoice created (§4.2, §4.6), each connected to its detail (§3.6, "Invoice creation").
 */
final class InvoiceWriter {

    private final OperationsContext ctx;
    private final Contracts contracts;
    private final InvoiceStore store;
    private final RetainerInvoicing retainers;

    InvoiceWriter(OperationsContext ctx, Contracts contracts, InvoiceStore store, RetainerInvoicing retainers) {
        this.ctx = ctx;
        this.contracts = contracts;
        this.store = store;
        this.retainers = retainers;
    }

    /** A new draft invoice for one contract customer, with one (empty) line per contract line (§3.3). */
    UUID newInvoice(Contract contract, UUID customerId, LocalDate invoiceDate, String name, UUID correctedInvoiceId) {
        UUID id = Ids.newId();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("invoiceid", id);
        row.put("invoicenumber", store.nextNumber());
        row.put("name", name);
        row.put("salesorderid", contract.id());
        row.put("customerid", customerId);
        row.put("transactioncurrency", contract.currency());
        row.put("pricelevelid", contract.salesPriceListId());
        row.put("msdyn_invoicedate", invoiceDate);
        row.put("msdyn_projectinvoicestatus", InvoiceStatus.DRAFT.value());
        row.put("statecode", 0);
        row.put("msdyn_ordertype", OrderType.WORK_BASED.value());
        row.put("msdyn_hascorrections", correctedInvoiceId != null);
        row.put("tdm_iscreditnote", false);
        row.put("tdm_correctedinvoice", correctedInvoiceId);
        row.put("totallineitemamount", BigDecimal.ZERO);
        row.put("totaltax", BigDecimal.ZERO);
        row.put("totalamount", BigDecimal.ZERO);
        row.putAll(ctx.created());
        ctx.writer().insert(OperationsDataEntities.INVOICES, List.of(row));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (ContractLine line : contracts.lines(contract.id())) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("invoicedetailid", Ids.newId());
            l.put("invoiceid", id);
            l.put("msdyn_contractlineid", line.id());
            l.put("productdescription", line.name());
            l.put("msdyn_billingmethod", line.billingMethod().value());
            l.put("msdyn_project", line.projectId());
            l.put("baseamount", BigDecimal.ZERO);
            l.put("tax", BigDecimal.ZERO);
            l.put("extendedamount", BigDecimal.ZERO);
            l.putAll(ctx.created());
            lines.add(l);
        }
        ctx.writer().insert(OperationsDataEntities.INVOICE_LINES, lines);
        return id;
    }

    /** Invoice line id per contract line id. */
    Map<UUID, UUID> lineIds(UUID invoiceId) {
        Map<UUID, UUID> ids = new HashMap<>();
        store.lines(invoiceId).forEach(l -> ids.put(l.contractLineId(), l.id()));
        return ids;
    }

    /**
     * Puts unbilled sales actuals (full row images) and milestones on a draft invoice, one line detail each, adds
     * the retainer details of its contract customer ({@link RetainerInvoicing#addToDraft}) and recalculates its
     * totals. The callers have checked that each actual and milestone is Ready to invoice and not on an invoice.
     */
    void attach(UUID invoiceId, UUID customerId, List<Map<String, Object>> actuals, List<Milestone> milestones) {
        Map<UUID, UUID> lines = lineIds(invoiceId);
        TransactionLinks links = new TransactionLinks(ctx);
        List<Map<String, Object>> details = new ArrayList<>();
        for (Map<String, Object> a : actuals) {
            Map<String, Object> d = detail(invoiceId, lines.get((UUID) a.get("msdyn_salescontractlineid")), a);
            d.put("tdm_sourceactual", a.get("msdyn_actualid"));
            details.add(d);
            links.connect((UUID) d.get("msdyn_invoicelinetransactionid"), ConnectionRole.BILLED_SALES,
                    TransactionLinks.INVOICE_LINE_DETAIL, (UUID) a.get("msdyn_actualid"), ConnectionRole.UNBILLED_SALES,
                    TransactionLinks.ACTUAL);
        }
        for (Milestone m : milestones) {
            details.add(milestoneDetail(invoiceId, lines.get(m.lineId()), customerId, m));
        }
        ctx.writer().insert(OperationsDataEntities.INVOICE_LINE_DETAILS, details);
        Map<String, Object> onInvoice = new LinkedHashMap<>();
        onInvoice.put("msdyn_billingstatus", BillingStatus.CUSTOMER_INVOICE_CREATED.value());
        onInvoice.put("msdyn_invoice", invoiceId);
        onInvoice.putAll(ctx.modified());
        ctx.writer().update(OperationsDataEntities.ACTUALS, actuals.stream().map(a -> a.get("msdyn_actualid")).toList(),
                onInvoice);
        Map<String, Object> milestoneOnInvoice = new LinkedHashMap<>();
        milestoneOnInvoice.put("msdyn_invoicestatus", MilestoneInvoiceStatus.CUSTOMER_INVOICE_CREATED.value());
        milestoneOnInvoice.put("msdyn_invoice", invoiceId);
        milestoneOnInvoice.putAll(ctx.modified());
        ctx.writer().update(OperationsDataEntities.MILESTONES, milestones.stream().map(Milestone::id).toList(),
                milestoneOnInvoice);
        links.flush();
        // Retainers Ready to invoice join the draft, invoiced ones are applied to what it now bills (§5 step 8).
        retainers.addToDraft(invoiceId);
        store.recalculate(invoiceId);
    }

    /** A line detail copying an actual's fields; description and external description default from it (§3.4). */
    Map<String, Object> detail(UUID invoiceId, UUID lineId, Map<String, Object> actual) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("msdyn_invoicelinetransactionid", Ids.newId());
        d.put("msdyn_invoice", invoiceId);
        d.put("msdyn_invoicelineid", lineId);
        d.put("msdyn_salescontract", actual.get("msdyn_salescontract"));
        d.put("msdyn_salescontractlineid", actual.get("msdyn_salescontractlineid"));
        d.put("msdyn_project", actual.get("msdyn_project"));
        d.put("msdyn_task", actual.get("msdyn_task"));
        d.put("msdyn_transactioncategory", actual.get("msdyn_transactioncategory"));
        d.put("msdyn_resourcecategory", actual.get("msdyn_resourcecategory"));
        d.put("msdyn_bookableresource", actual.get("msdyn_bookableresource"));
        d.put("msdyn_product", actual.get("msdyn_product"));
        d.put("msdyn_unit", actual.get("msdyn_unit"));
        d.put("msdyn_quantity", actual.get("msdyn_quantity"));
        d.put("msdyn_price", actual.get("msdyn_price"));
        d.put("msdyn_amount", actual.get("msdyn_amount"));
        d.put("msdyn_tax", BigDecimal.ZERO);
        d.put("msdyn_billingtype", actual.get("msdyn_billingtype"));
        d.put("msdyn_transactiontypecode", TransactionType.BILLED_SALES.value());
        d.put("msdyn_transactionclassification", actual.get("msdyn_transactionclassification"));
        d.put("msdyn_correction", false);
        d.put("msdyn_documentdate", actual.get("msdyn_documentdate"));
        d.put("msdyn_description", actual.get("msdyn_description"));
        d.put("msdyn_externaldescription", actual.get("msdyn_externaldescription"));
        d.put("tdm_manual", false);
        d.put("tdm_customer", actual.get("msdyn_accountcustomer"));
        d.put("transactioncurrency", actual.get("transactioncurrency"));
        d.putAll(ctx.created());
        return d;
    }

    private Map<String, Object> milestoneDetail(UUID invoiceId, UUID lineId, UUID customerId, Milestone m) {
        ContractLine line = contracts.line(m.lineId());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("msdyn_invoicelinetransactionid", Ids.newId());
        d.put("msdyn_invoice", invoiceId);
        d.put("msdyn_invoicelineid", lineId);
        d.put("msdyn_salescontract", m.contractId());
        d.put("msdyn_salescontractlineid", m.lineId());
        d.put("msdyn_project", line.projectId());
        d.put("msdyn_task", m.taskId());
        d.put("msdyn_quantity", BigDecimal.ONE);
        d.put("msdyn_price", m.amount());
        d.put("msdyn_amount", m.amount());
        d.put("msdyn_tax", m.tax());
        // A milestone detail is always chargeable (§3.4, [D:MPF]).
        d.put("msdyn_billingtype", BillingType.CHARGEABLE.value());
        d.put("msdyn_transactiontypecode", TransactionType.BILLED_SALES.value());
        d.put("msdyn_transactionclassification", TransactionClassification.MILESTONE.value());
        d.put("msdyn_correction", false);
        d.put("msdyn_documentdate", m.milestoneDate());
        d.put("msdyn_description", m.name());
        d.put("msdyn_externaldescription", m.name());
        d.put("tdm_milestone", m.id());
        d.put("tdm_manual", false);
        d.put("tdm_customer", customerId);
        d.put("transactioncurrency", m.currency());
        d.putAll(ctx.created());
        return d;
    }
}
