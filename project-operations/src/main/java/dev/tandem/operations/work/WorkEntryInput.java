package dev.tandem.operations.work;

import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.TransactionClassification;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A new work entry.
 *
 * <ul>
 *   <li>Time: {@code resourceId}; {@code roleId} defaults to the resource's default role; quantity in hours.</li>
 *   <li>Expense: {@code categoryId}; optional {@code price} (the receipt's unit cost) in {@code currency}.</li>
 *   <li>Material: {@code productId}; quantity in the product's unit.</li>
 *   <li>Fee: {@code price} and {@code currency} required (a fee has no price list).</li>
 * </ul>
 * {@code currency}, when given, must match the price lists used at approval. {@code billingType}, when
 * {@link BillingType#NON_CHARGEABLE} or {@link BillingType#COMPLIMENTARY}, is the billing type of the entry's actuals
 * whatever the contract line's chargeability says (work done but not to be charged, §4.4); null or
 * {@link BillingType#CHARGEABLE}: the contract line decides (§5 step 1).
 */
public record WorkEntryInput(TransactionClassification transactionClass, UUID projectId, UUID taskId, UUID resourceId,
                             UUID roleId, UUID categoryId, UUID productId, LocalDate date, BigDecimal quantity,
                             BigDecimal price, String currency, String description, String externalDescription,
                             BillingType billingType) {

    /** An entry whose chargeability the contract line decides. */
    public WorkEntryInput(TransactionClassification transactionClass, UUID projectId, UUID taskId, UUID resourceId,
                          UUID roleId, UUID categoryId, UUID productId, LocalDate date, BigDecimal quantity,
                          BigDecimal price, String currency, String description, String externalDescription) {
        this(transactionClass, projectId, taskId, resourceId, roleId, categoryId, productId, date, quantity, price,
                currency, description, externalDescription, null);
    }

    /** This entry with {@code billingType} (e.g. {@link BillingType#NON_CHARGEABLE} for non-billable work). */
    public WorkEntryInput withBillingType(BillingType type) {
        return new WorkEntryInput(transactionClass, projectId, taskId, resourceId, roleId, categoryId, productId, date,
                quantity, price, currency, description, externalDescription, type);
    }

    /** A time entry: {@code hours} of {@code resourceId} in {@code roleId} on {@code date}. */
    public static WorkEntryInput time(UUID projectId, UUID taskId, UUID resourceId, UUID roleId, LocalDate date,
                                      BigDecimal hours, String description) {
        return new WorkEntryInput(TransactionClassification.TIME, projectId, taskId, resourceId, roleId, null, null, date,
                hours, null, null, description, null);
    }
}
