package dev.tandem.finance.rows;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/**
 * Typed row records at the data-entity writer's edge (issue 12 point 2): a record whose components are fields of a
 * data entity (or columns of a table), named as {@link Field} says, becomes the {@code field → value} map that
 * {@link dev.tandem.dualwrite.entity.DataEntityWriter} takes, and a map the writer or the dual-write runtime hands
 * over becomes the record. This is the only place Finance turns such rows into maps and back; everywhere else they
 * are records, so a misspelt field is a compile error rather than a silent {@code null}.
 *
 * <p>Values keep their Java types: amounts stay {@link BigDecimal} at the scale they have (nothing is rounded here;
 * rounding is {@link dev.tandem.common.Money}'s), enums become their {@link Enum#name() name}.
 */
public final class RowRecords {

    /** The audit fields every table carries, in column order; the write path sets them from its context. */
    public static final List<String> AUDIT = List.of("createdon", "createdby", "modifiedon", "modifiedby");

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return new Shape(type);
        }
    };

    private RowRecords() {
    }

    /** The fields a record type stands for, in component order. */
    public static List<String> fields(Class<? extends Record> type) {
        return SHAPES.get(type).fields;
    }

    /**
     * The record as {@code field → value}, in component order, for the data-entity writer.
     *
     * @param only the fields to keep (a delivery's fields); {@code null} for all
     */
    public static Map<String, Object> toFields(Record row, Collection<String> only) {
        List<String> fields = SHAPES.get(row.getClass()).fields;
        Object[] values = values(row);
        Map<String, Object> selected = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (only == null || only.contains(fields.get(i))) {
                selected.put(fields.get(i), values[i]);
            }
        }
        return selected;
    }

    /** The record as {@code field → value} of all its components. */
    public static Map<String, Object> toFields(Record row) {
        return toFields(row, null);
    }

    /**
     * The record's values in component order ({@link #fields} names them), enums as their names: the parameters of an
     * {@code INSERT} into the record's table.
     */
    public static Object[] values(Record row) {
        Shape shape = SHAPES.get(row.getClass());
        Object[] values = new Object[shape.fields.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = shape.get(row, i);
            values[i] = value instanceof Enum<?> e ? e.name() : value;
        }
        return values;
    }

    /**
     * {@code INSERT INTO table (fields of type…, createdon, createdby, modifiedon, modifiedby) VALUES (?, …)}: the
     * statement that inserts a whole record with its audit columns, to bind with {@link #bind}.
     */
    public static String insert(String table, Class<? extends Record> type) {
        List<String> columns = new ArrayList<>(fields(type));
        columns.addAll(AUDIT);
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    /** The audit values of {@code AppContext.created()} in the order {@link #insert} lists the audit columns. */
    public static Object[] auditValues(Map<String, Object> audit) {
        return AUDIT.stream().map(audit::get).toArray();
    }

    /** Binds a record and its audit values to the parameters of its {@link #insert} statement. */
    public static void bind(PreparedStatement ps, Record row, Object[] audit) throws SQLException {
        Object[] values = values(row);
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
        for (int i = 0; i < audit.length; i++) {
            ps.setObject(values.length + i + 1, audit[i]);
        }
    }

    /**
     * The record of a {@code field → value} map: a field the map lacks is {@code null} ({@code false} or 0 for a
     * primitive component); fields of the map the record does not have are ignored. Values must already be in the
     * component's type, except the shapes JDBC and the writer give: a whole number of another width, a
     * {@link java.sql.Date}, an enum's name.
     *
     * @throws IllegalArgumentException naming the field whose value does not fit its component
     */
    public static <R extends Record> R fromFields(Class<R> type, Map<String, ?> values) {
        Shape shape = SHAPES.get(type);
        Object[] args = new Object[shape.fields.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = shape.convert(i, values.get(shape.fields.get(i)));
        }
        return type.cast(shape.create(args));
    }

    /**
     * A JDBC row mapper of the record over a query that selects its fields by name ({@code SELECT *} of its table).
     * Text of a {@link Field#padded() padded} column loses its trailing blanks; {@code NULL} of a primitive component is
     * {@code false} or 0.
     */
    public static <R extends Record> RowMapper<R> mapper(Class<R> type) {
        Shape shape = SHAPES.get(type);
        return (rs, n) -> {
            Object[] args = new Object[shape.fields.size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = shape.read(rs, i);
            }
            return type.cast(shape.create(args));
        };
    }

    /**
     * Checks that every component of {@code type} is a field of {@code entity}, for the records that carry part of a
     * row (the fields one write-back sets).
     *
     * @throws IllegalStateException naming the fields the entity does not have
     */
    public static void requireFieldsOf(DataEntityDefinition entity, Class<? extends Record> type) {
        List<String> unknown = fields(type).stream().filter(f -> !entity.fields().contains(f)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(type.getSimpleName() + " names fields " + unknown + " that "
                    + entity.name() + " does not have");
        }
    }

    /** The components of one record type: field names, types, accessors and the canonical constructor. */
    private static final class Shape {

        private final List<String> fields;
        private final List<Class<?>> types = new ArrayList<>();
        private final List<Boolean> padded = new ArrayList<>();
        private final Method[] accessors;
        private final Constructor<?> constructor;

        Shape(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            RecordComponent[] components = type.getRecordComponents();
            accessors = new Method[components.length];
            Class<?>[] parameters = new Class<?>[components.length];
            List<String> names = new ArrayList<>();
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                Field field = c.getAnnotation(Field.class);
                names.add(field == null || field.value().isEmpty() ? c.getName().toLowerCase(Locale.ROOT)
                        : field.value());
                padded.add(field != null && field.padded());
                types.add(c.getType());
                parameters[i] = c.getType();
                accessors[i] = c.getAccessor();
                accessors[i].setAccessible(true);
            }
            fields = List.copyOf(names);
            try {
                constructor = type.getDeclaredConstructor(parameters);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }

        Object get(Record row, int i) {
            try {
                return accessors[i].invoke(row);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("reading " + fields.get(i) + " of " + row.getClass(), e);
            }
        }

        Object create(Object[] args) {
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InstantiationException | IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        Object convert(int i, Object value) {
            Class<?> type = types.get(i);
            if (value == null) {
                return primitiveDefault(type);
            }
            if (type.isInstance(value) || (type.isPrimitive() && boxed(type).isInstance(value))) {
                return value;
            }
            if ((type == Integer.class || type == int.class) && value instanceof Number n) {
                return Math.toIntExact(n.longValue());
            }
            if (type == LocalDate.class && value instanceof java.sql.Date d) {
                return d.toLocalDate();
            }
            if (type.isEnum() && value instanceof String s) {
                return Enum.valueOf((Class<Enum>) type, s);
            }
            throw new IllegalArgumentException("field " + fields.get(i) + ": " + value.getClass().getSimpleName()
                    + " " + value + " is not a " + type.getSimpleName());
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        Object read(ResultSet rs, int i) throws SQLException {
            String column = fields.get(i);
            Class<?> type = types.get(i);
            if (type == String.class) {
                String s = rs.getString(column);
                return s != null && padded.get(i) ? s.stripTrailing() : s;
            }
            if (type == BigDecimal.class) {
                return rs.getBigDecimal(column);
            }
            if (type == int.class) {
                return rs.getInt(column);
            }
            if (type == boolean.class) {
                return rs.getBoolean(column);
            }
            if (type == Integer.class) {
                int v = rs.getInt(column);
                return rs.wasNull() ? null : v;
            }
            if (type == Boolean.class) {
                boolean v = rs.getBoolean(column);
                return rs.wasNull() ? null : v;
            }
            if (type.isEnum()) {
                String s = rs.getString(column);
                return s == null ? null : Enum.valueOf((Class<Enum>) type, s.stripTrailing());
            }
            if (type == UUID.class || type == LocalDate.class || type == OffsetDateTime.class) {
                return rs.getObject(column, type);
            }
            throw new IllegalStateException("no JDBC reading of " + type + " (field " + column + ")");
        }

        private static Object primitiveDefault(Class<?> type) {
            if (type == boolean.class) {
                return false;
            }
            if (type == int.class) {
                return 0;
            }
            return null;
        }

        private static Class<?> boxed(Class<?> primitive) {
            return primitive == int.class ? Integer.class : primitive == boolean.class ? Boolean.class : primitive;
        }
    }
}
