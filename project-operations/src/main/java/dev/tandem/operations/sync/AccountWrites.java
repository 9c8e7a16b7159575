package dev.tandem.operations.sync;

import static dev.tandem.operations.OperationsError.INVALID_INPUT;

import dev.tandem.common.Ids;
import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.spi.ColumnTypes;
import dev.tandem.dualwrite.spi.InboundPipeline;
import dev.tandem.dualwrite.spi.InboundRow;
import dev.tandem.dualwrite.spi.InboundRule;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The business rules of {@code accounts} for the Customers map (§7 prerequisite maps: "Customers V3"): Finance is the
 * master of customers, and Project Operations keeps its own account id for each.
 *
 * <p>Accepts (after the inbound pipeline's checks, {@link InboundPipeline}): upserts by {@code accountnumber} (or by
 * {@code accountid}) of rows carrying {@code accountnumber}, {@code name} and optionally {@code accountid}. A new
 * account number becomes a new account with a new id ({@link Ids#newId}, unless the row brings one) and the row's
 * name; an existing account gets the row's name. A row equal to the stored account writes nothing.
 *
 * <p>Refuses (the whole call), with {@code INVALID_INPUT} naming the account number and the rule: a new account
 * without account number or name; a blank name; a row that would change an existing account's number or id; an
 * account number another account has. The pipeline refuses values longer than the columns hold (account number 20,
 * name 160), any other field, and every delete (projects, contracts and invoices refer to accounts).
 */
final class AccountWrites implements InboundRule {

    private static final DataEntityDefinition ACCOUNTS = OperationsDataEntities.ACCOUNTS;
    private static final List<String> WRITABLE = List.of("accountid", "accountnumber", "name");

    private final OperationsContext ctx;

    AccountWrites(OperationsContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String noun() {
        return "Account";
    }

    @Override
    public String rowName(Map<String, Object> delivered, Object key) {
        return "Account " + delivered.getOrDefault("accountnumber", key);
    }

    @Override
    public List<String> writable(DataEntityDefinition entity, String keyField) {
        return WRITABLE;
    }

    @Override
    public void write(String keyField, List<InboundRow> rows) {
        List<Map<String, Object>> inserts = new ArrayList<>();
        Map<Object, Map<String, Object>> updates = new LinkedHashMap<>();
        for (InboundRow row : rows) {
            if (row.isNew()) {
                inserts.add(newAccount(row.delivered()));
            } else {
                Map<String, Object> changed = changedName(row);
                if (!changed.isEmpty()) {
                    updates.put(row.stored().get("accountid"), changed);
                }
            }
        }
        InboundPipeline.write(ctx, ACCOUNTS, inserts, updates);
    }

    private Map<String, Object> newAccount(Map<String, Object> row) {
        String name = "Account " + row.get("accountnumber");
        RowChecks.required(row, "accountnumber", name);
        RowChecks.required(row, "name", name);
        Integer taken = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM account WHERE accountnumber = ?",
                Integer.class, row.get("accountnumber"));
        if (taken != null && taken > 0) {
            throw refusal(name, "the account number already belongs to another account than "
                    + row.get("accountid") + "; an account number identifies one account");
        }
        Map<String, Object> insert = new LinkedHashMap<>(row);
        if (insert.get("accountid") == null) {
            insert.put("accountid", Ids.newId());
        }
        return insert;
    }

    private static Map<String, Object> changedName(InboundRow row) {
        Map<String, Object> before = row.stored();
        String name = "Account " + before.get("accountnumber");
        for (String identity : List.of("accountid", "accountnumber")) {
            Object delivered = row.delivered().get(identity);
            if (row.delivered().containsKey(identity) && !ColumnTypes.same(delivered, before.get(identity))) {
                throw refusal(name, "its " + identity + " is " + before.get(identity) + " in Project Operations and "
                        + "can't change to " + delivered);
            }
        }
        RowChecks.notCleared(row.delivered(), "name", name);
        return row.changes(Set.of("accountid", "accountnumber"));
    }

    private static TandemException refusal(String rowName, String rule) {
        return new TandemException(INVALID_INPUT, rowName + ": " + rule, Map.of("row", rowName));
    }

    @Override
    public String whyNoDeletes(DataEntityDefinition entity) {
        return "Accounts aren't deleted through dual-write: projects, contracts and invoices of Project Operations "
                + "refer to them";
    }
}
