package dev.tandem.operations.sync;

import static dev.tandem.operations.OperationsError.INVALID_INPUT;

import dev.tandem.common.Ids;
import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.spi.TableDataEntity;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The write path of {@code accounts} for the Customers map (§7 prerequisite maps: "Customers V3"): Finance is the
 * master of customers, and Project Operations keeps its own account id for each.
 *
 * <p>Accepts: upserts by {@code accountnumber} (or by {@code accountid}) of rows carrying {@code accountnumber},
 * {@code name} and optionally {@code accountid}. A new account number becomes a new account with a new id
 * ({@link Ids#newId}, unless the row brings one) and the row's name; an existing account gets the row's name.
 * A row equal to the stored account writes nothing.
 *
 * <p>Refuses (the whole call), with {@code INVALID_INPUT} naming the account number and the rule: a new account
 * without account number or name; a blank name; values longer than the columns hold (account number 20, name 160);
 * a row that would change an existing account's number or id; any other field; every delete (projects, contracts
 * and invoices refer to accounts).
 */
final class AccountWrites implements TableDataEntity.Writes {

    private static final DataEntityDefinition ACCOUNTS = OperationsDataEntities.ACCOUNTS;
    private static final List<String> WRITABLE = List.of("accountid", "accountnumber", "name");

    private final OperationsContext ctx;
    private final TableDataEntity entity;
    private volatile SyncRows.Limits limits;

    AccountWrites(OperationsContext ctx, TableDataEntity entity) {
        this.ctx = ctx;
        this.entity = entity;
    }

    @Override
    public void upsert(String keyField, List<Map<String, Object>> rows) {
        ctx.inTransaction(() -> {
            List<Map<String, Object>> typed = new ArrayList<>(rows.size());
            for (Map<String, Object> row : rows) {
                Object key = SyncRows.requireKey(ACCOUNTS, keyField, row);
                String name = "Account " + SyncRows.text(row.getOrDefault("accountnumber", key));
                SyncRows.onlyFields(ACCOUNTS, row, WRITABLE, name, "Finance");
                Map<String, Object> t = SyncRows.coerce(entity, row, name);
                limits().check(t, name);
                typed.add(t);
            }
            Map<Object, Map<String, Object>> merged = SyncRows.mergeByKey(typed, keyField);
            Map<Object, Map<String, Object>> stored = SyncRows.index(
                    entity.read(keyField, new ArrayList<>(merged.keySet())), keyField);
            List<Map<String, Object>> inserts = new ArrayList<>();
            Map<Object, Map<String, Object>> updates = new LinkedHashMap<>();
            merged.forEach((key, row) -> {
                Map<String, Object> before = stored.get(key);
                if (before == null) {
                    inserts.add(newAccount(row));
                } else {
                    Map<String, Object> changed = changedName(row, before);
                    if (!changed.isEmpty()) {
                        changed.putAll(ctx.modified());
                        updates.put(before.get("accountid"), changed);
                    }
                }
            });
            ctx.writer().insert(ACCOUNTS, inserts);
            SyncRows.byFieldSet(updates).forEach(group -> ctx.writer().updateEach(ACCOUNTS, group));
        });
    }

    private Map<String, Object> newAccount(Map<String, Object> row) {
        String name = "Account " + SyncRows.text(row.get("accountnumber"));
        SyncRows.required(row, "accountnumber", name);
        SyncRows.required(row, "name", name);
        Integer taken = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM account WHERE accountnumber = ?",
                Integer.class, row.get("accountnumber"));
        if (taken != null && taken > 0) {
            throw refusal(name, "the account number already belongs to another account than "
                    + row.get("accountid") + "; an account number identifies one account");
        }
        Map<String, Object> insert = new LinkedHashMap<>(row);
        insert.putIfAbsent("accountid", null);
        if (insert.get("accountid") == null) {
            insert.put("accountid", Ids.newId());
        }
        insert.putAll(ctx.created());
        return insert;
    }

    private static Map<String, Object> changedName(Map<String, Object> row, Map<String, Object> before) {
        String name = "Account " + before.get("accountnumber");
        for (String identity : List.of("accountid", "accountnumber")) {
            if (row.containsKey(identity) && !SyncRows.same(row.get(identity), before.get(identity))) {
                throw refusal(name, "its " + identity + " is " + before.get(identity) + " in Project Operations and "
                        + "can't change to " + row.get(identity));
            }
        }
        SyncRows.notCleared(row, "name", name);
        return SyncRows.changes(row, before, Set.of("accountid", "accountnumber"));
    }

    private static TandemException refusal(String rowName, String rule) {
        return new TandemException(INVALID_INPUT, rowName + ": " + rule, Map.of("row", rowName));
    }

    @Override
    public void delete(String keyField, List<?> keys) {
        throw new TandemException(INVALID_INPUT, "Accounts aren't deleted through dual-write: projects, contracts and "
                + "invoices of Project Operations refer to them; refused deleting " + keys,
                Map.of("entity", ACCOUNTS.name()));
    }

    private SyncRows.Limits limits() {
        if (limits == null) {
            limits = SyncRows.Limits.of(ctx.jdbc(), ACCOUNTS);
        }
        return limits;
    }
}
