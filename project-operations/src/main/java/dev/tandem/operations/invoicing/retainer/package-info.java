/**
 * Retainers and advances on project contracts (§3.5, §4.9, §5 step 8, §6, §11 rule 13 of
 * {@code ms-project-invoicing.md}).
 *
 * <p>A retainer (or advance) is recorded on a contract for one contract customer, in the contract's currency, and
 * is marked Ready to invoice. The next invoice of that customer carries it as a line detail (+amount); confirming
 * that invoice creates billed sales of classification Retainer and a negative unbilled sales of the amount, and the
 * amount becomes <i>available</i>. Every later invoice of the customer applies what is available automatically
 * (−amount, up to what the invoice bills); the applied amount is editable on the draft, never above what is
 * available. Confirming reconciles: a positive reversal of the open negative, billed sales of −applied, and a
 * negative of what remains. A refund (Ready to refund ↔ blank → Refunded) is invoiced and reconciled the same way.
 *
 * <p>Entry points: {@link dev.tandem.operations.invoicing.retainer.Retainers} (user actions and reads) and
 * {@link dev.tandem.operations.invoicing.retainer.RetainerInvoicing} (the calls invoice creation and
 * confirmation make). Tables: {@code tdm_retainer}, {@code tdm_retainerdetail} (migration V6).
 */
package dev.tandem.operations.invoicing.retainer;
