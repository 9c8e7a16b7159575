package dev.tandem.dualwrite.map;

import dev.tandem.dualwrite.capture.ChangeOperation;
import java.util.List;
import java.util.Set;

/**
 * A table map (DESIGN §3): which entity of which app syncs to which entity of the other, with which fields, keys,
 * filters and striping. Loaded from a versioned YAML file in {@code maps/} and validated against the entity
 * definitions by {@link TableMapLoader}; the format is described in {@code docs/dual-write.md}.
 *
 * @param id            short unique id, e.g. {@code msdyn_actuals}; the REST API and metrics use it
 * @param name          display name, as the original names the map
 * @param version       four-part version, e.g. {@code 1.0.0.19}
 * @param sourceApp     app of the source entity ({@code operations} or {@code finance})
 * @param sourceEntity  entity name in the source app
 * @param targetApp     app of the target entity
 * @param targetEntity  entity name in the target app
 * @param key           target fields forming the integration key; each is mapped or is the company field
 * @param master        side that wins when initial sync finds a row on both sides
 * @param filter        source filter of the forward leg, or {@code null}
 * @param reverseFilter filter on target rows for the reverse leg, or {@code null}
 * @param company       legal-entity striping, or {@code null} for a cross-company map
 * @param fields        field mappings, in file order
 * @param alerts        alert rules
 * @param forwardOperations which changes of source rows the forward leg carries (default all three); the actuals
 *                      map carries INSERT only: Project Operations sends new actuals into staging (R40)
 * @param reverseOperations which changes of target rows the reverse leg carries (default all three); write-back
 *                      maps carry UPDATE only
 * @param file          file the map was loaded from, for messages
 */
public record TableMap(String id, String name, String version, String sourceApp, String sourceEntity,
                       String targetApp, String targetEntity, List<String> key, Master master, Filter filter,
                       Filter reverseFilter, CompanyStriping company, List<FieldMapping> fields,
                       List<AlertRule> alerts, Set<ChangeOperation> forwardOperations,
                       Set<ChangeOperation> reverseOperations, String file) {

    /** Which side wins in initial sync when both have the row (dual-write S5). */
    public enum Master {
        SOURCE,
        TARGET
    }

    public TableMap {
        key = List.copyOf(key);
        fields = List.copyOf(fields);
        alerts = List.copyOf(alerts);
        forwardOperations = Set.copyOf(forwardOperations);
        reverseOperations = Set.copyOf(reverseOperations);
    }

    /** Whether any field flows source → target. */
    public boolean hasForwardLeg() {
        return fields.stream().anyMatch(f -> f.direction().forward() && f.target() != null);
    }

    /** Whether any field flows target → source (write-back). */
    public boolean hasReverseLeg() {
        return fields.stream().anyMatch(f -> f.direction().reverse() && f.source() != null
                && !key.contains(f.target() == null ? "" : f.target().head()));
    }
}
