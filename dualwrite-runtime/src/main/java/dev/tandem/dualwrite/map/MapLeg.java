package dev.tandem.dualwrite.map;

import dev.tandem.dualwrite.map.AlertRule.ErrorType;
import java.util.List;
import java.util.Map;

/**
 * One direction of a table map, ready to move rows: the forward leg (source → target, mappings {@code >} and
 * {@code =}) or the reverse leg (target → source, {@code <} and {@code =}, value maps inverted). "From" is where the
 * change happened, "to" where it is applied.
 */
public interface MapLeg {

    TableMap map();

    /** True for the forward leg. */
    boolean forward();

    String fromApp();

    String fromEntity();

    String toApp();

    String toEntity();

    /** Field of the from-entity whose value identifies the row on the other side (maps to {@link #toKeyField()}). */
    String fromKeyField();

    /** Key field of the to-entity the runtime upserts by (the integration key of the map minus the company field). */
    String toKeyField();

    /**
     * The rows that pass the leg's filter and legal-entity striping, in the given order. Lookups of the striping
     * path are read through {@code from}.
     */
    List<Map<String, Object>> passing(List<Map<String, Object>> rows, Lookups from);

    /**
     * Maps from-rows to to-rows: mapped fields only (plus the company field), lookups resolved in batches through
     * {@code from} (source paths) and {@code to} (target paths), defaults and value maps applied.
     *
     * @return one result per input row, in order
     */
    List<Mapped> transform(List<Map<String, Object>> rows, Lookups from, Lookups to);

    /**
     * The outcome for one row: the to-row, or the problem that stopped it.
     *
     * @param row       to-entity field → value; {@code null} when {@code problem} is set
     * @param errorType LOOKUP for an unresolvable lookup or an unmapped value; {@code null} without a problem
     * @param problem   message naming the field and the value, e.g. "Couldn't resolve the guid for the field:
     *                  msdyn_customer. The lookup was not found: C-404."
     */
    record Mapped(Map<String, Object> row, ErrorType errorType, String problem) {

        public boolean ok() {
            return problem == null;
        }
    }
}
