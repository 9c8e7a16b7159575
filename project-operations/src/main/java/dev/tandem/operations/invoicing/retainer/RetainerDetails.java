package dev.tandem.operations.invoicing.retainer;

import dev.tandem.common.Ids;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.ContractRecords.ContractLine;
import dev.tandem.operations.contracts.Contracts;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.InvoiceLine;
import dev.tandem.operations.invoicing.InvoiceStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Puts retainer line details on a draft invoice. A retainer belongs to the contract, not to a contract line, but
 * every line detail needs an invoice line (§3.3, §3.4): retainer details go on the invoice line of the contract's
 * first line (by line number) that bills the retainer's customer, else of its first line.
 *
 * <p>Each detail has classification Retainer, transaction type Billed Sales, billing type Chargeable (so it counts
 * in the invoice totals) and quantity ±1 with the amount as price: +1 × amount invoices the retainer, −1 × amount
 * applies or refunds it, so amount = quantity × price on every retainer detail and actual.
 */
final class RetainerDetails {

    private final OperationsContext ctx;
    private final Contracts contracts;
    private final InvoiceStore invoices;
    private final RetainerStore store;
    private final List<Map<String, Object>> details = new ArrayList<>();
    private final List<Object[]> links = new ArrayList<>();

    RetainerDetails(OperationsContext ctx, Contracts contracts, InvoiceStore invoices, RetainerStore store) {
        this.ctx = ctx;
        this.contracts = contracts;
        this.invoices = invoices;
        this.store = store;
    }

    /**
     * Adds a detail for {@code retainer} in {@code role} to the batch; {@code amount} is positive.
     *
     * @return the new detail's id
     */
    UUID add(Invoice invoice, RetainerStore.Row retainer, RetainerRole role, BigDecimal amount) {
        ContractLine line = lineFor(retainer);
        UUID invoiceLineId = invoices.lines(invoice.id()).stream().filter(l -> l.contractLineId().equals(line.id()))
                .map(InvoiceLine::id).findFirst().orElseThrow(() -> new IllegalStateException("Invoice "
                        + invoice.number() + " has no line for contract line " + line.id()));
        boolean invoicing = role == RetainerRole.INVOICE;
        UUID id = Ids.newId();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("msdyn_invoicelinetransactionid", id);
        d.put("msdyn_invoice", invoice.id());
        d.put("msdyn_invoicelineid", invoiceLineId);
        d.put("msdyn_salescontract", retainer.contractId());
        d.put("msdyn_salescontractlineid", line.id());
        d.put("msdyn_project", line.projectId());
        d.put("msdyn_quantity", invoicing ? BigDecimal.ONE : BigDecimal.ONE.negate());
        d.put("msdyn_price", amount);
        d.put("msdyn_amount", invoicing ? amount : amount.negate());
        d.put("msdyn_tax", BigDecimal.ZERO);
        d.put("msdyn_billingtype", BillingType.CHARGEABLE.value());
        d.put("msdyn_transactiontypecode", TransactionType.BILLED_SALES.value());
        d.put("msdyn_transactionclassification", TransactionClassification.RETAINER.value());
        d.put("msdyn_correction", false);
        // Invoicing: the retainer's own date; applying or refunding happens on this invoice's date.
        d.put("msdyn_documentdate", invoicing ? retainer.invoiceDate() : invoice.invoiceDate());
        String text = role == RetainerRole.REFUND ? "Refund of " + retainer.name() : retainer.name();
        d.put("msdyn_description", text);
        d.put("msdyn_externaldescription", text);
        d.put("tdm_manual", false);
        d.put("tdm_customer", retainer.customerId());
        d.put("transactioncurrency", retainer.currency());
        d.putAll(ctx.created());
        details.add(d);
        links.add(new Object[] {id, retainer.id(), role.name()});
        return id;
    }

    /** Writes the batch: details through the outbox write path, then their links. */
    void flush() {
        ctx.writer().insert(OperationsDataEntities.INVOICE_LINE_DETAILS, details);
        store.insertLinks(links);
        details.clear();
        links.clear();
    }

    private ContractLine lineFor(RetainerStore.Row retainer) {
        List<ContractLine> lines = contracts.lines(retainer.contractId());
        return lines.stream().filter(l -> contracts.lineCustomers(l.id()).stream()
                        .anyMatch(c -> c.accountId().equals(retainer.customerId())))
                .findFirst().orElse(lines.get(0));
    }
}
