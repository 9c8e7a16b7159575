package dev.tandem.finance.staging;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One row of the actuals staging table {@code projcdsactualsimport} (§3.7), as Import from staging and posting read
 * it. {@code amount} and {@code unitPrice} are in {@code currency}; {@code transType} and
 * {@code transactionClassification} carry the Dataverse option values (192350000 Cost, 192350005 Unbilled Sales,
 * 192350006 Billed Sales; 192350000 Time, 192350001 Expense, 192350002 Material, 192350003 Milestone, 192350004 Fee).
 */
public record StagingRow(UUID id, UUID actualId, String dataAreaId, String projectId, String contractId, UUID contractLine,
                         int transType, int transactionClassification, Integer billingType, Integer adjustmentStatus,
                         BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String currency, LocalDate documentDate,
                         LocalDate accountingDate, String customerAccount, String invoiceId, String transactionCategoryId,
                         String description, boolean processed, boolean duplicate, String voucher,
                         String invoiceProposalId) {

    public static final int COST = 192350000;
    public static final int PROJECT_CONTRACT = 192350004;
    public static final int UNBILLED_SALES = 192350005;
    public static final int BILLED_SALES = 192350006;
    public static final int RESOURCING_UNIT_COST = 192350007;
    public static final int INTER_ORGANIZATIONAL_SALES = 192350008;

    /** Maps a {@code SELECT * FROM projcdsactualsimport} row. */
    public static StagingRow map(ResultSet rs, int n) throws SQLException {
        int billing = rs.getInt("billingtype");
        Integer billingType = rs.wasNull() ? null : billing;
        int adjustment = rs.getInt("adjustmentstatus");
        Integer adjustmentStatus = rs.wasNull() ? null : adjustment;
        return new StagingRow(rs.getObject("actualsimportid", UUID.class), rs.getObject("actualid", UUID.class),
                rs.getString("projectdataareaid"), rs.getString("projectid"), rs.getString("contractid"),
                rs.getObject("contractline", UUID.class), rs.getInt("transtype"), rs.getInt("transactionclassification"),
                billingType, adjustmentStatus, rs.getBigDecimal("quantity"), rs.getBigDecimal("unitprice"),
                rs.getBigDecimal("amount"), rs.getString("transactioncurrencyid").trim(),
                rs.getObject("documentdate", LocalDate.class), rs.getObject("accountingdate", LocalDate.class),
                rs.getString("customeraccountnumber"), rs.getString("invoiceid"), rs.getString("transactioncategoryid"),
                rs.getString("description"), rs.getBoolean("isprocessed"), rs.getBoolean("isduplicate"),
                rs.getString("vouchernumber"), rs.getString("invoiceproposalid"));
    }
}
