package dev.tandem.operations.invoicing.retainer;

/**
 * What an invoice line detail does with a retainer (stored in {@code tdm_retainerdetail.tdm_role}).
 * <ul>
 * <li>{@link #INVOICE}: invoices the retainer itself, +amount (§6 "Invoicing an advance/retainer").</li>
 * <li>{@link #APPLY}: applies (reconciles) part of the available amount, −amount (§5 step 8, §6 reconciling).</li>
 * <li>{@link #REFUND}: refunds part of the available amount to the customer, −amount (§4.9).</li>
 * </ul>
 */
public enum RetainerRole {
    INVOICE,
    APPLY,
    REFUND
}
