package dev.tandem.dualwrite.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One delivered row after the inbound pipeline's checks ({@link InboundPipeline}), as the entity's business rules
 * ({@link InboundRule#write}) get it: values in column types, text trimmed, rows of the same key merged (later fields
 * winning), and the stored row of the key beside it. A row equal to its stored row never gets here.
 *
 * @param key       the value of the key field the rows are written by, in its column type
 * @param name      how refusals name the row, e.g. "Actual 0196…"
 * @param delivered the delivered fields only (a delivery carries the mapped fields, the others keep their value)
 * @param stored    the stored row of the key (every field, text trimmed), or {@code null} for a new row
 */
public record InboundRow(Object key, String name, Map<String, Object> delivered, Map<String, Object> stored) {

    public InboundRow {
        delivered = Collections.unmodifiableMap(new LinkedHashMap<>(delivered));
        stored = stored == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(stored));
    }

    /** Whether the key has no stored row yet. */
    public boolean isNew() {
        return stored == null;
    }

    /** The row as it will be stored: the stored fields with the delivered ones over them (only those for a new row). */
    public Map<String, Object> completed() {
        Map<String, Object> all = new LinkedHashMap<>();
        if (stored != null) {
            all.putAll(stored);
        }
        all.putAll(delivered);
        return all;
    }

    /**
     * The delivered fields, other than {@code skip}, whose value differs from the stored one (decimals by value,
     * {@link ColumnTypes#same}); every delivered field but {@code skip} for a new row.
     */
    public Map<String, Object> changes(Set<String> skip) {
        Map<String, Object> changed = new LinkedHashMap<>();
        delivered.forEach((field, value) -> {
            if (!skip.contains(field) && (stored == null || !ColumnTypes.same(value, stored.get(field)))) {
                changed.put(field, value);
            }
        });
        return changed;
    }
}
