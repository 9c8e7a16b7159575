package dev.tandem.operations.invoicing.retainer;

import dev.tandem.common.Ids;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.ContractRecords.ContractLine;
import dev.tandem.operations.contracts.Contracts;
import dev.tandem.operations.invoicing.InvoiceLineDetailRow;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.InvoiceLine;
import dev.tandem.operations.invoicing.InvoiceStore;
import dev.tandem.operations.rows.Audit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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
    private final List<InvoiceLineDetailRow> details = new ArrayList<>();
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
        String text = role == RetainerRole.REFUND ? "Refund of " + retainer.name() : retainer.name();
        details.add(new InvoiceLineDetailRow.Builder()
                .id(id)
                .invoiceId(invoice.id())
                .invoiceLineId(invoiceLineId)
                .contractId(retainer.contractId())
                .contractLineId(line.id())
                .projectId(line.projectId())
                .quantity(invoicing ? BigDecimal.ONE : BigDecimal.ONE.negate())
                .price(amount)
                .amount(invoicing ? amount : amount.negate())
                .tax(BigDecimal.ZERO)
                .billingType(BillingType.CHARGEABLE)
                .transactionType(TransactionType.BILLED_SALES)
                .classification(TransactionClassification.RETAINER)
                .correction(false)
                // Invoicing: the retainer's own date; applying or refunding happens on this invoice's date.
                .documentDate(invoicing ? retainer.invoiceDate() : invoice.invoiceDate())
                .description(text)
                .externalDescription(text)
                .manual(false)
                .customerId(retainer.customerId())
                .currency(retainer.currency())
                .audit(Audit.created(ctx))
                .build());
        links.add(new Object[] {id, retainer.id(), role.name()});
        return id;
    }

    /** Writes the batch: details through the outbox write path, then their links. */
    void flush() {
        InvoiceLineDetailRow.ROWS.insert(ctx.writer(), details);
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
