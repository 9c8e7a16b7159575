package dev.tandem.finance.journal;

import dev.tandem.finance.rows.Field;
import dev.tandem.finance.rows.RowRecords;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

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
 * {@code wipAccrued} says whether posting booked WIP (§9), which invoice posting reverses. The components are the
 * columns of {@code projintegrationjournalline} but the audit columns; a component's column is its name in lower
 * case unless {@link Field} names it.
 */
public record JournalLine(UUID lineId, String dataAreaId, String journalId, UUID actualId, UUID actualsImportId,
                          int transType, int transactionClassification, @Field("projid") String projectId,
                          String contractId, String categoryId, BigDecimal quantity, BigDecimal unitPrice,
                          BigDecimal amount, @Field(padded = true) String currency, LocalDate transDate,
                          LocalDate accountingDate, BigDecimal exchangeRate, Integer billingType,
                          String linePropertyId, String customerAccount, String description, String taxGroup,
                          String itemTaxGroup, String dimensions, JournalStatus status, String errorMessage,
                          String voucher, LocalDate postedAccountingDate, BigDecimal accountingAmount,
                          BigDecimal salesTaxAmount, boolean wipAccrued) {

    private static final RowMapper<JournalLine> MAPPER = RowRecords.mapper(JournalLine.class);

    /** Maps a {@code SELECT * FROM projintegrationjournalline} row. */
    static JournalLine map(ResultSet rs, int n) throws SQLException {
        return MAPPER.mapRow(rs, n);
    }

    /** The same line in journal {@code journalId}. */
    JournalLine inJournal(String journalId) {
        return new JournalLine(lineId, dataAreaId, journalId, actualId, actualsImportId, transType,
                transactionClassification, projectId, contractId, categoryId, quantity, unitPrice, amount, currency,
                transDate, accountingDate, exchangeRate, billingType, linePropertyId, customerAccount, description,
                taxGroup, itemTaxGroup, dimensions, status, errorMessage, voucher, postedAccountingDate,
                accountingAmount, salesTaxAmount, wipAccrued);
    }
}
