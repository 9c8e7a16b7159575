package dev.tandem.server.reconcile;

import dev.tandem.finance.proposal.ProposalStatus;
import dev.tandem.finance.reconcile.FinanceReconciliation;
import dev.tandem.finance.reconcile.FinanceReconciliation.ProposalState;
import dev.tandem.operations.invoicing.InvoiceStatus;
import dev.tandem.operations.reconcile.OperationsReconciliation;
import dev.tandem.operations.reconcile.OperationsReconciliation.ConfirmedInvoice;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * DESIGN §4 invariant 2, across both databases: every confirmed proforma invoice (Confirmed, Posted or Invoice Paid,
 * spec §4.1) has exactly one invoice proposal with the same number in Finance ({@code projproposaljour.proposalid}
 * = {@code invoice.invoicenumber}, §3.9, §7.3), and no proposal exists without a confirmed invoice. Both numbers are
 * keys of their tables, so "exactly one" means "one": a duplicate can't be stored, only a missing or stray row.
 * An invoice Finance posted (status Posted, written back by the msdyn_customerinvoices map, §10 item 5) must also
 * find its proposal Invoiced under the same customer invoice number.
 *
 * <p>{@code checked} counts the distinct numbers on either side; each missing, stray or disagreeing one is a
 * violation naming the invoice number.
 */
final class ProposalPerInvoice {

    static final String NAME = "confirmed invoice = one invoice proposal";

    private final OperationsReconciliation operations;
    private final FinanceReconciliation finance;

    ProposalPerInvoice(OperationsReconciliation operations, FinanceReconciliation finance) {
        this.operations = operations;
        this.finance = finance;
    }

    InvariantResult check() {
        Tally tally = new Tally(2, NAME);
        Map<String, ConfirmedInvoice> invoices = new LinkedHashMap<>();
        operations.confirmedInvoices().forEach(i -> invoices.put(i.invoiceNumber(), i));
        Map<String, ProposalState> proposals = new LinkedHashMap<>();
        finance.proposals().forEach(p -> proposals.put(p.proposalId(), p));
        TreeSet<String> numbers = new TreeSet<>(invoices.keySet());
        numbers.addAll(proposals.keySet());
        tally.checked(numbers.size());
        for (String number : numbers) {
            ConfirmedInvoice invoice = invoices.get(number);
            ProposalState proposal = proposals.get(number);
            if (proposal == null) {
                tally.violation("confirmed proforma invoice " + number + " has no invoice proposal in Finance");
            } else if (invoice == null) {
                tally.violation("invoice proposal " + number + " (" + proposal.dataAreaId() + ") has no confirmed "
                        + "proforma invoice " + number + " in Project Operations");
            } else if (invoice.status() == InvoiceStatus.POSTED && (proposal.status() != ProposalStatus.INVOICED
                    || !Objects.equals(proposal.customerInvoiceId(), invoice.customerInvoiceNumber()))) {
                tally.violation("proforma invoice " + number + " is Posted as customer invoice "
                        + invoice.customerInvoiceNumber() + " but its invoice proposal is "
                        + (proposal.status() == ProposalStatus.INVOICED ? "posted as " + proposal.customerInvoiceId()
                        : "not posted (status " + proposal.status().value() + ")"));
            }
        }
        return tally.result();
    }
}
