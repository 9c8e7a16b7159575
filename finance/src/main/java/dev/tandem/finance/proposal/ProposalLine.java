package dev.tandem.finance.proposal;

import dev.tandem.finance.rows.Field;
import dev.tandem.finance.rows.RowRecords;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/**
 * A proposal line, made from one billed-sales staging row (§3.9). {@code lineAmount} and {@code taxAmount} are in
 * {@code currency} at its minor units; {@code taxAmount} is 0 for a line that is not {@code toBeInvoiced} (its line
 * property, from the billing type, is non-chargeable): such a line is shown but neither totalled nor posted. The
 * components are the columns of {@code projproposalline} but the audit columns; a component's column is its name in
 * lower case unless {@link Field} names it.
 *
 * @param lineTransId            InvoiceProposalLineTransId, written back to the staging row (§10 item 2)
 * @param stagingId              the billed-sales staging row ({@code actualsimportid})
 * @param actualId               the billed-sales actual
 * @param onAccountTransactionId the on-account transaction (milestone) an on-account line invoices, if matched
 */
public record ProposalLine(String lineTransId, String proposalId, String dataAreaId,
                           @Field("linetype") ProposalLineType type, @Field("actualsimportid") UUID stagingId,
                           UUID actualId, @Field("projid") String projectId, UUID contractLine,
                           @Field("onacctransid") UUID onAccountTransactionId, String linePropertyId,
                           boolean toBeInvoiced, LocalDate transDate, String categoryId, String description,
                           BigDecimal quantity, BigDecimal salesPrice, BigDecimal lineAmount,
                           @Field(value = "currencyid", padded = true) String currency, String taxGroup,
                           @Field("taxitemgroup") String itemTaxGroup, BigDecimal taxAmount) {

    private static final RowMapper<ProposalLine> MAPPER = RowRecords.mapper(ProposalLine.class);

    /** Maps a {@code SELECT * FROM projproposalline} row. */
    static ProposalLine map(ResultSet rs, int n) throws SQLException {
        return MAPPER.mapRow(rs, n);
    }

    /** The same line with other tax groups and tax. */
    ProposalLine withTax(String group, String itemGroup, BigDecimal tax) {
        return new ProposalLine(lineTransId, proposalId, dataAreaId, type, stagingId, actualId, projectId, contractLine,
                onAccountTransactionId, linePropertyId, toBeInvoiced, transDate, categoryId, description, quantity,
                salesPrice, lineAmount, currency, group, itemGroup, tax);
    }
}
