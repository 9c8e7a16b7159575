package dev.tandem.server.operations;

import static dev.tandem.server.api.Decimals.plain;

import dev.tandem.operations.invoicing.retainer.RetainerRecords.InvoiceRetainer;
import dev.tandem.operations.invoicing.retainer.RetainerRecords.Retainer;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Response shapes of retainers and advances (§3.5, §4.9, §11 rule 13). Amounts are decimal strings
 * ({@link dev.tandem.server.api.Decimals}) in the retainer's {@code currency}, the contract's, at its minor units;
 * option fields are {@link Option}s.
 */
final class RetainerViews {

    private RetainerViews() {
    }

    /**
     * A retainer or advance as the Retainers and Advances grid shows it. {@code availableAmount} = amount − used −
     * refunded once invoiced, 0 before (§3.5); {@code reservedAmount} is what drafts apply plus what is Ready to
     * refund (not free for anything else); {@code invoiceId} is the invoice that invoices it (a draft while
     * Customer invoice created); {@code refundStatus} is {@code null} (blank), Ready to refund or Refunded, with
     * {@code refundAmount} while Ready to refund (§4.9).
     */
    record RetainerView(UUID id, UUID contractId, UUID customerId, Option type, String name, String amount,
                        String currency, LocalDate invoiceDate, Option invoiceStatus, UUID invoiceId,
                        String usedAmount, String refundedAmount, String availableAmount, String reservedAmount,
                        Option refundStatus, String refundAmount) {

        static RetainerView of(Retainer r) {
            return new RetainerView(r.id(), r.contractId(), r.customerId(), Option.of(r.type()), r.name(),
                    plain(r.amount()), r.currency(), r.invoiceDate(), Option.of(r.invoiceStatus()), r.invoiceId(),
                    plain(r.usedAmount()), plain(r.refundedAmount()), plain(r.availableAmount()),
                    plain(r.reservedAmount()), Option.of(r.refundStatus()), plain(r.refundAmount()));
        }
    }

    /**
     * A retainer line detail of an invoice. {@code role}: {@code INVOICE} (invoices the retainer, +amount),
     * {@code APPLY} (applies part of what is available, −amount; its extended amount is editable on a draft) or
     * {@code REFUND} (−amount). {@code extendedAmount} is what the detail invoices, applies or refunds, as a positive
     * amount; {@code usedAmount} what the retainer had used before; {@code balanceAmount} what stays available once
     * the invoice is confirmed (for {@code INVOICE}: the whole amount).
     */
    record InvoiceRetainerView(UUID detailId, UUID invoiceId, UUID retainerId, String role, String name,
                               LocalDate deliveredOn, String retainerAmount, String usedAmount, String extendedAmount,
                               String balanceAmount) {

        static InvoiceRetainerView of(InvoiceRetainer r) {
            return new InvoiceRetainerView(r.detailId(), r.invoiceId(), r.retainerId(), r.role().name(), r.name(),
                    r.deliveredOn(), plain(r.retainerAmount()), plain(r.usedAmount()), plain(r.extendedAmount()),
                    plain(r.balanceAmount()));
        }
    }

    /**
     * What a Refund did: the retainer, now Ready to refund, and the refund's line detail on the draft named in the
     * request ({@code null} when the refund waits for the customer's next invoice).
     */
    record RefundView(UUID refundDetailId, RetainerView retainer) {
    }
}
