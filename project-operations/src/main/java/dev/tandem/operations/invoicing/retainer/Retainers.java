package dev.tandem.operations.invoicing.retainer;

import static dev.tandem.operations.OperationsError.CURRENCY_MISMATCH;
import static dev.tandem.operations.OperationsError.INVALID_INPUT;
import static dev.tandem.operations.OperationsError.RETAINER_STATE;

import dev.tandem.common.Ids;
import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.contracts.ContractRecords.Contract;
import dev.tandem.operations.contracts.ContractRecords.ContractLine;
import dev.tandem.operations.contracts.Contracts;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceStore;
import dev.tandem.operations.invoicing.retainer.RetainerRecords.InvoiceRetainer;
import dev.tandem.operations.invoicing.retainer.RetainerRecords.Retainer;
import dev.tandem.operations.invoicing.retainer.RetainerRecords.RetainerInput;
import dev.tandem.operations.masterdata.MasterData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Retainers and advances on a project contract (§3.5, §4.9, §11 rule 13): define them, mark them Ready to invoice,
 * change the amount applied on a draft, Refund and Cancel refund, and read them with their available amount. How
 * they reach invoices and actuals: {@link RetainerInvoicing}.
 *
 * <p>Amounts are in the contract's currency, no finer than its minor units. <b>Available</b> = amount − used −
 * refunded once the retainer is invoiced, 0 before (§3.5). What drafts apply and what is Ready to refund is
 * <b>reserved</b>: not yet used, but nothing else may take it, so two drafts never spend the same money. Every
 * refusal is a {@link TandemException} naming the retainer, the invoice and the rule, and writes nothing.
 */
public final class Retainers {

    private final OperationsContext ctx;
    private final Contracts contracts;
    private final InvoiceStore invoices;
    private final RetainerStore store;
    private final RetainerActions actions;

    public Retainers(OperationsContext ctx, Contracts contracts, InvoiceStore invoices) {
        this.ctx = ctx;
        this.contracts = contracts;
        this.invoices = invoices;
        this.store = new RetainerStore(ctx);
        this.actions = new RetainerActions(ctx, contracts, invoices, store);
    }

    /**
     * Records a retainer or advance on a contract (draft or confirmed) for one of its customers, Not ready to
     * invoice.
     *
     * @return the new retainer's id
     * @throws TandemException INVALID_INPUT (missing field, amount ≤ 0 or finer than the currency's minor units,
     *                         account not a customer of the contract); CURRENCY_MISMATCH (not the contract currency);
     *                         NOT_FOUND (contract, account)
     */
    public UUID create(RetainerInput in) {
        if (in == null || in.contractId() == null || in.customerId() == null || in.type() == null
                || in.invoiceDate() == null || in.amount() == null || in.name() == null || in.name().isBlank()) {
            throw new TandemException(INVALID_INPUT, "A retainer needs a contract, a customer, a type, a name, "
                    + "an amount and an invoice date");
        }
        if (in.name().length() > 200) {
            throw new TandemException(INVALID_INPUT, "Retainer name '" + in.name().substring(0, 40)
                    + "…' is longer than 200 characters");
        }
        return ctx.inTransaction(() -> {
            Contract contract = contracts.contract(in.contractId());
            String what = "Retainer '" + in.name() + "' of contract " + contract.contractNumber();
            if (in.currency() != null) {
                MasterData.currency(in.currency());
                if (!in.currency().equals(contract.currency())) {
                    throw new TandemException(CURRENCY_MISMATCH, what + " is in " + in.currency()
                            + "; a retainer is in the contract's currency, " + contract.currency(),
                            Map.of("currency", in.currency(), "contractCurrency", contract.currency()));
                }
            }
            if (in.amount().signum() <= 0) {
                throw new TandemException(INVALID_INPUT, what + ": the amount must be more than 0",
                        Map.of("amount", in.amount().toPlainString()));
            }
            RetainerRules.requireMinorUnits(in.amount(), contract.currency(), what);
            ctx.requireExists("account", "accountid", in.customerId(), "account");
            if (!isCustomer(contract, in.customerId())) {
                throw new TandemException(INVALID_INPUT, what + ": account " + in.customerId()
                        + " is not a customer of the contract (its customer or a contract-line customer)",
                        Map.of("customerId", in.customerId().toString()));
            }
            UUID id = Ids.newId();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("tdm_retainerid", id);
            row.put("tdm_name", in.name());
            row.put("salesorderid", contract.id());
            row.put("tdm_customer", in.customerId());
            row.put("tdm_type", in.type().value());
            row.put("tdm_amount", in.amount());
            row.put("transactioncurrency", contract.currency());
            row.put("tdm_invoicedate", in.invoiceDate());
            row.put("tdm_invoicestatus", RetainerInvoiceStatus.NOT_READY_TO_INVOICE.value());
            row.put("tdm_usedamount", BigDecimal.ZERO);
            row.put("tdm_refundedamount", BigDecimal.ZERO);
            row.putAll(ctx.created());
            store.insert(row);
            return id;
        });
    }

    /**
     * Marks retainers Ready to invoice ({@code ready = true}) or back to Not ready. All or nothing.
     *
     * @throws TandemException RETAINER_STATE once a retainer is on a draft invoice or invoiced; NOT_FOUND
     */
    public void markReady(List<UUID> retainerIds, boolean ready) {
        if (retainerIds == null || retainerIds.isEmpty()) {
            throw new TandemException(INVALID_INPUT, "No retainers given");
        }
        ctx.inTransaction(() -> {
            List<UUID> ids = List.copyOf(retainerIds);
            List<RetainerStore.Row> rows = store.lock(ids);
            if (rows.size() != ids.stream().distinct().count()) {
                ids.forEach(store::row); // names the unknown id
            }
            List<RetainerStore.Link> drafts = store.draftLinks(ids);
            for (RetainerStore.Row r : rows) {
                requireNotInvoicing(r, drafts, "marked " + (ready ? "Ready" : "Not ready") + " to invoice");
            }
            RetainerInvoiceStatus status = ready ? RetainerInvoiceStatus.READY_TO_INVOICE
                    : RetainerInvoiceStatus.NOT_READY_TO_INVOICE;
            rows.forEach(r -> store.update(r.id(), Map.of("tdm_invoicestatus", status.value())));
        });
    }

    /** Deletes a retainer that was never invoiced and is on no invoice. @throws TandemException RETAINER_STATE */
    public void delete(UUID retainerId) {
        ctx.inTransaction(() -> {
            RetainerStore.Row r = store.lock(retainerId);
            requireNotInvoicing(r, store.draftLinks(List.of(retainerId)), "deleted");
            store.delete(retainerId);
        });
    }

    /** @throws TandemException NOT_FOUND naming the retainer id */
    public Retainer retainer(UUID retainerId) {
        RetainerStore.Row r = store.row(retainerId);
        return view(r, store.draftLinks(List.of(r.id())));
    }

    /** The retainers and advances of a contract, by customer and invoice date. */
    public List<Retainer> retainers(UUID contractId) {
        List<RetainerStore.Row> rows = store.rowsOfContract(contractId);
        List<RetainerStore.Link> drafts = store.draftLinks(rows.stream().map(RetainerStore.Row::id).toList());
        return rows.stream().map(r -> view(r, drafts)).toList();
    }

    /**
     * The retainer line details of an invoice (invoiced, applied and refunded retainers), in the order they were
     * added. Used amount and balance are the retainer's as of now.
     *
     * @throws TandemException NOT_FOUND naming the invoice id
     */
    public List<InvoiceRetainer> onInvoice(UUID invoiceId) {
        Invoice invoice = invoices.invoice(invoiceId);
        List<RetainerStore.Link> links = store.invoiceLinks(invoiceId);
        List<InvoiceRetainer> out = new ArrayList<>();
        for (RetainerStore.Link l : links) {
            RetainerStore.Row r = store.row(l.retainerId());
            // On a draft the balance is what stays after it is confirmed; once confirmed, it is already taken.
            BigDecimal thisInvoice = !invoice.status().editable() ? BigDecimal.ZERO : links.stream()
                    .filter(o -> o.retainerId().equals(r.id())).map(RetainerStore.Link::consumes)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean invoicing = l.role() == RetainerRole.INVOICE;
            out.add(new InvoiceRetainer(l.detailId(), invoiceId, r.id(), l.role(), r.name(), r.invoiceDate(),
                    r.amount(), r.used(), invoicing ? l.amount() : l.consumes(),
                    invoicing ? r.amount() : r.available().subtract(thisInvoice)));
        }
        return out;
    }

    /**
     * Changes the extended amount of an applied retainer on a draft (§3.4 modern invoicing: "applied advances
     * extended amount" is editable). {@code amount} is what to apply, ≥ 0; 0 applies nothing.
     *
     * @throws TandemException FIELD_NOT_EDITABLE for a detail that does not apply a retainer (a retainer's own
     *                         detail is not editable, §3.4); INVOICE_READ_ONLY; INVALID_INPUT; RETAINER_OVER_AVAILABLE
     *                         above what the retainer has free (§11 rule 13); RETAINER_OVER_INVOICE when the
     *                         invoice's applied retainers would exceed what it bills; NOT_FOUND
     */
    public InvoiceRetainer editApplied(UUID detailId, BigDecimal amount) {
        return ctx.inTransaction(() -> {
            UUID invoiceId = actions.editApplied(detailId, amount);
            return onInvoice(invoiceId).stream().filter(v -> v.detailId().equals(detailId)).findFirst()
                    .orElseThrow();
        });
    }

    /**
     * "Refund" (§4.9): marks {@code amount} of an invoiced retainer Ready to refund. The refund is invoiced as a
     * REFUND line detail (−amount) on draft {@code invoiceId} when given, else on the contract customer's next
     * invoice; confirming that invoice makes the retainer Refunded and lowers its available amount.
     *
     * @param invoiceId a draft of the retainer's contract customer, or {@code null}
     * @return the refund detail's id when it went onto a draft, else {@code null}
     * @throws TandemException INVOICE_READ_ONLY on a confirmed or paid invoice (§11 rule 13); RETAINER_STATE when the
     *                         retainer is not invoiced, already Ready to refund or Refunded; RETAINER_OVER_AVAILABLE
     *                         above the available balance less what drafts apply (§11 rule 13); INVALID_INPUT;
     *                         NOT_FOUND
     */
    public UUID refund(UUID retainerId, BigDecimal amount, UUID invoiceId) {
        return ctx.inTransaction(() -> actions.refund(retainerId, amount, invoiceId));
    }

    /**
     * "Cancel refund" (§4.9): the refund status is blank again, and the refund detail leaves the draft it is on.
     *
     * @throws TandemException INVOICE_READ_ONLY once the refund's invoice is confirmed (§11 rule 13: refund actions
     *                         are unavailable on confirmed invoices); RETAINER_STATE when nothing is Ready to refund;
     *                         NOT_FOUND
     */
    public void cancelRefund(UUID retainerId) {
        ctx.inTransaction(() -> actions.cancelRefund(retainerId));
    }

    private Retainer view(RetainerStore.Row r, List<RetainerStore.Link> drafts) {
        RetainerStore.Link invoicing = drafts.stream().filter(l -> l.retainerId().equals(r.id())
                && l.role() == RetainerRole.INVOICE).findFirst().orElse(null);
        RetainerInvoiceStatus status = invoicing != null ? RetainerInvoiceStatus.CUSTOMER_INVOICE_CREATED : r.status();
        UUID invoiceId = invoicing != null ? invoicing.invoiceId() : r.invoiceId();
        return new Retainer(r.id(), r.contractId(), r.customerId(), r.type(), r.name(), r.amount(), r.currency(),
                r.invoiceDate(), status, invoiceId, r.used(), r.refunded(), r.available(), r.reserved(drafts, null),
                r.refundStatus(), r.refundAmount());
    }

    private void requireNotInvoicing(RetainerStore.Row r, List<RetainerStore.Link> drafts, String action) {
        if (r.invoiced()) {
            throw new TandemException(RETAINER_STATE, "Retainer '" + r.name() + "' is " + r.status().label()
                    + "; only a retainer not yet invoiced can be " + action,
                    Map.of("retainerId", r.id().toString(), "invoiceStatus", r.status().label()));
        }
        for (RetainerStore.Link l : drafts) {
            if (l.retainerId().equals(r.id()) && l.role() == RetainerRole.INVOICE) {
                throw new TandemException(RETAINER_STATE, "Retainer '" + r.name() + "' is on draft invoice "
                        + invoices.invoice(l.invoiceId()).number() + " ("
                        + RetainerInvoiceStatus.CUSTOMER_INVOICE_CREATED.label()
                        + "); remove it from the draft before it can be " + action,
                        Map.of("retainerId", r.id().toString(), "invoiceId", l.invoiceId().toString()));
            }
        }
    }

    private boolean isCustomer(Contract contract, UUID accountId) {
        if (contract.customerId().equals(accountId)) {
            return true;
        }
        for (ContractLine line : contracts.lines(contract.id())) {
            if (contracts.lineCustomers(line.id()).stream().anyMatch(c -> c.accountId().equals(accountId))) {
                return true;
            }
        }
        return false;
    }
}
