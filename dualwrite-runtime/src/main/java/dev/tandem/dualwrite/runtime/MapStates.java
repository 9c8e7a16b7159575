package dev.tandem.dualwrite.runtime;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.DualWriteError;
import java.util.Map;
import java.util.Set;

/**
 * Map states (dual-write R34): checks that an action is allowed in a map's state and records each change, with its
 * reason and user, in the map's state row and activity log. A change takes the map's write lock, so it waits for
 * live transactions that decided between "apply" and "queue" under the old state.
 */
final class MapStates {

    /** The user the runtime acts as. */
    static final String SYSTEM = "dual-write";

    private final HomeStore home;

    MapStates(HomeStore home) {
        this.home = home;
    }

    /** @throws TandemException MAP_STATE naming the state and the states the action needs */
    void require(MapRuntime m, String action, Set<MapState> allowed) {
        if (!allowed.contains(m.state)) {
            throw new TandemException(DualWriteError.MAP_STATE, "Table map " + m.map.name() + " is " + label(m.state)
                    + "; " + action + " needs it to be " + allowed.stream().map(MapStates::label).toList(),
                    Map.of("map", m.id(), "state", m.state.name()));
        }
    }

    /** Changes the state under the map's write lock. */
    void set(MapRuntime m, MapState state, String reason, String user) {
        m.lock.writeLock().lock();
        try {
            setLocked(m, state, reason, user);
        } finally {
            m.lock.writeLock().unlock();
        }
    }

    /** Changes the state; the caller holds the map's write lock. */
    void setLocked(MapRuntime m, MapState state, String reason, String user) {
        MapState before = m.state;
        // Stored first: whoever sees the new state also reads its reason.
        home.saveState(m.id(), state, m.map.version(), null, reason, user);
        m.state = state;
        home.activity(m.id(), ActivityEvent.STATE, label(before) + " → " + label(state)
                + (reason == null ? "" : ": " + reason), user);
    }

    /** Running → Paused: later changes queue in full order (R34). */
    void pause(MapRuntime m, String reason, String user) {
        require(m, "pause", Set.of(MapState.RUNNING));
        set(m, MapState.PAUSED, reason, user);
    }

    /** Any state → Stopped. Queued changes stay queued. */
    void stop(MapRuntime m, String user) {
        set(m, MapState.STOPPED, null, user);
    }

    /** A state as users read it: "not running". */
    static String label(MapState s) {
        return s.name().toLowerCase().replace('_', ' ');
    }
}
