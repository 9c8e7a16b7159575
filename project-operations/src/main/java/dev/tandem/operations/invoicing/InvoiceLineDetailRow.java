package dev.tandem.operations.invoicing;

import dev.tandem.common.Ids;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.rows.Audit;
import dev.tandem.operations.rows.EntityField;
import dev.tandem.operations.rows.EntityRows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A full row of the {@code msdyn_invoicelinetransactions} data entity: an invoice line detail (§3.4).
 * {@code quantity} in hours or units; {@code price} per unit, {@code amount}, {@code tax} and
 * {@code previousAmount} in {@code currency} (ISO 4217, the invoice's), amounts rounded to the currency's minor
 * units and stored at scale 6. {@link #ROWS} is the writer's edge: the only place a detail becomes a map.
 */
public record InvoiceLineDetailRow(@EntityField("msdyn_invoicelinetransactionid") UUID id,
                                   @EntityField("msdyn_invoice") UUID invoiceId,
                                   @EntityField("msdyn_invoicelineid") UUID invoiceLineId,
                                   @EntityField("msdyn_salescontract") UUID contractId,
                                   @EntityField("msdyn_salescontractlineid") UUID contractLineId,
                                   @EntityField("msdyn_project") UUID projectId,
                                   @EntityField("msdyn_task") UUID taskId,
                                   @EntityField("msdyn_transactioncategory") UUID categoryId,
                                   @EntityField("msdyn_resourcecategory") UUID roleId,
                                   @EntityField("msdyn_bookableresource") UUID resourceId,
                                   @EntityField("msdyn_product") UUID productId,
                                   @EntityField("msdyn_unit") String unit,
                                   @EntityField("msdyn_quantity") BigDecimal quantity,
                                   @EntityField("msdyn_price") BigDecimal price,
                                   @EntityField("msdyn_amount") BigDecimal amount,
                                   @EntityField("msdyn_tax") BigDecimal tax,
                                   @EntityField("msdyn_billingtype") BillingType billingType,
                                   @EntityField("msdyn_transactiontypecode") TransactionType transactionType,
                                   @EntityField("msdyn_transactionclassification") TransactionClassification classification,
                                   @EntityField("msdyn_correction") boolean correction,
                                   @EntityField("msdyn_originalinvoicelinedetail") UUID originalDetailId,
                                   @EntityField("msdyn_previousamount") BigDecimal previousAmount,
                                   @EntityField("tdm_previousquantity") BigDecimal previousQuantity,
                                   @EntityField("msdyn_documentdate") LocalDate documentDate,
                                   @EntityField("msdyn_description") String description,
                                   @EntityField("msdyn_externaldescription") String externalDescription,
                                   @EntityField("tdm_sourceactual") UUID sourceActualId,
                                   @EntityField("tdm_milestone") UUID milestoneId,
                                   @EntityField("tdm_billedsalesactual") UUID billedSalesActualId,
                                   @EntityField("tdm_manual") boolean manual,
                                   @EntityField("tdm_customer") UUID customerId,
                                   @EntityField("transactioncurrency") String currency,
                                   Audit audit) {

    /** The writer's edge of these rows. */
    public static final EntityRows<InvoiceLineDetailRow> ROWS = EntityRows.of(OperationsDataEntities.INVOICE_LINE_DETAILS,
            InvoiceLineDetailRow.class);

    /**
     * The detail of a corrective invoice that replaces this confirmed one (§6, second table): a copy with a new id
     * on {@code invoiceId}'s line {@code lineId}, quantity, amount and tax 0 (a full credit until edited), this
     * detail as its original with its amount and quantity as the previous ones, and no source or billed actual.
     */
    public InvoiceLineDetailRow fullCredit(UUID invoiceId, UUID lineId, Audit audit) {
        return toBuilder().id(Ids.newId()).invoiceId(invoiceId).invoiceLineId(lineId).quantity(BigDecimal.ZERO)
                .amount(BigDecimal.ZERO).tax(BigDecimal.ZERO).correction(true).originalDetailId(id)
                .previousAmount(amount).previousQuantity(quantity).sourceActualId(null).billedSalesActualId(null)
                .audit(audit).build();
    }

    /** A builder holding this row's values, for a copy that changes some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.invoiceId = invoiceId;
        b.invoiceLineId = invoiceLineId;
        b.contractId = contractId;
        b.contractLineId = contractLineId;
        b.projectId = projectId;
        b.taskId = taskId;
        b.categoryId = categoryId;
        b.roleId = roleId;
        b.resourceId = resourceId;
        b.productId = productId;
        b.unit = unit;
        b.quantity = quantity;
        b.price = price;
        b.amount = amount;
        b.tax = tax;
        b.billingType = billingType;
        b.transactionType = transactionType;
        b.classification = classification;
        b.correction = correction;
        b.originalDetailId = originalDetailId;
        b.previousAmount = previousAmount;
        b.previousQuantity = previousQuantity;
        b.documentDate = documentDate;
        b.description = description;
        b.externalDescription = externalDescription;
        b.sourceActualId = sourceActualId;
        b.milestoneId = milestoneId;
        b.billedSalesActualId = billedSalesActualId;
        b.manual = manual;
        b.customerId = customerId;
        b.currency = currency;
        b.audit = audit;
        return b;
    }

    /** Mutable holder of a InvoiceLineDetailRow's values; {@link #build} makes the record. Unset fields are null (false). */
    public static final class Builder {

        private UUID id;
        private UUID invoiceId;
        private UUID invoiceLineId;
        private UUID contractId;
        private UUID contractLineId;
        private UUID projectId;
        private UUID taskId;
        private UUID categoryId;
        private UUID roleId;
        private UUID resourceId;
        private UUID productId;
        private String unit;
        private BigDecimal quantity;
        private BigDecimal price;
        private BigDecimal amount;
        private BigDecimal tax;
        private BillingType billingType;
        private TransactionType transactionType;
        private TransactionClassification classification;
        private boolean correction;
        private UUID originalDetailId;
        private BigDecimal previousAmount;
        private BigDecimal previousQuantity;
        private LocalDate documentDate;
        private String description;
        private String externalDescription;
        private UUID sourceActualId;
        private UUID milestoneId;
        private UUID billedSalesActualId;
        private boolean manual;
        private UUID customerId;
        private String currency;
        private Audit audit;

        public Builder id(UUID value) {
            this.id = value;
            return this;
        }

        public Builder invoiceId(UUID value) {
            this.invoiceId = value;
            return this;
        }

        public Builder invoiceLineId(UUID value) {
            this.invoiceLineId = value;
            return this;
        }

        public Builder contractId(UUID value) {
            this.contractId = value;
            return this;
        }

        public Builder contractLineId(UUID value) {
            this.contractLineId = value;
            return this;
        }

        public Builder projectId(UUID value) {
            this.projectId = value;
            return this;
        }

        public Builder taskId(UUID value) {
            this.taskId = value;
            return this;
        }

        public Builder categoryId(UUID value) {
            this.categoryId = value;
            return this;
        }

        public Builder roleId(UUID value) {
            this.roleId = value;
            return this;
        }

        public Builder resourceId(UUID value) {
            this.resourceId = value;
            return this;
        }

        public Builder productId(UUID value) {
            this.productId = value;
            return this;
        }

        public Builder unit(String value) {
            this.unit = value;
            return this;
        }

        public Builder quantity(BigDecimal value) {
            this.quantity = value;
            return this;
        }

        public Builder price(BigDecimal value) {
            this.price = value;
            return this;
        }

        public Builder amount(BigDecimal value) {
            this.amount = value;
            return this;
        }

        public Builder tax(BigDecimal value) {
            this.tax = value;
            return this;
        }

        public Builder billingType(BillingType value) {
            this.billingType = value;
            return this;
        }

        public Builder transactionType(TransactionType value) {
            this.transactionType = value;
            return this;
        }

        public Builder classification(TransactionClassification value) {
            this.classification = value;
            return this;
        }

        public Builder correction(boolean value) {
            this.correction = value;
            return this;
        }

        public Builder originalDetailId(UUID value) {
            this.originalDetailId = value;
            return this;
        }

        public Builder previousAmount(BigDecimal value) {
            this.previousAmount = value;
            return this;
        }

        public Builder previousQuantity(BigDecimal value) {
            this.previousQuantity = value;
            return this;
        }

        public Builder documentDate(LocalDate value) {
            this.documentDate = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder externalDescription(String value) {
            this.externalDescription = value;
            return this;
        }

        public Builder sourceActualId(UUID value) {
            this.sourceActualId = value;
            return this;
        }

        public Builder milestoneId(UUID value) {
            this.milestoneId = value;
            return this;
        }

        public Builder billedSalesActualId(UUID value) {
            this.billedSalesActualId = value;
            return this;
        }

        public Builder manual(boolean value) {
            this.manual = value;
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

        public Builder audit(Audit value) {
            this.audit = value;
            return this;
        }

        public InvoiceLineDetailRow build() {
            return new InvoiceLineDetailRow(id, invoiceId, invoiceLineId, contractId, contractLineId, projectId,
                    taskId, categoryId, roleId, resourceId, productId, unit, quantity, price, amount, tax,
                    billingType, transactionType, classification, correction, originalDetailId, previousAmount,
                    previousQuantity, documentDate, description, externalDescription, sourceActualId, milestoneId,
                    billedSalesActualId, manual, customerId, currency, audit);
        }
    }
}
