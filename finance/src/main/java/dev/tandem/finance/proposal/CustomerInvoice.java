package dev.tandem.finance.proposal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A posted customer invoice as Finance stores it (§5 step 15, §10 item 5): what an invoice document shows. A credit
 * note (a net-negative proposal, §13) has negative amounts throughout.
 *
 * <p>All amounts are in {@code currency}, the proposal's transaction currency, at its minor units (scale 2 for EUR
 * and USD). {@code amountExcludingTax} + {@code taxAmount} = {@code invoiceTotal}, which is what the customer owes
 * and equals the invoice's customer transaction ({@code custtrans.amountcur}). The lines sum to
 * {@code amountExcludingTax} and their tax to {@code taxAmount}.
 *
 * @param invoiceId       the customer invoice number (CUSTOMER_INVOICE number sequence)
 * @param invoiceDate     the proposal's invoice date (the voucher's accounting date may be later, §11 item 20)
 * @param dueDate         as stored on the proposal: invoice date + the customer's payment-term days at arrival
 * @param proposalId      the invoice proposal, which is Project Operations' proforma invoice number
 * @param contractId      the project contract (ProjInvoiceProjId)
 * @param customerAccount the invoice account
 * @param customerName    the invoice account's name in {@code custtable}
 * @param lines           the invoiced lines in import order; lines whose line property is not "to be invoiced"
 *                        are left out, as they are neither totalled nor posted
 * @param voucher         the GL voucher of the posting
 */
public record CustomerInvoice(String invoiceId, LocalDate invoiceDate, LocalDate dueDate, String proposalId,
                              String contractId, String customerAccount, String customerName, String currency,
                              List<Line> lines, BigDecimal amountExcludingTax, BigDecimal taxAmount,
                              BigDecimal invoiceTotal, String voucher, boolean creditNote) {

    public CustomerInvoice {
        lines = List.copyOf(lines);
    }

    /**
     * An invoiced line. {@code quantity} and {@code unitPrice} as stored (scale 6); {@code unitPrice} is
     * {@code null} when the billed actual had none (on-account lines may not). {@code lineAmount} (before tax) and
     * {@code taxAmount} in the invoice currency at its minor units; negative on a credit note.
     *
     * @param categoryId the transaction category (role, expense or item category), {@code null} when none
     */
    public record Line(String description, ProposalLineType type, String categoryId, BigDecimal quantity,
                       BigDecimal unitPrice, BigDecimal lineAmount, BigDecimal taxAmount) {
    }
}
