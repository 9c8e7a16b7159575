package dev.tandem.operations.invoicing.retainer;

import static dev.tandem.operations.OperationsError.RETAINER_OVER_AVAILABLE;
import static dev.tandem.operations.OperationsError.RETAINER_OVER_INVOICE;
import static dev.tandem.operations.OperationsError.RETAINER_STATE;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.actuals.ActualRow;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.ConnectionRole;
import dev.tandem.operations.actuals.TransactionLinks;
import dev.tandem.operations.contracts.ContractRecords.Contract;
import dev.tandem.operations.contracts.ContractRecords.ContractLine;
import dev.tandem.operations.contracts.Contracts;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Confirms the retainer line details of an invoice, inside the invoice's confirmation transaction (§6 first table):
 * <ul>
 * <li><b>Invoicing a retainer</b>: billed sales of classification Retainer for its amount and a negative unbilled
 * sales of the amount; the retainer becomes Customer invoice posted and its amount available.</li>
 * <li><b>Applying or refunding</b> (per retainer, all its details on the invoice together): a positive reversal of
 * the open negative unbilled sales, billed sales of −amount per detail, and — when something stays available — a
 * negative unbilled sales of the remaining amount (partial reconciliation); none when nothing stays (full). Used
 * (apply) or refunded (refund) amount rises by the details' amounts; a refund makes the retainer Refunded (§4.9).</li>
 * </ul>
 * The retainers are locked and the rules re-checked first: applied and refunded ≤ available, applied ≤ what the
 * invoice bills (§11 rule 13). A refused confirmation writes nothing.
 */
final class RetainerConfirmation {

    private final OperationsContext ctx;
    private final Contracts contracts;
    private final RetainerStore store;

    RetainerConfirmation(OperationsContext ctx, Contracts contracts, RetainerStore store) {
        this.ctx = ctx;
        this.contracts = contracts;
        this.store = store;
    }

    /** @return the number of actuals created */
    int confirm(Invoice invoice, List<LineDetail> retainerDetails) {
        if (retainerDetails.isEmpty()) {
            return 0;
        }
        Map<UUID, RetainerStore.Link> links = new LinkedHashMap<>();
        store.invoiceLinks(invoice.id()).forEach(l -> links.put(l.detailId(), l));
        Map<UUID, List<LineDetail>> byRetainer = new LinkedHashMap<>();
        for (LineDetail d : retainerDetails) {
            RetainerStore.Link link = links.get(d.id());
            if (link == null) {
                throw new IllegalStateException("Retainer line detail " + d.id() + " has no retainer");
            }
            byRetainer.computeIfAbsent(link.retainerId(), k -> new ArrayList<>()).add(d);
        }
        List<RetainerStore.Row> retainers = store.lock(byRetainer.keySet());
        check(invoice, retainers, byRetainer, links);

        Run run = new Run(invoice, contracts.contract(invoice.contractId()));
        for (RetainerStore.Row r : retainers) {
            List<LineDetail> details = byRetainer.get(r.id());
            for (LineDetail d : details) {
                if (links.get(d.id()).role() == RetainerRole.INVOICE) {
                    run.invoice(r, d);
                }
            }
            List<LineDetail> consuming = details.stream().filter(d -> links.get(d.id()).role() != RetainerRole.INVOICE
                    && d.amount().signum() != 0).toList();
            if (!consuming.isEmpty()) {
                run.reconcile(r, consuming, links);
            }
        }
        return run.finish();
    }

    private void check(Invoice invoice, List<RetainerStore.Row> retainers, Map<UUID, List<LineDetail>> byRetainer,
                       Map<UUID, RetainerStore.Link> links) {
        BigDecimal applied = BigDecimal.ZERO;
        for (RetainerStore.Row r : retainers) {
            BigDecimal consumed = BigDecimal.ZERO;
            for (LineDetail d : byRetainer.get(r.id())) {
                RetainerStore.Link link = links.get(d.id());
                if (link.role() == RetainerRole.INVOICE) {
                    if (r.status() != RetainerInvoiceStatus.READY_TO_INVOICE) {
                        throw new TandemException(RETAINER_STATE, "Retainer '" + r.name() + "' is " + r.status().label()
                                + "; a retainer is invoiced once", Map.of("retainerId", r.id().toString()));
                    }
                    continue;
                }
                if (!r.invoiced()) {
                    throw new TandemException(RETAINER_STATE, "Retainer '" + r.name() + "' is " + r.status().label()
                            + "; only an invoiced retainer can be applied or refunded (§3.5)",
                            Map.of("retainerId", r.id().toString()));
                }
                if (link.role() == RetainerRole.REFUND
                        && (!r.readyToRefund() || link.consumes().compareTo(r.refundAmount()) != 0)) {
                    // The refund detail and the Ready to refund amount always agree; refuse a stale detail.
                    throw new TandemException(RETAINER_STATE, "Retainer '" + r.name() + "' is "
                            + (r.refundStatus() == null ? "not Ready to refund" : r.refundStatus().label())
                            + "; invoice " + invoice.number() + " can't refund "
                            + RetainerRules.amount(link.consumes(), r.currency())
                            + " of it (§4.9)", Map.of("retainerId", r.id().toString()));
                }
                consumed = consumed.add(link.consumes());
                if (link.role() == RetainerRole.APPLY) {
                    applied = applied.add(link.consumes());
                }
            }
            if (consumed.compareTo(r.available()) > 0) {
                throw RetainerRules.overAvailable(r, BigDecimal.ZERO, consumed, "invoice " + invoice.number());
            }
        }
        BigDecimal billable = store.billableAmount(invoice.id());
        if (applied.compareTo(billable) > 0) {
            String currency = invoice.currency();
            throw new TandemException(RETAINER_OVER_INVOICE, "Invoice " + invoice.number() + " applies "
                    + RetainerRules.amount(applied, currency) + " " + currency + " of retainers but bills only "
                    + RetainerRules.amount(billable, currency) + "; lower the applied amounts (applied retainers "
                    + "reduce an invoice to zero, never below)", Map.of("invoiceId", invoice.id().toString(),
                    "applied", RetainerRules.amount(applied, currency), "billable",
                    RetainerRules.amount(billable, currency), "currency", currency));
        }
    }

    /** Collects the actuals, links and retainer changes of one confirmation, then writes them. */
    private final class Run {

        private final Invoice invoice;
        private final RetainerActuals actuals;
        private final TransactionLinks links = new TransactionLinks(ctx);
        private final List<ActualRow> created = new ArrayList<>();
        private final List<UUID> reconciled = new ArrayList<>();
        private final Map<UUID, Map<String, Object>> retainerChanges = new LinkedHashMap<>();
        private final Map<UUID, UUID> billedByDetail = new LinkedHashMap<>();

        Run(Invoice invoice, Contract contract) {
            this.invoice = invoice;
            this.actuals = new RetainerActuals(ctx, invoice, contract);
        }

        /** §6 "Invoicing an advance/retainer". */
        void invoice(RetainerStore.Row r, LineDetail d) {
            ContractLine line = contracts.line(d.contractLineId());
            ActualRow billed = actuals.billed(line, d, r);
            ActualRow negative = actuals.negativeUnbilled(line, d, r, r.amount());
            add(d, billed, negative);
            links.connect(billed.id(), ConnectionRole.BILLED_SALES, negative.id(),
                    ConnectionRole.UNBILLED_SALES);
            billedByDetail.put(d.id(), billed.id());
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("tdm_invoicestatus", RetainerInvoiceStatus.CUSTOMER_INVOICE_POSTED.value());
            change.put("tdm_invoice", invoice.id());
            change.put("tdm_openunbilled", negative.id());
            retainerChanges.put(r.id(), change);
        }

        /** §6 "Fully reconciling" / "Partially reconciling", for applying and refunding alike. */
        void reconcile(RetainerStore.Row r, List<LineDetail> consuming, Map<UUID, RetainerStore.Link> detailLinks) {
            if (r.openUnbilledId() == null) {
                throw new IllegalStateException("Retainer " + r.id() + " has " + r.available()
                        + " available but no open negative unbilled sales");
            }
            UUID openId = r.openUnbilledId();
            ActualRow open = ActualRow.ROWS.read(ctx.writer(), List.of(openId)).get(0);
            LineDetail first = consuming.get(0);
            ActualRow reversal = actuals.reversal(open);
            add(first, reversal);
            links.connect(reversal.id(), ConnectionRole.REVERSING, openId, ConnectionRole.ORIGINAL);
            reconciled.add(openId);
            BigDecimal used = BigDecimal.ZERO;
            BigDecimal refunded = BigDecimal.ZERO;
            for (LineDetail d : consuming) {
                ActualRow billed = actuals.billed(contracts.line(d.contractLineId()), d, r);
                add(d, billed);
                links.connect(billed.id(), ConnectionRole.BILLED_SALES, openId,
                        ConnectionRole.UNBILLED_SALES);
                billedByDetail.put(d.id(), billed.id());
                if (detailLinks.get(d.id()).role() == RetainerRole.REFUND) {
                    refunded = refunded.add(d.amount().negate());
                } else {
                    used = used.add(d.amount().negate());
                }
            }
            BigDecimal remaining = r.available().subtract(used).subtract(refunded);
            UUID stillOpen = null;
            if (remaining.signum() > 0) {
                ActualRow rest = actuals.negativeUnbilled(contracts.line(first.contractLineId()), first, r,
                        remaining);
                add(first, rest);
                links.connect(rest.id(), ConnectionRole.REPLACING, openId, ConnectionRole.ORIGINAL);
                stillOpen = rest.id();
            }
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("tdm_usedamount", r.used().add(used));
            change.put("tdm_refundedamount", r.refunded().add(refunded));
            change.put("tdm_openunbilled", stillOpen);
            if (refunded.signum() > 0) {
                change.put("tdm_refundstatus", RefundStatus.REFUNDED.value());
                change.put("tdm_refundamount", null);
            }
            retainerChanges.put(r.id(), change);
        }

        int finish() {
            ActualRow.ROWS.insert(ctx.writer(), created);
            Map<String, Object> posted = new LinkedHashMap<>();
            posted.put("msdyn_billingstatus", BillingStatus.CUSTOMER_INVOICE_POSTED.value());
            posted.putAll(ctx.modified());
            ctx.writer().update(OperationsDataEntities.ACTUALS, reconciled, posted);
            links.flush();
            retainerChanges.forEach(store::update);
            store.setBilledSales(billedByDetail);
            return created.size();
        }

        private void add(LineDetail d, ActualRow... rows) {
            for (ActualRow row : rows) {
                created.add(row);
                links.origin(d.id(), TransactionLinks.INVOICE_LINE_DETAIL, row.id());
                links.origin(invoice.id(), "invoice", row.id());
            }
        }
    }
}
