package dev.tandem.finance.journal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of the integration journal: one staged cost or unbilled sales actual (§3.8).
 *
 * <p>{@code quantity}, {@code unitPrice} and {@code amount} are copied from the staging row: the amount is in
 * {@code currency} (ISO 4217), NUMERIC(19,6), and is rounded to the currency's minor units only when posted.
 * {@code exchangeRate} converts 1 {@code currency} into the legal entity's accounting currency (10 decimals): the
 * contract's fixed rate, else the market rate on the document date ({@link dev.tandem.finance.rates.ExchangeRates}).
 * {@code accountingDate} is the wanted one (staging accounting date, else the document date); a POSTED line also has
 * the {@code postedAccountingDate} the ledger used, its {@code voucher}, its {@code accountingAmount} (accounting
 * currency, at its minor units) and {@code salesTaxAmount} (transaction currency, 0 without tax).
 * {@code taxGroup}, {@code itemTaxGroup} and {@code dimensions} are the only fields a user may change (§11 item 21).
 */
public record JournalLine(UUID lineId, String dataAreaId, String journalId, UUID actualId, UUID actualsImportId,
                          int transType, int transactionClassification, String projectId, String contractId,
                          String categoryId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount,
                          String currency, LocalDate transDate, LocalDate accountingDate, BigDecimal exchangeRate,
                          Integer billingType, String linePropertyId, String customerAccount, String description,
                          String taxGroup, String itemTaxGroup, String dimensions, JournalStatus status,
                          String errorMessage, String voucher, LocalDate postedAccountingDate,
                          BigDecimal accountingAmount, BigDecimal salesTaxAmount) {

    /** Maps a {@code SELECT * FROM projintegrationjournalline} row. */
    static JournalLine map(ResultSet rs, int n) throws SQLException {
        int billing = rs.getInt("billingtype");
        Integer billingType = rs.wasNull() ? null : billing;
        return new JournalLine(rs.getObject("lineid", UUID.class), rs.getString("dataareaid"), rs.getString("journalid"),
                rs.getObject("actualid", UUID.class), rs.getObject("actualsimportid", UUID.class), rs.getInt("transtype"),
                rs.getInt("transactionclassification"), rs.getString("projid"), rs.getString("contractid"),
                rs.getString("categoryid"), rs.getBigDecimal("quantity"), rs.getBigDecimal("unitprice"),
                rs.getBigDecimal("amount"), rs.getString("currency").trim(), rs.getObject("transdate", LocalDate.class),
                rs.getObject("accountingdate", LocalDate.class), rs.getBigDecimal("exchangerate"), billingType,
                rs.getString("linepropertyid"), rs.getString("customeraccount"), rs.getString("description"),
                rs.getString("taxgroup"), rs.getString("itemtaxgroup"), rs.getString("dimensions"),
                JournalStatus.valueOf(rs.getString("status")), rs.getString("errormessage"), rs.getString("voucher"),
                rs.getObject("postedaccountingdate", LocalDate.class), rs.getBigDecimal("accountingamount"),
                rs.getBigDecimal("salestaxamount"));
    }
}
