package dev.tandem.dualwrite.runtime;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.DualWriteError;
import dev.tandem.dualwrite.map.MapLoadException;
import dev.tandem.dualwrite.map.TableMap;
import dev.tandem.dualwrite.map.TableMapLoader;
import dev.tandem.dualwrite.runtime.HomeStore.StoredState;
import dev.tandem.dualwrite.runtime.Views.InitialSyncRun;
import dev.tandem.dualwrite.runtime.Views.QueuedChange;
import dev.tandem.dualwrite.runtime.Views.ResumeResult;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of each map (DESIGN §3, dual-write R34/R35): Not running → Initializing → Running ⇄ Paused →
 * Resuming → Running; Stopped; definitions replaced only when stopped. Going from a queue to live always drains
 * first, and stays Resuming while the target cannot be reached: a map runs live only with an empty queue, so no live
 * change overtakes a queued one.
 */
final class MapLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(MapLifecycle.class);

    private final MapRegistry maps;
    private final MapStates states;
    private final Queues queues;
    private final InitialSync initialSync;
    private final HomeStore home;
    private final TableMapLoader loader;
    private final DualWriteSettings settings;

    MapLifecycle(MapRegistry maps, MapStates states, Queues queues, InitialSync initialSync, HomeStore home,
                 TableMapLoader loader, DualWriteSettings settings) {
        this.maps = maps;
        this.states = states;
        this.queues = queues;
        this.initialSync = initialSync;
        this.home = home;
        this.loader = loader;
        this.settings = settings;
    }

    /** A map of a definition, with a fresh retry schedule. */
    MapRuntime newRuntime(TableMap map, String yaml, MapState state) {
        return new MapRuntime(map, yaml, state, new RetrySchedule(settings.retryInitialInterval(),
                settings.retryMaxInterval()));
    }

    /** Restores each map's stored state and the definition stored through the API (when it still validates). */
    void restore() {
        Map<String, StoredState> stored = home.states();
        for (MapRuntime m : maps.all()) {
            StoredState s = stored.get(m.id());
            MapRuntime current = m;
            if (s != null && s.definition() != null) {
                try {
                    current = newRuntime(loader.load(m.map.file(), s.definition()), s.definition(), s.state());
                    maps.put(current);
                } catch (MapLoadException e) {
                    LOG.warn("Table map {}: the definition stored through the API no longer validates; the file's is "
                            + "used: {}", m.id(), e.getMessage());
                    home.activity(m.id(), ActivityEvent.DEFINITION_REJECTED, "The definition stored through the API "
                            + "no longer validates; the file's is used: " + e.getMessage(), MapStates.SYSTEM);
                }
            }
            current.state = s == null ? MapState.NOT_RUNNING : s.state();
            if (s == null) {
                home.saveState(m.id(), MapState.NOT_RUNNING, m.map.version(), null, null, MapStates.SYSTEM);
            }
        }
    }

    /**
     * Replaces a map's definition; only when Not running or Stopped (R35). The id must stay the same.
     *
     * @throws TandemException MAP_INVALID (with every problem), MAP_STATE
     */
    MapRuntime replace(MapRuntime m, String yaml, String user) {
        m.lock.writeLock().lock();
        try {
            if (!m.state.editable()) {
                throw new TandemException(DualWriteError.MAP_STATE, "Table map " + m.map.name() + " is "
                        + MapStates.label(m.state) + "; stop it before changing its mappings (R35)", Map.of("map",
                        m.id(), "state", m.state.name()));
            }
            TableMap map = loader.load(m.map.file(), yaml);
            if (!map.id().equals(m.id())) {
                throw new TandemException(DualWriteError.MAP_INVALID, "The new definition has id '" + map.id()
                        + "'; a replacement must keep the id '" + m.id() + "'");
            }
            MapRuntime replaced = newRuntime(map, yaml, m.state);
            maps.put(replaced);
            home.saveState(m.id(), m.state, map.version(), yaml, "definition replaced", user);
            home.activity(m.id(), ActivityEvent.DEFINITION_REPLACED, "version " + m.map.version() + " → "
                    + map.version(), user);
            return replaced;
        } finally {
            m.lock.writeLock().unlock();
        }
    }

    /**
     * Not running/Stopped → Running. With {@code initialSync} the map is Initializing while the source is copied
     * (changes meanwhile queue); afterwards, and when a stopped map still has queued changes, the queue drains
     * before the map runs live.
     */
    void run(MapRuntime m, boolean withInitialSync, String user) {
        states.require(m, "run", EnumSet.of(MapState.NOT_RUNNING, MapState.STOPPED, MapState.INITIALIZING));
        if (withInitialSync) {
            states.set(m, MapState.INITIALIZING, "initial sync", user);
            initialSync.run(m, user);
        }
        if (queues.depth(m) > 0) {
            states.set(m, MapState.RESUMING, "catching up queued changes", user);
            drainThenRun(m, user);
        } else {
            states.set(m, MapState.RUNNING, null, user);
        }
    }

    /** Running → Paused: later changes queue in full order (R34). */
    void pause(MapRuntime m, String reason, String user) {
        states.pause(m, reason, user);
    }

    /** Any state → Stopped. Queued changes stay queued; running it again drains them first. */
    void stop(MapRuntime m, String user) {
        states.stop(m, user);
    }

    /** Runs a map that has never run, without initial sync (a fresh installation). */
    void runNew(MapRuntime m) {
        if (m.state == MapState.NOT_RUNNING) {
            states.set(m, MapState.RUNNING, "started with the server", MapStates.SYSTEM);
        }
    }

    /** Runs (or resumes after its checkpoint) the initial sync of a map that is not live, and waits for it. */
    InitialSyncRun initialSync(MapRuntime m, String user) {
        states.require(m, "initial sync", EnumSet.of(MapState.NOT_RUNNING, MapState.STOPPED, MapState.INITIALIZING));
        return initialSync.run(m, user);
    }

    /**
     * Paused → Resuming → Running with one of the three options of dual-write §4.3.
     *
     * @throws TandemException CONFIRMATION_REQUIRED (discard without confirmation), MAP_STATE
     */
    ResumeResult resume(MapRuntime m, ResumeOption option, boolean confirmDiscard, String user) {
        states.require(m, "resume", EnumSet.of(MapState.PAUSED));
        return switch (option) {
            case DRAIN -> {
                states.set(m, MapState.RESUMING, "catching up queued changes", user);
                yield new ResumeResult(null, drainThenRun(m, user), 0, List.of());
            }
            case LIVE_RETRY_QUEUED -> {
                m.lock.writeLock().lock();
                try {
                    int moved = queues.moveToRetry(m);
                    states.setLocked(m, MapState.RUNNING, moved + " queued batches moved to the retry list", user);
                    yield new ResumeResult(null, 0, moved, List.of());
                } finally {
                    m.lock.writeLock().unlock();
                }
            }
            case LIVE_DISCARD_QUEUED -> new ResumeResult(null, 0, 0, discard(m, confirmDiscard, user));
        };
    }

    private List<QueuedChange> discard(MapRuntime m, boolean confirmed, String user) {
        if (!confirmed) {
            throw new TandemException(DualWriteError.CONFIRMATION_REQUIRED, "Resuming table map " + m.map.name()
                    + " by discarding its " + queues.depth(m) + " queued changes needs explicit confirmation; they "
                    + "will not reach " + m.map.targetApp(), Map.of("map", m.id(), "queued", queues.depth(m)));
        }
        m.lock.writeLock().lock();
        try {
            List<QueuedChange> discarded = queues.discard(m, user);
            LOG.info("Table map {}: {} queued changes discarded by {}", m.id(), discarded.size(), user);
            home.activity(m.id(), ActivityEvent.QUEUE_DISCARDED, discarded.size() + " queued changes discarded; each "
                    + "is in the discard log", user);
            states.setLocked(m, MapState.RUNNING, discarded.size() + " queued changes discarded", user);
            return discarded;
        } finally {
            m.lock.writeLock().unlock();
        }
    }

    /**
     * Drains while Resuming (new changes keep queueing), then switches to Running with a last drain under the write
     * lock. When the target cannot be reached the map stays Resuming and the poller goes on after the back-off.
     *
     * @return batches applied
     */
    int drainThenRun(MapRuntime m, String user) {
        Queues.Drained drained = queues.drain(m, QueueStatus.QUEUED);
        if (!drained.complete()) {
            return drained.delivered();
        }
        m.lock.writeLock().lock();
        try {
            // No transaction that queued can still be committing: they hold the read lock until they complete.
            drained = drained.plus(queues.drain(m, QueueStatus.QUEUED));
            if (drained.complete() && m.state == MapState.RESUMING) {
                states.setLocked(m, MapState.RUNNING, drained.delivered() + " queued batches applied", user);
            }
        } finally {
            m.lock.writeLock().unlock();
        }
        return drained.delivered();
    }

    /**
     * Periodic work on one map: a Resuming map whose drain waited for its target goes on; a Running map's
     * stragglers (left by a drain that waited) are applied. Respects the map's back-off.
     */
    void catchUp(MapRuntime m) {
        if ((m.state == MapState.RUNNING || m.state == MapState.RESUMING) && queues.due(m) && queues.depth(m) > 0) {
            if (m.state == MapState.RESUMING) {
                drainThenRun(m, MapStates.SYSTEM);
            } else {
                queues.drain(m, QueueStatus.QUEUED);
            }
        }
    }
}
