package dev.tandem.operations.invoicing;

import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.rows.Audit;
import dev.tandem.operations.rows.EntityField;
import dev.tandem.operations.rows.EntityRows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A full row of the {@code invoices} data entity: a proforma invoice header (§3.2). Totals are roll-ups of its
 * lines in {@code currency} (ISO 4217, the contract's), rounded to the currency's minor units and stored at scale 6;
 * the {@code customerInvoice*} fields are the posted customer invoice Finance writes back (§10 item 5), its amount
 * and tax in {@code currency}. {@code stateCode} is the Dataverse state (0 active). {@link #ROWS} is the writer's
 * edge: the only place a header becomes a map.
 */
public record InvoiceRow(@EntityField("invoiceid") UUID id,
                         @EntityField("invoicenumber") String number,
                         @EntityField("name") String name,
                         @EntityField("description") String description,
                         @EntityField("salesorderid") UUID contractId,
                         @EntityField("customerid") UUID customerId,
                         @EntityField("transactioncurrency") String currency,
                         @EntityField("pricelevelid") UUID priceListId,
                         @EntityField("msdyn_invoicedate") LocalDate invoiceDate,
                         @EntityField("msdyn_projectinvoicestatus") InvoiceStatus status,
                         @EntityField("statecode") Integer stateCode,
                         @EntityField("msdyn_ordertype") OrderType orderType,
                         @EntityField("msdyn_hascorrections") boolean hasCorrections,
                         @EntityField("tdm_iscreditnote") boolean creditNote,
                         @EntityField("tdm_correctedinvoice") UUID correctedInvoiceId,
                         @EntityField("totallineitemamount") BigDecimal totalLineItemAmount,
                         @EntityField("totaltax") BigDecimal totalTax,
                         @EntityField("totalamount") BigDecimal totalAmount,
                         @EntityField("tdm_bulkconfirmationstatus") BulkConfirmationStatus bulkConfirmationStatus,
                         @EntityField("tdm_bulkconfirmationdetail") String bulkConfirmationDetail,
                         @EntityField("tdm_confirmedon") OffsetDateTime confirmedOn,
                         @EntityField("tdm_customerinvoicenumber") String customerInvoiceNumber,
                         @EntityField("tdm_customerinvoicedate") LocalDate customerInvoiceDate,
                         @EntityField("tdm_customerinvoicetax") BigDecimal customerInvoiceTax,
                         @EntityField("tdm_customerinvoiceamount") BigDecimal customerInvoiceAmount,
                         Audit audit) {

    /** The Dataverse state code of an active invoice ({@code statecode}). */
    public static final int ACTIVE = 0;

    /** The writer's edge of these rows. */
    public static final EntityRows<InvoiceRow> ROWS = EntityRows.of(OperationsDataEntities.INVOICES, InvoiceRow.class);

    /** A builder holding this row's values, for a copy that changes some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.number = number;
        b.name = name;
        b.description = description;
        b.contractId = contractId;
        b.customerId = customerId;
        b.currency = currency;
        b.priceListId = priceListId;
        b.invoiceDate = invoiceDate;
        b.status = status;
        b.stateCode = stateCode;
        b.orderType = orderType;
        b.hasCorrections = hasCorrections;
        b.creditNote = creditNote;
        b.correctedInvoiceId = correctedInvoiceId;
        b.totalLineItemAmount = totalLineItemAmount;
        b.totalTax = totalTax;
        b.totalAmount = totalAmount;
        b.bulkConfirmationStatus = bulkConfirmationStatus;
        b.bulkConfirmationDetail = bulkConfirmationDetail;
        b.confirmedOn = confirmedOn;
        b.customerInvoiceNumber = customerInvoiceNumber;
        b.customerInvoiceDate = customerInvoiceDate;
        b.customerInvoiceTax = customerInvoiceTax;
        b.customerInvoiceAmount = customerInvoiceAmount;
        b.audit = audit;
        return b;
    }

    /** Mutable holder of a InvoiceRow's values; {@link #build} makes the record. Unset fields are null (false). */
    public static final class Builder {

        private UUID id;
        private String number;
        private String name;
        private String description;
        private UUID contractId;
        private UUID customerId;
        private String currency;
        private UUID priceListId;
        private LocalDate invoiceDate;
        private InvoiceStatus status;
        private Integer stateCode;
        private OrderType orderType;
        private boolean hasCorrections;
        private boolean creditNote;
        private UUID correctedInvoiceId;
        private BigDecimal totalLineItemAmount;
        private BigDecimal totalTax;
        private BigDecimal totalAmount;
        private BulkConfirmationStatus bulkConfirmationStatus;
        private String bulkConfirmationDetail;
        private OffsetDateTime confirmedOn;
        private String customerInvoiceNumber;
        private LocalDate customerInvoiceDate;
        private BigDecimal customerInvoiceTax;
        private BigDecimal customerInvoiceAmount;
        private Audit audit;

        public Builder id(UUID value) {
            this.id = value;
            return this;
        }

        public Builder number(String value) {
            this.number = value;
            return this;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder contractId(UUID value) {
            this.contractId = value;
            return this;
        }

        public Builder customerId(UUID value) {
            this.customerId = value;
            return this;
        }

        public Builder currency(String value) {
            this.currency = value;
            return this;
        }

        public Builder priceListId(UUID value) {
            this.priceListId = value;
            return this;
        }

        public Builder invoiceDate(LocalDate value) {
            this.invoiceDate = value;
            return this;
        }

        public Builder status(InvoiceStatus value) {
            this.status = value;
            return this;
        }

        public Builder stateCode(Integer value) {
            this.stateCode = value;
            return this;
        }

        public Builder orderType(OrderType value) {
            this.orderType = value;
            return this;
        }

        public Builder hasCorrections(boolean value) {
            this.hasCorrections = value;
            return this;
        }

        public Builder creditNote(boolean value) {
            this.creditNote = value;
            return this;
        }

        public Builder correctedInvoiceId(UUID value) {
            this.correctedInvoiceId = value;
            return this;
        }

        public Builder totalLineItemAmount(BigDecimal value) {
            this.totalLineItemAmount = value;
            return this;
        }

        public Builder totalTax(BigDecimal value) {
            this.totalTax = value;
            return this;
        }

        public Builder totalAmount(BigDecimal value) {
            this.totalAmount = value;
            return this;
        }

        public Builder bulkConfirmationStatus(BulkConfirmationStatus value) {
            this.bulkConfirmationStatus = value;
            return this;
        }

        public Builder bulkConfirmationDetail(String value) {
            this.bulkConfirmationDetail = value;
            return this;
        }

        public Builder confirmedOn(OffsetDateTime value) {
            this.confirmedOn = value;
            return this;
        }

        public Builder customerInvoiceNumber(String value) {
            this.customerInvoiceNumber = value;
            return this;
        }

        public Builder customerInvoiceDate(LocalDate value) {
            this.customerInvoiceDate = value;
            return this;
        }

        public Builder customerInvoiceTax(BigDecimal value) {
            this.customerInvoiceTax = value;
            return this;
        }

        public Builder customerInvoiceAmount(BigDecimal value) {
            this.customerInvoiceAmount = value;
            return this;
        }

        public Builder audit(Audit value) {
            this.audit = value;
            return this;
        }

        public InvoiceRow build() {
            return new InvoiceRow(id, number, name, description, contractId, customerId, currency, priceListId,
                    invoiceDate, status, stateCode, orderType, hasCorrections, creditNote, correctedInvoiceId,
                    totalLineItemAmount, totalTax, totalAmount, bulkConfirmationStatus, bulkConfirmationDetail,
                    confirmedOn, customerInvoiceNumber, customerInvoiceDate, customerInvoiceTax,
                    customerInvoiceAmount, audit);
        }
    }
}
