package dev.tandem.operations.invoicing;

import static dev.tandem.operations.OperationsError.CLASSIFICATION_CHANGE;
import static dev.tandem.operations.OperationsError.FIELD_NOT_EDITABLE;
import static dev.tandem.operations.OperationsError.INVALID_INPUT;
import static dev.tandem.operations.OperationsError.INVOICE_STATUS;
import static dev.tandem.operations.OperationsError.MILESTONE_PARTIAL_CREDIT;
import static dev.tandem.operations.OperationsError.NEGATIVE_QUANTITY;

import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.actuals.AdjustmentStatus;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.MilestoneInvoiceStatus;
import dev.tandem.operations.invoicing.InvoiceRecords.DetailEdit;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import dev.tandem.operations.invoicing.retainer.RetainerInvoicing;
import dev.tandem.operations.rows.Audit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Changes to draft invoices (status Draft or In Review, §4.1): edit the fields §3.4 allows per billing method,
 * delete a line detail (its actual or milestone goes back to the backlog), delete a draft (all of its actuals are
 * released), Draft ↔ In Review, and Paid after Confirmed. Confirmed and paid invoices refuse every change with
 * the rule of §11 rule 4.
 */
public final class DraftInvoices {

    private final OperationsContext ctx;
    private final InvoiceStore store;

    public DraftInvoices(OperationsContext ctx, InvoiceStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    /**
     * Edits a line detail of a draft. Time and Material details accept billing type, quantity, price, tax,
     * description and external description; Fixed Price details billing type, tax, description and external
     * description (§3.4). The amount of a Time and Material detail is quantity × price, rounded.
     *
     * @throws TandemException INVOICE_READ_ONLY, FIELD_NOT_EDITABLE naming the field, CLASSIFICATION_CHANGE (§11
     *                         rule 6), MILESTONE_PARTIAL_CREDIT (§6), NEGATIVE_QUANTITY, NOT_FOUND
     */
    public LineDetail edit(UUID detailId, DetailEdit edit) {
        return ctx.inTransaction(() -> {
            LineDetail d = store.detail(detailId);
            Invoice invoice = store.lockEditable(d.invoiceId());
            if (RetainerInvoicing.isRetainerDetail(d)) {
                // Amounts of retainer details are bound by the retainer's available amount (§11 rule 13).
                throw new TandemException(FIELD_NOT_EDITABLE, "Invoice line detail " + detailId
                        + " invoices, applies or refunds a retainer: a retainer or advance detail is not editable; the "
                        + "extended amount of an applied retainer changes through Retainers.editApplied (§3.4, "
                        + "§11 rule 13)",
                        Map.of("detailId", detailId.toString(), "field", "retainer"));
            }
            if (edit.transactionClassification() != null && edit.transactionClassification() != d.classification()) {
                throw new TandemException(CLASSIFICATION_CHANGE, "The transaction classification of invoice line detail "
                        + detailId + " is " + d.classification().label() + " and can't change (§11 rule 6)",
                        Map.of("detailId", detailId.toString()));
            }
            if (d.correction() && d.milestoneId() != null && edit.quantity() != null
                    && edit.quantity().signum() != 0) {
                throw new TandemException(MILESTONE_PARTIAL_CREDIT, "Milestone partial credit is not supported: a "
                        + "milestone is always credited in full on a corrective invoice (§6, §11 rule 12)",
                        Map.of("detailId", detailId.toString()));
            }
            BillingMethod method = billingMethod(d);
            if (method == BillingMethod.FIXED_PRICE) {
                notEditable(edit.quantity(), "quantity", detailId);
                notEditable(edit.price(), "price", detailId);
            }
            if (edit.quantity() != null && edit.quantity().signum() < 0) {
                throw new TandemException(NEGATIVE_QUANTITY, "Quantity of invoice line detail " + detailId
                        + " must not be negative; credit by lowering the quantity on a corrective invoice");
            }
            if ((edit.price() != null && edit.price().signum() < 0) || (edit.tax() != null && edit.tax().signum() < 0)) {
                throw new TandemException(INVALID_INPUT, "Price and tax of invoice line detail " + detailId
                        + " must not be negative");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            BigDecimal quantity = edit.quantity() == null ? d.quantity() : edit.quantity();
            BigDecimal price = edit.price() == null ? d.price() : edit.price();
            if (method == BillingMethod.TIME_AND_MATERIAL) {
                values.put("msdyn_quantity", quantity);
                values.put("msdyn_price", price);
                values.put("msdyn_amount", Money.round(quantity.multiply(price), invoice.currency()));
            }
            if (edit.billingType() != null) {
                values.put("msdyn_billingtype", edit.billingType().value());
            }
            if (edit.tax() != null) {
                values.put("msdyn_tax", edit.tax());
            }
            if (edit.description() != null) {
                values.put("msdyn_description", edit.description());
            }
            if (edit.externalDescription() != null) {
                values.put("msdyn_externaldescription", edit.externalDescription());
            }
            values.putAll(ctx.modified());
            ctx.writer().update(OperationsDataEntities.INVOICE_LINE_DETAILS, List.of(detailId), values);
            store.recalculate(invoice.id());
            return store.detail(detailId);
        });
    }

    /**
     * Adds a line detail by hand to a draft ([D:ADD]): on confirmation a Time and Material line's manual detail
     * creates unbilled sales, its reversal and billed sales, a Fixed Price line's creates billed sales only (§6).
     * Its amount is quantity × price, rounded to the invoice currency.
     *
     * @return the new detail
     * @throws TandemException INVOICE_READ_ONLY; INVALID_INPUT when the contract line is not the invoice's, the class
     *                         is not Time, Expense, Material or Fee, or a value is missing; NEGATIVE_QUANTITY
     */
    public LineDetail addManualDetail(UUID invoiceId, InvoiceRecords.ManualDetailInput in) {
        if (in.classification() == null || in.date() == null || in.quantity() == null || in.price() == null
                || in.contractLineId() == null) {
            throw new TandemException(INVALID_INPUT, "A manual line detail needs a contract line, a transaction "
                    + "classification, a date, a quantity and a price");
        }
        if (!java.util.EnumSet.of(dev.tandem.operations.actuals.TransactionClassification.TIME,
                dev.tandem.operations.actuals.TransactionClassification.EXPENSE,
                dev.tandem.operations.actuals.TransactionClassification.MATERIAL,
                dev.tandem.operations.actuals.TransactionClassification.FEE).contains(in.classification())) {
            throw new TandemException(INVALID_INPUT, "A manual line detail is Time, Expense, Material or Fee, not "
                    + in.classification().label());
        }
        if (in.quantity().signum() < 0) {
            throw new TandemException(NEGATIVE_QUANTITY, "Quantity of a manual line detail must not be negative");
        }
        if (in.price().signum() < 0 || (in.tax() != null && in.tax().signum() < 0)) {
            throw new TandemException(INVALID_INPUT, "Price and tax of a manual line detail must not be negative");
        }
        return ctx.inTransaction(() -> {
            Invoice invoice = store.lockEditable(invoiceId);
            List<UUID> lines = ctx.jdbc().queryForList("SELECT invoicedetailid FROM invoicedetail WHERE invoiceid = ? "
                    + "AND msdyn_contractlineid = ?", UUID.class, invoiceId, in.contractLineId());
            if (lines.isEmpty()) {
                throw new TandemException(INVALID_INPUT, "Contract line " + in.contractLineId() + " is not a line of "
                        + "invoice " + invoice.number(), Map.of("contractLineId", in.contractLineId().toString()));
            }
            UUID project = ctx.jdbc().queryForObject("SELECT msdyn_project FROM salesorderdetail WHERE salesorderdetailid = ?",
                    UUID.class, in.contractLineId());
            UUID id = dev.tandem.common.Ids.newId();
            InvoiceLineDetailRow d = new InvoiceLineDetailRow.Builder()
                    .id(id)
                    .invoiceId(invoiceId)
                    .invoiceLineId(lines.get(0))
                    .contractId(invoice.contractId())
                    .contractLineId(in.contractLineId())
                    .projectId(project)
                    .categoryId(in.categoryId())
                    .roleId(in.roleId())
                    .productId(in.productId())
                    .unit(in.classification() == TransactionClassification.TIME ? "hour" : "each")
                    .quantity(in.quantity())
                    .price(in.price())
                    .amount(Money.round(in.quantity().multiply(in.price()), invoice.currency()))
                    .tax(in.tax() == null ? BigDecimal.ZERO : in.tax())
                    .billingType(in.billingType() == null ? BillingType.CHARGEABLE : in.billingType())
                    .transactionType(TransactionType.BILLED_SALES)
                    .classification(in.classification())
                    .correction(false)
                    .documentDate(in.date())
                    .description(in.description())
                    .externalDescription(in.externalDescription())
                    .manual(true)
                    .customerId(invoice.customerId())
                    .currency(invoice.currency())
                    .audit(Audit.created(ctx))
                    .build();
            InvoiceLineDetailRow.ROWS.insert(ctx.writer(), List.of(d));
            store.recalculate(invoiceId);
            return store.detail(id);
        });
    }

    /**
     * Deletes a line detail of a draft; what it billed goes back to the backlog (actual Ready to invoice, milestone
     * Ready for invoicing; a corrected billed sales actual is no longer In Process).
     */
    public void deleteDetail(UUID detailId) {
        ctx.inTransaction(() -> {
            LineDetail d = store.detail(detailId);
            Invoice invoice = store.lockEditable(d.invoiceId());
            release(List.of(d));
            ctx.writer().delete(OperationsDataEntities.INVOICE_LINE_DETAILS, List.of(detailId));
            store.recalculate(invoice.id());
        });
    }

    /** Deletes a draft invoice, its lines and details, and releases everything it billed back to the backlog. */
    public void deleteInvoice(UUID invoiceId) {
        ctx.inTransaction(() -> {
            Invoice invoice = store.lockEditable(invoiceId);
            List<LineDetail> details = store.details(invoiceId);
            release(details);
            ctx.writer().delete(OperationsDataEntities.INVOICE_LINE_DETAILS, details.stream().map(LineDetail::id).toList());
            ctx.writer().delete(OperationsDataEntities.INVOICE_LINES,
                    store.lines(invoiceId).stream().map(InvoiceRecords.InvoiceLine::id).toList());
            ctx.writer().delete(OperationsDataEntities.INVOICES, List.of(invoice.id()));
        });
    }

    /**
     * Moves a draft between Draft and In Review (both editable). A confirmed or paid invoice's status can't go back
     * (§4.1, §11 rule 4).
     */
    public void setStatus(UUID invoiceId, InvoiceStatus status) {
        if (status != InvoiceStatus.DRAFT && status != InvoiceStatus.IN_REVIEW) {
            throw new TandemException(INVALID_INPUT, "Only Draft and In Review can be set directly; confirm and mark "
                    + "Paid have their own actions");
        }
        ctx.inTransaction(() -> {
            Invoice invoice = store.lock(invoiceId);
            if (!invoice.status().editable()) {
                throw new TandemException(INVOICE_STATUS, "Invoice " + invoice.number() + " is " + invoice.status().label()
                        + "; the status of a confirmed or paid invoice can't go back (§4.1, §11 rule 4)",
                        Map.of("invoiceId", invoiceId.toString(), "invoiceStatus", invoice.status().label()));
            }
            setStatusValues(invoiceId, status, 0);
        });
    }

    /** Marks a confirmed or posted invoice Paid (statecode Paid). Refused before confirmation (§11 rule 4). */
    public void markPaid(UUID invoiceId) {
        ctx.inTransaction(() -> {
            Invoice invoice = store.lock(invoiceId);
            if (!invoice.status().confirmed()) {
                throw new TandemException(INVOICE_STATUS, "Invoice " + invoice.number() + " is " + invoice.status().label()
                        + "; an invoice can be marked Paid only after it is confirmed (§11 rule 4)",
                        Map.of("invoiceId", invoiceId.toString(), "invoiceStatus", invoice.status().label()));
            }
            setStatusValues(invoiceId, InvoiceStatus.INVOICE_PAID, 2);
        });
    }

    private void setStatusValues(UUID invoiceId, InvoiceStatus status, int statecode) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("msdyn_projectinvoicestatus", status.value());
        values.put("statecode", statecode);
        values.putAll(ctx.modified());
        ctx.writer().update(OperationsDataEntities.INVOICES, List.of(invoiceId), values);
    }

    private void release(List<LineDetail> details) {
        List<UUID> actuals = new ArrayList<>();
        List<UUID> milestones = new ArrayList<>();
        List<UUID> corrected = new ArrayList<>();
        for (LineDetail d : details) {
            if (d.sourceActualId() != null) {
                actuals.add(d.sourceActualId());
            } else if (d.correction()) {
                UUID billed = store.detail(d.originalDetailId()).billedSalesActualId();
                if (billed != null) {
                    corrected.add(billed);
                }
            } else if (d.milestoneId() != null) {
                milestones.add(d.milestoneId());
            }
        }
        Map<String, Object> backlog = new LinkedHashMap<>();
        backlog.put("msdyn_billingstatus", BillingStatus.READY_TO_INVOICE.value());
        backlog.put("msdyn_invoice", null);
        backlog.putAll(ctx.modified());
        ctx.writer().update(OperationsDataEntities.ACTUALS, actuals, backlog);
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("msdyn_invoicestatus", MilestoneInvoiceStatus.READY_FOR_INVOICING.value());
        ready.put("msdyn_invoice", null);
        ready.putAll(ctx.modified());
        ctx.writer().update(OperationsDataEntities.MILESTONES, milestones, ready);
        Map<String, Object> notInProcess = new LinkedHashMap<>();
        notInProcess.put("msdyn_adjustmentstatus", null);
        notInProcess.putAll(ctx.modified());
        List<UUID> stillInProcess = ctx.idsIn("SELECT msdyn_actualid FROM msdyn_actual WHERE msdyn_adjustmentstatus = ? "
                + "AND msdyn_actualid IN (:in)", corrected, AdjustmentStatus.IN_PROCESS.value());
        ctx.writer().update(OperationsDataEntities.ACTUALS, stillInProcess, notInProcess);
        // The ILD ↔ actual connections written at creation go with the details (§4.1, [3P-AP]).
        List<UUID> detailIds = details.stream().map(LineDetail::id).toList();
        if (!detailIds.isEmpty()) {
            ctx.writer().delete(OperationsDataEntities.TRANSACTION_CONNECTIONS, ctx.idsIn("SELECT "
                    + "msdyn_transactionconnectionid FROM msdyn_transactionconnection WHERE msdyn_transaction1 IN (:in)",
                    detailIds));
        }
    }

    private BillingMethod billingMethod(LineDetail d) {
        Integer value = ctx.jdbc().queryForObject("SELECT msdyn_billingmethod FROM invoicedetail WHERE invoicedetailid = ?",
                Integer.class, d.lineId());
        return dev.tandem.operations.OptionValue.of(BillingMethod.class, value);
    }

    private static void notEditable(Object value, String field, UUID detailId) {
        if (value != null) {
            throw new TandemException(FIELD_NOT_EDITABLE, "The " + field + " of invoice line detail " + detailId
                    + " is not editable: on a Fixed Price line only billing type, tax, description and external "
                    + "description are (§3.4)", Map.of("detailId", detailId.toString(), "field", field));
        }
    }
}
