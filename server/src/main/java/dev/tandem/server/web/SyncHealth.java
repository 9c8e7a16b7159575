package dev.tandem.server.web;

import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.dualwrite.runtime.MapState;
import dev.tandem.dualwrite.runtime.Views.MapStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The home page's "sync health" card ({@code ${@syncHealth.summary()}}, shown to readers of dual-write): how many
 * table maps are in each state, what waits in their queues, the oldest queued change and the open errors, as the
 * runtime reports them now.
 */
@Component("syncHealth")
public class SyncHealth {

    private final ObjectProvider<DualWriteRuntime> runtime;

    SyncHealth(ObjectProvider<DualWriteRuntime> runtime) {
        this.runtime = runtime;
    }

    /**
     * The maps' health now.
     *
     * @param maps          table maps loaded
     * @param byState       maps per state, states without a map left out
     * @param queued        changes queued over every map
     * @param maxLagSeconds age in seconds of the oldest queued change of any map; 0 with empty queues
     * @param openErrors    open error-log rows over every map
     * @param notRunning    maps that are not Running (paused, resuming, stopped, initializing, not running)
     */
    public record Summary(int maps, Map<MapState, Long> byState, long queued, long maxLagSeconds, long openErrors,
                          List<String> notRunning) {
    }

    /** The summary, or {@code null} when this node runs no dual-write runtime. */
    public Summary summary() {
        DualWriteRuntime r = runtime.getIfAvailable();
        if (r == null) {
            return null;
        }
        List<MapStatus> maps = r.maps();
        Map<MapState, Long> byState = new EnumMap<>(MapState.class);
        long queued = 0;
        long lag = 0;
        long errors = 0;
        for (MapStatus m : maps) {
            byState.merge(m.state(), 1L, Long::sum);
            queued += m.queueDepth();
            lag = Math.max(lag, m.lagSeconds());
            errors += m.openErrors();
        }
        List<String> notRunning = maps.stream().filter(m -> m.state() != MapState.RUNNING).map(MapStatus::id).toList();
        return new Summary(maps.size(), byState, queued, lag, errors, notRunning);
    }
}
