package dev.tandem.finance.staging;

import dev.tandem.finance.rows.Field;
import dev.tandem.finance.rows.RowRecords;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/**
 * One row of the actuals staging table {@code projcdsactualsimport} (§3.7): every field of
 * {@link FinanceDataEntities#ACTUALS_STAGING} but the audit fields, which the write path sets. A component's field is
 * its name in lower case unless {@link Field} names it.
 *
 * <p>Amounts: {@code amount}, {@code unitPrice} and {@code salesTaxAmount} are in the transaction currency
 * {@code currency} (ISO 4217), NUMERIC(19,6), unrounded; {@code amountMst},
 * {@code unitPriceMst} and {@code accountingAmount} are in the accounting currency of the legal entity
 * {@code dataAreaId} (its {@code legal_entity.accountingcurrency}, which the row does not repeat);
 * {@code exchangeRate} is 1 {@code currency} in that accounting currency (10 decimals). {@code transType} and
 * {@code transactionClassification} carry the Dataverse option values ({@link #COST}, {@link #UNBILLED_SALES},
 * {@link #BILLED_SALES}…; Time, Expense, Material, Milestone, Fee). The processing fields ({@code processed},
 * {@code integrationCount}, {@code duplicate}, {@code projAdvancedJournalLine}), the write-back fields of §10 and the
 * proposal fields are Finance's own ({@link StagingColumns#FINANCE_OWNED}).
 */
public record StagingRow(@Field("actualsimportid") UUID id, UUID actualId, LocalDate accountingDate,
                         Integer adjustmentStatus, BigDecimal amount, BigDecimal amountMst, Integer billingStatusId,
                         Integer billingType, String contractId, UUID contractLine, UUID contractingUnit,
                         String description, LocalDate documentDate, LocalDate startDate, LocalDate endDate,
                         LocalDate exchangeRateDate, BigDecimal exchangeRate, String externalDescription,
                         String externalReference, String invoiceId, boolean isJournalized, UUID owningBusinessId,
                         UUID owningUser, String projectId, BigDecimal quantity, Integer status, Integer statusReason,
                         UUID taskId, int transactionClassification, UUID transactionCategory,
                         String transactionCategoryId, @Field(value = "transactioncurrencyid", padded = true)
                         String currency, int transType, String unitOfMeasure, BigDecimal unitPrice,
                         BigDecimal unitPriceMst, UUID projAdvancedJournalLine, UUID resourceId,
                         UUID resourceOperationUnitId, @Field("projectdataareaid") String dataAreaId,
                         @Field("isprocessed") boolean processed, int integrationCount,
                         @Field("isduplicate") boolean duplicate,
                         @Field("customeraccountnumber") String customerAccount, String productNumber,
                         @Field("vouchernumber") String voucher, BigDecimal salesTaxAmount,
                         BigDecimal accountingAmount, String bookableResourceName, String activityNumber,
                         String fundingSourceId, String invoiceProposalId, String invoiceProposalLineTransId) {

    public static final int COST = 192350000;
    public static final int PROJECT_CONTRACT = 192350004;
    public static final int UNBILLED_SALES = 192350005;
    public static final int BILLED_SALES = 192350006;
    public static final int RESOURCING_UNIT_COST = 192350007;
    public static final int INTER_ORGANIZATIONAL_SALES = 192350008;

    private static final RowMapper<StagingRow> MAPPER = RowRecords.mapper(StagingRow.class);

    /** Maps a {@code SELECT * FROM projcdsactualsimport} row. */
    public static StagingRow map(ResultSet rs, int n) throws SQLException {
        return MAPPER.mapRow(rs, n);
    }
}
