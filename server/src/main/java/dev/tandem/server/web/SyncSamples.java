package dev.tandem.server.web;

import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.dualwrite.runtime.Views.MapStatus;
import dev.tandem.server.dualwrite.DualWriteProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The history behind the integration admin's chart (docs/web-ui.md, "Integration admin"): the runtime reports each
 * map's queue depth and lag only as they are now, and its rows applied only as an ever-growing counter, so this
 * node samples them every {@code tandem.web.sync-samples.interval} (default 15 s) into an in-memory ring per map that
 * keeps the last {@code tandem.web.sync-samples.window} (default 6 h), and never more than {@value #MAX_SAMPLES}
 * samples per map whatever the two settings say. Applied per second is the growth of the runtime's
 * {@code tandem.dualwrite.applied.rows} counter (every mode: live, queued, initial, retry) between two samples,
 * divided by the seconds between them.
 *
 * <p>The samples are this node's, in memory: a restart starts an empty history, and with several nodes each charts
 * what it saw (queue depth and lag are the same on every node; applied rows are what this node applied). A sample
 * that fails (a database that can't be read) is skipped and logged; the next one tries again.
 */
@Component
@ConditionalOnBooleanProperty(name = DualWriteProperties.ENABLED, matchIfMissing = true)
class SyncSamples implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SyncSamples.class);

    /** Most samples kept per map: 6 hours at one sample every 7.5 seconds. */
    static final int MAX_SAMPLES = 2_880;

    /** The runtime's counter of rows applied to the target, tagged {@code map} and {@code mode}. */
    static final String APPLIED_ROWS = "tandem.dualwrite.applied.rows";

    /**
     * One sample of a map.
     *
     * @param at               when it was taken (UTC)
     * @param queueDepth       changes queued and not yet applied
     * @param lagSeconds       age in seconds of the oldest queued change; 0 with an empty queue
     * @param appliedPerSecond rows applied to the target per second since the sample before (any mode)
     */
    record Sample(Instant at, long queueDepth, long lagSeconds, double appliedPerSecond) {
    }

    private final DualWriteRuntime runtime;
    private final MeterRegistry registry;
    private final Duration interval;
    private final Duration window;
    private final int capacity;
    private final Map<String, Ring> rings = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    SyncSamples(DualWriteRuntime runtime, ObjectProvider<MeterRegistry> registry,
            @Value("${tandem.web.sync-samples.interval:PT15S}") Duration interval,
            @Value("${tandem.web.sync-samples.window:PT6H}") Duration window) {
        if (interval.toMillis() < 100 || window.compareTo(interval) < 0) {
            throw new IllegalArgumentException("tandem.web.sync-samples.interval must be at least 100 ms and no "
                    + "longer than tandem.web.sync-samples.window (interval " + interval + ", window " + window + ")");
        }
        this.runtime = runtime;
        this.registry = registry.getIfAvailable();
        this.interval = interval;
        this.window = window;
        this.capacity = (int) Math.min(MAX_SAMPLES, Math.max(1, window.toMillis() / interval.toMillis()));
        try {
            for (MapStatus map : runtime.maps()) {
                rings.put(map.id(), new Ring(capacity, applied(map.id()), Instant.now()));
            }
        } catch (RuntimeException e) {
            // The first sample makes the rings then; its rate starts at 0.
            LOG.warn("Could not read the table maps to start sampling them; the first sample tries again: {}",
                    e.toString());
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("sync-samples").unstarted(r));
        timer.scheduleWithFixedDelay(this::sampleQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** How often a sample is taken. */
    Duration interval() {
        return interval;
    }

    /** How far back the samples reach at most. */
    Duration window() {
        return window;
    }

    /** The map's samples, oldest first; empty for a map this node has not sampled yet. */
    List<Sample> samples(String mapId) {
        Ring ring = rings.get(mapId);
        return ring == null ? List.of() : ring.snapshot(Instant.now().minus(window));
    }

    /** Takes one sample of every map now. */
    void sample() {
        Instant now = Instant.now();
        for (MapStatus map : runtime.maps()) {
            rings.computeIfAbsent(map.id(), id -> new Ring(capacity, applied(id), now))
                    .add(now, map.queueDepth(), map.lagSeconds(), applied(map.id()));
        }
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            LOG.warn("Sampling the table maps' queue depth and lag failed; the next sample tries again: {}",
                    e.toString());
        }
    }

    /** Rows applied to the map's target since this process started, every mode together. */
    private double applied(String mapId) {
        if (registry == null) {
            return 0;
        }
        return registry.find(APPLIED_ROWS).tag("map", mapId).counters().stream().mapToDouble(Counter::count).sum();
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    /** A map's last samples, at most {@code capacity}, the oldest dropped first. */
    private static final class Ring {

        private final int capacity;
        private final ArrayDeque<Sample> samples;
        private double lastApplied;
        private Instant lastAt;

        Ring(int capacity, double applied, Instant at) {
            this.capacity = capacity;
            this.samples = new ArrayDeque<>(Math.min(capacity, 256));
            this.lastApplied = applied;
            this.lastAt = at;
        }

        synchronized void add(Instant at, long queueDepth, long lagSeconds, double applied) {
            double seconds = Math.max(0.001, Duration.between(lastAt, at).toMillis() / 1000.0);
            double rate = Math.max(0, applied - lastApplied) / seconds;
            lastApplied = applied;
            lastAt = at;
            if (samples.size() == capacity) {
                samples.removeFirst();
            }
            samples.addLast(new Sample(at, queueDepth, lagSeconds, Math.round(rate * 100) / 100.0));
        }

        synchronized List<Sample> snapshot(Instant since) {
            return samples.stream().filter(s -> !s.at().isBefore(since)).toList();
        }
    }
}
