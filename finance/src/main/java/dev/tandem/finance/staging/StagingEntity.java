package dev.tandem.finance.staging;

import dev.tandem.common.Ids;
import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The write path the dual-write runtime calls for the actuals map (§3.7, §5 step 4): delivered Project Operations
 * actuals become staging rows, one per actual id.
 *
 * <p>A delivery is validated whole first ({@link StagingValidator}, §11 item 20) and refused whole: a
 * {@link TandemException} and nothing written. Then, in one transaction, each actual is
 * <ul>
 *   <li>inserted when its actual id is new (processing fields at their defaults: not processed, integration count 0,
 *       not a duplicate, not journalized);</li>
 *   <li>updated with the delivered fields when it exists and Import from staging has not taken it yet;</li>
 *   <li>left as it is, with {@code isduplicate} set, when it exists and is already processed: a repeated delivery of
 *       a journalized actual must not change what was journalized ("IsDuplicate/IntegrationCount guard against
 *       double delivery", §3.7).</li>
 * </ul>
 * The existing rows are locked first (in staging-row-id order, as Import from staging claims them), so an import that claims a row either finishes before
 * the delivery looks at it (the delivery then sees it processed) or waits until the delivery has committed.
 * Every write goes through the data-entity writer and so reaches the outbox.
 */
public final class StagingEntity {

    private final FinanceContext ctx;
    private final StagingValidator validator;

    public StagingEntity(FinanceContext ctx) {
        this.ctx = ctx;
        this.validator = new StagingValidator(ctx);
    }

    /** What a delivery did: rows inserted, unprocessed rows updated, processed rows marked duplicate. */
    public record UpsertResult(int inserted, int updated, int duplicates) {
    }

    /**
     * Stores a delivery of actuals.
     *
     * @param rows field → value per actual, fields named as {@link FinanceDataEntities#ACTUALS_STAGING}; Finance-owned
     *             fields (processing, write-back, audit) are ignored
     * @throws TandemException INVALID_INPUT (unknown field, value that does not fit, required field missing, invalid
     *                         currency code, unknown transaction type, an actual twice), NOT_FOUND (legal entity),
     *                         PROJECT_NOT_FOUND, CUSTOMER_NOT_FOUND, LINE_PROPERTY_NOT_FOUND; nothing is written
     */
    public UpsertResult upsert(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return new UpsertResult(0, 0, 0);
        }
        return ctx.inTransaction(() -> {
            List<Map<String, Object>> valid = validator.validate(rows);
            Map<UUID, Boolean> processed = lockExisting(valid);
            List<Map<String, Object>> inserts = new ArrayList<>();
            Map<Set<String>, Map<UUID, Map<String, Object>>> updates = new LinkedHashMap<>();
            List<UUID> duplicates = new ArrayList<>();
            Map<String, Object> modified = ctx.modified();
            for (Map<String, Object> row : valid) {
                UUID actualId = (UUID) row.get("actualid");
                Boolean isProcessed = processed.get(actualId);
                if (isProcessed == null) {
                    inserts.add(newRow(row));
                } else if (isProcessed) {
                    duplicates.add(actualId);
                } else {
                    Map<String, Object> values = new LinkedHashMap<>(row);
                    values.remove("actualid");
                    values.putAll(modified);
                    // updateEach sets one field list per call; deliveries of one map carry the same fields.
                    updates.computeIfAbsent(new TreeSet<>(values.keySet()), k -> new LinkedHashMap<>())
                            .put(actualId, values);
                }
            }
            ctx.writer().insert(FinanceDataEntities.ACTUALS_STAGING, inserts);
            updates.values().forEach(group -> ctx.writer().updateEach(FinanceDataEntities.ACTUALS_STAGING, group));
            Map<String, Object> duplicate = new HashMap<>(modified);
            duplicate.put("isduplicate", Boolean.TRUE);
            ctx.writer().update(FinanceDataEntities.ACTUALS_STAGING, duplicates, duplicate);
            int updated = updates.values().stream().mapToInt(Map::size).sum();
            return new UpsertResult(inserts.size(), updated, duplicates.size());
        });
    }

    private Map<String, Object> newRow(Map<String, Object> delivered) {
        Map<String, Object> row = new LinkedHashMap<>(delivered);
        row.put("actualsimportid", Ids.newId());
        row.put("isprocessed", Boolean.FALSE);
        row.put("integrationcount", 0);
        row.put("isduplicate", Boolean.FALSE);
        row.put("isjournalized", Boolean.FALSE);
        row.putAll(ctx.created());
        return row;
    }

    /**
     * Locks the delivered actuals that already have a row and says whether each is processed. Rows are locked in
     * staging-row-id order, the order Import from staging claims them in, so the two never wait on each other in a
     * cycle: the row ids are looked up first, then locked by primary key in ascending order (H2 locks in the order it
     * reads the index, so the lookup must go through the primary key, not the actual id).
     */
    private Map<UUID, Boolean> lockExisting(List<Map<String, Object>> rows) {
        List<UUID> actualIds = rows.stream().map(r -> (UUID) r.get("actualid")).toList();
        List<UUID> rowIds = new ArrayList<>(ctx.idsIn("SELECT actualsimportid FROM projcdsactualsimport WHERE actualid "
                + "IN (:in)", actualIds));
        rowIds.sort(null); // version-7 ids: Java's order is the database's
        Map<UUID, Boolean> processed = new HashMap<>();
        for (int from = 0; from < rowIds.size(); from += 1000) {
            List<UUID> chunk = rowIds.subList(from, Math.min(rowIds.size(), from + 1000));
            ctx.jdbc().query("SELECT actualid, isprocessed FROM projcdsactualsimport WHERE actualsimportid IN ("
                    + FinanceContext.placeholders(chunk) + ") ORDER BY actualsimportid FOR UPDATE", rs -> {
                        processed.put(rs.getObject(1, UUID.class), rs.getBoolean(2));
                    }, chunk.toArray());
        }
        return processed;
    }
}
