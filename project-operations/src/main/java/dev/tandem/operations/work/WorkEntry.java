package dev.tandem.operations.work;

import dev.tandem.operations.OptionValue;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.TransactionClassification;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A time, expense, material or fee entry. {@code quantity} is hours (time) or units; {@code price} is the entered
 * unit price (expense receipts and fees), in {@code currency} when given. {@code billingType}: the billing type the
 * entry was entered with (see {@link WorkEntryInput}), null when the contract line decides.
 */
public record WorkEntry(UUID id, TransactionClassification transactionClass, WorkEntryStatus status, UUID projectId,
                        UUID taskId, UUID resourceId, UUID roleId, UUID categoryId, UUID productId, LocalDate date,
                        BigDecimal quantity, BigDecimal price, String currency, String description,
                        String externalDescription, String rejectionReason, BillingType billingType) {

    /** Dataverse type of the source document, used in transaction origins (§3.6). */
    public String documentType() {
        return switch (transactionClass) {
            case TIME -> "msdyn_timeentry";
            case EXPENSE -> "msdyn_expense";
            case MATERIAL -> "msdyn_materialusage";
            default -> "msdyn_journalline";
        };
    }

    static WorkEntry map(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("transactioncurrency");
        int billingType = rs.getInt("msdyn_billingtype");
        boolean chargeabilityOfLine = rs.wasNull();
        return new WorkEntry(rs.getObject("tdm_workentryid", UUID.class),
                OptionValue.of(TransactionClassification.class, rs.getInt("tdm_transactionclass")),
                WorkEntryStatus.valueOf(rs.getString("tdm_status")), rs.getObject("msdyn_project", UUID.class),
                rs.getObject("msdyn_task", UUID.class), rs.getObject("msdyn_bookableresource", UUID.class),
                rs.getObject("msdyn_resourcecategory", UUID.class), rs.getObject("msdyn_transactioncategory", UUID.class),
                rs.getObject("msdyn_product", UUID.class), rs.getObject("msdyn_date", LocalDate.class),
                rs.getBigDecimal("msdyn_quantity"), rs.getBigDecimal("msdyn_price"),
                currency == null ? null : currency.trim(), rs.getString("msdyn_description"),
                rs.getString("msdyn_externaldescription"), rs.getString("tdm_rejectionreason"),
                chargeabilityOfLine ? null : OptionValue.of(BillingType.class, billingType));
    }
}
