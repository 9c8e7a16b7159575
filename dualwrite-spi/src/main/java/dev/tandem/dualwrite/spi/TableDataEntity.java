package dev.tandem.dualwrite.spi;

import dev.tandem.dualwrite.AppContext;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link DataEntity} over the table of its definition: reads with SQL, writes through the app's
 * {@link dev.tandem.dualwrite.entity.DataEntityWriter} (so every write reaches the outbox), and coerces delivered
 * values to the column types ({@link ColumnTypes}).
 *
 * <p>Writes go to a {@link Writes}: for the apps' entities that is the inbound pipeline ({@link InboundPipeline}),
 * which checks delivered rows the same way for every entity and then calls the entity's business rules
 * ({@link InboundRule}). Entities the runtime only reads (sources, lookup targets) use {@link #readOnly} or
 * {@link InboundPipeline#readOnly}, which refuse writes; entities with nothing to validate beyond the column types
 * (test apps of the runtime) use {@link #plain}.
 */
public class TableDataEntity implements DataEntity {

    /** The app's write path for delivered rows; it validates and refuses by throwing a TandemException. */
    public interface Writes {
        void upsert(String keyField, List<Map<String, Object>> rows);

        /** Refused unless the app allows deletes by sync. */
        default void delete(String keyField, List<?> keys) {
            throw new dev.tandem.common.TandemException(dev.tandem.dualwrite.DualWriteError.ENTITY_READ_ONLY,
                    "Deleting rows by sync isn't supported for this entity (" + keys.size() + " rows, by " + keyField
                            + ")");
        }
    }

    private final DataEntityDefinition definition;
    private final AppContext ctx;
    private final Writes writes;
    private volatile ColumnTypes types;

    public TableDataEntity(DataEntityDefinition definition, AppContext ctx, Writes writes) {
        this.definition = definition;
        this.ctx = ctx;
        this.writes = writes;
    }

    /**
     * An entity the runtime reads but never writes: upserts and deletes are refused with
     * {@link InboundPipeline#entityReadOnly} ({@code ENTITY_READ_ONLY}).
     */
    public static TableDataEntity readOnly(DataEntityDefinition definition, AppContext ctx) {
        return InboundPipeline.readOnly(definition, ctx, refusal -> InboundPipeline.entityReadOnly(refusal.entity()));
    }

    /**
     * An entity whose delivered rows need no validation beyond their column types: inserted when the key is new,
     * else updated with the delivered fields; {@code createdon/createdby/modifiedon/modifiedby} are filled in when the
     * entity has them.
     */
    public static TableDataEntity plain(DataEntityDefinition definition, AppContext ctx) {
        TableDataEntity[] self = new TableDataEntity[1];
        self[0] = new TableDataEntity(definition, ctx, new Writes() {
            @Override
            public void upsert(String keyField, List<Map<String, Object>> rows) {
                self[0].plainUpsert(keyField, rows);
            }

            @Override
            public void delete(String keyField, List<?> keys) {
                self[0].plainDelete(keyField, keys);
            }
        });
        return self[0];
    }

    @Override
    public DataEntityDefinition definition() {
        return definition;
    }

    /** Column types of the table, read from the database once. */
    public ColumnTypes types() {
        if (types == null) {
            types = ColumnTypes.of(ctx.jdbc(), definition);
        }
        return types;
    }

    @Override
    public List<Map<String, Object>> read(String keyField, List<?> keys) {
        requireKey(keyField);
        List<Map<String, Object>> rows = new ArrayList<>(keys.size());
        List<Object> typed = keys.stream().map(k -> types().coerce(keyField, k)).toList();
        for (int from = 0; from < typed.size(); from += 1000) {
            List<Object> chunk = typed.subList(from, Math.min(typed.size(), from + 1000));
            rows.addAll(ctx.jdbc().query("SELECT " + String.join(", ", definition.fields()) + " FROM "
                    + definition.table() + " WHERE " + keyField + " IN (" + AppContext.placeholders(chunk) + ")",
                    (rs, n) -> types().row(rs), chunk.toArray()));
        }
        return rows;
    }

    @Override
    public List<Map<String, Object>> page(Object afterKey, int limit) {
        String key = definition.integrationKey();
        String sql = "SELECT " + String.join(", ", definition.fields()) + " FROM " + definition.table()
                + (afterKey == null ? "" : " WHERE " + key + " > ?") + " ORDER BY " + key + " FETCH FIRST " + limit
                + " ROWS ONLY";
        Object[] args = afterKey == null ? new Object[0] : new Object[] {types().coerce(key, afterKey)};
        return ctx.jdbc().query(sql, (rs, n) -> types().row(rs), args);
    }

    @Override
    public void upsert(String keyField, List<Map<String, Object>> rows) {
        requireKey(keyField);
        writes.upsert(keyField, rows);
    }

    @Override
    public void delete(String keyField, List<?> keys) {
        requireKey(keyField);
        writes.delete(keyField, keys);
    }

    @Override
    public void restore(Object keyValue, Map<String, Object> image) {
        Object key = types().coerce(definition.integrationKey(), keyValue);
        boolean exists = !read(definition.integrationKey(), List.of(key)).isEmpty();
        if (image == null) {
            if (exists) {
                ctx.writer().delete(definition, List.of(key));
            }
            return;
        }
        Map<String, Object> typed = types().coerceRow(image);
        if (exists) {
            Map<String, Object> values = new LinkedHashMap<>(typed);
            values.remove(definition.integrationKey());
            ctx.writer().update(definition, List.of(key), values);
        } else {
            ctx.writer().insert(definition, List.of(typed));
        }
    }

    /**
     * Insert-or-update by key without validation beyond the column types; see {@link #plain}. Fields equal to the
     * stored ones are not written, and a row equal to its stored row writes nothing. The writes go through
     * {@link InboundPipeline#write}, which adds the audit fields the entity has.
     */
    protected void plainUpsert(String keyField, List<Map<String, Object>> rows) {
        List<Map<String, Object>> typed = rows.stream().map(r -> types().coerceRow(r)).toList();
        Map<Object, Map<String, Object>> existing = new HashMap<>();
        for (Map<String, Object> row : read(keyField, typed.stream().map(r -> r.get(keyField)).toList())) {
            existing.put(row.get(keyField), row);
        }
        List<Map<String, Object>> inserts = new ArrayList<>();
        Map<Object, Map<String, Object>> updates = new LinkedHashMap<>();
        for (Map<String, Object> row : typed) {
            Map<String, Object> before = existing.get(row.get(keyField));
            if (before == null) {
                Map<String, Object> insert = new LinkedHashMap<>(row);
                if (insert.get(definition.integrationKey()) == null && !keyField.equals(definition.integrationKey())) {
                    insert.put(definition.integrationKey(), newKey());
                }
                inserts.add(insert);
            } else {
                Map<String, Object> values = new LinkedHashMap<>(row);
                values.remove(definition.integrationKey());
                values.remove(keyField);
                values.keySet().removeIf(f -> ColumnTypes.same(values.get(f), before.get(f)));
                if (!values.isEmpty()) {
                    updates.put(before.get(definition.integrationKey()), values);
                }
            }
        }
        InboundPipeline.write(ctx, definition, inserts, updates);
    }

    /** Deletes by key without further rules; see {@link #plain}. */
    protected void plainDelete(String keyField, List<?> keys) {
        List<Object> ids = read(keyField, keys).stream().map(r -> r.get(definition.integrationKey())).toList();
        ctx.writer().delete(definition, ids);
    }

    /** A new integration-key value for a row inserted by an alternate key: a UUID when the key column is one. */
    protected Object newKey() {
        if (types().javaType(definition.integrationKey()) == java.util.UUID.class) {
            return dev.tandem.common.Ids.newId();
        }
        throw new IllegalArgumentException(definition.name() + ": a new row needs its " + definition.integrationKey());
    }

    private void requireKey(String keyField) {
        if (!definition.isKey(keyField)) {
            throw new IllegalArgumentException(definition.name() + ": " + keyField + " is not a key of the entity");
        }
    }
}
