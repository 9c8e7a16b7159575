package dev.tandem.operations.invoicing;

import dev.tandem.common.Ids;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.actuals.ActualRow;
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
import dev.tandem.operations.rows.Audit;
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
        Audit audit = Audit.created(ctx);
        InvoiceRow header = new InvoiceRow.Builder()
                .id(id)
                .number(store.nextNumber())
                .name(name)
                .contractId(contract.id())
                .customerId(customerId)
                .currency(contract.currency())
                .priceListId(contract.salesPriceListId())
                .invoiceDate(invoiceDate)
                .status(InvoiceStatus.DRAFT)
                .stateCode(InvoiceRow.ACTIVE)
                .orderType(OrderType.WORK_BASED)
                .hasCorrections(correctedInvoiceId != null)
                .creditNote(false)
                .correctedInvoiceId(correctedInvoiceId)
                .totalLineItemAmount(BigDecimal.ZERO)
                .totalTax(BigDecimal.ZERO)
                .totalAmount(BigDecimal.ZERO)
                .audit(audit)
                .build();
        InvoiceRow.ROWS.insert(ctx.writer(), List.of(header));
        List<InvoiceLineRow> lines = new ArrayList<>();
        for (ContractLine line : contracts.lines(contract.id())) {
            lines.add(new InvoiceLineRow(Ids.newId(), id, line.id(), line.name(), line.billingMethod(), line.projectId(),
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, audit));
        }
        InvoiceLineRow.ROWS.insert(ctx.writer(), lines);
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
    void attach(UUID invoiceId, UUID customerId, List<ActualRow> actuals, List<Milestone> milestones) {
        attachActuals(invoiceId, actuals);
        finishDraft(invoiceId, customerId, milestones);
    }

    /**
     * Puts unbilled sales actuals (full row images) on a draft invoice, one line detail each, connected to its actual,
     * and marks them Customer invoice created on it. The draft's totals are not recalculated: callers that attach a
     * large backlog call this once per chunk and {@link #finishDraft} once at the end (issue 13: memory bounded by
     * the chunk, not the backlog).
     */
    void attachActuals(UUID invoiceId, List<ActualRow> actuals) {
        if (actuals.isEmpty()) {
            return;
        }
        Map<UUID, UUID> lines = lineIds(invoiceId);
        TransactionLinks links = new TransactionLinks(ctx);
        Audit audit = Audit.created(ctx);
        List<InvoiceLineDetailRow> details = new ArrayList<>(actuals.size());
        for (ActualRow a : actuals) {
            InvoiceLineDetailRow d = detail(invoiceId, lines.get(a.contractLineId()), a, audit);
            details.add(d);
            links.connect(d.id(), ConnectionRole.BILLED_SALES, TransactionLinks.INVOICE_LINE_DETAIL, a.id(),
                    ConnectionRole.UNBILLED_SALES, TransactionLinks.ACTUAL);
        }
        InvoiceLineDetailRow.ROWS.insert(ctx.writer(), details);
        Map<String, Object> onInvoice = new LinkedHashMap<>();
        onInvoice.put("msdyn_billingstatus", BillingStatus.CUSTOMER_INVOICE_CREATED.value());
        onInvoice.put("msdyn_invoice", invoiceId);
        onInvoice.putAll(ctx.modified());
        ctx.writer().update(OperationsDataEntities.ACTUALS, actuals.stream().map(ActualRow::id).toList(), onInvoice);
        links.flush();
    }

    /**
     * Completes a draft after its actuals are attached: puts the milestones on it (one line detail each, marked
     * Customer invoice created), adds the retainer details of its contract customer
     * ({@link RetainerInvoicing#addToDraft}) and recalculates its totals.
     */
    void finishDraft(UUID invoiceId, UUID customerId, List<Milestone> milestones) {
        if (!milestones.isEmpty()) {
            Map<UUID, UUID> lines = lineIds(invoiceId);
            Audit audit = Audit.created(ctx);
            List<InvoiceLineDetailRow> details = new ArrayList<>();
            for (Milestone m : milestones) {
                details.add(milestoneDetail(invoiceId, lines.get(m.lineId()), customerId, m, audit));
            }
            InvoiceLineDetailRow.ROWS.insert(ctx.writer(), details);
            Map<String, Object> milestoneOnInvoice = new LinkedHashMap<>();
            milestoneOnInvoice.put("msdyn_invoicestatus", MilestoneInvoiceStatus.CUSTOMER_INVOICE_CREATED.value());
            milestoneOnInvoice.put("msdyn_invoice", invoiceId);
            milestoneOnInvoice.putAll(ctx.modified());
            ctx.writer().update(OperationsDataEntities.MILESTONES, milestones.stream().map(Milestone::id).toList(),
                    milestoneOnInvoice);
        }
        // Retainers Ready to invoice join the draft, invoiced ones are applied to what it now bills (§5 step 8).
        retainers.addToDraft(invoiceId);
        store.recalculate(invoiceId);
    }

    /**
     * The line detail of an unbilled sales actual: it copies the actual's fields and names it as its source;
     * description and external description default from it (§3.4).
     */
    private static InvoiceLineDetailRow detail(UUID invoiceId, UUID lineId, ActualRow actual, Audit audit) {
        return new InvoiceLineDetailRow.Builder()
                .id(Ids.newId())
                .invoiceId(invoiceId)
                .invoiceLineId(lineId)
                .contractId(actual.contractId())
                .contractLineId(actual.contractLineId())
                .projectId(actual.projectId())
                .taskId(actual.taskId())
                .categoryId(actual.categoryId())
                .roleId(actual.roleId())
                .resourceId(actual.resourceId())
                .productId(actual.productId())
                .unit(actual.unit())
                .quantity(actual.quantity())
                .price(actual.price())
                .amount(actual.amount())
                .tax(BigDecimal.ZERO)
                .billingType(actual.billingType())
                .transactionType(TransactionType.BILLED_SALES)
                .classification(actual.classification())
                .correction(false)
                .documentDate(actual.documentDate())
                .description(actual.description())
                .externalDescription(actual.externalDescription())
                .sourceActualId(actual.id())
                .manual(false)
                .customerId(actual.customerId())
                .currency(actual.currency())
                .audit(audit)
                .build();
    }

    private InvoiceLineDetailRow milestoneDetail(UUID invoiceId, UUID lineId, UUID customerId, Milestone m,
                                                 Audit audit) {
        ContractLine line = contracts.line(m.lineId());
        return new InvoiceLineDetailRow.Builder()
                .id(Ids.newId())
                .invoiceId(invoiceId)
                .invoiceLineId(lineId)
                .contractId(m.contractId())
                .contractLineId(m.lineId())
                .projectId(line.projectId())
                .taskId(m.taskId())
                .quantity(BigDecimal.ONE)
                .price(m.amount())
                .amount(m.amount())
                .tax(m.tax())
                // A milestone detail is always chargeable (§3.4, [D:MPF]).
                .billingType(BillingType.CHARGEABLE)
                .transactionType(TransactionType.BILLED_SALES)
                .classification(TransactionClassification.MILESTONE)
                .correction(false)
                .documentDate(m.milestoneDate())
                .description(m.name())
                .externalDescription(m.name())
                .milestoneId(m.id())
                .manual(false)
                .customerId(customerId)
                .currency(m.currency())
                .audit(audit)
                .build();
    }
}
