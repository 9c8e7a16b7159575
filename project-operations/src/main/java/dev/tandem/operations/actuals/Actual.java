package dev.tandem.operations.actuals;

import dev.tandem.operations.OptionValue;
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

    /** Selected columns, in the order {@link #map} reads them. */
    public static final String COLUMNS = "msdyn_actualid, msdyn_transactiontypecode, msdyn_transactionclassification, "
            + "msdyn_billingstatus, msdyn_billingtype, msdyn_adjustmentstatus, msdyn_quantity, msdyn_price, msdyn_amount, "
            + "transactioncurrency, msdyn_documentdate, msdyn_project, msdyn_task, msdyn_salescontract, "
            + "msdyn_salescontractlineid, msdyn_accountcustomer, msdyn_bookableresource, msdyn_resourcecategory, "
            + "msdyn_transactioncategory, msdyn_product, msdyn_pricelist, msdyn_invoice, tdm_ntestatus, tdm_ntedetail, "
            + "tdm_skipsync, tdm_sourcedocumentid, msdyn_description";

    public static Actual map(ResultSet rs, int rowNum) throws SQLException {
        return new Actual(rs.getObject("msdyn_actualid", UUID.class),
                option(TransactionType.class, rs, "msdyn_transactiontypecode"),
                option(TransactionClassification.class, rs, "msdyn_transactionclassification"),
                option(BillingStatus.class, rs, "msdyn_billingstatus"),
                option(BillingType.class, rs, "msdyn_billingtype"),
                option(AdjustmentStatus.class, rs, "msdyn_adjustmentstatus"),
                rs.getBigDecimal("msdyn_quantity"), rs.getBigDecimal("msdyn_price"), rs.getBigDecimal("msdyn_amount"),
                rs.getString("transactioncurrency").trim(), rs.getObject("msdyn_documentdate", LocalDate.class),
                rs.getObject("msdyn_project", UUID.class), rs.getObject("msdyn_task", UUID.class),
                rs.getObject("msdyn_salescontract", UUID.class), rs.getObject("msdyn_salescontractlineid", UUID.class),
                rs.getObject("msdyn_accountcustomer", UUID.class), rs.getObject("msdyn_bookableresource", UUID.class),
                rs.getObject("msdyn_resourcecategory", UUID.class), rs.getObject("msdyn_transactioncategory", UUID.class),
                rs.getObject("msdyn_product", UUID.class), rs.getObject("msdyn_pricelist", UUID.class),
                rs.getObject("msdyn_invoice", UUID.class), option(NteStatus.class, rs, "tdm_ntestatus"),
                rs.getString("tdm_ntedetail"), rs.getBoolean("tdm_skipsync"),
                rs.getObject("tdm_sourcedocumentid", UUID.class), rs.getString("msdyn_description"));
    }

    private static <E extends Enum<E> & OptionValue> E option(Class<E> type, ResultSet rs, String column)
            throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : OptionValue.of(type, value);
    }
}
