package dev.tandem.operations.invoicing.retainer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Inputs and read models of retainers and advances (§3.5). Amounts are in the contract's currency, at most the
 * currency's minor units (e.g. 5000.00 USD), stored at scale 6.
 */
public final class RetainerRecords {

    private RetainerRecords() {
    }

    /**
     * A new retainer or advance for one contract customer.
     *
     * @param customerId  the contract customer invoiced for it: the contract's customer or a contract-line customer
     * @param name        description shown on the invoice line detail (≤ 200 characters)
     * @param amount      &gt; 0, in the contract currency, no finer than its minor units
     * @param currency    optional; when given it must be the contract's currency
     * @param invoiceDate the date from which an invoice (dated on or after it) picks the retainer up
     */
    public record RetainerInput(UUID contractId, UUID customerId, RetainerType type, String name, BigDecimal amount,
                                String currency, LocalDate invoiceDate) {
    }

    /**
     * A retainer or advance as the Retainers and Advances grid shows it.
     *
     * @param invoiceId       the invoice that invoices it (a draft while Customer invoice created), else {@code null}
     * @param usedAmount      applied (reconciled) on confirmed invoices
     * @param refundedAmount  refunded on confirmed invoices
     * @param availableAmount amount − used − refunded once invoiced; 0 until then (§3.5)
     * @param reservedAmount  applied on draft invoices or Ready to refund: not yet used, but no longer free to apply
     * @param refundStatus    {@code null} (blank), Ready to refund or Refunded (§4.9)
     * @param refundAmount    the amount Ready to refund; {@code null} otherwise (once Refunded, see refundedAmount)
     */
    public record Retainer(UUID id, UUID contractId, UUID customerId, RetainerType type, String name, BigDecimal amount,
                           String currency, LocalDate invoiceDate, RetainerInvoiceStatus invoiceStatus, UUID invoiceId,
                           BigDecimal usedAmount, BigDecimal refundedAmount, BigDecimal availableAmount,
                           BigDecimal reservedAmount, RefundStatus refundStatus, BigDecimal refundAmount) {
    }

    /**
     * A retainer line detail of one invoice, as the invoice's Advances and Retainers / Applied Retainers and
     * Advances grids show it ([D:RET]).
     *
     * @param deliveredOn     the retainer's invoice date
     * @param usedAmount      what the retainer had used before this invoice
     * @param extendedAmount  what this detail invoices, applies or refunds, as a positive amount (the detail's
     *                        amount is negative for APPLY and REFUND)
     * @param balanceAmount   what stays available after this invoice is confirmed (for INVOICE: the whole amount)
     */
    public record InvoiceRetainer(UUID detailId, UUID invoiceId, UUID retainerId, RetainerRole role, String name,
                                  LocalDate deliveredOn, BigDecimal retainerAmount, BigDecimal usedAmount,
                                  BigDecimal extendedAmount, BigDecimal balanceAmount) {
    }
}
