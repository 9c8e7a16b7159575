package dev.tandem.server.reconcile;

import dev.tandem.operations.invoicing.InvoiceStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

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

    /** {@code projproposaljour.status} of a posted proposal (ProjLinePropertyCode Invoiced). */
    private static final int INVOICED = 3;

    private final JdbcTemplate operations;
    private final JdbcTemplate finance;

    ProposalPerInvoice(JdbcTemplate operations, JdbcTemplate finance) {
        this.operations = operations;
        this.finance = finance;
    }

    private record Confirmed(int status, String customerInvoice) {
    }

    private record Proposal(String dataAreaId, int status, String customerInvoice) {
    }

    InvariantResult check() {
        Tally tally = new Tally(2, NAME);
        Map<String, Confirmed> invoices = new LinkedHashMap<>();
        operations.query("SELECT invoicenumber, msdyn_projectinvoicestatus, tdm_customerinvoicenumber FROM invoice"
                + " WHERE msdyn_projectinvoicestatus IN (" + InvoiceStatus.CONFIRMED.value() + ", "
                + InvoiceStatus.POSTED.value() + ", " + InvoiceStatus.INVOICE_PAID.value() + ")", rs -> {
                    invoices.put(rs.getString(1), new Confirmed(rs.getInt(2), rs.getString(3)));
                });
        Map<String, Proposal> proposals = new LinkedHashMap<>();
        finance.query("SELECT proposalid, dataareaid, status, projinvoiceid FROM projproposaljour", rs -> {
            proposals.put(rs.getString(1), new Proposal(rs.getString(2), rs.getInt(3), rs.getString(4)));
        });
        TreeSet<String> numbers = new TreeSet<>(invoices.keySet());
        numbers.addAll(proposals.keySet());
        tally.checked(numbers.size());
        for (String number : numbers) {
            Confirmed invoice = invoices.get(number);
            Proposal proposal = proposals.get(number);
            if (proposal == null) {
                tally.violation("confirmed proforma invoice " + number + " has no invoice proposal in Finance");
            } else if (invoice == null) {
                tally.violation("invoice proposal " + number + " (" + proposal.dataAreaId() + ") has no confirmed "
                        + "proforma invoice " + number + " in Project Operations");
            } else if (invoice.status() == InvoiceStatus.POSTED.value() && (proposal.status() != INVOICED
                    || !Objects.equals(proposal.customerInvoice(), invoice.customerInvoice()))) {
                tally.violation("proforma invoice " + number + " is Posted as customer invoice "
                        + invoice.customerInvoice() + " but its invoice proposal is " + (proposal.status() == INVOICED
                        ? "posted as " + proposal.customerInvoice() : "not posted (status " + proposal.status() + ")"));
            }
        }
        return tally.result();
    }
}
