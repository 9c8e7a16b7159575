package dev.tandem.finance.staging;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.staging.StagingValidator.Delivered;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The delivery arrives as field maps (the inbound edge of the dual-write runtime) and is typed by the validator; every
 * write goes through {@link StagingWrites}, the data-entity writer's edge, and so reaches the outbox.
 */
public final class StagingEntity {

    private final FinanceContext ctx;
    private final StagingValidator validator;
    private final StagingWrites writes;

    public StagingEntity(FinanceContext ctx) {
        this.ctx = ctx;
        this.validator = new StagingValidator(ctx);
        this.writes = new StagingWrites(ctx);
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
            List<Delivered> valid = validator.validate(rows);
            Map<UUID, Boolean> processed = lockExisting(valid.stream().map(d -> d.row().actualId()).toList());
            List<StagingRow> inserts = new ArrayList<>();
            List<StagingRow> updates = new ArrayList<>();
            Map<UUID, Set<String>> updatedFields = new HashMap<>();
            List<UUID> duplicates = new ArrayList<>();
            for (Delivered delivered : valid) {
                UUID actualId = delivered.row().actualId();
                Boolean isProcessed = processed.get(actualId);
                if (isProcessed == null) {
                    inserts.add(delivered.row());
                } else if (isProcessed) {
                    duplicates.add(actualId);
                } else {
                    updates.add(delivered.row());
                    Set<String> fields = new TreeSet<>(delivered.fields());
                    fields.remove(FinanceDataEntities.ACTUALS_STAGING.integrationKey());
                    updatedFields.put(actualId, fields);
                }
            }
            writes.insertDelivered(inserts);
            writes.updateDelivered(updates, updatedFields);
            writes.markDuplicate(duplicates);
            return new UpsertResult(inserts.size(), updates.size(), duplicates.size());
        });
    }

    /**
     * Locks the delivered actuals that already have a row and says whether each is processed. Rows are locked in
     * staging-row-id order, the order Import from staging claims them in, so the two never wait on each other in a
     * cycle: the row ids are looked up first, then locked by primary key in ascending order (H2 locks in the order it
     * reads the index, so the lookup must go through the primary key, not the actual id).
     */
    private Map<UUID, Boolean> lockExisting(List<UUID> actualIds) {
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
