package dev.tandem.dualwrite.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The runtime's metrics (Micrometer), tagged by map: queue depth and lag (gauges read when scraped), rows applied
 * (by mode: live, queued, initial, retry), errors by type, alerts, and the time live sync spends in the target.
 * Prometheus names: {@code tandem_dualwrite_queue_depth}, {@code tandem_dualwrite_lag_seconds},
 * {@code tandem_dualwrite_applied_rows_total}, {@code tandem_dualwrite_errors_total},
 * {@code tandem_dualwrite_alerts_total}, {@code tandem_dualwrite_live_apply_seconds}.
 */
final class DualWriteMetrics {

    private final MeterRegistry registry;

    DualWriteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(String mapId, Supplier<Number> queueDepth, Supplier<Number> lagSeconds, Supplier<Number> state) {
        Gauge.builder("tandem.dualwrite.queue.depth", queueDepth).tag("map", mapId)
                .description("Changes queued for the map and not yet applied").register(registry);
        Gauge.builder("tandem.dualwrite.lag", lagSeconds).tag("map", mapId).baseUnit("seconds")
                .description("Age of the oldest queued change of the map; 0 when its queue is empty").register(registry);
        Gauge.builder("tandem.dualwrite.state", state).tag("map", mapId)
                .description("Map state: 0 not running, 1 initializing, 2 running, 3 paused, 4 resuming, 5 stopped")
                .register(registry);
    }

    void applied(String mapId, String mode, int rows, long nanos) {
        Counter.builder("tandem.dualwrite.applied.rows").tag("map", mapId).tag("mode", mode)
                .description("Rows applied to the target").register(registry).increment(rows);
        if (nanos > 0) {
            Timer.builder("tandem.dualwrite.live.apply").tag("map", mapId)
                    .description("Time live sync spent applying a batch to the target").register(registry)
                    .record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    void error(String mapId, String type) {
        Counter.builder("tandem.dualwrite.errors").tag("map", mapId).tag("type", type)
                .description("Rows that failed to sync").register(registry).increment();
    }

    void alert(String mapId, String kind) {
        Counter.builder("tandem.dualwrite.alerts").tag("map", mapId).tag("kind", kind)
                .description("Alerts raised").register(registry).increment();
    }
}
