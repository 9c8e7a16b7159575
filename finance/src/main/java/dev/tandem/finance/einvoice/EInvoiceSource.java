package dev.tandem.finance.einvoice;

import dev.tandem.finance.einvoice.EInvoicingSetup.Buyer;
import dev.tandem.finance.einvoice.EInvoicingSetup.Seller;
import dev.tandem.finance.proposal.CustomerInvoice;
import dev.tandem.finance.proposal.ProposalLineType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything Finance knows of one posted customer invoice or credit note that its e-invoice (Peppol BIS Billing 3.0,
 * EN 16931) shows, read in one go by {@link EInvoiceSources#of}: the invoice as posted, both parties, the exchange
 * rate of the posting, the invoiced lines with their VAT category and rate, and for a credit note the invoice it
 * corrects.
 *
 * <p>Amounts are Finance's as posted, in {@code invoice.currency()} at its minor units (scale 2 for EUR and USD),
 * negative on a credit note; nothing here is rounded again.
 *
 * @param sellerName         the legal entity's name (BT-27)
 * @param accountingCurrency the legal entity's accounting currency (BT-6 when it differs from the invoice's)
 * @param exchangeRate       1 invoice currency in the accounting currency, as the posting used it
 *                           ({@code custtrans.exchrate}); 1 when the currencies are the same
 * @param paymentTermDays    the customer's payment terms in days (BT-20 text)
 * @param lines              the invoiced lines ({@code tobeinvoiced}), in import order
 * @param correctedInvoiceId for a credit note, the customer invoice whose billed sales it reverses (BT-25); else null
 * @param correctedInvoiceDate that invoice's date (BT-26), or null
 */
public record EInvoiceSource(CustomerInvoice invoice, String sellerName, Seller seller, Buyer buyer,
                             String accountingCurrency, BigDecimal exchangeRate, int paymentTermDays, List<Line> lines,
                             String correctedInvoiceId, LocalDate correctedInvoiceDate) {

    public EInvoiceSource {
        lines = List.copyOf(lines);
    }

    /**
     * An invoiced line with its VAT classification. {@code quantity} and {@code unitPrice} as stored (scale 6; hours
     * for time), {@code unitPrice} null when the billed actual had none; {@code lineAmount} and {@code taxAmount} in the
     * invoice currency at its minor units, negative on a credit note.
     *
     * @param vatCategory     UNCL5305 code (BT-151): the sales tax code's category, or the buyer's for an untaxed line
     * @param vatRate         percent (BT-152), e.g. 19 (scale as stored, up to 4 decimals); 0 for an untaxed line
     * @param exemptionCode   VATEX code of the category's exemption reason (BT-121), or null
     * @param exemptionReason exemption reason text (BT-120), or null
     * @param contractLineName the contract line's description as Finance has it from Project Operations
     *                         ({@code projcontractline}), or null when the line has none or it isn't synced
     * @param person           the bookable resource of the billed actual ({@code bookableresourcename} of its
     *                         staging row), or null (fees, milestones, materials without one)
     */
    public record Line(String lineTransId, ProposalLineType type, LocalDate transDate, String projectId,
                       UUID contractLine, String categoryId, String description, BigDecimal quantity,
                       BigDecimal unitPrice, BigDecimal lineAmount, BigDecimal taxAmount, String vatCategory,
                       BigDecimal vatRate, String exemptionCode, String exemptionReason, String contractLineName,
                       String person) {
    }
}
