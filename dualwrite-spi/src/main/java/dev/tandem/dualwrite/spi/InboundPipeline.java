package dev.tandem.dualwrite.spi;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.AppContext;
import dev.tandem.dualwrite.DualWriteError;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one inbound write pipeline: what every data entity runs when the dual-write runtime writes delivered rows into
 * it (DESIGN §2, §3; dual-write's "the target app validates", {@code ms-project-invoicing.md} §7). In this order, for
 * the whole call:
 * <ol>
 *   <li>the key field must be one the entity is written by ({@link InboundRule#writesBy}, else
 *       {@link IllegalArgumentException});</li>
 *   <li>each row needs a value of that key ({@link InboundRefusal.KeyMissing});</li>
 *   <li>fields the entity does not have, and fields it does not take from sync (its read-only fields, or what the
 *       rule's {@link InboundRule#writable} leaves out), are refused ({@link InboundRefusal.UnknownField},
 *       {@link InboundRefusal.ReadOnlyField});</li>
 *   <li>values are coerced to the column types ({@link ColumnTypes}: ids, dates, decimals at the column's scale and
 *       never rounded) and text is trimmed, then checked against the column's length
 *       ({@link InboundRefusal.DoesNotFit}, {@link InboundRefusal.TooLong}); a refused row is named by its key
 *       ({@link InboundRule#rowName});</li>
 *   <li>rows of one key are merged (later fields winning), the stored rows of the keys are read, and a row whose
 *       delivered fields all equal its stored row is dropped: it writes nothing, no update and no outbox row;</li>
 *   <li>the rest goes to the entity's business rules ({@link InboundRule#write}).</li>
 * </ol>
 * Deletes are refused ({@link InboundRefusal.DeleteRefused}) unless the rule allows them
 * ({@link InboundRule#whyNoDeletes} is {@code null}); an entity without a rule takes no writes at all
 * ({@link InboundRefusal.EntityReadOnly}). The app words every refusal ({@link InboundRefusal.Wording}).
 *
 * <p>The call joins the caller's transaction (the runtime's), so a refused row leaves nothing of the call.
 */
public final class InboundPipeline implements TableDataEntity.Writes {

    private final DataEntityDefinition definition;
    private final AppContext ctx;
    private final InboundRefusal.Wording wording;
    private final InboundRule rule;
    private TableDataEntity entity;

    private InboundPipeline(DataEntityDefinition definition, AppContext ctx, InboundRefusal.Wording wording,
                            InboundRule rule) {
        this.definition = definition;
        this.ctx = ctx;
        this.wording = wording;
        this.rule = rule;
    }

    /**
     * An entity over its table whose delivered rows run the pipeline and then {@code rule}.
     *
     * @param wording how the app words the pipeline's refusals
     */
    public static TableDataEntity entity(DataEntityDefinition definition, AppContext ctx,
                                         InboundRefusal.Wording wording, InboundRule rule) {
        InboundPipeline pipeline = new InboundPipeline(definition, ctx, wording, java.util.Objects.requireNonNull(rule));
        pipeline.entity = new TableDataEntity(definition, ctx, pipeline);
        return pipeline.entity;
    }

    /** An entity the runtime reads but never writes: every upsert and delete is {@link InboundRefusal.EntityReadOnly}. */
    public static TableDataEntity readOnly(DataEntityDefinition definition, AppContext ctx,
                                           InboundRefusal.Wording wording) {
        InboundPipeline pipeline = new InboundPipeline(definition, ctx, wording, null);
        pipeline.entity = new TableDataEntity(definition, ctx, pipeline);
        return pipeline.entity;
    }

    /**
     * The dual-write runtime's own refusal of a write into an entity no table map may write ({@code ENTITY_READ_ONLY},
     * "… is read-only for dual-write: no table map may write it"), for apps that keep the runtime's wording.
     */
    public static TandemException entityReadOnly(String entity) {
        return new TandemException(DualWriteError.ENTITY_READ_ONLY,
                entity + " is read-only for dual-write: no table map may write it");
    }

    @Override
    public void upsert(String keyField, List<Map<String, Object>> rows) {
        if (rule == null) {
            throw wording.refuse(new InboundRefusal.EntityReadOnly(definition.name()));
        }
        if (!rule.writesBy(definition, keyField)) {
            throw new IllegalArgumentException(definition.name() + " is written by its integration key "
                    + definition.integrationKey() + ", not by " + keyField);
        }
        if (rows.isEmpty()) {
            return;
        }
        ctx.inTransaction(() -> {
            List<String> writable = rule.writable(definition, keyField);
            Map<Object, String> names = new LinkedHashMap<>();
            Map<Object, Map<String, Object>> merged = new LinkedHashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = rule.prepare(rows.get(i));
                Object key = row.get(keyField);
                if (key == null || key.toString().isBlank()) {
                    throw wording.refuse(new InboundRefusal.KeyMissing(definition.name(), keyField, rule.noun(), i + 1));
                }
                String name = rule.rowName(row, key);
                Map<String, Object> typed = typed(row, writable, name);
                Object typedKey = typed.get(keyField);
                names.putIfAbsent(typedKey, name);
                merged.computeIfAbsent(typedKey, k -> new LinkedHashMap<>()).putAll(typed);
            }
            // Locked and written in the one global order (DataEntityWriter.LOCK_ORDER), like every local write:
            // a write-back in the order the source sent its rows deadlocked on PostgreSQL with another
            // transaction writing the same actuals in key order (issue 14, two servers).
            List<Object> keys = merged.keySet().stream().sorted(dev.tandem.dualwrite.entity.DataEntityWriter.LOCK_ORDER)
                    .toList();
            rule.lock(keyField, keys);
            Map<Object, List<Map<String, Object>>> stored = new LinkedHashMap<>();
            for (Map<String, Object> row : entity.read(keyField, keys)) {
                Map<String, Object> trimmed = new LinkedHashMap<>();
                row.forEach((f, v) -> trimmed.put(f, v instanceof String s ? s.trim() : v));
                stored.computeIfAbsent(trimmed.get(keyField), k -> new ArrayList<>()).add(trimmed);
            }
            List<InboundRow> changed = new ArrayList<>();
            keys.forEach(key -> {
                Map<String, Object> row = merged.get(key);
                List<Map<String, Object>> before = stored.getOrDefault(key, List.of());
                if (before.size() == 1 && unchanged(row, before.get(0))) {
                    return;
                }
                changed.add(new InboundRow(key, names.get(key), row, before.isEmpty() ? null : before.getLast()));
            });
            if (!changed.isEmpty()) {
                rule.write(keyField, changed);
            }
        });
    }

    /** The row's fields checked and in column types, text trimmed. */
    private Map<String, Object> typed(Map<String, Object> row, List<String> writable, String name) {
        for (String field : row.keySet()) {
            if (!definition.fields().contains(field)) {
                throw wording.refuse(new InboundRefusal.UnknownField(definition.name(), name, field));
            }
            if (!writable.contains(field)) {
                throw wording.refuse(new InboundRefusal.ReadOnlyField(definition.name(), name, field, writable));
            }
        }
        ColumnTypes types = entity.types();
        Map<String, Object> typed = new LinkedHashMap<>();
        row.forEach((field, raw) -> {
            Object value;
            try {
                value = types.coerce(field, raw);
            } catch (ColumnTypes.ValueDoesNotFit e) {
                throw wording.refuse(new InboundRefusal.DoesNotFit(definition.name(), name, field, raw,
                        types.javaType(field).getSimpleName()));
            }
            if (value instanceof String s) {
                value = s.trim();
                OptionalInt max = types.maxLength(field);
                if (max.isPresent() && s.trim().length() > max.getAsInt()) {
                    throw wording.refuse(new InboundRefusal.TooLong(definition.name(), name, field, s.trim(),
                            max.getAsInt()));
                }
            }
            typed.put(field, value);
        });
        return typed;
    }

    private static boolean unchanged(Map<String, Object> delivered, Map<String, Object> stored) {
        return delivered.entrySet().stream().allMatch(e -> ColumnTypes.same(e.getValue(), stored.get(e.getKey())));
    }

    @Override
    public void delete(String keyField, List<?> keys) {
        if (rule == null) {
            throw wording.refuse(new InboundRefusal.EntityReadOnly(definition.name()));
        }
        String why = rule.whyNoDeletes(definition);
        if (why != null) {
            throw wording.refuse(new InboundRefusal.DeleteRefused(definition.name(), rule.noun(), keys, why));
        }
        ctx.inTransaction(() -> {
            List<Object> ids = entity.read(keyField, keys).stream().map(r -> r.get(definition.integrationKey()))
                    .toList();
            ctx.writer().delete(definition, ids);
        });
    }

    /**
     * Writes new rows and changed fields through the app's writer, with the audit fields the entity has:
     * {@code createdon/createdby} (and {@code modifiedon/modifiedby}) on inserts, {@code modifiedon/modifiedby} on
     * updates. Updates are grouped by their set of fields, one batch each.
     *
     * @param inserts full rows, each with its integration key
     * @param updates integration key → changed fields (not the key)
     */
    public static void write(AppContext ctx, DataEntityDefinition definition, List<Map<String, Object>> inserts,
                             Map<Object, Map<String, Object>> updates) {
        boolean audited = definition.fields().contains("createdon");
        List<Map<String, Object>> rows = new ArrayList<>(inserts.size());
        for (Map<String, Object> insert : inserts) {
            Map<String, Object> row = new LinkedHashMap<>(insert);
            if (audited) {
                ctx.created().forEach(row::putIfAbsent);
            }
            rows.add(row);
        }
        ctx.writer().insert(definition, rows);
        boolean modified = definition.fields().contains("modifiedon");
        // Rows are updated in the one global order (DataEntityWriter.LOCK_ORDER) across all of them, not group by
        // group: rows of different field sets interleaved in key order would otherwise be locked out of order. Each
        // run of consecutive rows with the same fields is one batch.
        List<Object> keys = updates.keySet().stream().sorted(dev.tandem.dualwrite.entity.DataEntityWriter.LOCK_ORDER)
                .toList();
        Set<String> runFields = null;
        Map<Object, Map<String, Object>> run = new LinkedHashMap<>();
        for (Object key : keys) {
            Map<String, Object> all = new LinkedHashMap<>(updates.get(key));
            if (modified) {
                all.putAll(ctx.modified());
            }
            Set<String> fields = new TreeSet<>(all.keySet());
            if (!fields.equals(runFields) && !run.isEmpty()) {
                ctx.writer().updateEach(definition, run);
                run = new LinkedHashMap<>();
            }
            runFields = fields;
            run.put(key, all);
        }
        if (!run.isEmpty()) {
            ctx.writer().updateEach(definition, run);
        }
    }
}
