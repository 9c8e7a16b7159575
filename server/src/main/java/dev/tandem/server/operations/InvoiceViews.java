package dev.tandem.server.operations;

import static dev.tandem.server.api.Decimals.plain;

import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.InvoiceLine;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Response shapes of proforma invoices (§3.2–§3.4). Amounts are decimal strings
 * ({@link dev.tandem.server.api.Decimals}) in the invoice's {@code currency}, rounded to its minor units; quantities are
 * hours (time) or units; option fields are {@link Option}s.
 */
final class InvoiceViews {

    private InvoiceViews() {
    }

    /**
     * An invoice header as lists show it (§3.2). {@code detailAmount} is the sum of the chargeable line-detail
     * amounts (on a corrective invoice: new minus previously invoiced, so negative for a credit), {@code totalTax}
     * their tax, {@code totalAmount} both. {@code creditNote} is set at confirmation for a net-negative document;
     * {@code correctedInvoiceId} names the invoice a corrective invoice revises.
     */
    record InvoiceSummaryView(UUID id, String number, String name, String description, UUID contractId,
                              UUID customerId, String currency, LocalDate invoiceDate, Option status,
                              boolean hasCorrections, boolean creditNote, UUID correctedInvoiceId, String detailAmount,
                              String totalTax, String totalAmount, Option bulkConfirmationStatus,
                              String bulkConfirmationDetail) {

        static InvoiceSummaryView of(Invoice i) {
            return new InvoiceSummaryView(i.id(), i.number(), i.name(), i.description(), i.contractId(),
                    i.customerId(), i.currency(), i.invoiceDate(), Option.of(i.status()), i.hasCorrections(),
                    i.creditNote(), i.correctedInvoiceId(), plain(i.detailAmount()), plain(i.totalTax()),
                    plain(i.totalAmount()), Option.of(i.bulkConfirmationStatus()), i.bulkConfirmationDetail());
        }
    }

    /** One invoice with its lines, one per contract line (§3.3), in contract-line order; header as in the list. */
    record InvoiceView(UUID id, String number, String name, String description, UUID contractId, UUID customerId,
                       String currency, LocalDate invoiceDate, Option status, boolean hasCorrections,
                       boolean creditNote, UUID correctedInvoiceId, String detailAmount, String totalTax,
                       String totalAmount, Option bulkConfirmationStatus, String bulkConfirmationDetail,
                       List<InvoiceLineView> lines) {

        static InvoiceView of(Invoice i, List<InvoiceLine> lines) {
            return new InvoiceView(i.id(), i.number(), i.name(), i.description(), i.contractId(), i.customerId(),
                    i.currency(), i.invoiceDate(), Option.of(i.status()), i.hasCorrections(), i.creditNote(),
                    i.correctedInvoiceId(), plain(i.detailAmount()), plain(i.totalTax()), plain(i.totalAmount()),
                    Option.of(i.bulkConfirmationStatus()), i.bulkConfirmationDetail(),
                    lines.stream().map(InvoiceLineView::of).toList());
        }
    }

    /**
     * An invoice line (§3.3): {@code amount} is the sum of its chargeable line details, {@code extendedAmount} that
     * plus {@code tax}. A line exists for every contract line, even with no details (amounts 0).
     */
    record InvoiceLineView(UUID id, UUID contractLineId, String name, Option billingMethod, UUID projectId,
                           String amount, String tax, String extendedAmount) {

        static InvoiceLineView of(InvoiceLine l) {
            return new InvoiceLineView(l.id(), l.contractLineId(), l.name(), Option.of(l.billingMethod()),
                    l.projectId(), plain(l.amount()), plain(l.tax()), plain(l.extendedAmount()));
        }
    }

    /**
     * An invoice line detail (§3.4): bills the unbilled sales actual {@code sourceActualId}, the milestone
     * {@code milestoneId}, or was added by hand ({@code manual}). {@code amount} is quantity × price, rounded;
     * only chargeable details count in the totals. A correction detail ({@code correction}) names the detail it
     * corrects ({@code originalDetailId}) and what was invoiced before ({@code previousQuantity},
     * {@code previousAmount}). {@code billedSalesActualId} is set when the invoice is confirmed.
     */
    record LineDetailView(UUID id, UUID invoiceId, UUID invoiceLineId, UUID contractId, UUID contractLineId,
                          UUID projectId, UUID customerId, Option transactionClassification, Option billingType,
                          String quantity, String price, String amount, String tax, String currency,
                          LocalDate documentDate, boolean correction, UUID originalDetailId, String previousQuantity,
                          String previousAmount, UUID sourceActualId, UUID milestoneId, UUID billedSalesActualId,
                          boolean manual, String description, String externalDescription) {

        static LineDetailView of(LineDetail d) {
            return new LineDetailView(d.id(), d.invoiceId(), d.lineId(), d.contractId(), d.contractLineId(),
                    d.projectId(), d.customerId(), Option.of(d.classification()), Option.of(d.billingType()),
                    plain(d.quantity()), plain(d.price()), plain(d.amount()), plain(d.tax()), d.currency(),
                    d.documentDate(), d.correction(), d.originalDetailId(), plain(d.previousQuantity()),
                    plain(d.previousAmount()), d.sourceActualId(), d.milestoneId(), d.billedSalesActualId(), d.manual(),
                    d.description(), d.externalDescription());
        }
    }

    /** Ids of the invoices a create made or added to. */
    record InvoiceIds(List<UUID> ids) {
    }

    /**
     * What a bulk creation did: the invoices created, and per contract that was skipped, why (its error code and
     * sentence, e.g. {@code NOTHING_TO_INVOICE: There are no past dated transactions …}).
     */
    record BulkView(List<UUID> invoiceIds, Map<UUID, String> skipped) {
    }

    /** How many line details a refresh added. */
    record RefreshView(int added) {
    }

    /** What a confirmation did: the number of actuals it created (§6), and the confirmed invoice. */
    record ConfirmationView(int actualsCreated, InvoiceView invoice) {
    }
}
