package dev.tandem.operations.invoicing;

import static dev.tandem.operations.OperationsError.INVOICE_STATUS;

import dev.tandem.common.Ids;
import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.actuals.ActualRows;
import dev.tandem.operations.actuals.AdjustmentStatus;
import dev.tandem.operations.actuals.AmountMethod;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.ConnectionRole;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.actuals.TransactionLinks;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.ContractRecords.Contract;
import dev.tandem.operations.contracts.ContractRecords.ContractLine;
import dev.tandem.operations.contracts.Contracts;
import dev.tandem.operations.contracts.MilestoneInvoiceStatus;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import dev.tandem.operations.invoicing.retainer.RetainerInvoicing;
import dev.tandem.operations.nte.NotToExceed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Confirms a proforma invoice (§4.1, §5 step 9, §6). Confirmation is one-way and happens in one transaction with
 * the outbox rows of every changed row, the invoice header included. Per line detail it creates the actuals of
 * §6's first table — unchanged, decreased quantity (chargeable + non-chargeable), increased quantity, milestone,
 * manually added — and, for a corrective invoice, those of the second table (full credit, partial credit,
 * increase, milestone full credit); retainer details are confirmed by {@link RetainerInvoicing#confirm}. Backing
 * actuals become Customer Invoice Posted (or Adjusted when replaced), milestones Customer invoice posted, and the
 * transaction connections of §3.6 are written.
 *
 * <p>The invoice row is locked first, so of two concurrent confirmations exactly one succeeds; the other then
 * finds the invoice Confirmed and is refused.
 */
public final class InvoiceConfirmation {

    private static final String INVOICE = "invoice";

    private final OperationsContext ctx;
    private final Contracts contracts;
    private final InvoiceStore store;
    private final NotToExceed nte;
    private final RetainerInvoicing retainers;

    public InvoiceConfirmation(OperationsContext ctx, Contracts contracts, InvoiceStore store, NotToExceed nte,
                               RetainerInvoicing retainers) {
        this.ctx = ctx;
        this.contracts = contracts;
        this.store = store;
        this.nte = nte;
        this.retainers = retainers;
    }

    /**
     * @return the number of actuals created
     * @throws TandemException INVOICE_STATUS when the invoice is already confirmed or paid; NOT_FOUND
     */
    public int confirm(UUID invoiceId) {
        return ctx.inTransaction(() -> {
            Invoice invoice = store.lock(invoiceId);
            if (!invoice.status().editable()) {
                throw new TandemException(INVOICE_STATUS, "Invoice " + invoice.number() + " is already "
                        + invoice.status().label() + "; confirmation is one-way and happens once (§4.1)",
                        Map.of("invoiceId", invoiceId.toString(), "invoiceStatus", invoice.status().label()));
            }
            Run run = new Run(invoice);
            List<LineDetail> details = store.details(invoiceId);
            // Details that invoice, apply or refund a retainer have their own §6 rows (RetainerInvoicing).
            int retainerActuals = retainers.confirm(invoice, details);
            run.loadActuals(details);
            for (LineDetail d : details) {
                if (RetainerInvoicing.isRetainerDetail(d)) {
                    continue;
                } else if (d.correction()) {
                    run.correction(d);
                } else if (d.milestoneId() != null) {
                    run.milestone(d);
                } else if (d.sourceActualId() != null) {
                    run.unbilled(d);
                } else {
                    run.manual(d);
                }
            }
            return run.finish() + retainerActuals;
        });
    }

    /** One confirmation: collects new actuals, updates and links, then writes them in batches. */
    private final class Run {

        private final Invoice invoice;
        private final Contract contract;
        private final ActualRows rows = new ActualRows(ctx);
        private final TransactionLinks links = new TransactionLinks(ctx);
        private final List<Map<String, Object>> created = new ArrayList<>();
        private final List<Map<String, Object>> backlog = new ArrayList<>();
        private final Map<String, List<UUID>> updates = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> updateValues = new HashMap<>();
        private final Map<UUID, Map<String, Object>> actualRows = new HashMap<>();
        private final Map<UUID, Map<String, Object>> billedByDetail = new LinkedHashMap<>();
        private final List<UUID> postedMilestones = new ArrayList<>();
        private final List<UUID> creditedMilestones = new ArrayList<>();

        Run(Invoice invoice) {
            this.invoice = invoice;
            this.contract = contracts.contract(invoice.contractId());
        }

        void loadActuals(List<LineDetail> details) {
            List<UUID> ids = new ArrayList<>();
            for (LineDetail d : details) {
                if (d.sourceActualId() != null) {
                    ids.add(d.sourceActualId());
                }
            }
            for (LineDetail d : details) {
                if (d.correction()) {
                    LineDetail original = store.detail(d.originalDetailId());
                    if (original.billedSalesActualId() != null) {
                        ids.add(original.billedSalesActualId());
                    }
                }
            }
            ctx.writer().read(OperationsDataEntities.ACTUALS, ids).forEach(r -> actualRows.put(ActualRows.id(r), r));
        }

        /** An invoiced unbilled sales actual: unchanged, or replaced at the detail's quantity, price and type. */
        void unbilled(LineDetail d) {
            Map<String, Object> original = actualRows.get(d.sourceActualId());
            UUID originalId = d.sourceActualId();
            BigDecimal q0 = (BigDecimal) original.get("msdyn_quantity");
            BigDecimal p0 = (BigDecimal) original.get("msdyn_price");
            int b0 = (Integer) original.get("msdyn_billingtype");
            boolean unchanged = q0.compareTo(d.quantity()) == 0 && p0.compareTo(d.price()) == 0
                    && b0 == d.billingType().value();
            if (unchanged) {
                Map<String, Object> reversal = onInvoice(rows.reversal(original, null, true), BillingStatus.CUSTOMER_INVOICE_POSTED);
                Map<String, Object> billed = billed(original, q0, p0, (BigDecimal) original.get("msdyn_amount"), d.billingType());
                add(d, reversal, billed);
                links.connect(ActualRows.id(reversal), ConnectionRole.REVERSING, originalId, ConnectionRole.ORIGINAL);
                links.connect(ActualRows.id(billed), ConnectionRole.BILLED_SALES, originalId, ConnectionRole.UNBILLED_SALES);
                update(originalId, "msdyn_billingstatus", BillingStatus.CUSTOMER_INVOICE_POSTED.value());
                billedByDetail.put(d.id(), billed);
                return;
            }
            // Changed on the draft: the original is reversed and replaced by what the detail invoices (§6). Unlike
            // the reversal that pairs with billed sales (§7.4 Skip Sync: the subledger marks the original invoiced
            // instead), this reversal adjusts the original away: nothing will bill the original, so Finance must see
            // the reversal to take the original's WIP and accrued revenue back out (§9). It syncs whenever the
            // original did.
            Map<String, Object> reversal = onInvoice(rows.reversal(original, AdjustmentStatus.UNADJUSTABLE,
                    Boolean.TRUE.equals(original.get("tdm_skipsync"))), BillingStatus.CUSTOMER_INVOICE_POSTED);
            add(d, reversal);
            links.connect(ActualRows.id(reversal), ConnectionRole.REVERSING, originalId, ConnectionRole.ORIGINAL);
            update(originalId, "msdyn_adjustmentstatus", AdjustmentStatus.ADJUSTED.value(),
                    "msdyn_billingstatus", BillingStatus.CUSTOMER_INVOICE_POSTED.value());
            billedByDetail.put(d.id(), invoicedReplacement(d, original, originalId, d.quantity(), d.price(), d.amount(),
                    d.billingType()));
            if (d.quantity().compareTo(q0) < 0) {
                // The remainder is billed non-chargeable (§6). At the original price its amount is what is left of
                // the original amount, so the two parts sum to the original to the cent.
                BigDecimal rest = q0.subtract(d.quantity());
                BigDecimal restAmount = d.price().compareTo(p0) == 0
                        ? ((BigDecimal) original.get("msdyn_amount")).subtract(d.amount())
                        : Money.round(rest.multiply(d.price()), invoice.currency());
                invoicedReplacement(d, original, originalId, rest, d.price(), restAmount, BillingType.NON_CHARGEABLE);
            }
        }

        /** New unbilled sales for an invoiced quantity, its reversal and its billed sales; returns the billed sales. */
        private Map<String, Object> invoicedReplacement(LineDetail d, Map<String, Object> template, UUID replaced,
                                                        BigDecimal quantity, BigDecimal price, BigDecimal amount,
                                                        BillingType type) {
            Map<String, Object> unbilled = onInvoice(rows.like(template, TransactionType.UNBILLED_SALES, quantity, price,
                    amount, type, BillingStatus.CUSTOMER_INVOICE_POSTED), BillingStatus.CUSTOMER_INVOICE_POSTED);
            Map<String, Object> reversal = onInvoice(rows.reversal(unbilled, null, true), BillingStatus.CUSTOMER_INVOICE_POSTED);
            Map<String, Object> billed = billed(template, quantity, price, amount, type);
            add(d, unbilled, reversal, billed);
            if (replaced != null) {
                links.connect(ActualRows.id(unbilled), ConnectionRole.REPLACING, replaced, ConnectionRole.ORIGINAL);
            }
            links.connect(ActualRows.id(reversal), ConnectionRole.REVERSING, ActualRows.id(unbilled), ConnectionRole.ORIGINAL);
            links.connect(ActualRows.id(billed), ConnectionRole.BILLED_SALES, ActualRows.id(unbilled),
                    ConnectionRole.UNBILLED_SALES);
            return billed;
        }

        /** A milestone: billed sales for its amount, no unbilled sales (§6). */
        void milestone(LineDetail d) {
            Map<String, Object> billed = billed(template(d, TransactionClassification.MILESTONE, AmountMethod.FIXED_PRICE),
                    d.quantity(), d.price(), d.amount(), d.billingType());
            billed.put("tdm_sourcedocumenttype", "msdyn_contractlinescheduleofvalue");
            billed.put("tdm_sourcedocumentid", d.milestoneId());
            add(d, billed);
            postedMilestones.add(d.milestoneId());
            billedByDetail.put(d.id(), billed);
        }

        /** A line detail added by hand: on a T&M line unbilled + reversal + billed, on a fixed-price line billed only. */
        void manual(LineDetail d) {
            ContractLine line = contracts.line(d.contractLineId());
            Map<String, Object> template = template(d, d.classification(), AmountMethod.MULTIPLY_QUANTITY_BY_PRICE);
            if (line.billingMethod() == BillingMethod.TIME_AND_MATERIAL) {
                billedByDetail.put(d.id(), invoicedReplacement(d, template, null, d.quantity(), d.price(), d.amount(),
                        d.billingType()));
            } else {
                Map<String, Object> billed = billed(template, d.quantity(), d.price(), d.amount(), d.billingType());
                add(d, billed);
                billedByDetail.put(d.id(), billed);
            }
        }

        /** A detail of a corrective invoice (§6, second table). */
        void correction(LineDetail d) {
            LineDetail original = store.detail(d.originalDetailId());
            Map<String, Object> billed = actualRows.get(original.billedSalesActualId());
            UUID billedId = original.billedSalesActualId();
            BigDecimal before = (BigDecimal) billed.get("msdyn_quantity");
            BigDecimal beforeAmount = (BigDecimal) billed.get("msdyn_amount");
            if (original.milestoneId() == null && d.quantity().compareTo(before) == 0
                    && d.amount().compareTo(beforeAmount) == 0) {
                // Invoiced as before: nothing to correct; the billed sales is no longer In Process.
                update(billedId, "msdyn_adjustmentstatus", null);
                return;
            }
            Map<String, Object> reversal = onInvoice(rows.reversal(billed, AdjustmentStatus.UNADJUSTABLE, false), null);
            add(d, reversal);
            links.connect(ActualRows.id(reversal), ConnectionRole.REVERSING, billedId, ConnectionRole.ORIGINAL);
            update(billedId, "msdyn_adjustmentstatus", AdjustmentStatus.ADJUSTED.value());
            if (original.milestoneId() != null) {
                creditedMilestones.add(original.milestoneId());
                return;
            }
            BigDecimal price = (BigDecimal) billed.get("msdyn_price");
            BillingType type = dev.tandem.operations.OptionValue.of(BillingType.class, (Integer) billed.get("msdyn_billingtype"));
            if (d.quantity().signum() > 0) {
                billedByDetail.put(d.id(), invoicedReplacement(d, billed, billedId, d.quantity(), d.price(), d.amount(),
                        d.billingType()));
            }
            if (d.quantity().compareTo(before) < 0) {
                // What is credited goes back to the backlog, exactly: the original amount less what is invoiced now.
                BigDecimal rest = before.subtract(d.quantity());
                BigDecimal restAmount = d.quantity().signum() == 0 ? beforeAmount
                        : beforeAmount.subtract(Money.round(d.quantity().multiply(price), invoice.currency()));
                BillingType restType = d.quantity().signum() == 0 ? type : BillingType.CHARGEABLE;
                Map<String, Object> back = rows.like(billed, TransactionType.UNBILLED_SALES, rest, price, restAmount,
                        restType, BillingStatus.UNBILLED_SALES_CREATED);
                back.put("msdyn_invoice", null);
                created.add(back);
                backlog.add(back);
                links.connect(ActualRows.id(back), ConnectionRole.REPLACING, billedId, ConnectionRole.ORIGINAL);
                links.origin(d.id(), TransactionLinks.INVOICE_LINE_DETAIL, ActualRows.id(back));
            }
        }

        int finish() {
            for (var entry : updates.entrySet()) {
                Map<String, Object> values = new LinkedHashMap<>(updateValues.get(entry.getKey()));
                values.putAll(ctx.modified());
                ctx.writer().update(OperationsDataEntities.ACTUALS, entry.getValue(), values);
            }
            // Unbilled sales back in the backlog are evaluated against the limits after the credited billed sales
            // stopped counting (the updates above).
            nte.evaluateNew(backlog);
            ctx.writer().insert(OperationsDataEntities.ACTUALS, created);
            links.flush();
            Map<String, Object> posted = new LinkedHashMap<>();
            posted.put("msdyn_invoicestatus", MilestoneInvoiceStatus.CUSTOMER_INVOICE_POSTED.value());
            posted.putAll(ctx.modified());
            ctx.writer().update(OperationsDataEntities.MILESTONES, postedMilestones, posted);
            Map<String, Object> ready = new LinkedHashMap<>();
            ready.put("msdyn_invoicestatus", MilestoneInvoiceStatus.READY_FOR_INVOICING.value());
            ready.put("msdyn_invoice", null);
            ready.putAll(ctx.modified());
            ctx.writer().update(OperationsDataEntities.MILESTONES, creditedMilestones, ready);
            Map<UUID, Map<String, Object>> detailValues = new LinkedHashMap<>();
            billedByDetail.forEach((detail, billed) -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("tdm_billedsalesactual", ActualRows.id(billed));
                v.putAll(ctx.modified());
                detailValues.put(detail, v);
            });
            ctx.writer().updateEach(OperationsDataEntities.INVOICE_LINE_DETAILS, detailValues);
            store.recalculate(invoice.id());
            Invoice totals = store.invoice(invoice.id());
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("msdyn_projectinvoicestatus", InvoiceStatus.CONFIRMED.value());
            header.put("tdm_confirmedon", ctx.now());
            header.put("tdm_iscreditnote", totals.totalAmount().signum() < 0);
            header.putAll(ctx.modified());
            ctx.writer().update(OperationsDataEntities.INVOICES, List.of(invoice.id()), header);
            return created.size();
        }

        private Map<String, Object> billed(Map<String, Object> template, BigDecimal quantity, BigDecimal price,
                                           BigDecimal amount, BillingType type) {
            Map<String, Object> billed = rows.like(template, TransactionType.BILLED_SALES, quantity, price, amount, type, null);
            billed.put("msdyn_invoice", invoice.id());
            billed.put("msdyn_accountingdate", invoice.invoiceDate());
            return billed;
        }

        private Map<String, Object> onInvoice(Map<String, Object> row, BillingStatus status) {
            row.put("msdyn_billingstatus", status == null ? null : status.value());
            row.put("msdyn_invoice", invoice.id());
            return row;
        }

        @SafeVarargs
        private void add(LineDetail d, Map<String, Object>... actuals) {
            for (Map<String, Object> a : actuals) {
                created.add(a);
                links.origin(d.id(), TransactionLinks.INVOICE_LINE_DETAIL, ActualRows.id(a));
                links.origin(invoice.id(), INVOICE, ActualRows.id(a));
            }
        }

        private void update(UUID actualId, Object... fieldValues) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < fieldValues.length; i += 2) {
                values.put((String) fieldValues[i], fieldValues[i + 1]);
            }
            String key = values.toString();
            updateValues.putIfAbsent(key, values);
            updates.computeIfAbsent(key, k -> new ArrayList<>()).add(actualId);
        }

        /** An actual row for a detail that has no backing actual (milestone, manual). */
        private Map<String, Object> template(LineDetail d, TransactionClassification classification, AmountMethod method) {
            ContractLine line = contracts.line(d.contractLineId());
            Map<String, Object> row = new LinkedHashMap<>();
            for (String field : OperationsDataEntities.ACTUALS.fields()) {
                row.put(field, null);
            }
            row.put("msdyn_actualid", Ids.newId());
            row.put("msdyn_description", d.description());
            row.put("msdyn_externaldescription", d.externalDescription());
            row.put("msdyn_transactionclassification", classification.value());
            row.put("msdyn_amountmethod", method.value());
            row.put("transactioncurrency", invoice.currency());
            row.put("msdyn_documentdate", d.documentDate());
            row.put("msdyn_startdatetime", d.documentDate());
            row.put("msdyn_enddatetime", d.documentDate());
            row.put("msdyn_project", line.projectId());
            row.put("msdyn_salescontract", contract.id());
            row.put("msdyn_salescontractlineid", line.id());
            row.put("msdyn_accountcustomer", invoice.customerId());
            row.put("msdyn_customertype", dev.tandem.operations.actuals.CustomerType.ACCOUNT.value());
            row.put("msdyn_contractorganizationalunitid", contract.contractingUnitId());
            row.put("msdyn_pricelist", contract.salesPriceListId());
            row.put("msdyn_unit", classification == TransactionClassification.TIME ? "hour" : "each");
            row.put("msdyn_isjournalized", false);
            row.put("tdm_skipsync", false);
            row.put("tdm_sourcedocumenttype", TransactionLinks.INVOICE_LINE_DETAIL);
            row.put("tdm_sourcedocumentid", d.id());
            return row;
        }
    }
}
