package dev.tandem.operations.invoicing.retainer;

import static dev.tandem.operations.OperationsError.NOT_FOUND;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OptionValue;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.invoicing.InvoiceStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL of {@code tdm_retainer} and {@code tdm_retainerdetail}. Neither is a data entity, so plain JDBC writes them.
 * Locks ({@code FOR UPDATE}) serialize everything that reserves or consumes a retainer's available amount.
 */
final class RetainerStore {

    private final OperationsContext ctx;

    RetainerStore(OperationsContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A retainer row as stored. Amounts at scale 6 in {@code currency}; {@code refundStatus} {@code null} is blank,
     * {@code refundAmount} is what is Ready to refund.
     */
    record Row(UUID id, String name, UUID contractId, UUID customerId, RetainerType type, BigDecimal amount,
               String currency, LocalDate invoiceDate, RetainerInvoiceStatus status, UUID invoiceId, BigDecimal used,
               BigDecimal refunded, RefundStatus refundStatus, BigDecimal refundAmount, UUID openUnbilledId) {

        boolean invoiced() {
            return status == RetainerInvoiceStatus.CUSTOMER_INVOICE_POSTED;
        }

        /** Amount − used − refunded once invoiced; zero before (§3.5 "Available Amount (0 until invoiced)"). */
        BigDecimal available() {
            return invoiced() ? amount.subtract(used).subtract(refunded) : BigDecimal.ZERO;
        }

        boolean readyToRefund() {
            return refundStatus == RefundStatus.READY_TO_REFUND;
        }

        /**
         * What is available but promised elsewhere: applied on drafts (except detail {@code exceptDetailId}, may be
         * {@code null}) plus what is Ready to refund. Nothing else may take it, so two drafts never spend the same
         * money.
         */
        BigDecimal reserved(List<Link> draftLinks, UUID exceptDetailId) {
            BigDecimal applied = draftLinks.stream().filter(l -> l.draft() && l.retainerId().equals(id)
                    && l.role() == RetainerRole.APPLY && !l.detailId().equals(exceptDetailId))
                    .map(Link::consumes).reduce(BigDecimal.ZERO, BigDecimal::add);
            return readyToRefund() ? applied.add(refundAmount) : applied;
        }

        static Row map(ResultSet rs, int n) throws SQLException {
            int refund = rs.getInt("tdm_refundstatus");
            RefundStatus refundStatus = rs.wasNull() ? null : OptionValue.of(RefundStatus.class, refund);
            return new Row(rs.getObject("tdm_retainerid", UUID.class), rs.getString("tdm_name"),
                    rs.getObject("salesorderid", UUID.class), rs.getObject("tdm_customer", UUID.class),
                    OptionValue.of(RetainerType.class, rs.getInt("tdm_type")), rs.getBigDecimal("tdm_amount"),
                    rs.getString("transactioncurrency").trim(), rs.getObject("tdm_invoicedate", LocalDate.class),
                    OptionValue.of(RetainerInvoiceStatus.class, rs.getInt("tdm_invoicestatus")),
                    rs.getObject("tdm_invoice", UUID.class), rs.getBigDecimal("tdm_usedamount"),
                    rs.getBigDecimal("tdm_refundedamount"), refundStatus, rs.getBigDecimal("tdm_refundamount"),
                    rs.getObject("tdm_openunbilled", UUID.class));
        }
    }

    /**
     * A retainer line detail: the detail, the retainer and the role, with the detail's invoice, its status and its
     * amount (positive for INVOICE, negative for APPLY and REFUND).
     */
    record Link(UUID detailId, UUID retainerId, RetainerRole role, UUID invoiceId, boolean draft, BigDecimal amount,
                UUID billedSalesId) {

        /** What the detail takes from the available amount: its amount, positive; zero for INVOICE. */
        BigDecimal consumes() {
            return role == RetainerRole.INVOICE ? BigDecimal.ZERO : amount.negate();
        }
    }

    void insert(Map<String, Object> row) {
        List<String> columns = new ArrayList<>(row.keySet());
        ctx.jdbc().update("INSERT INTO tdm_retainer (" + String.join(", ", columns) + ") VALUES ("
                + OperationsContext.placeholders(columns) + ")", row.values().toArray());
    }

    /** Sets columns of one retainer, with the audit fields. */
    void update(UUID id, Map<String, Object> values) {
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.putAll(ctx.modified());
        List<Object> args = new ArrayList<>(all.values());
        args.add(id);
        ctx.jdbc().update("UPDATE tdm_retainer SET " + String.join(" = ?, ", all.keySet())
                + " = ? WHERE tdm_retainerid = ?", args.toArray());
    }

    void delete(UUID id) {
        ctx.jdbc().update("DELETE FROM tdm_retainer WHERE tdm_retainerid = ?", id);
    }

    /** @throws TandemException NOT_FOUND naming the retainer id */
    Row row(UUID id) {
        return ctx.jdbc().query("SELECT * FROM tdm_retainer WHERE tdm_retainerid = ?", Row::map, id).stream()
                .findFirst().orElseThrow(() -> notFound(id));
    }

    /** Locks one retainer until the transaction ends. @throws TandemException NOT_FOUND */
    Row lock(UUID id) {
        return ctx.jdbc().query("SELECT * FROM tdm_retainer WHERE tdm_retainerid = ? FOR UPDATE", Row::map, id)
                .stream().findFirst().orElseThrow(() -> notFound(id));
    }

    /** Locks retainers by id, in id order (one order everywhere, so two lockers can't deadlock). */
    List<Row> lock(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<UUID> sorted = ids.stream().distinct().sorted().toList();
        return ctx.jdbc().query("SELECT * FROM tdm_retainer WHERE tdm_retainerid IN ("
                + OperationsContext.placeholders(sorted) + ") ORDER BY tdm_retainerid FOR UPDATE", Row::map,
                sorted.toArray());
    }

    /** Locks every retainer of one contract customer; returns them oldest invoice date first. */
    List<Row> lockCustomer(UUID contractId, UUID customerId) {
        List<UUID> ids = ctx.jdbc().queryForList("SELECT tdm_retainerid FROM tdm_retainer WHERE salesorderid = ? "
                + "AND tdm_customer = ?", UUID.class, contractId, customerId);
        return lock(ids).stream().sorted(Comparator.comparing(Row::invoiceDate).thenComparing(Row::id)).toList();
    }

    /** Retainers of a contract by customer, invoice date and id. */
    List<Row> rowsOfContract(UUID contractId) {
        return ctx.jdbc().query("SELECT * FROM tdm_retainer WHERE salesorderid = ? "
                + "ORDER BY tdm_customer, tdm_invoicedate, tdm_retainerid", Row::map, contractId);
    }

    /**
     * Customers of a contract with something to invoice that is on no invoice yet: a retainer Ready to invoice dated
     * on or before {@code date}, or a refund Ready to refund. (Once confirmed, neither status holds any more.)
     */
    List<UUID> customersToInvoice(UUID contractId, LocalDate date) {
        return ctx.jdbc().queryForList("SELECT DISTINCT r.tdm_customer FROM tdm_retainer r "
                + "WHERE r.salesorderid = ? AND ("
                + "(r.tdm_invoicestatus = ? AND r.tdm_invoicedate <= ? AND NOT EXISTS (SELECT 1 "
                + "FROM tdm_retainerdetail rd WHERE rd.tdm_retainerid = r.tdm_retainerid AND rd.tdm_role = ?)) "
                + "OR (r.tdm_refundstatus = ? AND NOT EXISTS (SELECT 1 "
                + "FROM tdm_retainerdetail rd WHERE rd.tdm_retainerid = r.tdm_retainerid AND rd.tdm_role = ?)))",
                UUID.class, contractId, RetainerInvoiceStatus.READY_TO_INVOICE.value(), date,
                RetainerRole.INVOICE.name(), RefundStatus.READY_TO_REFUND.value(), RetainerRole.REFUND.name());
    }

    /** Links of retainers to details on invoices that are still drafts (Draft or In Review). */
    List<Link> draftLinks(Collection<UUID> retainerIds) {
        if (retainerIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(List.of(InvoiceStatus.DRAFT.value(), InvoiceStatus.IN_REVIEW.value()));
        args.addAll(retainerIds);
        return ctx.jdbc().query(LINKS + "WHERE i.msdyn_projectinvoicestatus IN (?, ?) AND rd.tdm_retainerid IN ("
                + OperationsContext.placeholders(List.copyOf(retainerIds)) + ")" + IN_DETAIL_ORDER,
                RetainerStore::mapLink, args.toArray());
    }

    /** Links of the details of one invoice, in detail creation order. */
    List<Link> invoiceLinks(UUID invoiceId) {
        return ctx.jdbc().query(LINKS + "WHERE d.msdyn_invoice = ?" + IN_DETAIL_ORDER, RetainerStore::mapLink,
                invoiceId);
    }

    /** Links of one retainer on any invoice, in detail creation order. */
    List<Link> invoiceLinksOfRetainer(UUID retainerId) {
        return ctx.jdbc().query(LINKS + "WHERE rd.tdm_retainerid = ?" + IN_DETAIL_ORDER, RetainerStore::mapLink,
                retainerId);
    }

    /** The link of one detail, if it is a retainer detail. */
    Optional<Link> link(UUID detailId) {
        return ctx.jdbc().query(LINKS + "WHERE rd.msdyn_invoicelinetransactionid = ?", RetainerStore::mapLink,
                detailId).stream().findFirst();
    }

    /** Inserts links, each {detail id, retainer id, role name}. */
    void insertLinks(List<Object[]> links) {
        ctx.jdbc().batchUpdate("INSERT INTO tdm_retainerdetail (msdyn_invoicelinetransactionid, tdm_retainerid, "
                + "tdm_role) VALUES (?, ?, ?)", links);
    }

    void setBilledSales(Map<UUID, UUID> billedByDetail) {
        List<Object[]> args = billedByDetail.entrySet().stream()
                .map(e -> new Object[] {e.getValue(), e.getKey()}).toList();
        ctx.jdbc().batchUpdate("UPDATE tdm_retainerdetail SET tdm_billedsalesactual = ? "
                + "WHERE msdyn_invoicelinetransactionid = ?", args);
    }

    /**
     * What an invoice bills before retainers are applied: its chargeable line details that are not retainer
     * details. Applied retainers may reduce an invoice to zero, never below.
     */
    BigDecimal billableAmount(UUID invoiceId) {
        BigDecimal sum = ctx.jdbc().queryForObject("SELECT COALESCE(SUM(d.msdyn_amount), 0) "
                + "FROM msdyn_invoicelinetransaction d WHERE d.msdyn_invoice = ? AND d.msdyn_billingtype = ? "
                + "AND NOT EXISTS (SELECT 1 FROM tdm_retainerdetail rd "
                + "WHERE rd.msdyn_invoicelinetransactionid = d.msdyn_invoicelinetransactionid)", BigDecimal.class,
                invoiceId, BillingType.CHARGEABLE.value());
        return sum == null ? BigDecimal.ZERO : sum;
    }

    private static final String LINKS = "SELECT rd.msdyn_invoicelinetransactionid, rd.tdm_retainerid, rd.tdm_role, "
            + "rd.tdm_billedsalesactual, d.msdyn_invoice, d.msdyn_amount, i.msdyn_projectinvoicestatus "
            + "FROM tdm_retainerdetail rd JOIN msdyn_invoicelinetransaction d "
            + "ON d.msdyn_invoicelinetransactionid = rd.msdyn_invoicelinetransactionid "
            + "JOIN invoice i ON i.invoiceid = d.msdyn_invoice ";

    private static final String IN_DETAIL_ORDER = " ORDER BY d.createdon, rd.msdyn_invoicelinetransactionid";

    private static Link mapLink(ResultSet rs, int n) throws SQLException {
        InvoiceStatus status = OptionValue.of(InvoiceStatus.class, rs.getInt("msdyn_projectinvoicestatus"));
        return new Link(rs.getObject("msdyn_invoicelinetransactionid", UUID.class),
                rs.getObject("tdm_retainerid", UUID.class), RetainerRole.valueOf(rs.getString("tdm_role")),
                rs.getObject("msdyn_invoice", UUID.class), status.editable(), rs.getBigDecimal("msdyn_amount"),
                rs.getObject("tdm_billedsalesactual", UUID.class));
    }

    private static TandemException notFound(UUID id) {
        return new TandemException(NOT_FOUND, "Unknown retainer " + id,
                Map.of("entity", "retainer", "id", String.valueOf(id)));
    }
}
