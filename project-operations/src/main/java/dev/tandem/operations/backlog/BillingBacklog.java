package dev.tandem.operations.backlog;

import static dev.tandem.operations.OperationsError.ACTUAL_INVOICED;
import static dev.tandem.operations.OperationsError.ACTUAL_NOT_INVOICEABLE;
import static dev.tandem.operations.OperationsError.INVALID_INPUT;
import static dev.tandem.operations.OperationsError.MILESTONE_STATE;
import static dev.tandem.operations.OperationsError.NOT_FOUND;
import static dev.tandem.operations.OperationsError.NTE_FAILED;
import static dev.tandem.operations.OperationsError.NTE_NOT_EVALUATED;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.Actuals;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.NteStatus;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.ContractRecords.Milestone;
import dev.tandem.operations.contracts.MilestoneInvoiceStatus;
import dev.tandem.operations.nte.NotToExceed;
import dev.tandem.operations.nte.NteBreach;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The billing backlog (§4.2, §5 step 7): the Time and Material backlog (unbilled sales actuals not yet invoiced,
 * not reversed) and the fixed-price milestone backlog (milestones not yet invoiced), with filters, pagination and
 * totals per currency, and the Ready / Not ready to invoice actions.
 *
 * <p>Adjusted and Unadjustable actuals are not invoiceable and don't show; NTE-Failed actuals show but can't be
 * marked Ready (§11 rule 3), nor can actuals whose NTE status was reset and not re-evaluated yet. Marking is all-or-nothing: one refused row refuses the call.
 */
public final class BillingBacklog {

    private final OperationsContext ctx;
    private final Actuals actuals;
    private final NotToExceed nte;

    public BillingBacklog(OperationsContext ctx, Actuals actuals, NotToExceed nte) {
        this.ctx = ctx;
        this.actuals = actuals;
        this.nte = nte;
    }

    /**
     * Backlog filter; every field optional. Dates are inclusive and apply to the document date (actuals) or the
     * milestone date (milestones). {@code readyOnly} limits to rows marked Ready to invoice. {@code classification}
     * (time, expense, material, fee…) and {@code nteStatus} (Not Applicable, Committed, Failed) filter actuals only;
     * null: any.
     */
    public record Filter(UUID contractId, UUID projectId, UUID customerId, LocalDate from, LocalDate to, boolean readyOnly,
                         dev.tandem.operations.actuals.TransactionClassification classification,
                         dev.tandem.operations.actuals.NteStatus nteStatus) {

        /** A filter without a transaction class or not-to-exceed status. */
        public Filter(UUID contractId, UUID projectId, UUID customerId, LocalDate from, LocalDate to, boolean readyOnly) {
            this(contractId, projectId, customerId, from, to, readyOnly, null, null);
        }

        public static Filter all() {
            return new Filter(null, null, null, null, null, false);
        }
    }

    /**
     * Total of the rows matching a filter in one currency.
     *
     * @param amount           sum of all amounts, rounded values at scale 6
     * @param chargeableAmount sum of chargeable amounts only (what an invoice would total; milestones are chargeable)
     */
    public record CurrencyTotal(String currency, long count, BigDecimal amount, BigDecimal chargeableAmount) {
    }

    /** One page of backlog rows plus totals over every page. */
    public record BacklogPage<T>(List<T> items, int page, int size, long total, List<CurrencyTotal> totals) {
    }

    /** The Time and Material billing backlog, oldest document date first. */
    public BacklogPage<Actual> timeAndMaterial(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        timeAndMaterialWhere(filter, where, args);
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Actual> items = ctx.jdbc().query("SELECT " + Actual.COLUMNS + " FROM msdyn_actual WHERE " + where
                + " ORDER BY msdyn_documentdate, msdyn_actualid LIMIT ? OFFSET ?", Actual::map, pageArgs.toArray());
        List<CurrencyTotal> totals = timeAndMaterialTotals(filter);
        return new BacklogPage<>(items, page, size, totals.stream().mapToLong(CurrencyTotal::count).sum(), totals);
    }

    /**
     * One page of the Time and Material billing backlog without its count and totals, which scan every row of the
     * filter: {@code size + 1} rows are read, so the page knows whether another follows. For a list that shows its
     * rows first and its totals when {@link #timeAndMaterialTotals} answers (the web UI's backlog, issue 16).
     *
     * @return at most {@code size + 1} actuals, oldest document date first
     */
    public List<Actual> timeAndMaterialRows(Filter filter, int page, int size) {
        // Each of the backlog's two billing statuses is read in the order of the index actual_backlog_page (type,
        // status, document date, id; spelled from its first column, which H2 needs to read in index order) up to the
        // end of the page, and the two short lists are merged here: no sort of the whole backlog, no walk through
        // invoiced actuals (operations migration V13). (A UNION of the two ordered reads is not portable: H2 drops the
        // ORDER BY of a LIMITed query inside a derived table.)
        long end = ((long) page + 1) * size + 1;
        if (end > MERGED_READ_LIMIT) {
            // A deep page: the two ordered reads would bring every row before it into memory; one sorted read with
            // OFFSET instead (slower on a big backlog, bounded in memory).
            StringBuilder where = new StringBuilder();
            List<Object> args = new ArrayList<>();
            timeAndMaterialWhere(filter, where, args);
            args.add(size + 1);
            args.add((long) page * size);
            return ctx.jdbc().query("SELECT " + Actual.COLUMNS + " FROM msdyn_actual WHERE " + where
                    + " ORDER BY msdyn_documentdate, msdyn_actualid LIMIT ? OFFSET ?", Actual::map, args.toArray());
        }
        List<BillingStatus> statuses = filter.readyOnly() ? List.of(BillingStatus.READY_TO_INVOICE)
                : List.of(BillingStatus.UNBILLED_SALES_CREATED, BillingStatus.READY_TO_INVOICE);
        List<Actual> merged = new ArrayList<>();
        for (BillingStatus status : statuses) {
            StringBuilder where = new StringBuilder("msdyn_transactiontypecode = ? AND msdyn_billingstatus = ? "
                    + "AND msdyn_adjustmentstatus IS NULL AND msdyn_invoice IS NULL");
            List<Object> args = new ArrayList<>(List.of(TransactionType.UNBILLED_SALES.value(), status.value()));
            condition(where, args, "msdyn_salescontract", filter.contractId());
            condition(where, args, "msdyn_project", filter.projectId());
            condition(where, args, "msdyn_accountcustomer", filter.customerId());
            actualConditions(where, args, filter);
            dates(where, args, "msdyn_documentdate", filter);
            args.add(end);
            merged.addAll(ctx.jdbc().query("SELECT " + Actual.COLUMNS + " FROM msdyn_actual WHERE " + where
                    + " ORDER BY msdyn_transactiontypecode, msdyn_billingstatus, msdyn_documentdate, msdyn_actualid "
                    + "LIMIT ?", Actual::map, args.toArray()));
        }
        // The databases order UUIDs as unsigned 128-bit numbers (PostgreSQL byte by byte), not as UUID.compareTo does.
        merged.sort(java.util.Comparator.comparing(Actual::documentDate).thenComparing(Actual::id, (a, b) -> {
            int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
            return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
        }));
        int from = (int) Math.min(merged.size(), (long) page * size);
        return new ArrayList<>(merged.subList(from, Math.min(merged.size(), from + size + 1)));
    }

    /**
     * The totals per currency of every row of the Time and Material backlog that {@code filter} selects: count,
     * amount and chargeable amount (in the currency, as stored). One grouped query; their counts add up to the
     * backlog's size.
     */
    public List<CurrencyTotal> timeAndMaterialTotals(Filter filter) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        timeAndMaterialWhere(filter, where, args);
        return totals("msdyn_actual", where, args, "CASE WHEN msdyn_billingtype = "
                + dev.tandem.operations.actuals.BillingType.CHARGEABLE.value() + " THEN msdyn_amount ELSE 0 END");
    }

    /**
     * Every row of the Time and Material billing backlog that {@code filter} selects, oldest document date first (the
     * order of {@link #timeAndMaterial}), given to {@code each} as one query reads them ({@value #STREAM_FETCH} rows
     * a round trip), without counts or totals. For work over a whole contract's backlog (issue 13: marking a
     * contract Ready page by page with {@code OFFSET}, a count and totals per page made the month end of 1,000,000
     * time rows spend half an hour in "ready to invoice", each page sorting and summing the whole backlog again).
     * Within a transaction, so that PostgreSQL's driver streams with a cursor.
     */
    public void forEachTimeAndMaterial(Filter filter, java.util.function.Consumer<Actual> each) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        timeAndMaterialWhere(filter, where, args);
        String sql = "SELECT " + Actual.COLUMNS + " FROM msdyn_actual WHERE " + where
                + " ORDER BY msdyn_documentdate, msdyn_actualid";
        ctx.inTransaction(() -> ctx.jdbc().query(connection -> {
            java.sql.PreparedStatement statement = connection.prepareStatement(sql);
            statement.setFetchSize(STREAM_FETCH);
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            return statement;
        }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(Actual.map(rs, rs.getRow()))));
    }

    /** The most rows {@link #timeAndMaterialRows} reads per billing status to merge; deeper pages use OFFSET. */
    static final int MERGED_READ_LIMIT = 5_000;

    /** Rows a streaming read fetches per round trip. */
    static final int STREAM_FETCH = 1000;

    private static void timeAndMaterialWhere(Filter filter, StringBuilder where, List<Object> args) {
        where.append("msdyn_transactiontypecode = ? AND msdyn_adjustmentstatus IS NULL "
                + "AND msdyn_invoice IS NULL AND msdyn_billingstatus IN (?, ?)");
        args.addAll(List.of(TransactionType.UNBILLED_SALES.value(),
                BillingStatus.UNBILLED_SALES_CREATED.value(), BillingStatus.READY_TO_INVOICE.value()));
        if (filter.readyOnly()) {
            where.append(" AND msdyn_billingstatus = ?");
            args.add(BillingStatus.READY_TO_INVOICE.value());
        }
        condition(where, args, "msdyn_salescontract", filter.contractId());
        condition(where, args, "msdyn_project", filter.projectId());
        condition(where, args, "msdyn_accountcustomer", filter.customerId());
        actualConditions(where, args, filter);
        dates(where, args, "msdyn_documentdate", filter);
    }

    /** The conditions only actuals have: transaction class and not-to-exceed status. */
    private static void actualConditions(StringBuilder where, List<Object> args, Filter filter) {
        condition(where, args, "msdyn_transactionclassification", filter.classification() == null ? null
                : filter.classification().value());
        condition(where, args, "tdm_ntestatus", filter.nteStatus() == null ? null : filter.nteStatus().value());
    }

    /** The fixed-price milestone backlog (Not ready and Ready for invoicing), oldest milestone date first. */
    public BacklogPage<Milestone> milestones(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder("m.msdyn_invoicestatus IN (?, ?)");
        List<Object> args = new ArrayList<>(List.of(MilestoneInvoiceStatus.NOT_READY_FOR_INVOICING.value(),
                MilestoneInvoiceStatus.READY_FOR_INVOICING.value()));
        if (filter.readyOnly()) {
            where.append(" AND m.msdyn_invoicestatus = ?");
            args.add(MilestoneInvoiceStatus.READY_FOR_INVOICING.value());
        }
        condition(where, args, "m.msdyn_salescontract", filter.contractId());
        condition(where, args, "d.msdyn_project", filter.projectId());
        condition(where, args, "s.customerid", filter.customerId());
        dates(where, args, "m.msdyn_invoicedate", filter);
        String from = "msdyn_contractlinescheduleofvalue m JOIN salesorderdetail d ON d.salesorderdetailid = "
                + "m.msdyn_contractlineid JOIN salesorder s ON s.salesorderid = m.msdyn_salescontract";
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Milestone> items = ctx.jdbc().query("SELECT m.* FROM " + from + " WHERE " + where
                + " ORDER BY m.msdyn_invoicedate, m.msdyn_contractlinescheduleofvalueid LIMIT ? OFFSET ?",
                dev.tandem.operations.contracts.Contracts::mapMilestone, pageArgs.toArray());
        List<CurrencyTotal> totals = totals(from, where, args, "m.msdyn_amount");
        return new BacklogPage<>(items, page, size, totals.stream().mapToLong(CurrencyTotal::count).sum(), totals);
    }

    /**
     * Marks unbilled sales actuals Ready to invoice ({@code ready = true}) or back to not ready.
     *
     * @throws TandemException ACTUAL_NOT_INVOICEABLE for Adjusted, Unadjustable, In Process or non-unbilled actuals;
     *                         ACTUAL_INVOICED for actuals already on an invoice; NTE_NOT_EVALUATED (Ready only) after a
     *                         reset; NTE_FAILED (Ready only) naming the
     *                         limit, the amount already committed and the amount requested; NOT_FOUND
     */
    public void markActuals(List<UUID> actualIds, boolean ready) {
        if (actualIds == null || actualIds.isEmpty()) {
            throw new TandemException(INVALID_INPUT, "No actuals given");
        }
        ctx.inTransaction(() -> {
            Map<UUID, Actual> found = new HashMap<>();
            actuals.actuals(actualIds).forEach(a -> found.put(a.id(), a));
            for (UUID id : actualIds) {
                Actual a = found.get(id);
                if (a == null) {
                    throw new TandemException(NOT_FOUND, "Unknown actual " + id, Map.of("entity", "actual", "id", id.toString()));
                }
                requireMarkable(a, ready);
            }
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("msdyn_billingstatus", (ready ? BillingStatus.READY_TO_INVOICE : BillingStatus.UNBILLED_SALES_CREATED).value());
            values.putAll(ctx.modified());
            ctx.writer().update(OperationsDataEntities.ACTUALS, actualIds, values);
        });
    }

    /**
     * Marks milestones Ready for invoicing or back to Not ready (§4.6).
     *
     * @throws TandemException MILESTONE_STATE once a milestone is on an invoice; NOT_FOUND
     */
    public void markMilestones(List<UUID> milestoneIds, boolean ready) {
        if (milestoneIds == null || milestoneIds.isEmpty()) {
            throw new TandemException(INVALID_INPUT, "No milestones given");
        }
        ctx.inTransaction(() -> {
            for (UUID id : milestoneIds) {
                List<Integer> status = ctx.jdbc().queryForList("SELECT msdyn_invoicestatus FROM msdyn_contractlinescheduleofvalue "
                        + "WHERE msdyn_contractlinescheduleofvalueid = ?", Integer.class, id);
                if (status.isEmpty()) {
                    throw new TandemException(NOT_FOUND, "Unknown milestone " + id, Map.of("entity", "milestone", "id", id.toString()));
                }
                MilestoneInvoiceStatus s = dev.tandem.operations.OptionValue.of(MilestoneInvoiceStatus.class, status.get(0));
                if (s != MilestoneInvoiceStatus.NOT_READY_FOR_INVOICING && s != MilestoneInvoiceStatus.READY_FOR_INVOICING) {
                    throw new TandemException(MILESTONE_STATE, "Milestone " + id + " is " + s.label()
                            + "; only milestones not yet invoiced can be marked Ready or Not ready",
                            Map.of("milestoneId", id.toString(), "milestoneStatus", s.label()));
                }
            }
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("msdyn_invoicestatus", (ready ? MilestoneInvoiceStatus.READY_FOR_INVOICING
                    : MilestoneInvoiceStatus.NOT_READY_FOR_INVOICING).value());
            values.putAll(ctx.modified());
            ctx.writer().update(OperationsDataEntities.MILESTONES, milestoneIds, values);
        });
    }

    private void requireMarkable(Actual a, boolean ready) {
        if (a.transactionType() != TransactionType.UNBILLED_SALES) {
            throw new TandemException(ACTUAL_NOT_INVOICEABLE, "Actual " + a.id() + " is a " + a.transactionType().label()
                    + " actual; only unbilled sales actuals are in the billing backlog", Map.of("actualId", a.id().toString()));
        }
        if (a.adjustmentStatus() != null) {
            throw new TandemException(ACTUAL_NOT_INVOICEABLE, "Actual " + a.id() + " is " + a.adjustmentStatus().label()
                    + "; Adjusted and Unadjustable actuals are not invoiceable (§11 rule 3)",
                    Map.of("actualId", a.id().toString(), "adjustmentStatus", a.adjustmentStatus().label()));
        }
        if (a.invoiceId() != null || (a.billingStatus() != BillingStatus.UNBILLED_SALES_CREATED
                && a.billingStatus() != BillingStatus.READY_TO_INVOICE)) {
            throw new TandemException(ACTUAL_INVOICED, "Actual " + a.id() + " is " + a.billingStatus().label()
                    + " and no longer in the billing backlog", Map.of("actualId", a.id().toString()));
        }
        if (ready && a.nteStatus() == NteStatus.NOT_EVALUATED) {
            // After a reset the actual has no NTE verdict; marking it Ready then would bypass the limits (§4.5).
            throw new TandemException(NTE_NOT_EVALUATED, "Actual " + a.id() + " can't be marked Ready to invoice: its "
                    + "not-to-exceed status is Not Evaluated; re-evaluate it first", Map.of("actualId", a.id().toString()));
        }
        if (ready && a.nteStatus() == NteStatus.FAILED) {
            Optional<NteBreach> breach = nte.breach(a);
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("actualId", a.id().toString());
            breach.ifPresent(b -> props.putAll(b.properties()));
            String why = breach.map(NteBreach::describe)
                    .orElse("it would fit now; re-evaluate its not-to-exceed status first (" + a.nteDetail() + ")");
            throw new TandemException(NTE_FAILED, "Actual " + a.id() + " can't be marked Ready to invoice: its "
                    + "not-to-exceed status is Failed. " + why, props);
        }
    }

    private static void condition(StringBuilder where, List<Object> args, String column, Object value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static void dates(StringBuilder where, List<Object> args, String column, Filter filter) {
        if (filter.from() != null) {
            where.append(" AND ").append(column).append(" >= ?");
            args.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND ").append(column).append(" <= ?");
            args.add(filter.to());
        }
    }

    private List<CurrencyTotal> totals(String from, CharSequence where, List<Object> args, String chargeable) {
        String currency = from.startsWith("msdyn_actual") ? "transactioncurrency" : "m.transactioncurrency";
        String amount = from.startsWith("msdyn_actual") ? "msdyn_amount" : "m.msdyn_amount";
        return ctx.jdbc().query("SELECT " + currency + ", COUNT(*), SUM(" + amount + "), SUM(" + chargeable + ") FROM "
                + from + " WHERE " + where + " GROUP BY " + currency + " ORDER BY " + currency, (rs, n) ->
                new CurrencyTotal(rs.getString(1).trim(), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)),
                args.toArray());
    }
}
