package dev.tandem.operations.nte;

import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.actuals.AdjustmentStatus;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.NteStatus;
import dev.tandem.operations.actuals.TransactionType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Limits and committed amounts of the four NTE levels for a set of contracts, loaded in a few grouped queries and
 * then kept up to date in memory while a batch of actuals is evaluated. Committed = the billing backlog already
 * recorded (unbilled sales with NTE status Committed, not reversed, not yet confirmed on an invoice) plus the amount
 * invoiced to date (chargeable billed sales not reversed) (§4.5).
 */
final class NteLedger {

    private final Map<NteLevel, Map<String, BigDecimal>> limits = new EnumMap<>(NteLevel.class);
    private final Map<NteLevel, Map<String, BigDecimal>> committed = new EnumMap<>(NteLevel.class);
    private final Map<UUID, String> currencies = new HashMap<>();

    private NteLedger() {
        for (NteLevel level : NteLevel.values()) {
            limits.put(level, new HashMap<>());
            committed.put(level, new HashMap<>());
        }
    }

    /**
     * Loads the ledger of {@code contractIds}, locking those contracts first so that concurrent approvals on the
     * same contract evaluate one after the other and can't both overrun a limit.
     */
    static NteLedger load(OperationsContext ctx, Collection<UUID> contractIds) {
        return load(ctx, contractIds, true);
    }

    /**
     * The ledger of one contract as committed now, read without locking anything: what a page shows
     * ({@link NotToExceed#standings}).
     */
    static NteLedger read(OperationsContext ctx, UUID contractId) {
        return load(ctx, List.of(contractId), false);
    }

    private static NteLedger load(OperationsContext ctx, Collection<UUID> contractIds, boolean lock) {
        NteLedger ledger = new NteLedger();
        List<UUID> ids = new ArrayList<>(contractIds);
        if (ids.isEmpty()) {
            return ledger;
        }
        String in = OperationsContext.placeholders(ids);
        Object[] args = ids.toArray();
        // The contracts with a limit at any level: only their committed amounts are ever compared with a limit.
        Set<UUID> limited = new LinkedHashSet<>();
        ctx.jdbc().query("SELECT salesorderid, transactioncurrency, tdm_ntelimit FROM salesorder WHERE salesorderid IN ("
                + in + ")" + (lock ? " FOR UPDATE" : ""), rs -> {
            UUID contract = rs.getObject(1, UUID.class);
            ledger.currencies.put(contract, rs.getString(2).trim());
            ledger.limit(NteLevel.CONTRACT, key(contract), rs.getBigDecimal(3), contract, limited);
            ledger.place(NteLevel.CONTRACT, key(contract), contract, null, null, rs.getBigDecimal(3));
        }, args);
        ctx.jdbc().query("SELECT salesorderid, accountid, tdm_ntelimit FROM tdm_contractcustomer WHERE salesorderid IN ("
                + in + ")", rs -> {
            UUID contract = rs.getObject(1, UUID.class);
            ledger.limit(NteLevel.CONTRACT_CUSTOMER, key(contract, rs.getObject(2, UUID.class)), rs.getBigDecimal(3),
                    contract, limited);
            ledger.place(NteLevel.CONTRACT_CUSTOMER, key(contract, rs.getObject(2, UUID.class)), contract, null,
                    rs.getObject(2, UUID.class), rs.getBigDecimal(3));
        }, args);
        ctx.jdbc().query("SELECT salesorderdetailid, tdm_ntelimit, salesorderid FROM salesorderdetail "
                + "WHERE salesorderid IN (" + in + ")", rs -> {
                    ledger.limit(NteLevel.CONTRACT_LINE, key(rs.getObject(1, UUID.class)), rs.getBigDecimal(2),
                            rs.getObject(3, UUID.class), limited);
                    ledger.place(NteLevel.CONTRACT_LINE, key(rs.getObject(1, UUID.class)), rs.getObject(3, UUID.class),
                            rs.getObject(1, UUID.class), null, rs.getBigDecimal(2));
                }, args);
        ctx.jdbc().query("SELECT r.msdyn_contractline, r.msdyn_customer, r.tdm_ntelimit, d.salesorderid "
                + "FROM msdyn_projectcontractsplitbillingrule r "
                + "JOIN salesorderdetail d ON d.salesorderdetailid = r.msdyn_contractline WHERE d.salesorderid IN (" + in + ")",
                rs -> {
                    ledger.limit(NteLevel.CONTRACT_LINE_CUSTOMER, key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                            rs.getBigDecimal(3), rs.getObject(4, UUID.class), limited);
                    ledger.place(NteLevel.CONTRACT_LINE_CUSTOMER, key(rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class)), rs.getObject(4, UUID.class), rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class), rs.getBigDecimal(3));
                }, args);
        if (limited.isEmpty()) {
            // No level has a limit: every actual is Not Applicable, so the committed sums (a scan of the
            // contracts' unbilled sales) are not needed. This keeps one-by-one approvals cheap on big contracts.
            return ledger;
        }
        // Only the contracts with a limit are summed: the sum scans every committed actual of a contract, and each
        // chunk of approvals repeats it (issue 13), so contracts without limits must not pay for it.
        ids = new ArrayList<>(limited);
        in = OperationsContext.placeholders(ids);
        List<Object> sumArgs = new ArrayList<>(ids);
        sumArgs.addAll(List.of(TransactionType.UNBILLED_SALES.value(), NteStatus.COMMITTED.value(),
                BillingStatus.UNBILLED_SALES_CREATED.value(), BillingStatus.READY_TO_INVOICE.value(),
                BillingStatus.CUSTOMER_INVOICE_CREATED.value(), TransactionType.BILLED_SALES.value(),
                BillingType.CHARGEABLE.value(), AdjustmentStatus.IN_PROCESS.value()));
        // Backlog already recorded (committed unbilled sales not yet confirmed on an invoice) plus the amount
        // invoiced to date (chargeable billed sales not reversed). A credit reverses billed sales, so what it
        // credits is no longer committed.
        ctx.jdbc().query("SELECT msdyn_salescontract, msdyn_salescontractlineid, msdyn_accountcustomer, SUM(msdyn_amount) "
                + "FROM msdyn_actual WHERE msdyn_salescontract IN (" + in + ") AND ("
                + "(msdyn_transactiontypecode = ? AND tdm_ntestatus = ? AND msdyn_adjustmentstatus IS NULL "
                + "AND msdyn_billingstatus IN (?, ?, ?)) "
                + "OR (msdyn_transactiontypecode = ? AND msdyn_billingtype = ? "
                + "AND (msdyn_adjustmentstatus IS NULL OR msdyn_adjustmentstatus = ?))) "
                + "GROUP BY msdyn_salescontract, msdyn_salescontractlineid, msdyn_accountcustomer", rs -> {
            ledger.commit(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                    rs.getBigDecimal(4));
        }, sumArgs.toArray());
        return ledger;
    }

    /**
     * Where each level of the loaded contracts stands: its limit (null: none) and what is committed against it, in
     * §4.5 order (contract-line customer, contract line, contract customer, contract). Levels without a limit are
     * listed when {@code withoutLimit} is true.
     */
    List<NotToExceed.Standing> standings(boolean withoutLimit) {
        List<NotToExceed.Standing> out = new ArrayList<>();
        for (NteLevel level : NteLevel.values()) {
            for (Place p : places) {
                if (p.level() == level && (withoutLimit || p.limit() != null)) {
                    out.add(new NotToExceed.Standing(level, p.contractId(), p.lineId(), p.customerId(), p.limit(),
                            committed.get(level).getOrDefault(p.key(), BigDecimal.ZERO), currencies.get(p.contractId())));
                }
            }
        }
        return out;
    }

    /** A level's place: its key in the maps and what it is of. */
    private record Place(NteLevel level, String key, UUID contractId, UUID lineId, UUID customerId, BigDecimal limit) {
    }

    private final List<Place> places = new ArrayList<>();

    private void place(NteLevel level, String key, UUID contract, UUID line, UUID customer, BigDecimal limit) {
        places.add(new Place(level, key, contract, line, customer, limit));
    }

    /** True when any level that applies to this line and customer has a limit. */
    boolean hasLimit(UUID contract, UUID line, UUID customer) {
        for (NteLevel level : NteLevel.values()) {
            if (limits.get(level).get(levelKey(level, contract, line, customer)) != null) {
                return true;
            }
        }
        return false;
    }

    /** The first level (in §4.5 order) that {@code amount} would overrun, if any. */
    Optional<NteBreach> breach(UUID contract, UUID line, UUID customer, BigDecimal amount) {
        for (NteLevel level : NteLevel.values()) {
            String key = levelKey(level, contract, line, customer);
            BigDecimal limit = limits.get(level).get(key);
            if (limit == null) {
                continue;
            }
            BigDecimal already = committed.get(level).getOrDefault(key, BigDecimal.ZERO);
            if (already.add(amount).compareTo(limit) > 0) {
                return Optional.of(new NteBreach(level, limit, already, amount, currencies.get(contract)));
            }
        }
        return Optional.empty();
    }

    /** Adds a committed amount to every level it belongs to. */
    void commit(UUID contract, UUID line, UUID customer, BigDecimal amount) {
        for (NteLevel level : NteLevel.values()) {
            committed.get(level).merge(levelKey(level, contract, line, customer), amount, BigDecimal::add);
        }
    }

    /** Records a limit of {@code contract} at {@code level}; a contract with one joins {@code limited}. */
    private void limit(NteLevel level, String key, BigDecimal limit, UUID contract, Set<UUID> limited) {
        if (limit != null) {
            limits.get(level).put(key, limit);
            limited.add(contract);
        }
    }

    private static String levelKey(NteLevel level, UUID contract, UUID line, UUID customer) {
        return switch (level) {
            case CONTRACT_LINE_CUSTOMER -> key(line, customer);
            case CONTRACT_LINE -> key(line);
            case CONTRACT_CUSTOMER -> key(contract, customer);
            case CONTRACT -> key(contract);
        };
    }

    private static String key(Object... parts) {
        StringBuilder b = new StringBuilder();
        for (Object p : parts) {
            b.append(p).append('|');
        }
        return b.toString();
    }
}
