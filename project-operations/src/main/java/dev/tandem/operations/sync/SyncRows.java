package dev.tandem.operations.sync;

import static dev.tandem.operations.OperationsError.INVALID_INPUT;

import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.spi.ColumnTypes;
import dev.tandem.dualwrite.spi.TableDataEntity;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the write paths of {@link OperationsSyncEntities} share: coercing delivered (JSON-shaped) rows to the column
 * types with a refusal that names the row, the character limits of the columns, and the refusals every write path
 * words the same way. Every refusal is a {@link TandemException}, so the runtime shows its message to the user of the
 * source app (live sync) or keeps it in the error log.
 */
final class SyncRows {

    private SyncRows() {
    }

    /**
     * The row with every value in its column's type.
     *
     * @param rowName how messages name the row, e.g. "Actual 0196…" or "Account C-001"
     * @throws TandemException INVALID_INPUT naming the row, the field and the value when a value does not fit
     */
    static Map<String, Object> coerce(TableDataEntity entity, Map<String, Object> row, String rowName) {
        try {
            return entity.types().coerceRow(row);
        } catch (ColumnTypes.ValueDoesNotFit e) {
            throw new TandemException(INVALID_INPUT, rowName + " can't be written: " + e.getMessage(),
                    Map.of("entity", entity.definition().name(), "row", rowName));
        }
    }

    /** A delivered key value as text for messages, before coercion. */
    static String text(Object value) {
        return value == null ? "(none)" : value.toString();
    }

    /**
     * Refuses fields the entity does not have, and fields outside {@code writable}.
     *
     * @param who whose writes these are, for the message ("Finance")
     */
    static void onlyFields(DataEntityDefinition entity, Map<String, Object> row, Collection<String> writable,
                           String rowName, String who) {
        for (String field : row.keySet()) {
            if (!entity.fields().contains(field)) {
                throw new TandemException(INVALID_INPUT, rowName + ": " + entity.name() + " has no field " + field,
                        Map.of("entity", entity.name(), "field", field));
            }
            if (!writable.contains(field)) {
                throw new TandemException(INVALID_INPUT, rowName + ": field " + field + " of " + entity.name()
                        + " is not written by " + who + "; it writes only " + String.join(", ", writable),
                        Map.of("entity", entity.name(), "field", field));
            }
        }
    }

    /** Refuses a row without a value of the key it is upserted by. */
    static Object requireKey(DataEntityDefinition entity, String keyField, Map<String, Object> row) {
        Object key = row.get(keyField);
        if (key == null || key.toString().isBlank()) {
            throw new TandemException(INVALID_INPUT, "A row of " + entity.name() + " has no " + keyField
                    + ", the key it is written by", Map.of("entity", entity.name(), "field", keyField));
        }
        return key;
    }

    /** Refuses a missing, {@code null} or blank value of a required field. */
    static void required(Map<String, Object> row, String field, String rowName) {
        Object value = row.get(field);
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new TandemException(INVALID_INPUT, rowName + ": " + field + " is required",
                    Map.of("row", rowName, "field", field));
        }
    }

    /** Refuses a field that is in the row with a {@code null} or blank value (a field left out is fine). */
    static void notCleared(Map<String, Object> row, String field, String rowName) {
        if (row.containsKey(field)) {
            required(row, field, rowName);
        }
    }

    /** Refuses a currency code that is not ISO 4217; {@code null} passes (required() checks presence). */
    static void currency(Map<String, Object> row, String field, String rowName) {
        Object code = row.get(field);
        if (code == null) {
            return;
        }
        try {
            Money.minorUnits(code.toString());
        } catch (IllegalArgumentException e) {
            throw new TandemException(INVALID_INPUT, rowName + ": " + field + " '" + code
                    + "' is not a currency (ISO 4217 code expected)", Map.of("row", rowName, "field", field));
        }
    }

    /** Whether two typed values are the same; decimals compare by value (1.50 = 1.5). */
    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    /** The fields of {@code row} (other than {@code skip}) whose value differs from {@code before}. */
    static Map<String, Object> changes(Map<String, Object> row, Map<String, Object> before, Set<String> skip) {
        Map<String, Object> changed = new LinkedHashMap<>();
        row.forEach((field, value) -> {
            if (!skip.contains(field) && !same(value, before.get(field))) {
                changed.put(field, value);
            }
        });
        return changed;
    }

    /**
     * Groups per-row updates by their set of fields, as {@link dev.tandem.dualwrite.entity.DataEntityWriter#updateEach}
     * wants them (every row of one call sets the same fields).
     */
    static Collection<Map<Object, Map<String, Object>>> byFieldSet(Map<Object, Map<String, Object>> updates) {
        Map<Set<String>, Map<Object, Map<String, Object>>> groups = new LinkedHashMap<>();
        updates.forEach((key, values) -> groups.computeIfAbsent(new TreeSet<>(values.keySet()),
                k -> new LinkedHashMap<>()).put(key, values));
        return new ArrayList<>(groups.values());
    }

    /** Merges rows that carry the same key, later fields winning, keeping first-seen order. */
    static Map<Object, Map<String, Object>> mergeByKey(List<Map<String, Object>> typedRows, String keyField) {
        Map<Object, Map<String, Object>> merged = new LinkedHashMap<>();
        for (Map<String, Object> row : typedRows) {
            merged.computeIfAbsent(row.get(keyField), k -> new LinkedHashMap<>()).putAll(row);
        }
        return merged;
    }

    /** Rows by the value of {@code field}. */
    static Map<Object, Map<String, Object>> index(List<Map<String, Object>> rows, String field) {
        Map<Object, Map<String, Object>> byKey = new HashMap<>();
        rows.forEach(r -> byKey.put(r.get(field), r));
        return byKey;
    }

    /**
     * The character limits of an entity's text columns (VARCHAR(n), CHAR(n)), read from the table's metadata once,
     * so a value that would not fit is refused with a message rather than failing in the database.
     */
    static final class Limits {

        private final DataEntityDefinition entity;
        private final Map<String, Integer> lengths;

        private Limits(DataEntityDefinition entity, Map<String, Integer> lengths) {
            this.entity = entity;
            this.lengths = lengths;
        }

        static Limits of(JdbcTemplate jdbc, DataEntityDefinition entity) {
            Map<String, Integer> lengths = new HashMap<>();
            jdbc.query("SELECT " + String.join(", ", entity.fields()) + " FROM " + entity.table() + " WHERE 1 = 0",
                    (ResultSet rs) -> {
                        ResultSetMetaData md = rs.getMetaData();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            int type = md.getColumnType(i);
                            if (type == Types.VARCHAR || type == Types.CHAR || type == Types.NVARCHAR
                                    || type == Types.NCHAR) {
                                lengths.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), md.getPrecision(i));
                            }
                        }
                        return null;
                    });
            return new Limits(entity, lengths);
        }

        /** Refuses a text value longer than its column holds. */
        void check(Map<String, Object> row, String rowName) {
            row.forEach((field, value) -> {
                Integer max = lengths.get(field);
                if (value instanceof String s && max != null && max > 0 && s.length() > max) {
                    throw new TandemException(INVALID_INPUT, rowName + ": " + field + " of " + entity.name()
                            + " holds at most " + max + " characters, '" + s + "' has " + s.length(),
                            Map.of("row", rowName, "field", field, "maxLength", max));
                }
            });
        }
    }
}
