package dev.tandem.dualwrite.runtime;

import dev.tandem.dualwrite.map.MapLeg;
import dev.tandem.dualwrite.map.MapLegs;
import dev.tandem.dualwrite.map.TableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One loaded map with its legs and state. Live transactions hold the read lock from the moment they decide
 * between "apply live" and "queue" until they complete; a state change takes the write lock, so it waits for them.
 * That is what makes "drain, then go live" keep the order: no transaction that queued can commit after the switch.
 */
final class MapRuntime {

    final TableMap map;
    final String yaml;
    final List<MapLeg> legs;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** When a drain may try again after the target was unavailable. */
    final RetrySchedule retry;
    volatile MapState state;

    MapRuntime(TableMap map, String yaml, MapState state, RetrySchedule retry) {
        this.map = map;
        this.yaml = yaml;
        this.state = state;
        this.retry = retry;
        List<MapLeg> all = new ArrayList<>();
        if (map.hasForwardLeg()) {
            all.add(MapLegs.forward(map));
        }
        MapLegs.reverse(map).ifPresent(all::add);
        this.legs = List.copyOf(all);
    }

    String id() {
        return map.id();
    }

    /** The leg whose changes start in {@code app}, if any (a map has at most one per app). */
    MapLeg legFrom(String app) {
        return legs.stream().filter(l -> l.fromApp().equals(app)).findFirst().orElse(null);
    }

    /** Whether a leg carries this change: its entity, one of its operations, and not coming back from its target. */
    static boolean carries(MapLeg leg, SourceChange change) {
        var operations = leg.forward() ? leg.map().forwardOperations() : leg.map().reverseOperations();
        return leg.fromEntity().equals(change.entity()) && operations.contains(change.operation())
                && !leg.toApp().equals(change.origin());
    }
}
