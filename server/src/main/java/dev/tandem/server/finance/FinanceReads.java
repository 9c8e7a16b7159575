package dev.tandem.server.finance;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.proposal.ProposalStatus;
import dev.tandem.server.api.PageRequest;
import dev.tandem.server.database.FinanceDatabase;
import dev.tandem.server.finance.FinanceViews.CustomerInvoiceView;
import dev.tandem.server.finance.FinanceViews.OnAccountView;
import dev.tandem.server.finance.FinanceViews.ProposalSummaryView;
import dev.tandem.server.finance.FinanceViews.StatusView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads of the finance database that the Finance services do not offer, so the API can answer them meanwhile: the
 * paged lists of invoice proposals, posted customer invoices (the export entity) and on-account transactions of a
 * legal entity. Each has an obvious home in the domain ({@code ProposalHeaders}, {@code CustomerInvoices},
 * {@code OnAccountTransactions}) and moves there when the domain offers it.
 *
 * <p>Every write goes through {@link dev.tandem.finance.Finance}. The one exception to "read only" is a row lock:
 * {@link #lockProposal} and {@link #lockOnAccountTransaction} take the same {@code FOR UPDATE} lock the domain's edits
 * take first, so that a partial update (PATCH) reads the fields it keeps and writes them back under that lock, and two
 * PATCHes of different fields of one row can't undo each other.
 */
@Component
class FinanceReads {

    private final JdbcTemplate jdbc;

    FinanceReads(@FinanceDatabase JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of a legal entity's invoice proposals by proposal id; {@code status} and {@code contractId} filter. */
    List<ProposalSummaryView> proposals(String dataAreaId, ProposalStatus status, String contractId, PageRequest page) {
        Filter f = proposalFilter(dataAreaId, status, contractId);
        List<Object> args = new ArrayList<>(f.args());
        args.add(page.size());
        args.add(page.offset());
        return jdbc.query("SELECT * FROM projproposaljour WHERE " + f.where() + " ORDER BY proposalid LIMIT ? OFFSET ?",
                FinanceReads::proposal, args.toArray());
    }

    long proposalCount(String dataAreaId, ProposalStatus status, String contractId) {
        Filter f = proposalFilter(dataAreaId, status, contractId);
        return count("SELECT COUNT(*) FROM projproposaljour WHERE " + f.where(), f.args());
    }

    /** A page of a legal entity's posted customer invoices (the export entity, §10 item 5) by invoice number. */
    List<CustomerInvoiceView> customerInvoices(String dataAreaId, String proposalId, PageRequest page) {
        Filter f = invoiceFilter(dataAreaId, proposalId);
        List<Object> args = new ArrayList<>(f.args());
        args.add(page.size());
        args.add(page.offset());
        return jdbc.query("SELECT * FROM projcustinvoiceexport WHERE " + f.where() + " ORDER BY invoiceid LIMIT ? "
                + "OFFSET ?", FinanceReads::customerInvoice, args.toArray());
    }

    long customerInvoiceCount(String dataAreaId, String proposalId) {
        Filter f = invoiceFilter(dataAreaId, proposalId);
        return count("SELECT COUNT(*) FROM projcustinvoiceexport WHERE " + f.where(), f.args());
    }

    /** A page of a legal entity's on-account transactions, of one contract when given, by milestone date. */
    List<OnAccountView> onAccountTransactions(String dataAreaId, String contractId, PageRequest page) {
        Filter f = onAccountFilter(dataAreaId, contractId);
        List<Object> args = new ArrayList<>(f.args());
        args.add(page.size());
        args.add(page.offset());
        return jdbc.query("SELECT * FROM projonacctrans WHERE " + f.where() + " ORDER BY invoicedate, transactionid "
                + "LIMIT ? OFFSET ?", FinanceReads::onAccount, args.toArray());
    }

    long onAccountCount(String dataAreaId, String contractId) {
        Filter f = onAccountFilter(dataAreaId, contractId);
        return count("SELECT COUNT(*) FROM projonacctrans WHERE " + f.where(), f.args());
    }

    /**
     * Locks an invoice proposal header in the caller's transaction, as the domain's proposal edits do first.
     *
     * @throws TandemException NOT_FOUND when the legal entity has no such proposal
     */
    void lockProposal(String dataAreaId, String proposalId) {
        List<String> found = jdbc.queryForList("SELECT proposalid FROM projproposaljour WHERE proposalid = ? AND "
                + "dataareaid = ? FOR UPDATE", String.class, proposalId, dataAreaId);
        if (found.isEmpty()) {
            throw new TandemException(FinanceError.NOT_FOUND, "Invoice proposal " + proposalId + " doesn't exist in "
                    + "legal entity " + dataAreaId, Map.of("proposalId", proposalId, "dataAreaId", dataAreaId));
        }
    }

    /**
     * Locks an on-account transaction of a legal entity in the caller's transaction, as the domain's edit does first.
     * A transaction of another legal entity is not found: the path names the legal entity.
     *
     * @throws TandemException NOT_FOUND
     */
    void lockOnAccountTransaction(String dataAreaId, UUID transactionId) {
        List<UUID> found = jdbc.queryForList("SELECT transactionid FROM projonacctrans WHERE transactionid = ? AND "
                + "dataareaid = ? FOR UPDATE", UUID.class, transactionId, dataAreaId);
        if (found.isEmpty()) {
            throw new TandemException(FinanceError.NOT_FOUND, "On-account transaction " + transactionId + " doesn't "
                    + "exist in legal entity " + dataAreaId, Map.of("transactionId", transactionId.toString(),
                    "dataAreaId", dataAreaId));
        }
    }

    /** A WHERE clause and its arguments. */
    private record Filter(String where, List<Object> args) {
    }

    private static Filter proposalFilter(String dataAreaId, ProposalStatus status, String contractId) {
        StringBuilder where = new StringBuilder("dataareaid = ?");
        List<Object> args = new ArrayList<>(List.of(dataAreaId));
        if (status != null) {
            where.append(" AND status = ?");
            args.add(status.value());
        }
        if (contractId != null) {
            where.append(" AND projinvoiceprojid = ?");
            args.add(contractId);
        }
        return new Filter(where.toString(), args);
    }

    private static Filter invoiceFilter(String dataAreaId, String proposalId) {
        return proposalId == null ? new Filter("dataareaid = ?", List.of(dataAreaId))
                : new Filter("dataareaid = ? AND proposalid = ?", List.of(dataAreaId, proposalId));
    }

    private static Filter onAccountFilter(String dataAreaId, String contractId) {
        return contractId == null ? new Filter("dataareaid = ?", List.of(dataAreaId))
                : new Filter("dataareaid = ? AND projinvoiceprojid = ?", List.of(dataAreaId, contractId));
    }

    private long count(String sql, List<Object> args) {
        Long n = jdbc.queryForObject(sql, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    private static ProposalSummaryView proposal(ResultSet rs, int n) throws SQLException {
        return new ProposalSummaryView(rs.getString("proposalid"), rs.getString("dataareaid"),
                rs.getString("projinvoiceprojid"), rs.getString("invoiceaccount"), rs.getString("currencyid").trim(),
                rs.getObject("invoicedate", LocalDate.class), rs.getObject("duedate", LocalDate.class),
                StatusView.of(ProposalStatus.of(rs.getInt("status"))), rs.getString("workflowstatus"),
                FinanceViews.plain(rs.getBigDecimal("invoiceamount")), FinanceViews.plain(rs.getBigDecimal("sumtax")),
                rs.getBoolean("iscreditnote"), rs.getString("projinvoiceid"), rs.getString("ledgervoucher"));
    }

    private static CustomerInvoiceView customerInvoice(ResultSet rs, int n) throws SQLException {
        return new CustomerInvoiceView(rs.getString("invoiceid"), rs.getString("proposalid"),
                rs.getObject("invoicedate", LocalDate.class), rs.getObject("duedate", LocalDate.class),
                rs.getString("invoiceaccount"), rs.getString("currencyid").trim(),
                FinanceViews.plain(rs.getBigDecimal("invoiceamount")), FinanceViews.plain(rs.getBigDecimal("sumtax")),
                FinanceViews.plain(rs.getBigDecimal("invoiceamountmst")), rs.getString("status"),
                rs.getBoolean("iscreditnote"), rs.getString("ledgervoucher"));
    }

    private static OnAccountView onAccount(ResultSet rs, int n) throws SQLException {
        return new OnAccountView(rs.getObject("transactionid", UUID.class), rs.getString("projid"),
                rs.getString("projinvoiceprojid"), rs.getObject("contractlineref", UUID.class),
                rs.getString("currencyid").trim(), rs.getString("description"),
                rs.getObject("invoicedate", LocalDate.class), FinanceViews.plain(rs.getBigDecimal("amount")),
                rs.getString("taxgroup"), rs.getString("taxitemgroup"), rs.getInt("status"), rs.getString("proposalid"));
    }
}
