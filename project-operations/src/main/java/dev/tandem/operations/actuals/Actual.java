package dev.tandem.operations.actuals;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Read model of an {@code msdyn_actual} (§3.1). {@code quantity} in hours (time) or units; {@code price} per unit
 * and {@code amount} in {@code currency} (amount rounded to the currency's minor units, stored at scale 6).
 * Nullable option fields are {@code null} when unset.
 */
public record Actual(UUID id, TransactionType transactionType, TransactionClassification classification,
                     BillingStatus billingStatus, BillingType billingType, AdjustmentStatus adjustmentStatus,
                     BigDecimal quantity, BigDecimal price, BigDecimal amount, String currency, LocalDate documentDate,
                     UUID projectId, UUID taskId, UUID contractId, UUID contractLineId, UUID customerId,
                     UUID resourceId, UUID roleId, UUID categoryId, UUID productId, UUID priceListId, UUID invoiceId,
                     NteStatus nteStatus, String nteDetail, boolean skipSync, UUID sourceDocumentId,
                     String description) {

    /** Selected columns, the fields of {@link ActualRow}, which {@link #map} reads. */
    public static final String COLUMNS = ActualRow.ROWS.columns();

    /** Reads a row that selected {@link #COLUMNS}. */
    public static Actual map(ResultSet rs, int rowNum) throws SQLException {
        return of(ActualRow.ROWS.fromResultSet(rs));
    }

    /** The read model of a full row; the currency code without the padding of its CHAR(3) column. */
    public static Actual of(ActualRow r) {
        return new Actual(r.id(), r.transactionType(), r.classification(), r.billingStatus(), r.billingType(),
                r.adjustmentStatus(), r.quantity(), r.price(), r.amount(), r.currency().trim(), r.documentDate(),
                r.projectId(), r.taskId(), r.contractId(), r.contractLineId(), r.customerId(), r.resourceId(),
                r.roleId(), r.categoryId(), r.productId(), r.priceListId(), r.invoiceId(), r.nteStatus(), r.nteDetail(),
                r.skipSync(), r.sourceDocumentId(), r.description());
    }
}
