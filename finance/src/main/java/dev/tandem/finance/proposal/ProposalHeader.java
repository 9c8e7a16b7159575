package dev.tandem.finance.proposal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * An invoice proposal header (F&O ProjProposalJour, §3.9). Amounts in {@code currency}: {@code invoiceAmount} =
 * lines + sales tax, {@code sumTax} = sales tax, {@code onAccountAmount} = on-account lines before tax; all 0.00
 * until lines are imported (§13). {@code customerInvoiceId} and {@code ledgerVoucher} are set by posting.
 *
 * @param proposalId    the proforma invoice number (§3.9 "proposal number = proforma Invoice ID")
 * @param contractId    ProjInvoiceProjId, the project contract
 * @param fundingSource the contract's funding source (the contract customer)
 * @param invoiceAccount the customer who is invoiced
 * @param expectedAmount the proforma invoice's detail amount (chargeable lines before tax) when the map delivered
 *                       it, else {@code null}; the billed sales must add up to it (§11 item 19)
 */
public record ProposalHeader(String proposalId, String dataAreaId, String contractId, String fundingSource,
                             String invoiceAccount, String currency, LocalDate invoiceDate, LocalDate dueDate,
                             String description, ProposalStatus status, WorkflowStatus workflowStatus,
                             BigDecimal invoiceAmount, BigDecimal sumTax, BigDecimal onAccountAmount,
                             String customerInvoiceId, String ledgerVoucher, boolean creditNote,
                             BigDecimal expectedAmount) {

    static ProposalHeader map(ResultSet rs, int n) throws SQLException {
        return new ProposalHeader(rs.getString("proposalid"), rs.getString("dataareaid"),
                rs.getString("projinvoiceprojid"), rs.getString("fundingsource"), rs.getString("invoiceaccount"),
                rs.getString("currencyid").trim(), rs.getObject("invoicedate", LocalDate.class),
                rs.getObject("duedate", LocalDate.class), rs.getString("description"),
                ProposalStatus.of(rs.getInt("status")), WorkflowStatus.valueOf(rs.getString("workflowstatus")),
                rs.getBigDecimal("invoiceamount"), rs.getBigDecimal("sumtax"), rs.getBigDecimal("onaccountamount"),
                rs.getString("projinvoiceid"), rs.getString("ledgervoucher"), rs.getBoolean("iscreditnote"),
                rs.getBigDecimal("expectedamount"));
    }
}
