package dev.tandem.operations.rows;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.entity.DataEntityWriter;
import dev.tandem.operations.OptionValue;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The data-entity writer's edge for one typed row record: the only place its rows become the {@code Map} images
 * {@link DataEntityWriter} takes, and maps read back become records (DESIGN §3).
 *
 * <p>Each record component is either annotated with {@link EntityField} (one field) or is itself a record whose
 * components are (e.g. {@link Audit}: four fields, flattened). Values convert one way only where the types differ:
 * an option-set enum ({@link OptionValue}) is its {@code Integer} value in the image; everything else (UUID,
 * BigDecimal amounts at the database's scale, LocalDate, OffsetDateTime in UTC, String, boolean) is the same object
 * in both.
 *
 * @param <R> the row record
 */
public final class EntityRows<R extends Record> {

    private final DataEntityDefinition entity;
    private final Node<R> root;
    private final List<String> fields;

    private EntityRows(DataEntityDefinition entity, Class<R> type) {
        this.entity = entity;
        this.root = new Node<>(type);
        List<String> names = new ArrayList<>();
        root.collect(names);
        this.fields = List.copyOf(names);
    }

    /**
     * The edge of {@code type} for {@code entity}.
     *
     * @throws IllegalArgumentException when a component is neither annotated nor a record of annotated components
     */
    public static <R extends Record> EntityRows<R> of(DataEntityDefinition entity, Class<R> type) {
        return new EntityRows<>(entity, type);
    }

    /** The data entity these rows belong to. */
    public DataEntityDefinition entity() {
        return entity;
    }

    /** The fields the record holds, in component order (nested records flattened). */
    public List<String> fields() {
        return fields;
    }

    /** The fields as a SQL select list. */
    public String columns() {
        return String.join(", ", fields);
    }

    /** The map image of a row: every field of the record, option values as their integers. */
    public Map<String, Object> toRow(R row) {
        Map<String, Object> image = new LinkedHashMap<>();
        root.write(row, image);
        return image;
    }

    /**
     * A record from a map image (as {@link DataEntityWriter#read} returns it).
     *
     * @throws IllegalArgumentException for an option value the option set does not have
     */
    public R fromRow(Map<String, Object> image) {
        return root.read(image::get);
    }

    /** A record from the current row of a result set that selected {@link #columns()}. */
    public R fromResultSet(ResultSet rs) throws SQLException {
        Map<String, Object> image = new LinkedHashMap<>();
        for (String field : fields) {
            Object value = rs.getObject(field);
            image.put(field, switch (value) {
                case java.sql.Timestamp ts -> ts.toInstant().atOffset(ZoneOffset.UTC);
                case OffsetDateTime odt -> odt.withOffsetSameInstant(ZoneOffset.UTC);
                case java.sql.Date date -> date.toLocalDate();
                case null, default -> value;
            });
        }
        return fromRow(image);
    }

    /** Inserts rows through the writer (outbox included); see {@link DataEntityWriter#insert}. */
    public void insert(DataEntityWriter writer, List<R> rows) {
        writer.insert(entity, rows.stream().map(this::toRow).toList());
    }

    /** Reads rows by integration key through the writer; see {@link DataEntityWriter#read}. */
    public List<R> read(DataEntityWriter writer, List<?> keys) {
        return writer.read(entity, keys).stream().map(this::fromRow).toList();
    }

    /** One record type: its components, each a field or a nested record. */
    private static final class Node<T extends Record> {

        private final List<Part> parts = new ArrayList<>();
        private final MethodHandle constructor;

        Node(Class<T> type) {
            RecordComponent[] components = type.getRecordComponents();
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            try {
                for (RecordComponent c : components) {
                    MethodHandle accessor = lookup.unreflect(c.getAccessor());
                    EntityField field = c.getAnnotation(EntityField.class);
                    if (field != null) {
                        parts.add(new Part(field.value(), c.getType(), accessor, null));
                    } else if (c.getType().isRecord()) {
                        @SuppressWarnings({"unchecked", "rawtypes"})
                        Node<?> nested = new Node(c.getType());
                        parts.add(new Part(null, c.getType(), accessor, nested));
                    } else {
                        throw new IllegalArgumentException(type.getSimpleName() + "." + c.getName()
                                + " has no @EntityField");
                    }
                }
                Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
                constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(type + " is not a public record", e);
            }
        }

        void collect(List<String> names) {
            parts.forEach(p -> {
                if (p.nested() == null) {
                    names.add(p.field());
                } else {
                    p.nested().collect(names);
                }
            });
        }

        void write(Object row, Map<String, Object> image) {
            for (Part p : parts) {
                Object value = p.get(row);
                if (p.nested() != null) {
                    if (value != null) {
                        p.nested().write(value, image);
                    }
                } else {
                    image.put(p.field(), value instanceof OptionValue option ? Integer.valueOf(option.value()) : value);
                }
            }
        }

        @SuppressWarnings("unchecked")
        T read(java.util.function.Function<String, Object> image) {
            Object[] args = new Object[parts.size()];
            for (int i = 0; i < args.length; i++) {
                Part p = parts.get(i);
                args[i] = p.nested() != null ? p.nested().read(image) : p.convert(image.apply(p.field()));
            }
            try {
                return (T) constructor.invokeWithArguments(args);
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private record Part(String field, Class<?> type, MethodHandle accessor, Node<?> nested) {

        Object get(Object row) {
            try {
                return accessor.invoke(row);
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        Object convert(Object value) {
            if (type == boolean.class) {
                return Boolean.TRUE.equals(value);
            }
            if (value == null) {
                return null;
            }
            if (type.isEnum() && OptionValue.class.isAssignableFrom(type)) {
                return OptionValue.of((Class) type, ((Number) value).intValue());
            }
            if (type == String.class && value instanceof String s) {
                return s;
            }
            if (type == BigDecimal.class && value instanceof Number n && !(value instanceof BigDecimal)) {
                return new BigDecimal(n.toString());
            }
            if (type == UUID.class && value instanceof String s) {
                return UUID.fromString(s);
            }
            if (type == LocalDate.class && value instanceof java.sql.Date d) {
                return d.toLocalDate();
            }
            return type.cast(value);
        }
    }
}
