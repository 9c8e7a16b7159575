package dev.tandem.operations.invoicing;

import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.contracts.BillingMethod;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Read models of proforma invoices (§3.2–§3.4). Amounts are in the invoice's currency, at scale 6, rounded to
 * the currency's minor units; quantities in hours or units.
 */
public final class InvoiceRecords {

    private InvoiceRecords() {
    }

    /**
     * A proforma invoice header. {@code detailAmount} is the sum of the chargeable line-detail amounts (for a
     * corrective invoice, the net of new minus previously invoiced amounts), {@code totalAmount} that plus tax.
     */
    public record Invoice(UUID id, String number, String name, String description, UUID contractId, UUID customerId,
                          String currency, LocalDate invoiceDate, InvoiceStatus status, boolean hasCorrections,
                          boolean creditNote, UUID correctedInvoiceId, BigDecimal detailAmount, BigDecimal totalTax,
                          BigDecimal totalAmount, BulkConfirmationStatus bulkConfirmationStatus, String bulkConfirmationDetail) {

        static Invoice map(ResultSet rs, int n) throws SQLException {
            return of(InvoiceRow.ROWS.fromResultSet(rs));
        }

        /** The read model of a full header row; the currency code without the padding of its CHAR(3) column. */
        public static Invoice of(InvoiceRow r) {
            return new Invoice(r.id(), r.number(), r.name(), r.description(), r.contractId(), r.customerId(),
                    r.currency().trim(), r.invoiceDate(), r.status(), r.hasCorrections(), r.creditNote(),
                    r.correctedInvoiceId(), r.totalLineItemAmount(), r.totalTax(), r.totalAmount(),
                    r.bulkConfirmationStatus(), r.bulkConfirmationDetail());
        }
    }

    /** An invoice line: one per contract line. {@code amount} = chargeable details, {@code extendedAmount} = + tax. */
    public record InvoiceLine(UUID id, UUID invoiceId, UUID contractLineId, String name, BillingMethod billingMethod,
                              UUID projectId, BigDecimal amount, BigDecimal tax, BigDecimal extendedAmount) {

        static InvoiceLine map(ResultSet rs, int n) throws SQLException {
            InvoiceLineRow r = InvoiceLineRow.ROWS.fromResultSet(rs);
            return new InvoiceLine(r.id(), r.invoiceId(), r.contractLineId(), r.name(), r.billingMethod(), r.projectId(),
                    r.baseAmount(), r.tax(), r.extendedAmount());
        }
    }

    /**
     * An invoice line detail. It bills one unbilled sales actual ({@code sourceActualId}), one milestone
     * ({@code milestoneId}), or was added by hand ({@code manual}); a correction detail points at the detail it
     * corrects and carries what was invoiced before.
     */
    public record LineDetail(UUID id, UUID invoiceId, UUID lineId, UUID contractId, UUID contractLineId, UUID projectId,
                             UUID customerId, TransactionClassification classification, BillingType billingType,
                             BigDecimal quantity, BigDecimal price, BigDecimal amount, BigDecimal tax, String currency,
                             LocalDate documentDate, boolean correction, UUID originalDetailId, BigDecimal previousAmount,
                             BigDecimal previousQuantity, UUID sourceActualId, UUID milestoneId, UUID billedSalesActualId,
                             boolean manual, String description, String externalDescription) {

        static LineDetail map(ResultSet rs, int n) throws SQLException {
            return of(InvoiceLineDetailRow.ROWS.fromResultSet(rs));
        }

        /** The read model of a full detail row; the currency code without the padding of its CHAR(3) column. */
        public static LineDetail of(InvoiceLineDetailRow r) {
            return new LineDetail(r.id(), r.invoiceId(), r.invoiceLineId(), r.contractId(), r.contractLineId(),
                    r.projectId(), r.customerId(), r.classification(), r.billingType(), r.quantity(), r.price(),
                    r.amount(), r.tax(), r.currency().trim(), r.documentDate(), r.correction(), r.originalDetailId(),
                    r.previousAmount(), r.previousQuantity(), r.sourceActualId(), r.milestoneId(),
                    r.billedSalesActualId(), r.manual(), r.description(), r.externalDescription());
        }
    }

    /**
     * A line detail added by hand to a draft ([D:ADD], §6 "Manually added ILD"): {@code quantity} hours or units at
     * {@code price} per unit in the invoice currency; {@code tax} optional. Role, category and product are optional
     * references for the invoice text and the actuals.
     */
    public record ManualDetailInput(UUID contractLineId, TransactionClassification classification, LocalDate date,
                                    BigDecimal quantity, BigDecimal price, BigDecimal tax,
                                    dev.tandem.operations.actuals.BillingType billingType, UUID roleId, UUID categoryId,
                                    UUID productId, String description, String externalDescription) {
    }

    /**
     * Changes to a draft invoice line detail; {@code null} fields are left as they are. Which fields a detail
     * accepts depends on its line's billing method (§3.4).
     */
    public record DetailEdit(BillingType billingType, BigDecimal quantity, BigDecimal price, BigDecimal tax,
                             String description, String externalDescription,
                             TransactionClassification transactionClassification) {

        public static DetailEdit quantity(BigDecimal quantity) {
            return new DetailEdit(null, quantity, null, null, null, null, null);
        }
    }
}
