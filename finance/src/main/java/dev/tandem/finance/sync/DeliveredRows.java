package dev.tandem.finance.sync;

import static dev.tandem.finance.FinanceError.INVALID_INPUT;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.spi.ColumnTypes;
import dev.tandem.finance.FinanceContext;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rows delivered by the dual-write runtime to one Finance entity, brought into the entity's column types before the
 * entity's write path sees them. Values arrive JSON-shaped (strings for ids and dates, numbers, booleans) and are
 * coerced with {@link ColumnTypes}; a row is refused ({@link TandemException} INVALID_INPUT, naming the row by its key
 * and the field) when it names a field the entity does not have, writes one of the entity's read-only fields, carries
 * a value that does not fit its column ({@link ColumnTypes.ValueDoesNotFit}: a bad id or date, a decimal with more
 * decimals than the column keeps) or a text longer than the column.
 *
 * <p>A delivered row carries the mapped fields only; {@link #complete} fills the fields it leaves out from the stored
 * row, so an update keeps them (the {@link dev.tandem.dualwrite.spi.DataEntity#upsert} contract).
 */
final class DeliveredRows {

    private final FinanceContext ctx;
    private final DataEntityDefinition entity;
    private final String rowName;
    private volatile ColumnTypes types;
    private volatile Map<String, Integer> lengths;

    /**
     * @param rowName how a row is named in refusals, e.g. "Invoice proposal"; the key value follows
     */
    DeliveredRows(FinanceContext ctx, DataEntityDefinition entity, String rowName) {
        this.ctx = ctx;
        this.entity = entity;
        this.rowName = rowName;
    }

    DataEntityDefinition entity() {
        return entity;
    }

    FinanceContext context() {
        return ctx;
    }

    /** How refusals name one row of the entity, e.g. "Invoice proposal". */
    String rowName() {
        return rowName;
    }

    /** How refusals name a delivered row: "Invoice proposal PP-1", or its position when it has no key. */
    String name(Map<String, Object> row, int index) {
        Object key = row.get(entity.integrationKey());
        return rowName + " " + (key == null || key.toString().isBlank() ? "in row " + (index + 1) + " of the delivery"
                : key.toString());
    }

    /**
     * The rows in column types.
     *
     * @throws TandemException INVALID_INPUT naming the row and the field; nothing has been written
     */
    List<Map<String, Object>> coerce(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(coerce(rows.get(i), i));
        }
        return out;
    }

    private Map<String, Object> coerce(Map<String, Object> row, int index) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            String field = e.getKey();
            if (!entity.fields().contains(field)) {
                throw refused(row, index, "field '" + field + "' is not a field of " + entity.name());
            }
            if (entity.readOnly().contains(field)) {
                throw refused(row, index, "field '" + field + "' is Finance's own; sync can't write it");
            }
            Object value;
            try {
                value = types().coerce(field, e.getValue());
            } catch (ColumnTypes.ValueDoesNotFit ex) {
                throw refused(row, index, "value '" + e.getValue() + "' does not fit field " + field + " ("
                        + types().javaType(field).getSimpleName() + ")");
            }
            Integer length = lengths().get(field);
            if (value instanceof String s && length != null && s.length() > length) {
                throw refused(row, index, "field '" + field + "' is " + s.length() + " characters long; at most "
                        + length + " fit");
            }
            typed.put(field, value instanceof String s ? s.trim() : value);
        }
        return typed;
    }

    /**
     * Each row with the fields it leaves out taken from the stored row of its key (when there is one), so an update
     * keeps them; a new row keeps only what was delivered.
     */
    List<Map<String, Object>> complete(List<Map<String, Object>> rows) {
        String key = entity.integrationKey();
        List<Object> keys = rows.stream().map(r -> r.get(key)).filter(k -> k != null).distinct().toList();
        Map<Object, Map<String, Object>> stored = new HashMap<>();
        if (!keys.isEmpty()) {
            for (Map<String, Object> r : ctx.writer().read(entity, keys)) {
                Map<String, Object> trimmed = new LinkedHashMap<>();
                r.forEach((f, v) -> trimmed.put(f, v instanceof String s ? s.trim() : v));
                stored.put(trimmed.get(key), trimmed);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> before = stored.get(row.get(key));
            Map<String, Object> all = new LinkedHashMap<>();
            if (before != null) {
                all.putAll(before);
            }
            all.putAll(row);
            out.add(all);
        }
        return out;
    }

    /**
     * A refusal of the entity's write path, worded so that it names the row: kept as it is when it already does,
     * else prefixed with the row's name (the code and properties stay).
     */
    TandemException naming(TandemException e, String name, Object key) {
        if (key != null && e.getMessage() != null && e.getMessage().contains(key.toString())) {
            return e;
        }
        return new TandemException(e.errorCode(), name + ": " + e.getMessage(), e.properties());
    }

    private TandemException refused(Map<String, Object> row, int index, String why) {
        return new TandemException(INVALID_INPUT, name(row, index) + ": " + why + ". Nothing was written.",
                Map.of("entity", entity.name()));
    }

    private ColumnTypes types() {
        if (types == null) {
            types = ColumnTypes.of(ctx.jdbc(), entity);
        }
        return types;
    }

    /** Maximum length of each text column, from the table's metadata. */
    private Map<String, Integer> lengths() {
        if (lengths == null) {
            Map<String, Integer> found = new HashMap<>();
            ctx.jdbc().query("SELECT " + String.join(", ", entity.fields()) + " FROM " + entity.table() + " WHERE 1 = 0",
                    rs -> {
                        ResultSetMetaData md = rs.getMetaData();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            int type = md.getColumnType(i);
                            if ((type == Types.VARCHAR || type == Types.CHAR || type == Types.NVARCHAR
                                    || type == Types.NCHAR) && md.getPrecision(i) > 0
                                    && md.getPrecision(i) < Integer.MAX_VALUE) {
                                found.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), md.getPrecision(i));
                            }
                        }
                        return null;
                    });
            lengths = found;
        }
        return lengths;
    }
}
