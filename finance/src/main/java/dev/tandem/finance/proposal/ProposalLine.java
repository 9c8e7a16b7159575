package dev.tandem.finance.proposal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A proposal line, made from one billed-sales staging row (§3.9). {@code lineAmount} and {@code taxAmount} are in
 * {@code currency} at its minor units; {@code taxAmount} is 0 for a line that is not {@code toBeInvoiced} (its line
 * property, from the billing type, is non-chargeable): such a line is shown but neither totalled nor posted.
 *
 * @param lineTransId            InvoiceProposalLineTransId, written back to the staging row (§10 item 2)
 * @param stagingId              the billed-sales staging row ({@code actualsimportid})
 * @param actualId               the billed-sales actual
 * @param onAccountTransactionId the on-account transaction (milestone) an on-account line invoices, if matched
 */
public record ProposalLine(String lineTransId, String proposalId, String dataAreaId, ProposalLineType type,
                           UUID stagingId, UUID actualId, String projectId, UUID contractLine, UUID onAccountTransactionId,
                           String linePropertyId, boolean toBeInvoiced, LocalDate transDate, String categoryId,
                           String description, BigDecimal quantity, BigDecimal salesPrice, BigDecimal lineAmount,
                           String currency, String taxGroup, String itemTaxGroup, BigDecimal taxAmount) {

    static ProposalLine map(ResultSet rs, int n) throws SQLException {
        return new ProposalLine(rs.getString("linetransid"), rs.getString("proposalid"), rs.getString("dataareaid"),
                ProposalLineType.valueOf(rs.getString("linetype")), rs.getObject("actualsimportid", UUID.class),
                rs.getObject("actualid", UUID.class), rs.getString("projid"), rs.getObject("contractline", UUID.class),
                rs.getObject("onacctransid", UUID.class), rs.getString("linepropertyid"), rs.getBoolean("tobeinvoiced"),
                rs.getObject("transdate", LocalDate.class), rs.getString("categoryid"), rs.getString("description"),
                rs.getBigDecimal("quantity"), rs.getBigDecimal("salesprice"), rs.getBigDecimal("lineamount"),
                rs.getString("currencyid").trim(), rs.getString("taxgroup"), rs.getString("taxitemgroup"),
                rs.getBigDecimal("taxamount"));
    }

    /** The same line with other tax groups and tax. */
    ProposalLine withTax(String group, String itemGroup, BigDecimal tax) {
        return new ProposalLine(lineTransId, proposalId, dataAreaId, type, stagingId, actualId, projectId, contractLine,
                onAccountTransactionId, linePropertyId, toBeInvoiced, transDate, categoryId, description, quantity,
                salesPrice, lineAmount, currency, group, itemGroup, tax);
    }
}
