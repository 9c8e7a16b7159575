package dev.tandem.operations.invoicing;

import static dev.tandem.operations.OperationsError.INVOICE_STATUS;

import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.actuals.ActualRow;
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
import dev.tandem.operations.rows.Audit;
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

    /** Line details read and written at once ({@link InvoiceCreation#CHUNK}). */
    static final int CHUNK = InvoiceCreation.CHUNK;

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
            // Details that invoice, apply or refund a retainer have their own §6 rows (RetainerInvoicing).
            int retainerActuals = retainers.confirm(invoice,
                    store.details(invoiceId, TransactionClassification.RETAINER));
            // The details are read, turned into actuals and written CHUNK at a time (issue 13: memory bounded by
            // the chunk, not the invoice). A corrective invoice writes once at the end instead: the unbilled sales
            // it credits back are evaluated against the not-to-exceed limits before any of its new actuals exist.
            boolean writeEachChunk = invoice.correctedInvoiceId() == null;
            LineDetail last = null;
            do {
                List<LineDetail> page = store.detailsAfter(invoiceId, last, CHUNK);
                run.loadActuals(page);
                for (LineDetail d : page) {
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
                if (writeEachChunk) {
                    run.write();
                }
                last = page.size() < CHUNK ? null : page.getLast();
            } while (last != null);
            return run.finish() + retainerActuals;
        });
    }

    /** One confirmation: collects new actuals, updates and links, then writes them in batches. */
    private final class Run {

        private final Invoice invoice;
        private final Contract contract;
        private final Audit audit = Audit.created(ctx);
        private final TransactionLinks links = new TransactionLinks(ctx);
        private final List<ActualRow> created = new ArrayList<>();
        /** Positions in {@link #created} of the unbilled sales credited back to the backlog, evaluated for NTE last. */
        private final List<Integer> backlog = new ArrayList<>();
        private final Map<String, List<UUID>> updates = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> updateValues = new HashMap<>();
        private final Map<UUID, ActualRow> actualRows = new HashMap<>();
        /** Actuals written so far by {@link #write}. */
        private int written;
        private final Map<UUID, UUID> billedByDetail = new LinkedHashMap<>();
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
            ActualRow.ROWS.read(ctx.writer(), ids).forEach(r -> actualRows.put(r.id(), r));
        }

        /** An invoiced unbilled sales actual: unchanged, or replaced at the detail's quantity, price and type. */
        void unbilled(LineDetail d) {
            ActualRow original = actualRows.get(d.sourceActualId());
            UUID originalId = d.sourceActualId();
            BigDecimal q0 = original.quantity();
            BigDecimal p0 = original.price();
            boolean unchanged = q0.compareTo(d.quantity()) == 0 && p0.compareTo(d.price()) == 0
                    && original.billingType() == d.billingType();
            if (unchanged) {
                ActualRow reversal = original.reversal(null, true, audit)
                        .onInvoice(BillingStatus.CUSTOMER_INVOICE_POSTED, invoice.id());
                ActualRow billed = billed(original, q0, p0, original.amount(), d.billingType());
                add(d, reversal, billed);
                links.connect(reversal.id(), ConnectionRole.REVERSING, originalId, ConnectionRole.ORIGINAL);
                links.connect(billed.id(), ConnectionRole.BILLED_SALES, originalId, ConnectionRole.UNBILLED_SALES);
                update(originalId, "msdyn_billingstatus", BillingStatus.CUSTOMER_INVOICE_POSTED.value());
                billedByDetail.put(d.id(), billed.id());
                return;
            }
            // Changed on the draft: the original is reversed and replaced by what the detail invoices (§6). Unlike
            // the reversal that pairs with billed sales (§7.4 Skip Sync: the subledger marks the original invoiced
            // instead), this reversal adjusts the original away: nothing will bill the original, so Finance must see
            // the reversal to take the original's WIP and accrued revenue back out (§9). It syncs whenever the
            // original did.
            ActualRow reversal = original.reversal(AdjustmentStatus.UNADJUSTABLE, original.skipSync(), audit)
                    .onInvoice(BillingStatus.CUSTOMER_INVOICE_POSTED, invoice.id());
            add(d, reversal);
            links.connect(reversal.id(), ConnectionRole.REVERSING, originalId, ConnectionRole.ORIGINAL);
            update(originalId, "msdyn_adjustmentstatus", AdjustmentStatus.ADJUSTED.value(),
                    "msdyn_billingstatus", BillingStatus.CUSTOMER_INVOICE_POSTED.value());
            billedByDetail.put(d.id(), invoicedReplacement(d, original, originalId, d.quantity(), d.price(), d.amount(),
                    d.billingType()));
            if (d.quantity().compareTo(q0) < 0) {
                // The remainder is billed non-chargeable (§6). At the original price its amount is what is left of
                // the original amount, so the two parts sum to the original to the cent.
                BigDecimal rest = q0.subtract(d.quantity());
                BigDecimal restAmount = d.price().compareTo(p0) == 0
                        ? original.amount().subtract(d.amount())
                        : Money.round(rest.multiply(d.price()), invoice.currency());
                invoicedReplacement(d, original, originalId, rest, d.price(), restAmount, BillingType.NON_CHARGEABLE);
            }
        }

        /** New unbilled sales for an invoiced quantity, its reversal and its billed sales; returns the billed sales. */
        private UUID invoicedReplacement(LineDetail d, ActualRow template, UUID replaced, BigDecimal quantity,
                                         BigDecimal price, BigDecimal amount, BillingType type) {
            ActualRow unbilled = template.replacement(TransactionType.UNBILLED_SALES, quantity, price, amount, type,
                    BillingStatus.CUSTOMER_INVOICE_POSTED, audit).onInvoice(BillingStatus.CUSTOMER_INVOICE_POSTED,
                    invoice.id());
            ActualRow reversal = unbilled.reversal(null, true, audit)
                    .onInvoice(BillingStatus.CUSTOMER_INVOICE_POSTED, invoice.id());
            ActualRow billed = billed(template, quantity, price, amount, type);
            add(d, unbilled, reversal, billed);
            if (replaced != null) {
                links.connect(unbilled.id(), ConnectionRole.REPLACING, replaced, ConnectionRole.ORIGINAL);
            }
            links.connect(reversal.id(), ConnectionRole.REVERSING, unbilled.id(), ConnectionRole.ORIGINAL);
            links.connect(billed.id(), ConnectionRole.BILLED_SALES, unbilled.id(), ConnectionRole.UNBILLED_SALES);
            return billed.id();
        }

        /** A milestone: billed sales for its amount, no unbilled sales (§6). */
        void milestone(LineDetail d) {
            ActualRow billed = billed(template(d, TransactionClassification.MILESTONE, AmountMethod.FIXED_PRICE),
                    d.quantity(), d.price(), d.amount(), d.billingType()).toBuilder()
                    .sourceDocumentType("msdyn_contractlinescheduleofvalue").sourceDocumentId(d.milestoneId()).build();
            add(d, billed);
            postedMilestones.add(d.milestoneId());
            billedByDetail.put(d.id(), billed.id());
        }

        /** A line detail added by hand: on a T&M line unbilled + reversal + billed, on a fixed-price line billed only. */
        void manual(LineDetail d) {
            ContractLine line = contracts.line(d.contractLineId());
            ActualRow template = template(d, d.classification(), AmountMethod.MULTIPLY_QUANTITY_BY_PRICE);
            if (line.billingMethod() == BillingMethod.TIME_AND_MATERIAL) {
                billedByDetail.put(d.id(), invoicedReplacement(d, template, null, d.quantity(), d.price(), d.amount(),
                        d.billingType()));
            } else {
                ActualRow billed = billed(template, d.quantity(), d.price(), d.amount(), d.billingType());
                add(d, billed);
                billedByDetail.put(d.id(), billed.id());
            }
        }

        /** A detail of a corrective invoice (§6, second table). */
        void correction(LineDetail d) {
            LineDetail original = store.detail(d.originalDetailId());
            ActualRow billed = actualRows.get(original.billedSalesActualId());
            UUID billedId = original.billedSalesActualId();
            BigDecimal before = billed.quantity();
            BigDecimal beforeAmount = billed.amount();
            if (original.milestoneId() == null && d.quantity().compareTo(before) == 0
                    && d.amount().compareTo(beforeAmount) == 0) {
                // Invoiced as before: nothing to correct; the billed sales is no longer In Process.
                update(billedId, "msdyn_adjustmentstatus", null);
                return;
            }
            ActualRow reversal = billed.reversal(AdjustmentStatus.UNADJUSTABLE, false, audit).onInvoice(null, invoice.id());
            add(d, reversal);
            links.connect(reversal.id(), ConnectionRole.REVERSING, billedId, ConnectionRole.ORIGINAL);
            update(billedId, "msdyn_adjustmentstatus", AdjustmentStatus.ADJUSTED.value());
            if (original.milestoneId() != null) {
                creditedMilestones.add(original.milestoneId());
                return;
            }
            BigDecimal price = billed.price();
            BillingType type = billed.billingType();
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
                ActualRow back = billed.replacement(TransactionType.UNBILLED_SALES, rest, price, restAmount, restType,
                        BillingStatus.UNBILLED_SALES_CREATED, audit).onInvoice(BillingStatus.UNBILLED_SALES_CREATED, null);
                backlog.add(created.size());
                created.add(back);
                links.connect(back.id(), ConnectionRole.REPLACING, billedId, ConnectionRole.ORIGINAL);
                links.origin(d.id(), TransactionLinks.INVOICE_LINE_DETAIL, back.id());
            }
        }

        /**
         * Writes what the details read so far made: the updates of existing actuals, then the new actuals (the
         * unbilled sales credited back evaluated against the limits after the credited billed sales stopped
         * counting), their links, and each detail's billed sales; then forgets it all.
         */
        void write() {
            for (var entry : updates.entrySet()) {
                Map<String, Object> values = new LinkedHashMap<>(updateValues.get(entry.getKey()));
                values.putAll(ctx.modified());
                ctx.writer().update(OperationsDataEntities.ACTUALS, entry.getValue(), values);
            }
            // Unbilled sales back in the backlog are evaluated against the limits after the credited billed sales
            // stopped counting (the updates above).
            List<ActualRow> evaluated = nte.evaluateNew(backlog.stream().map(created::get).toList());
            for (int i = 0; i < backlog.size(); i++) {
                created.set(backlog.get(i), evaluated.get(i));
            }
            ActualRow.ROWS.insert(ctx.writer(), created);
            links.flush();
            Map<UUID, Map<String, Object>> detailValues = new LinkedHashMap<>();
            billedByDetail.forEach((detail, billed) -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("tdm_billedsalesactual", billed);
                v.putAll(ctx.modified());
                detailValues.put(detail, v);
            });
            ctx.writer().updateEach(OperationsDataEntities.INVOICE_LINE_DETAILS, detailValues);
            written += created.size();
            created.clear();
            backlog.clear();
            updates.clear();
            updateValues.clear();
            billedByDetail.clear();
            actualRows.clear();
        }

        /** Writes what is left ({@link #write}), the milestones' status, totals and header; answers the actuals created. */
        int finish() {
            write();
            Map<String, Object> posted = new LinkedHashMap<>();
            posted.put("msdyn_invoicestatus", MilestoneInvoiceStatus.CUSTOMER_INVOICE_POSTED.value());
            posted.putAll(ctx.modified());
            ctx.writer().update(OperationsDataEntities.MILESTONES, postedMilestones, posted);
            Map<String, Object> ready = new LinkedHashMap<>();
            ready.put("msdyn_invoicestatus", MilestoneInvoiceStatus.READY_FOR_INVOICING.value());
            ready.put("msdyn_invoice", null);
            ready.putAll(ctx.modified());
            ctx.writer().update(OperationsDataEntities.MILESTONES, creditedMilestones, ready);
            store.recalculate(invoice.id());
            Invoice totals = store.invoice(invoice.id());
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("msdyn_projectinvoicestatus", InvoiceStatus.CONFIRMED.value());
            header.put("tdm_confirmedon", ctx.now());
            header.put("tdm_iscreditnote", totals.totalAmount().signum() < 0);
            header.putAll(ctx.modified());
            ctx.writer().update(OperationsDataEntities.INVOICES, List.of(invoice.id()), header);
            return written;
        }

        private ActualRow billed(ActualRow template, BigDecimal quantity, BigDecimal price, BigDecimal amount,
                                 BillingType type) {
            return template.billed(quantity, price, amount, type, invoice.id(), invoice.invoiceDate(), audit);
        }

        private void add(LineDetail d, ActualRow... actuals) {
            for (ActualRow a : actuals) {
                created.add(a);
                links.origin(d.id(), TransactionLinks.INVOICE_LINE_DETAIL, a.id());
                links.origin(invoice.id(), INVOICE, a.id());
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
        private ActualRow template(LineDetail d, TransactionClassification classification, AmountMethod method) {
            return DetailActuals.template(contract, contracts.line(d.contractLineId()), d, invoice.customerId(),
                            invoice.currency(), classification, method,
                            classification == TransactionClassification.TIME ? "hour" : "each")
                    .sourceDocumentType(TransactionLinks.INVOICE_LINE_DETAIL)
                    .sourceDocumentId(d.id())
                    .build();
        }
    }
}
