package dev.tandem.dualwrite.spi;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Java type of each field of an entity, read from the database's metadata of its table, and the coercion of
 * delivered values to those types. Rows travel through the outbox as JSON, so an id arrives as a string and an
 * amount as a number; the target gets them back in its column types.
 *
 * <p>Decimals keep the column's scale ({@code NUMERIC(19,6)}: 6) and are never rounded here: a value with more
 * decimals than the column holds is refused, because rounding happens only in {@code Money}. Text columns keep
 * their length ({@code VARCHAR(40)}: 40, {@link #maxLength}), so a value that would not fit is refused with a
 * message rather than failing in the database.
 *
 * <p>This is the one reader of an entity's column metadata: {@link TableDataEntity} and the inbound pipeline
 * ({@link InboundPipeline}) share the instance of the entity.
 */
public final class ColumnTypes {

    /** A value that does not fit its column; the message names the field and the value. */
    public static final class ValueDoesNotFit extends IllegalArgumentException {
        public ValueDoesNotFit(String message) {
            super(message);
        }
    }

    private final String entity;
    private final Map<String, Class<?>> types;
    private final Map<String, Integer> scales;
    private final Map<String, Integer> lengths;

    private ColumnTypes(String entity, Map<String, Class<?>> types, Map<String, Integer> scales,
                        Map<String, Integer> lengths) {
        this.entity = entity;
        this.types = types;
        this.scales = scales;
        this.lengths = lengths;
    }

    /** Reads the types, scales and text lengths of the entity's fields from the table's metadata (one query). */
    public static ColumnTypes of(JdbcTemplate jdbc, DataEntityDefinition definition) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        Map<String, Integer> scales = new HashMap<>();
        Map<String, Integer> lengths = new HashMap<>();
        jdbc.query("SELECT " + String.join(", ", definition.fields()) + " FROM " + definition.table() + " WHERE 1 = 0",
                (ResultSet rs) -> {
                    ResultSetMetaData md = rs.getMetaData();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String field = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
                        types.put(field, javaType(md.getColumnType(i), md.getColumnTypeName(i)));
                        scales.put(field, md.getScale(i));
                        int sqlType = md.getColumnType(i);
                        int precision = md.getPrecision(i);
                        if ((sqlType == Types.VARCHAR || sqlType == Types.CHAR || sqlType == Types.NVARCHAR
                                || sqlType == Types.NCHAR) && precision > 0 && precision < Integer.MAX_VALUE) {
                            lengths.put(field, precision);
                        }
                    }
                    return null;
                });
        return new ColumnTypes(definition.name(), types, scales, lengths);
    }

    /**
     * The number of characters a text field holds ({@code VARCHAR(n)}, {@code CHAR(n)}: n); empty for other fields
     * and for text without a limit.
     */
    public java.util.OptionalInt maxLength(String field) {
        Integer max = lengths.get(field);
        return max == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(max);
    }

    /** Whether two values in column types are the same; decimals compare by value (1.50 = 1.5). */
    public static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return java.util.Objects.equals(a, b);
    }

    private static Class<?> javaType(int sqlType, String typeName) {
        String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        if (name.contains("UUID")) {
            return UUID.class;
        }
        return switch (sqlType) {
            case Types.NUMERIC, Types.DECIMAL -> BigDecimal.class;
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> Integer.class;
            case Types.BIGINT -> Long.class;
            case Types.BOOLEAN, Types.BIT -> Boolean.class;
            case Types.DATE -> LocalDate.class;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.class;
            default -> String.class;
        };
    }

    /** The Java type of a field; {@code String} for a field the table does not have. */
    public Class<?> javaType(String field) {
        return types.getOrDefault(field, String.class);
    }

    /** Whether the table has the field. */
    public boolean has(String field) {
        return types.containsKey(field);
    }

    /** A row with every value coerced to its field's type. */
    public Map<String, Object> coerceRow(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((f, v) -> out.put(f, coerce(f, v)));
        return out;
    }

    /**
     * A delivered value in the field's Java type; {@code null} stays {@code null}.
     *
     * @throws ValueDoesNotFit naming entity, field and value when it can't be converted without loss
     */
    public Object coerce(String field, Object value) {
        if (value == null) {
            return null;
        }
        Class<?> type = javaType(field);
        try {
            if (type.isInstance(value) && type != BigDecimal.class && type != OffsetDateTime.class) {
                return value;
            }
            String text = value.toString().trim();
            if (type == UUID.class) {
                return UUID.fromString(text);
            }
            if (type == BigDecimal.class) {
                BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(text);
                Integer scale = scales.get(field);
                return scale == null || scale <= 0 ? d : d.setScale(scale, java.math.RoundingMode.UNNECESSARY);
            }
            if (type == Integer.class) {
                return value instanceof Number n ? Math.toIntExact(exact(n)) : Integer.valueOf(text);
            }
            if (type == Long.class) {
                return value instanceof Number n ? exact(n) : Long.valueOf(text);
            }
            if (type == Boolean.class) {
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return Boolean.valueOf(text);
                }
                throw new IllegalArgumentException("not a boolean");
            }
            if (type == LocalDate.class) {
                return text.length() > 10 ? OffsetDateTime.parse(text).toLocalDate() : LocalDate.parse(text);
            }
            if (type == OffsetDateTime.class) {
                if (value instanceof OffsetDateTime odt) {
                    return odt.withOffsetSameInstant(ZoneOffset.UTC);
                }
                if (value instanceof Instant i) {
                    return i.atOffset(ZoneOffset.UTC);
                }
                return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
            }
            return value instanceof String ? value : text;
        } catch (RuntimeException e) {
            throw new ValueDoesNotFit(entity + ": value '" + value + "' does not fit field " + field + " ("
                    + type.getSimpleName() + ")");
        }
    }

    private static long exact(Number n) {
        return n instanceof BigDecimal d ? d.longValueExact() : new BigDecimal(n.toString()).longValueExact();
    }

    /** The current row of a result set, values normalised: UUIDs, {@code LocalDate}, UTC {@code OffsetDateTime}. */
    Map<String, Object> row(ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Map.Entry<String, Class<?>> e : types.entrySet()) {
            Object v = rs.getObject(e.getKey());
            row.put(e.getKey(), v == null ? null : coerce(e.getKey(), normalise(v)));
        }
        return row;
    }

    private static Object normalise(Object value) {
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return value;
    }
}
