package dev.tandem.dualwrite.runtime;

import dev.tandem.dualwrite.map.AlertRule;
import dev.tandem.dualwrite.runtime.HomeStore.ErrorEntry;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A map's alert rules (DESIGN §3, dual-write §4.2): after errors are logged, "N errors of a type within a window"
 * records an alert and pauses or stops the map.
 */
final class AlertRules {

    private static final Logger LOG = LoggerFactory.getLogger(AlertRules.class);

    private final HomeStore home;
    private final DualWriteMetrics metrics;
    private final Workers workers;
    private final MapStates states;

    AlertRules(HomeStore home, DualWriteMetrics metrics, Workers workers, MapStates states) {
        this.home = home;
        this.metrics = metrics;
        this.workers = workers;
        this.states = states;
    }

    /** Applies the map's rules whose error type is among {@code logged} (already in the error log). */
    void apply(MapRuntime m, List<ErrorEntry> logged) {
        Instant now = home.instant();
        for (AlertRule rule : m.map.alerts()) {
            if (logged.stream().noneMatch(e -> e.type() == rule.errorType())) {
                continue;
            }
            long count = home.errorsSince(m.id(), rule.errorType(), now.minus(rule.window()));
            if (count < rule.count() || m.state != MapState.RUNNING) {
                continue;
            }
            String detail = count + " " + rule.errorType() + " errors within " + rule.window() + " (rule: "
                    + rule.count() + " → " + rule.action() + ")";
            metrics.alert(m.id(), rule.errorType().name());
            LOG.warn("Table map {}: alert, {}", m.id(), detail);
            // The caller may hold the map's read lock (live sync): change the state from another thread.
            workers.submit(() -> act(m, rule, detail));
        }
    }

    private void act(MapRuntime m, AlertRule rule, String detail) {
        try {
            home.activity(m.id(), ActivityEvent.ALERT, detail, MapStates.SYSTEM);
            if (m.state == MapState.RUNNING && rule.action() == AlertRule.Action.PAUSE) {
                states.pause(m, "alert: " + detail, MapStates.SYSTEM);
            } else if (m.state == MapState.RUNNING && rule.action() == AlertRule.Action.STOP) {
                states.stop(m, MapStates.SYSTEM);
            }
        } catch (RuntimeException e) {
            // Usually another alert changed the state first; the alert itself is recorded above if the home app was up.
            LOG.info("Table map {}: alert action {} not taken: {}", m.id(), rule.action(), e.getMessage());
        }
    }
}
