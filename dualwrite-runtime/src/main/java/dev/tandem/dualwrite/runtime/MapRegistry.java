package dev.tandem.dualwrite.runtime;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.DualWriteError;
import dev.tandem.dualwrite.capture.ChangeOperation;
import dev.tandem.dualwrite.map.MapLeg;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loaded maps by id, each with its state, in the order of their files: what every part of the runtime looks a
 * map up in. Thread-safe.
 */
final class MapRegistry {

    private final Map<String, MapRuntime> maps = new LinkedHashMap<>();

    /** Adds a map, or replaces the one with its id in place. */
    synchronized void put(MapRuntime m) {
        maps.put(m.id(), m);
    }

    synchronized List<MapRuntime> all() {
        return new ArrayList<>(maps.values());
    }

    /** @throws TandemException MAP_NOT_FOUND */
    synchronized MapRuntime get(String id) {
        MapRuntime m = id == null ? null : maps.get(id);
        if (m == null) {
            throw new TandemException(DualWriteError.MAP_NOT_FOUND, "No table map '" + id + "'; known maps: "
                    + maps.keySet(), Map.of("map", String.valueOf(id)));
        }
        return m;
    }

    /** The map, or {@code null}. */
    synchronized MapRuntime find(String id) {
        return maps.get(id);
    }

    /** Maps with a leg whose changes start in {@code app}, sorted by id (the order live sync locks them in). */
    List<MapRuntime> from(String app) {
        return all().stream().filter(m -> m.legFrom(app) != null).sorted(Comparator.comparing(MapRuntime::id))
                .toList();
    }

    /**
     * Whether some loaded map (in any state) carries {@code operation} changes of {@code entity} out of
     * {@code app} (its forward or reverse operations, as {@link MapRuntime#carries} reads them).
     */
    boolean carries(String app, String entity, ChangeOperation operation) {
        for (MapRuntime m : all()) {
            MapLeg leg = m.legFrom(app);
            if (leg != null && leg.fromEntity().equals(entity) && (leg.forward() ? leg.map().forwardOperations()
                    : leg.map().reverseOperations()).contains(operation)) {
                return true;
            }
        }
        return false;
    }
}
