package dev.tandem.dualwrite.map;

import java.util.Map;

/**
 * One line of a table map: a source field, a direction and a target field, with optional transforms
 * (dual-write §3.3). {@code none} on one side is written as {@code null}: the value then comes from
 * {@code defaultValue}.
 *
 * @param source       source-entity field or path; {@code null} for {@code none}
 * @param direction    which way values flow
 * @param target       target-entity field or path; {@code null} for {@code none}
 * @param defaultValue value written when the other side has none (text as written in the map; the receiving
 *                     entity coerces it to its column type), or {@code null}
 * @param valueMap     source value → target value, as text (option values ↔ enums); empty when there is none. The
 *                     reverse direction uses the inverted map.
 * @param line         line of the mapping in its file, for messages
 */
public record FieldMapping(FieldPath source, Direction direction, FieldPath target, String defaultValue,
                           Map<String, String> valueMap, int line) {

    public FieldMapping {
        valueMap = Map.copyOf(valueMap);
    }

    @Override
    public String toString() {
        return (source == null ? "none" : source.toString()) + " " + direction.symbol() + " "
                + (target == null ? "none" : target.toString());
    }
}
