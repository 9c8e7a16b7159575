package dev.tandem.dualwrite.runtime;

import dev.tandem.common.Page;
import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.DualWriteError;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.map.MapLoadException;
import dev.tandem.dualwrite.map.MapProblem;
import dev.tandem.dualwrite.map.TableMap;
import dev.tandem.dualwrite.map.TableMapLoader;
import dev.tandem.dualwrite.runtime.HomeStore.StoredState;
import dev.tandem.dualwrite.runtime.Views.ActivityEntry;
import dev.tandem.dualwrite.runtime.Views.InitialSyncRun;
import dev.tandem.dualwrite.runtime.Views.MapStatus;
import dev.tandem.dualwrite.runtime.Views.QueuedChange;
import dev.tandem.dualwrite.runtime.Views.ResumeResult;
import dev.tandem.dualwrite.runtime.Views.RetryResult;
import dev.tandem.dualwrite.runtime.Views.SyncError;
import dev.tandem.dualwrite.spi.SyncApp;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dual-write runtime (DESIGN §3), the face the server uses. Its parts each have one job and are handed to one
 * another when they are built (the shape of Debezium's coordinator and its sources):
 * {@link MapRegistry} (loaded maps), {@link MapStates} and {@link MapLifecycle} (states, run, pause, resume, stop,
 * replace), {@link ErrorLog} with {@link AlertRules}, {@link FailurePolicy} (retriable or fatal), {@link Queues}
 * (queued sync and its drain), {@link LiveSync} (one per source app), {@link InDoubtResolver}, {@link InitialSync},
 * {@link Retries}, {@link Reconciler} and {@link OutboxRetention}.
 *
 * <p>Every public method throws {@link TandemException} with a {@link DualWriteError} code: MAP_NOT_FOUND for an
 * unknown map id, MAP_STATE for an action the map's state does not allow (R34), MAP_INVALID for a map that does
 * not validate. During live sync the source's caller gets the target's own refusal (R15).
 */
public final class DualWriteRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(DualWriteRuntime.class);

    private final SyncApps apps;
    private final MapRegistry maps = new MapRegistry();
    private final DualWriteSettings settings;
    private final TableMapLoader loader;
    private final Workers workers = new Workers();
    private final BatchApplier applier = new BatchApplier();
    private final HomeStore home;
    private final DualWriteMetrics metrics;
    private final ErrorLog errors;
    private final Queues queues;
    private final InDoubtResolver resolver;
    private final MapLifecycle lifecycle;
    private final Retries retries;
    private final Reconciler reconciler;
    private final OutboxRetention retention;
    private final Confirmations confirmations = new Confirmations(applier);
    private ScheduledExecutorService poller;

    /**
     * @param apps     both apps, each with the entities it exposes
     * @param mapFiles file name → YAML text of each table map (the contents of {@code maps/})
     * @throws MapLoadException naming every problem of every map, with file and line
     */
    public DualWriteRuntime(List<SyncApp> apps, Map<String, String> mapFiles, DualWriteSettings settings,
                            MeterRegistry registry) {
        this.apps = new SyncApps(apps);
        this.settings = settings;
        Map<String, Map<String, DataEntityDefinition>> definitions = new LinkedHashMap<>();
        apps.forEach(a -> definitions.put(a.name(), a.definitions()));
        this.loader = new TableMapLoader(definitions);
        this.home = new HomeStore(this.apps.app(settings.homeApp()), workers);
        this.metrics = new DualWriteMetrics(registry);
        MapStates states = new MapStates(home);
        this.errors = new ErrorLog(home, metrics, new AlertRules(home, metrics, workers, states));
        this.queues = new Queues(this.apps, settings, applier, errors, home, metrics, workers);
        this.resolver = new InDoubtResolver(this.apps, maps, applier, errors, home, workers);
        InitialSync initialSync = new InitialSync(this.apps, settings, applier, errors, home, metrics);
        this.lifecycle = new MapLifecycle(maps, states, queues, initialSync, home, loader, settings);
        this.retries = new Retries(this.apps, applier, queues, home, metrics);
        this.reconciler = new Reconciler(this.apps, applier);
        this.retention = new OutboxRetention(this.apps, maps, settings);
        load(mapFiles).forEach(m -> maps.put(lifecycle.newRuntime(m, mapFiles.get(m.file()), MapState.NOT_RUNNING)));
    }

    private List<TableMap> load(Map<String, String> mapFiles) {
        List<MapProblem> problems = new ArrayList<>();
        Map<String, TableMap> loaded = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : mapFiles.entrySet()) {
            List<MapProblem> found = loader.validate(f.getKey(), f.getValue());
            if (!found.isEmpty()) {
                problems.addAll(found);
                continue;
            }
            TableMap map = loader.load(f.getKey(), f.getValue());
            if (loaded.containsKey(map.id())) {
                problems.add(new MapProblem(f.getKey(), 1, "TDM-FORMAT", "map id '" + map.id() + "' is also used by "
                        + loaded.get(map.id()).file()));
                continue;
            }
            loaded.put(map.id(), map);
        }
        if (!problems.isEmpty()) {
            throw new MapLoadException("maps", problems);
        }
        return List.copyOf(loaded.values());
    }

    // ---------------------------------------------------------------- lifecycle

    /** {@link #start(boolean)} without running maps that have never run. */
    public void start() {
        start(false);
    }

    /**
     * Restores map states (and definitions replaced through the API), marks interrupted initial syncs resumable,
     * resolves every in-doubt batch (nothing can be in flight at start), hooks live sync into both apps, tells each
     * app's write path which entities a map carries (the others record no outbox row) and starts the poller.
     *
     * @param runNewMaps run maps that are Not running (a fresh installation) without initial sync
     */
    public void start(boolean runNewMaps) {
        lifecycle.restore();
        home.interruptRunning();
        resolver.resolve(Duration.ZERO);
        confirmations.start();
        for (SyncApp app : apps.all()) {
            app.context().changeRecorder().setHook(new LiveSync(app, apps, maps, settings, queues, applier, errors,
                    resolver, metrics, workers, confirmations));
            app.context().changeRecorder().setCarried((entity, operation) -> maps.carries(app.name(), entity, operation));
        }
        for (MapRuntime m : maps.all()) {
            String id = m.id();
            metrics.register(id, () -> queues.depth(maps.get(id)), () -> queues.lag(maps.get(id)).toSeconds(),
                    () -> maps.get(id).state.ordinal());
            if (runNewMaps) {
                lifecycle.runNew(m);
            }
        }
        if (!settings.pollInterval().isZero()) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                    .name("dual-write-poller").unstarted(r));
            long ms = settings.pollInterval().toMillis();
            poller.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /** Unhooks live sync and stops background work. */
    public void close() {
        for (SyncApp app : apps.all()) {
            app.context().changeRecorder().setHook(null);
            app.context().changeRecorder().setCarried(null);
        }
        if (poller != null) {
            poller.shutdownNow();
        }
        confirmations.close();
        workers.close();
    }

    /**
     * Periodic work: queues that wait for their target (after its back-off), straggling queued batches of running
     * maps, batches in doubt for longer than allowed, and bookkeeping that has served ({@link OutboxRetention}).
     */
    private void poll() {
        for (MapRuntime m : maps.all()) {
            try {
                lifecycle.catchUp(m);
            } catch (RuntimeException e) {
                LOG.warn("Table map {}: catching up its queue failed; the next round tries again", m.id(), e);
            }
        }
        try {
            resolver.resolve(settings.inDoubtAfter());
            retention.purgeIfDue(home.instant());
        } catch (RuntimeException e) {
            LOG.warn("Dual-write periodic work failed; the next round tries again", e);
        }
    }

    // ---------------------------------------------------------------- maps and states

    public List<MapStatus> maps() {
        return maps.all().stream().map(this::status).toList();
    }

    public MapStatus map(String id) {
        return status(maps.get(id));
    }

    public TableMap definition(String id) {
        return maps.get(id).map;
    }

    /** The YAML text of the map as loaded or last replaced. */
    public String yaml(String id) {
        return maps.get(id).yaml;
    }

    /** Validates a map file without loading it; empty when it is valid. */
    public List<MapProblem> validate(String file, String yaml) {
        return loader.validate(file, yaml);
    }

    /**
     * Replaces a map's definition; only when Not running or Stopped (R35). The id must stay the same.
     *
     * @throws TandemException MAP_INVALID (with every problem), MAP_STATE
     */
    public MapStatus replace(String id, String yaml, String user) {
        return status(lifecycle.replace(maps.get(id), yaml, user));
    }

    /**
     * Not running/Stopped → Running. With {@code initialSync} the map is Initializing while the source is copied
     * (changes meanwhile queue); afterwards, and when a stopped map still has queued changes, the queue drains
     * before the map runs live (it stays Resuming while the target cannot be reached).
     */
    public MapStatus run(String id, boolean initialSync, String user) {
        lifecycle.run(maps.get(id), initialSync, user);
        return map(id);
    }

    /** Running → Paused: later changes queue in full order (R34). */
    public MapStatus pause(String id, String reason, String user) {
        lifecycle.pause(maps.get(id), reason, user);
        return map(id);
    }

    /**
     * Paused → Resuming → Running with one of the three options of dual-write §4.3. With DRAIN the map stays
     * Resuming while its target cannot be reached; the queue is applied in order once it answers.
     *
     * @throws TandemException CONFIRMATION_REQUIRED (discard without confirmation), MAP_STATE
     */
    public ResumeResult resume(String id, ResumeOption option, boolean confirmDiscard, String user) {
        ResumeResult r = lifecycle.resume(maps.get(id), option, confirmDiscard, user);
        return new ResumeResult(map(id), r.drained(), r.movedToRetry(), r.discarded());
    }

    /** Any state → Stopped. Queued changes stay queued; running it again drains them first. */
    public MapStatus stop(String id, String user) {
        lifecycle.stop(maps.get(id), user);
        return map(id);
    }

    private MapStatus status(MapRuntime m) {
        StoredState s = home.state(m.id());
        return new MapStatus(m.id(), m.map.name(), m.map.version(), m.map.sourceApp() + "/" + m.map.sourceEntity(),
                m.map.targetApp() + "/" + m.map.targetEntity(), m.state, queues.depth(m), queues.lag(m).toSeconds(),
                home.openErrors(m.id()), s == null ? null : s.changedAt(), s == null ? null : s.changedBy(),
                s == null ? null : s.reason());
    }

    // ---------------------------------------------------------------- queue, errors, retry

    /** @param status a status, or {@code null} for all */
    public Page<QueuedChange> queue(String id, QueueStatus status, int page, int size) {
        return queues.list(maps.get(id), status, page, size);
    }

    /** @param status a status, or {@code null} for all */
    public Page<SyncError> errors(String id, ErrorStatus status, int page, int size) {
        maps.get(id);
        return home.errors(id, status, page, size);
    }

    /** @throws TandemException ERROR_NOT_FOUND */
    public SyncError error(long errorId) {
        return retries.error(errorId);
    }

    /**
     * Retries error-log rows: a queued or catch-up change is applied again as recorded; an initial-sync row is read
     * again from the source (so a fix made there counts). Empty ids = every open retryable row of the map.
     */
    public RetryResult retry(String id, List<Long> errorIds, String user) {
        return retries.retry(maps.get(id), errorIds, user);
    }

    /** Applies the retry list (changes moved there by resume LIVE_RETRY_QUEUED), in order. */
    public RetryResult retryQueue(String id, String user) {
        return retries.retryQueue(maps.get(id), user);
    }

    /** Deletes the given error-log rows, or every row that is not OPEN; the only way rows leave the error log. */
    public int purgeErrors(String id, List<Long> errorIds, String user) {
        maps.get(id);
        int n = home.purge(id, errorIds);
        home.activity(id, ActivityEvent.ERRORS_PURGED, n + " error-log rows deleted", user);
        return n;
    }

    /**
     * Deletes the sync bookkeeping that has served, in each app's database (the poller does it every ten minutes):
     * outbox rows older than {@link DualWriteSettings#outboxRetention()} that no queued, retry-listed or failed batch
     * needs; queue rows delivered or discarded that long ago; inbox rows of queued batches no drain can replay any
     * more; delivery rows of live batches no target holds in doubt. Rows of a batch still queued, on the retry list
     * or failed are never deleted.
     *
     * @return outbox rows deleted
     */
    public int purgeOutbox() {
        return retention.purge(home.instant());
    }

    // ---------------------------------------------------------------- initial sync

    /**
     * Runs (or resumes after its checkpoint) the initial sync of a map and waits for it. The map must not be live:
     * Not running, Stopped or Initializing; it stays in its state (use {@link #run} with initial sync to go live).
     */
    public InitialSyncRun initialSync(String id, String user) {
        return lifecycle.initialSync(maps.get(id), user);
    }

    public InitialSyncRun initialSyncRun(UUID runId) {
        InitialSyncRun run = home.run(runId);
        if (run == null) {
            throw new TandemException(DualWriteError.MAP_NOT_FOUND, "No initial sync run " + runId);
        }
        return run;
    }

    public List<InitialSyncRun> initialSyncRuns(String id) {
        maps.get(id);
        return home.runs(id);
    }

    /** Syncs one source row again, by its integration key, as initial sync would (master: source). */
    public RetryResult resyncRow(String id, String key, String user) {
        return retries.resyncRow(maps.get(id), key, user);
    }

    public Page<ActivityEntry> activity(String id, int page, int size) {
        maps.get(id);
        return home.activity(id, page, size);
    }

    // ---------------------------------------------------------------- reconciliation and in-doubt batches

    /**
     * Compares every row of a map with its counterpart through the map (DESIGN §4 invariant 5): each source row that
     * passes the filter must exist on the other side, and for legs that carry updates its mapped fields must be
     * equal. Reads both sides page by page; meant for a quiet system (after sync quiesces).
     */
    public Views.Reconciliation reconcile(String id) {
        return reconciler.reconcile(maps.get(id));
    }

    /**
     * Undoes applied live batches whose source transaction never committed (no delivery row in the source), and
     * confirms the others; only batches applied at least {@code minAge} ago.
     *
     * @return batches undone
     */
    public int resolveInDoubt(Duration minAge) {
        return resolver.resolve(minAge);
    }

    /** Waits until the background confirmations of committed live batches are written; for tests. */
    boolean awaitConfirmations(Duration timeout) {
        return confirmations.awaitIdle(timeout);
    }
}
