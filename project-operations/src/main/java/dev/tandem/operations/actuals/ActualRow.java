package dev.tandem.operations.actuals;

import dev.tandem.common.Ids;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.rows.Audit;
import dev.tandem.operations.rows.EntityField;
import dev.tandem.operations.rows.EntityRows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A full row of the {@code msdyn_actuals} data entity (§3.1): the one list of an actual's fields, each component
 * naming its field. {@code quantity} is in hours (time) or units; {@code price} per unit and {@code amount} are in
 * {@code currency} (ISO 4217, the contract's for sales, the contracting unit's for cost), the amount rounded to the
 * currency's minor units and stored at scale 6. {@code accountingAmount} and {@code salesTaxAmount} are Finance's
 * write-back (§10), in the legal entity's accounting currency and in {@code currency}. Option fields are
 * {@code null} when unset.
 *
 * <p>The named copy methods build the rows of §6 (and §4.3): {@link #reversal}, {@link #replacement},
 * {@link #billed}; each is a new actual with a new id, not-to-exceed Not Applicable, no accounting details.
 * {@link #ROWS} is the writer's edge: the only place an actual becomes a map.
 */
public record ActualRow(@EntityField("msdyn_actualid") UUID id,
                        @EntityField("msdyn_description") String description,
                        @EntityField("msdyn_externaldescription") String externalDescription,
                        @EntityField("msdyn_transactiontypecode") TransactionType transactionType,
                        @EntityField("msdyn_transactionclassification") TransactionClassification classification,
                        @EntityField("msdyn_billingstatus") BillingStatus billingStatus,
                        @EntityField("msdyn_billingtype") BillingType billingType,
                        @EntityField("msdyn_adjustmentstatus") AdjustmentStatus adjustmentStatus,
                        @EntityField("msdyn_amountmethod") AmountMethod amountMethod,
                        @EntityField("msdyn_quantity") BigDecimal quantity,
                        @EntityField("msdyn_price") BigDecimal price,
                        @EntityField("msdyn_amount") BigDecimal amount,
                        @EntityField("transactioncurrency") String currency,
                        @EntityField("exchangerate") BigDecimal exchangeRate,
                        @EntityField("msdyn_exchangeratedate") LocalDate exchangeRateDate,
                        @EntityField("msdyn_documentdate") LocalDate documentDate,
                        @EntityField("msdyn_accountingdate") LocalDate accountingDate,
                        @EntityField("msdyn_startdatetime") LocalDate startDate,
                        @EntityField("msdyn_enddatetime") LocalDate endDate,
                        @EntityField("msdyn_project") UUID projectId,
                        @EntityField("msdyn_task") UUID taskId,
                        @EntityField("msdyn_salescontract") UUID contractId,
                        @EntityField("msdyn_salescontractlineid") UUID contractLineId,
                        @EntityField("msdyn_accountcustomer") UUID customerId,
                        @EntityField("msdyn_customertype") CustomerType customerType,
                        @EntityField("msdyn_bookableresource") UUID resourceId,
                        @EntityField("msdyn_resourcecategory") UUID roleId,
                        @EntityField("msdyn_resourceorganizationalunitid") UUID resourcingUnitId,
                        @EntityField("msdyn_contractorganizationalunitid") UUID contractingUnitId,
                        @EntityField("msdyn_transactioncategory") UUID categoryId,
                        @EntityField("msdyn_product") UUID productId,
                        @EntityField("msdyn_unit") String unit,
                        @EntityField("msdyn_pricelist") UUID priceListId,
                        @EntityField("msdyn_invoice") UUID invoiceId,
                        @EntityField("msdyn_isjournalized") boolean journalized,
                        @EntityField("msdyn_externalreferenceid") String externalReferenceId,
                        @EntityField("tdm_ntestatus") NteStatus nteStatus,
                        @EntityField("tdm_ntedetail") String nteDetail,
                        @EntityField("tdm_skipsync") boolean skipSync,
                        @EntityField("tdm_sourcedocumenttype") String sourceDocumentType,
                        @EntityField("tdm_sourcedocumentid") UUID sourceDocumentId,
                        @EntityField("tdm_accountingamount") BigDecimal accountingAmount,
                        @EntityField("tdm_vouchernumber") String voucherNumber,
                        @EntityField("tdm_salestaxamount") BigDecimal salesTaxAmount,
                        Audit audit) {

    /** The writer's edge of actuals. */
    public static final EntityRows<ActualRow> ROWS = EntityRows.of(OperationsDataEntities.ACTUALS, ActualRow.class);

    /**
     * A copy with a new id and {@code audit}: not-to-exceed Not Applicable until someone evaluates it, no
     * accounting details (voucher, accounting amount, sales tax), not journalized.
     */
    public Builder copy(Audit audit) {
        return toBuilder().id(Ids.newId()).nteStatus(NteStatus.NOT_APPLICABLE).nteDetail(null).accountingAmount(null)
                .voucherNumber(null).salesTaxAmount(null).journalized(false).audit(audit);
    }

    /**
     * A reversal (§4.3, §6): the negated quantity and amount of this actual.
     *
     * @param adjustmentStatus {@code null} or Unadjustable
     * @param skipSync         true for the negative unbilled sales of a confirmation that pair with billed sales
     *                         (§7.4: not synced); false for a reversal Finance must book, such as the reversal of an
     *                         original replaced on a draft (§6) or of a canceled approval
     */
    public ActualRow reversal(AdjustmentStatus adjustmentStatus, boolean skipSync, Audit audit) {
        return copy(audit).quantity(quantity.negate()).amount(amount.negate()).adjustmentStatus(adjustmentStatus)
                .skipSync(skipSync).build();
    }

    /**
     * An actual of {@code type} like this one with the given quantity, unit price and amount (in {@code currency},
     * rounded), billing type and status (§6: the replacing unbilled sales of a changed detail, the credited rest
     * back in the backlog); not adjusted, synced.
     */
    public ActualRow replacement(TransactionType type, BigDecimal quantity, BigDecimal price, BigDecimal amount,
                                 BillingType billingType, BillingStatus billingStatus, Audit audit) {
        return copy(audit).transactionType(type).quantity(quantity).price(price).amount(amount).billingType(billingType)
                .billingStatus(billingStatus).adjustmentStatus(null).skipSync(false).build();
    }

    /**
     * The billed sales of an invoiced quantity (§6): like this one, on {@code invoiceId}, accounted on the invoice
     * date, with no billing status.
     */
    public ActualRow billed(BigDecimal quantity, BigDecimal price, BigDecimal amount, BillingType billingType,
                            UUID invoiceId, LocalDate invoiceDate, Audit audit) {
        return replacement(TransactionType.BILLED_SALES, quantity, price, amount, billingType, null, audit).toBuilder()
                .invoiceId(invoiceId).accountingDate(invoiceDate).build();
    }

    /** This row on {@code invoiceId} with {@code status} ({@code null}: none). */
    public ActualRow onInvoice(BillingStatus status, UUID invoiceId) {
        return toBuilder().billingStatus(status).invoiceId(invoiceId).build();
    }

    /** This row with its not-to-exceed evaluation (§4.5). */
    public ActualRow withNte(NteStatus status, String detail) {
        return toBuilder().nteStatus(status).nteDetail(detail).build();
    }

    /** A builder holding this row's values, for a copy that changes some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.description = description;
        b.externalDescription = externalDescription;
        b.transactionType = transactionType;
        b.classification = classification;
        b.billingStatus = billingStatus;
        b.billingType = billingType;
        b.adjustmentStatus = adjustmentStatus;
        b.amountMethod = amountMethod;
        b.quantity = quantity;
        b.price = price;
        b.amount = amount;
        b.currency = currency;
        b.exchangeRate = exchangeRate;
        b.exchangeRateDate = exchangeRateDate;
        b.documentDate = documentDate;
        b.accountingDate = accountingDate;
        b.startDate = startDate;
        b.endDate = endDate;
        b.projectId = projectId;
        b.taskId = taskId;
        b.contractId = contractId;
        b.contractLineId = contractLineId;
        b.customerId = customerId;
        b.customerType = customerType;
        b.resourceId = resourceId;
        b.roleId = roleId;
        b.resourcingUnitId = resourcingUnitId;
        b.contractingUnitId = contractingUnitId;
        b.categoryId = categoryId;
        b.productId = productId;
        b.unit = unit;
        b.priceListId = priceListId;
        b.invoiceId = invoiceId;
        b.journalized = journalized;
        b.externalReferenceId = externalReferenceId;
        b.nteStatus = nteStatus;
        b.nteDetail = nteDetail;
        b.skipSync = skipSync;
        b.sourceDocumentType = sourceDocumentType;
        b.sourceDocumentId = sourceDocumentId;
        b.accountingAmount = accountingAmount;
        b.voucherNumber = voucherNumber;
        b.salesTaxAmount = salesTaxAmount;
        b.audit = audit;
        return b;
    }

    /** Mutable holder of a ActualRow's values; {@link #build} makes the record. Unset fields are null (false). */
    public static final class Builder {

        private UUID id;
        private String description;
        private String externalDescription;
        private TransactionType transactionType;
        private TransactionClassification classification;
        private BillingStatus billingStatus;
        private BillingType billingType;
        private AdjustmentStatus adjustmentStatus;
        private AmountMethod amountMethod;
        private BigDecimal quantity;
        private BigDecimal price;
        private BigDecimal amount;
        private String currency;
        private BigDecimal exchangeRate;
        private LocalDate exchangeRateDate;
        private LocalDate documentDate;
        private LocalDate accountingDate;
        private LocalDate startDate;
        private LocalDate endDate;
        private UUID projectId;
        private UUID taskId;
        private UUID contractId;
        private UUID contractLineId;
        private UUID customerId;
        private CustomerType customerType;
        private UUID resourceId;
        private UUID roleId;
        private UUID resourcingUnitId;
        private UUID contractingUnitId;
        private UUID categoryId;
        private UUID productId;
        private String unit;
        private UUID priceListId;
        private UUID invoiceId;
        private boolean journalized;
        private String externalReferenceId;
        private NteStatus nteStatus;
        private String nteDetail;
        private boolean skipSync;
        private String sourceDocumentType;
        private UUID sourceDocumentId;
        private BigDecimal accountingAmount;
        private String voucherNumber;
        private BigDecimal salesTaxAmount;
        private Audit audit;

        public Builder id(UUID value) {
            this.id = value;
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

        public Builder transactionType(TransactionType value) {
            this.transactionType = value;
            return this;
        }

        public Builder classification(TransactionClassification value) {
            this.classification = value;
            return this;
        }

        public Builder billingStatus(BillingStatus value) {
            this.billingStatus = value;
            return this;
        }

        public Builder billingType(BillingType value) {
            this.billingType = value;
            return this;
        }

        public Builder adjustmentStatus(AdjustmentStatus value) {
            this.adjustmentStatus = value;
            return this;
        }

        public Builder amountMethod(AmountMethod value) {
            this.amountMethod = value;
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

        public Builder currency(String value) {
            this.currency = value;
            return this;
        }

        public Builder exchangeRate(BigDecimal value) {
            this.exchangeRate = value;
            return this;
        }

        public Builder exchangeRateDate(LocalDate value) {
            this.exchangeRateDate = value;
            return this;
        }

        public Builder documentDate(LocalDate value) {
            this.documentDate = value;
            return this;
        }

        public Builder accountingDate(LocalDate value) {
            this.accountingDate = value;
            return this;
        }

        public Builder startDate(LocalDate value) {
            this.startDate = value;
            return this;
        }

        public Builder endDate(LocalDate value) {
            this.endDate = value;
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

        public Builder contractId(UUID value) {
            this.contractId = value;
            return this;
        }

        public Builder contractLineId(UUID value) {
            this.contractLineId = value;
            return this;
        }

        public Builder customerId(UUID value) {
            this.customerId = value;
            return this;
        }

        public Builder customerType(CustomerType value) {
            this.customerType = value;
            return this;
        }

        public Builder resourceId(UUID value) {
            this.resourceId = value;
            return this;
        }

        public Builder roleId(UUID value) {
            this.roleId = value;
            return this;
        }

        public Builder resourcingUnitId(UUID value) {
            this.resourcingUnitId = value;
            return this;
        }

        public Builder contractingUnitId(UUID value) {
            this.contractingUnitId = value;
            return this;
        }

        public Builder categoryId(UUID value) {
            this.categoryId = value;
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

        public Builder priceListId(UUID value) {
            this.priceListId = value;
            return this;
        }

        public Builder invoiceId(UUID value) {
            this.invoiceId = value;
            return this;
        }

        public Builder journalized(boolean value) {
            this.journalized = value;
            return this;
        }

        public Builder externalReferenceId(String value) {
            this.externalReferenceId = value;
            return this;
        }

        public Builder nteStatus(NteStatus value) {
            this.nteStatus = value;
            return this;
        }

        public Builder nteDetail(String value) {
            this.nteDetail = value;
            return this;
        }

        public Builder skipSync(boolean value) {
            this.skipSync = value;
            return this;
        }

        public Builder sourceDocumentType(String value) {
            this.sourceDocumentType = value;
            return this;
        }

        public Builder sourceDocumentId(UUID value) {
            this.sourceDocumentId = value;
            return this;
        }

        public Builder accountingAmount(BigDecimal value) {
            this.accountingAmount = value;
            return this;
        }

        public Builder voucherNumber(String value) {
            this.voucherNumber = value;
            return this;
        }

        public Builder salesTaxAmount(BigDecimal value) {
            this.salesTaxAmount = value;
            return this;
        }

        public Builder audit(Audit value) {
            this.audit = value;
            return this;
        }

        public ActualRow build() {
            return new ActualRow(id, description, externalDescription, transactionType, classification,
                    billingStatus, billingType, adjustmentStatus, amountMethod, quantity, price, amount, currency,
                    exchangeRate, exchangeRateDate, documentDate, accountingDate, startDate, endDate, projectId,
                    taskId, contractId, contractLineId, customerId, customerType, resourceId, roleId,
                    resourcingUnitId, contractingUnitId, categoryId, productId, unit, priceListId, invoiceId,
                    journalized, externalReferenceId, nteStatus, nteDetail, skipSync, sourceDocumentType,
                    sourceDocumentId, accountingAmount, voucherNumber, salesTaxAmount, audit);
        }
    }
}
