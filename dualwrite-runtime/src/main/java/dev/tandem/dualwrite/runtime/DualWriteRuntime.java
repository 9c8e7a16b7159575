package dev.tandem.dualwrite.runtime;

import dev.tandem.common.Page;
import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.DualWriteError;
import dev.tandem.dualwrite.capture.ChangeOperation;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.map.AlertRule;
import dev.tandem.dualwrite.map.AlertRule.ErrorType;
import dev.tandem.dualwrite.map.MapLeg;
import dev.tandem.dualwrite.map.MapLoadException;
import dev.tandem.dualwrite.map.MapProblem;
import dev.tandem.dualwrite.map.TableMap;
import dev.tandem.dualwrite.map.TableMapLoader;
import dev.tandem.dualwrite.runtime.BatchApplier.Prepared;
import dev.tandem.dualwrite.runtime.HomeStore.ErrorEntry;
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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.dao.DataAccessException;

/**
 * The dual-write runtime (DESIGN §3): live sync inside the source transaction, the in-doubt resolver, map states,
 * pause/queue/resume, the error log with retry, alert rules, initial sync, the activity log and metrics.
 *
 * <p>Every public method throws {@link TandemException} with a {@link DualWriteError} code: MAP_NOT_FOUND for an
 * unknown map id, MAP_STATE for an action the map's state does not allow (R34), MAP_INVALID for a map that does
 * not validate. During live sync the source's caller gets the target's own refusal (R15).
 */
public final class DualWriteRuntime {

    private static final String SYSTEM = "dual-write";

    private final Map<String, SyncApp> apps = new LinkedHashMap<>();
    private final Map<String, MapRuntime> maps = new LinkedHashMap<>();
    private final DualWriteSettings settings;
    private final TableMapLoader loader;
    private final Workers workers = new Workers();
    private final BatchApplier applier = new BatchApplier();
    private final HomeStore home;
    private final Queues queues = new Queues(this);
    private final InitialSync initialSync = new InitialSync(this);
    private final DualWriteMetrics metrics;
    private final Map<String, String> files;
    private ScheduledExecutorService poller;

    /**
     * @param apps     both apps, each with the entities it exposes
     * @param mapFiles file name → YAML text of each table map (the contents of {@code maps/})
     * @throws MapLoadException naming every problem of every map, with file and line
     */
    public DualWriteRuntime(List<SyncApp> apps, Map<String, String> mapFiles, DualWriteSettings settings,
                            MeterRegistry registry) {
        apps.forEach(a -> this.apps.put(a.name(), a));
        this.settings = settings;
        Map<String, Map<String, DataEntityDefinition>> definitions = new LinkedHashMap<>();
        apps.forEach(a -> definitions.put(a.name(), a.definitions()));
        this.loader = new TableMapLoader(definitions);
        this.home = new HomeStore(app(settings.homeApp()), workers);
        this.metrics = new DualWriteMetrics(registry);
        this.files = new LinkedHashMap<>(mapFiles);
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
        loaded.values().forEach(m -> maps.put(m.id(), new MapRuntime(m, mapFiles.get(m.file()), MapState.NOT_RUNNING)));
    }

    // ---------------------------------------------------------------- lifecycle

    /** {@link #start(boolean)} without running maps that have never run. */
    public void start() {
        start(false);
    }

    /**
     * Restores map states (and definitions replaced through the API), marks interrupted initial syncs resumable,
     * resolves every in-doubt batch (nothing can be in flight at start), hooks live sync into both apps and starts
     * the poller.
     *
     * @param runNewMaps run maps that are Not running (a fresh installation) without initial sync
     */
    public void start(boolean runNewMaps) {
        Map<String, StoredState> stored = home.states();
        for (MapRuntime m : new ArrayList<>(maps.values())) {
            StoredState s = stored.get(m.id());
            MapRuntime current = m;
            if (s != null && s.definition() != null) {
                try {
                    current = new MapRuntime(loader.load(m.map.file(), s.definition()), s.definition(), s.state());
                    maps.put(m.id(), current);
                } catch (MapLoadException e) {
                    home.activity(m.id(), "DEFINITION_REJECTED", "The definition stored through the API no longer "
                            + "validates; the file's is used: " + e.getMessage(), SYSTEM);
                }
            }
            current.state = s == null ? MapState.NOT_RUNNING : s.state();
            if (s == null) {
                home.saveState(m.id(), MapState.NOT_RUNNING, m.map.version(), null, null, SYSTEM);
            }
        }
        home.interruptRunning();
        resolveInDoubt(Duration.ZERO);
        for (SyncApp app : apps.values()) {
            app.context().changeRecorder().setHook(new LiveSync(this, app));
        }
        for (MapRuntime m : maps.values()) {
            MapRuntime ref = m;
            metrics.register(m.id(), () -> queues.depth(runtimeOf(ref.id())),
                    () -> queues.lag(runtimeOf(ref.id())).toSeconds(), () -> runtimeOf(ref.id()).state.ordinal());
            if (runNewMaps && m.state == MapState.NOT_RUNNING) {
                setState(m, MapState.RUNNING, "started with the server", SYSTEM);
            }
        }
        if (!settings.pollInterval().isZero()) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("dual-write-poller")
                    .unstarted(r));
            long ms = settings.pollInterval().toMillis();
            poller.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /** Unhooks live sync and stops background work. */
    public void close() {
        for (SyncApp app : apps.values()) {
            app.context().changeRecorder().setHook(null);
        }
        if (poller != null) {
            poller.shutdownNow();
        }
        workers.close();
    }

    /** Periodic work: straggling queued batches of running maps, and batches in doubt for longer than allowed. */
    private void poll() {
        try {
            for (MapRuntime m : maps.values()) {
                if (m.state == MapState.RUNNING && queues.depth(m) > 0) {
                    queues.drain(m, "QUEUED");
                }
            }
            resolveInDoubt(settings.inDoubtAfter());
        } catch (RuntimeException e) {
            // Next round tries again; failures of single rows are in the error log already.
        }
    }

    // ---------------------------------------------------------------- maps and states

    public List<MapStatus> maps() {
        return maps.values().stream().map(this::status).toList();
    }

    public MapStatus map(String id) {
        return status(runtimeOf(id));
    }

    public TableMap definition(String id) {
        return runtimeOf(id).map;
    }

    /** The YAML text of the map as loaded or last replaced. */
    public String yaml(String id) {
        return runtimeOf(id).yaml;
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
        MapRuntime m = runtimeOf(id);
        m.lock.writeLock().lock();
        try {
            if (!m.state.editable()) {
                throw new TandemException(DualWriteError.MAP_STATE, "Table map " + m.map.name() + " is " + label(m.state)
                        + "; stop it before changing its mappings (R35)", Map.of("map", id, "state", m.state.name()));
            }
            TableMap map = loader.load(m.map.file(), yaml);
            if (!map.id().equals(id)) {
                throw new TandemException(DualWriteError.MAP_INVALID, "The new definition has id '" + map.id()
                        + "'; a replacement must keep the id '" + id + "'");
            }
            MapRuntime replaced = new MapRuntime(map, yaml, m.state);
            maps.put(id, replaced);
            home.saveState(id, m.state, map.version(), yaml, "definition replaced", user);
            home.activity(id, "DEFINITION_REPLACED", "version " + m.map.version() + " → " + map.version(), user);
            return status(replaced);
        } finally {
            m.lock.writeLock().unlock();
        }
    }

    /**
     * Not running/Stopped → Running. With {@code initialSync} the map is Initializing while the source is copied
     * (changes meanwhile queue); afterwards, and when a stopped map still has queued changes, the queue drains
     * before the map runs live.
     */
    public MapStatus run(String id, boolean initialSync, String user) {
        MapRuntime m = runtimeOf(id);
        requireState(m, "run", EnumSet.of(MapState.NOT_RUNNING, MapState.STOPPED, MapState.INITIALIZING));
        if (initialSync) {
            setState(m, MapState.INITIALIZING, "initial sync", user);
            this.initialSync.run(m, user);
        }
        if (queues.depth(m) > 0) {
            setState(m, MapState.RESUMING, "catching up queued changes", user);
            drainThenRun(m, user);
        } else {
            setState(m, MapState.RUNNING, null, user);
        }
        return map(id);
    }

    /** Running → Paused: later changes queue in full order (R34). */
    public MapStatus pause(String id, String reason, String user) {
        MapRuntime m = runtimeOf(id);
        requireState(m, "pause", EnumSet.of(MapState.RUNNING));
        setState(m, MapState.PAUSED, reason, user);
        return map(id);
    }

    /**
     * Paused → Resuming → Running with one of the three options of dual-write §4.3.
     *
     * @throws TandemException CONFIRMATION_REQUIRED (discard without confirmation), MAP_STATE
     */
    public ResumeResult resume(String id, ResumeOption option, boolean confirmDiscard, String user) {
        MapRuntime m = runtimeOf(id);
        requireState(m, "resume", EnumSet.of(MapState.PAUSED));
        switch (option) {
            case DRAIN -> {
                setState(m, MapState.RESUMING, "catching up queued changes", user);
                int drained = drainThenRun(m, user);
                return new ResumeResult(map(id), drained, 0, List.of());
            }
            case LIVE_RETRY_QUEUED -> {
                m.lock.writeLock().lock();
                try {
                    int moved = queues.moveToRetry(m);
                    setState(m, MapState.RUNNING, moved + " queued batches moved to the retry list", user);
                    return new ResumeResult(map(id), 0, moved, List.of());
                } finally {
                    m.lock.writeLock().unlock();
                }
            }
            case LIVE_DISCARD_QUEUED -> {
                if (!confirmDiscard) {
                    throw new TandemException(DualWriteError.CONFIRMATION_REQUIRED, "Resuming table map "
                            + m.map.name() + " by discarding its " + queues.depth(m) + " queued changes needs "
                            + "explicit confirmation; they will not reach " + m.map.targetApp(), Map.of("map", id,
                            "queued", queues.depth(m)));
                }
                m.lock.writeLock().lock();
                try {
                    List<QueuedChange> discarded = queues.discard(m, user);
                    home.activity(id, "QUEUE_DISCARDED", discarded.size() + " queued changes discarded; each is in "
                            + "the discard log", user);
                    setState(m, MapState.RUNNING, discarded.size() + " queued changes discarded", user);
                    return new ResumeResult(map(id), 0, 0, discarded);
                } finally {
                    m.lock.writeLock().unlock();
                }
            }
            default -> throw new IllegalStateException(option.name());
        }
    }

    /** Any state → Stopped. Queued changes stay queued; running it again drains them first. */
    public MapStatus stop(String id, String user) {
        MapRuntime m = runtimeOf(id);
        setState(m, MapState.STOPPED, null, user);
        return map(id);
    }

    /** Drains while Resuming (new changes keep queueing), then switches to Running with a last drain. */
    private int drainThenRun(MapRuntime m, String user) {
        int drained = queues.drain(m, "QUEUED");
        m.lock.writeLock().lock();
        try {
            // No transaction that queued can still be committing: they hold the read lock until they complete.
            drained += queues.drain(m, "QUEUED");
            if (m.state == MapState.RESUMING) {
                setStateLocked(m, MapState.RUNNING, drained + " queued batches applied", user);
            }
        } finally {
            m.lock.writeLock().unlock();
        }
        return drained;
    }

    private void requireState(MapRuntime m, String action, Set<MapState> allowed) {
        if (!allowed.contains(m.state)) {
            throw new TandemException(DualWriteError.MAP_STATE, "Table map " + m.map.name() + " is " + label(m.state)
                    + "; " + action + " needs it to be " + allowed.stream().map(DualWriteRuntime::label).toList(),
                    Map.of("map", m.id(), "state", m.state.name()));
        }
    }

    private void setState(MapRuntime m, MapState state, String reason, String user) {
        m.lock.writeLock().lock();
        try {
            setStateLocked(m, state, reason, user);
        } finally {
            m.lock.writeLock().unlock();
        }
    }

    private void setStateLocked(MapRuntime m, MapState state, String reason, String user) {
        MapState before = m.state;
        m.state = state;
        home.saveState(m.id(), state, m.map.version(), null, reason, user);
        home.activity(m.id(), "STATE", label(before) + " → " + label(state) + (reason == null ? "" : ": " + reason),
                user);
    }

    private static String label(MapState s) {
        return s.name().toLowerCase().replace('_', ' ');
    }

    private MapStatus status(MapRuntime m) {
        StoredState s = home.state(m.id());
        return new MapStatus(m.id(), m.map.name(), m.map.version(), m.map.sourceApp() + "/" + m.map.sourceEntity(),
                m.map.targetApp() + "/" + m.map.targetEntity(), m.state, queues.depth(m), queues.lag(m).toSeconds(),
                home.openErrors(m.id()), s == null ? null : s.changedAt(), s == null ? null : s.changedBy(),
                s == null ? null : s.reason());
    }

    // ---------------------------------------------------------------- queue, errors, retry

    /** @param status QUEUED, RETRY, DELIVERED, DISCARDED, FAILED or {@code null} for all */
    public Page<QueuedChange> queue(String id, String status, int page, int size) {
        return queues.list(runtimeOf(id), status, page, size);
    }

    /** @param status OPEN, RESOLVED, ROLLED_BACK or {@code null} for all */
    public Page<SyncError> errors(String id, String status, int page, int size) {
        runtimeOf(id);
        return home.errors(id, status, page, size);
    }

    /** @throws TandemException ERROR_NOT_FOUND */
    public SyncError error(long errorId) {
        SyncError e = home.error(errorId);
        if (e == null) {
            throw new TandemException(DualWriteError.ERROR_NOT_FOUND, "No error-log row " + errorId);
        }
        return e;
    }

    /**
     * Retries error-log rows: a queued or catch-up change is applied again as recorded; an initial-sync row is read
     * again from the source (so a fix made there counts). Empty ids = every open retryable row of the map.
     */
    public RetryResult retry(String id, List<Long> errorIds, String user) {
        MapRuntime m = runtimeOf(id);
        List<SyncError> errors = new ArrayList<>();
        if (errorIds.isEmpty()) {
            errors.addAll(home.openRetryable(id));
        } else {
            for (Long errorId : errorIds) {
                SyncError e = error(errorId);
                if (!e.mapId().equals(id)) {
                    throw new TandemException(DualWriteError.ERROR_NOT_FOUND, "Error-log row " + errorId
                            + " belongs to map " + e.mapId() + ", not " + id);
                }
                if (!e.retryable() || !e.status().equals("OPEN")) {
                    throw new TandemException(DualWriteError.MAP_STATE, "Error-log row " + errorId + " is "
                            + e.status() + (e.retryable() ? "" : " and not retryable: its source transaction rolled "
                            + "back, so there is nothing to apply") , Map.of("errorId", errorId));
                }
                errors.add(e);
            }
        }
        int ok = 0;
        for (SyncError e : errors) {
            if (retryOne(m, e)) {
                ok++;
            }
        }
        home.activity(id, "RETRY", errors.size() + " error-log rows retried, " + ok + " applied", user);
        return new RetryResult(errors.size(), ok, errors.size() - ok);
    }

    private boolean retryOne(MapRuntime m, SyncError e) {
        MapLeg leg = m.legs.stream().filter(l -> l.fromEntity().equals(e.entity())).findFirst().orElse(null);
        if (leg == null) {
            home.failedAgain(e.errorId(), e.type(), "Map " + m.id() + " no longer carries " + e.entity());
            return false;
        }
        SyncApp from = app(leg.fromApp());
        SyncApp to = app(leg.toApp());
        SourceChange change;
        if (InitialSync.OPERATION.equals(e.operation())) {
            var entity = from.entity(leg.fromEntity()).orElseThrow();
            Map<String, Object> row = from.inTransaction(() -> entity.read(entity.definition().integrationKey(),
                    List.of(e.integrationKey()))).stream().findFirst().orElse(null);
            if (row == null) {
                home.failedAgain(e.errorId(), e.type(), e.entity() + " " + e.integrationKey() + " no longer exists in "
                        + from.name());
                return false;
            }
            change = new SourceChange(0, e.entity(), e.integrationKey(), ChangeOperation.INSERT, row, null);
        } else {
            change = new SourceChange(0, e.entity(), e.integrationKey(),
                    ChangeOperation.valueOf(e.operation()), Json.read(e.payload()), null);
        }
        try {
            Prepared p = applier.prepare(leg, UUID.randomUUID(), List.of(change), new AppLookups(from),
                    new AppLookups(to));
            if (!p.failures().isEmpty()) {
                home.failedAgain(e.errorId(), p.failures().get(0).type(), p.failures().get(0).message());
                return false;
            }
            applier.apply(to, from.name(), List.of(p), false);
            home.resolved(e.errorId());
            metrics.applied(m.id(), "retry", p.rows().size(), 0);
            return true;
        } catch (RuntimeException ex) {
            home.failedAgain(e.errorId(), classify(ex), message(ex));
            return false;
        }
    }

    /** Applies the retry list (changes moved there by resume LIVE_RETRY_QUEUED), in order. */
    public RetryResult retryQueue(String id, String user) {
        MapRuntime m = runtimeOf(id);
        long before = home.openErrors(id);
        int delivered = queues.drain(m, "RETRY");
        long failed = home.openErrors(id) - before;
        home.activity(id, "RETRY_QUEUE", delivered + " batches of the retry list applied", user);
        return new RetryResult(delivered + (int) Math.max(0, failed), delivered, (int) Math.max(0, failed));
    }

    /** Deletes the given error-log rows, or every row that is not OPEN; the only way rows leave the error log. */
    public int purgeErrors(String id, List<Long> errorIds, String user) {
        runtimeOf(id);
        int n = home.purge(id, errorIds);
        home.activity(id, "ERRORS_PURGED", n + " error-log rows deleted", user);
        return n;
    }

    // ---------------------------------------------------------------- initial sync

    /**
     * Runs (or resumes after its checkpoint) the initial sync of a map and waits for it. The map must not be live:
     * Not running, Stopped or Initializing; it stays in its state (use {@link #run} with initial sync to go live).
     */
    public InitialSyncRun initialSync(String id, String user) {
        MapRuntime m = runtimeOf(id);
        requireState(m, "initial sync", EnumSet.of(MapState.NOT_RUNNING, MapState.STOPPED, MapState.INITIALIZING));
        return initialSync.run(m, user);
    }

    public InitialSyncRun initialSyncRun(UUID runId) {
        InitialSyncRun run = home.run(runId);
        if (run == null) {
            throw new TandemException(DualWriteError.MAP_NOT_FOUND, "No initial sync run " + runId);
        }
        return run;
    }

    public List<InitialSyncRun> initialSyncRuns(String id) {
        runtimeOf(id);
        return home.runs(id);
    }

    /** Syncs one source row again, by its integration key, as initial sync would (master: source). */
    public RetryResult resyncRow(String id, String key, String user) {
        MapRuntime m = runtimeOf(id);
        MapLeg leg = m.legs.stream().filter(MapLeg::forward).findFirst().orElseThrow();
        List<ErrorEntry> entry = List.of(new ErrorEntry(id, null, null, leg.fromEntity(), key, InitialSync.OPERATION,
                null, ErrorType.APPLICATION, "re-sync requested", "OPEN", true));
        long errorId = home.errors(entry).get(0);
        boolean ok = retryOne(m, home.error(errorId));
        home.activity(id, "RESYNC_ROW", leg.fromEntity() + " " + key + (ok ? " synced" : " failed: "
                + home.error(errorId).cause()), user);
        if (ok) {
            home.purge(id, List.of(errorId));
        }
        return new RetryResult(1, ok ? 1 : 0, ok ? 0 : 1);
    }

    public Page<ActivityEntry> activity(String id, int page, int size) {
        runtimeOf(id);
        return home.activity(id, page, size);
    }

    // ---------------------------------------------------------------- reconciliation

    /**
     * Compares every row of a map with its counterpart through the map (DESIGN §4 invariant 5): each source row that
     * passes the filter must exist on the other side, and for legs that carry updates its mapped fields must be
     * equal. Reads both sides page by page; meant for a quiet system (after sync quiesces).
     */
    public Views.Reconciliation reconcile(String id) {
        MapRuntime m = runtimeOf(id);
        long checked = 0;
        long missing = 0;
        long different = 0;
        List<String> samples = new ArrayList<>();
        for (MapLeg leg : m.legs) {
            SyncApp from = app(leg.fromApp());
            SyncApp to = app(leg.toApp());
            var source = from.entity(leg.fromEntity()).orElseThrow();
            var target = to.entity(leg.toEntity()).orElseThrow();
            var operations = leg.forward() ? m.map.forwardOperations() : m.map.reverseOperations();
            boolean compareFields = operations.contains(ChangeOperation.UPDATE);
            if (!leg.forward() && !compareFields) {
                continue;
            }
            String keyField = source.definition().integrationKey();
            String after = null;
            while (true) {
                String afterKey = after;
                List<Map<String, Object>> page = from.inTransaction(() -> source.page(afterKey, 1000));
                if (page.isEmpty()) {
                    break;
                }
                after = String.valueOf(page.get(page.size() - 1).get(keyField));
                List<SourceChange> changes = page.stream().map(r -> new SourceChange(0, leg.fromEntity(),
                        String.valueOf(r.get(keyField)), ChangeOperation.UPDATE, r, null)).toList();
                Prepared p = applier.prepare(leg, UUID.randomUUID(), changes, new AppLookups(from), new AppLookups(to));
                Map<String, Map<String, Object>> counterparts = new LinkedHashMap<>();
                to.inTransaction(() -> target.read(leg.toKeyField(), p.rows().stream().map(BatchApplier.Row::key)
                        .toList())).forEach(r -> counterparts.put(String.valueOf(r.get(leg.toKeyField())), r));
                for (BatchApplier.Row row : p.rows()) {
                    Map<String, Object> other = counterparts.get(row.key());
                    if (!leg.forward() && other == null) {
                        continue;
                    }
                    checked++;
                    if (other == null) {
                        missing++;
                        sample(samples, leg.toEntity() + " " + row.key() + " is missing (source " + leg.fromEntity()
                                + " " + row.change().key() + ")");
                    } else if (compareFields && !Values.sameFields(other, row.target())) {
                        different++;
                        row.target().forEach((f, v) -> {
                            if (!Values.same(other.get(f), v)) {
                                sample(samples, leg.toEntity() + " " + row.key() + "." + f + " is " + other.get(f)
                                        + ", expected " + v);
                            }
                        });
                    }
                }
                missing += p.failures().size();
                p.failures().forEach(f -> sample(samples, f.change().entity() + " " + f.change().key() + ": "
                        + f.message()));
            }
        }
        return new Views.Reconciliation(id, checked, missing, different, samples);
    }

    private static void sample(List<String> samples, String text) {
        if (samples.size() < 20) {
            samples.add(text);
        }
    }

    // ---------------------------------------------------------------- in-doubt resolver

    /**
     * Undoes applied live batches whose source transaction never committed (no delivery row in the source), and
     * confirms the others; only batches applied at least {@code minAge} ago.
     *
     * @return batches undone
     */
    public int resolveInDoubt(Duration minAge) {
        int undone = 0;
        Instant cutoff = home.instant().minus(minAge);
        for (SyncApp target : apps.values()) {
            List<Object[]> rows = target.jdbc().query("SELECT map_id, batch_id, source_app FROM dw_inbox WHERE status ="
                    + " 'IN_DOUBT' AND applied_at <= ? ORDER BY applied_at DESC", (rs, i) -> new Object[] {
                        rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)}, Timestamp.from(cutoff));
            for (Object[] r : rows) {
                MapRuntime m = maps.get((String) r[0]);
                SyncApp source = apps.get((String) r[2]);
                if (m == null || source == null) {
                    continue;
                }
                UUID batchId = (UUID) r[1];
                Integer delivered = source.jdbc().queryForObject("SELECT COUNT(*) FROM dw_delivery WHERE map_id = ? "
                        + "AND batch_id = ?", Integer.class, m.id(), batchId);
                if (delivered != null && delivered > 0) {
                    workers.call(() -> {
                        applier.confirm(target, m.id(), batchId);
                        return null;
                    });
                } else {
                    MapLeg leg = m.legFrom(source.name());
                    workers.call(() -> {
                        undoAndReport(target, leg, batchId, source.name());
                        return null;
                    });
                    undone++;
                }
            }
        }
        return undone;
    }

    /** Undoes one batch and logs rows that changed since it was applied. */
    void undoAndReport(SyncApp target, MapLeg leg, UUID batchId, String sourceApp) {
        List<String> conflicts = applier.undo(target, leg, batchId, sourceApp);
        String mapId = leg.map().id();
        home.activity(mapId, "BATCH_UNDONE", "batch " + batchId + ": its source transaction in " + sourceApp
                + " never committed" + (conflicts.isEmpty() ? "" : "; " + conflicts.size() + " rows had changed since"),
                SYSTEM);
        if (!conflicts.isEmpty()) {
            logErrors(runtimeOf(mapId), conflicts.stream().map(c -> new ErrorEntry(mapId, batchId, null,
                    leg.toEntity(), null, "UNDO", null, ErrorType.APPLICATION, c, "OPEN", false)).toList());
        }
    }

    // ---------------------------------------------------------------- package-private services

    SyncApp app(String name) {
        SyncApp app = apps.get(name);
        if (app == null) {
            throw new IllegalArgumentException("no app " + name);
        }
        return app;
    }

    List<MapRuntime> mapsFrom(String app) {
        return maps.values().stream().filter(m -> m.legFrom(app) != null).toList();
    }

    MapRuntime runtimeOf(String id) {
        MapRuntime m = maps.get(id);
        if (m == null) {
            throw new TandemException(DualWriteError.MAP_NOT_FOUND, "No table map '" + id + "'; known maps: "
                    + maps.keySet(), Map.of("map", String.valueOf(id)));
        }
        return m;
    }

    DualWriteSettings settings() {
        return settings;
    }

    Workers workers() {
        return workers;
    }

    BatchApplier applier() {
        return applier;
    }

    HomeStore home() {
        return home;
    }

    Queues queues() {
        return queues;
    }

    DualWriteMetrics metrics() {
        return metrics;
    }

    /** Logs errors (in a transaction of their own) and applies the map's alert rules. */
    void logErrors(MapRuntime m, List<ErrorEntry> errors) {
        if (errors.isEmpty()) {
            return;
        }
        home.errors(errors);
        errors.forEach(e -> metrics.error(m.id(), e.type().name()));
        Instant now = home.instant();
        for (AlertRule rule : m.map.alerts()) {
            if (errors.stream().noneMatch(e -> e.type() == rule.errorType())) {
                continue;
            }
            long count = home.errorsSince(m.id(), rule.errorType(), now.minus(rule.window()));
            if (count < rule.count() || m.state != MapState.RUNNING) {
                continue;
            }
            String detail = count + " " + rule.errorType() + " errors within " + rule.window() + " (rule: "
                    + rule.count() + " → " + rule.action() + ")";
            metrics.alert(m.id(), rule.errorType().name());
            // The caller may hold the map's read lock (live sync): change the state from another thread.
            workers.submit(() -> {
                try {
                    home.activity(m.id(), "ALERT", detail, SYSTEM);
                    if (m.state == MapState.RUNNING && rule.action() == AlertRule.Action.PAUSE) {
                        pause(m.id(), "alert: " + detail, SYSTEM);
                    } else if (m.state == MapState.RUNNING && rule.action() == AlertRule.Action.STOP) {
                        stop(m.id(), SYSTEM);
                    }
                } catch (RuntimeException e) {
                    // Another alert changed the state first.
                }
            });
        }
    }

    /** The error type of a failure: the target's refusal, a lookup, or the target's database. */
    static ErrorType classify(Throwable e) {
        if (e instanceof TandemException t) {
            return t.errorCode() == DualWriteError.LOOKUP_FAILED ? ErrorType.LOOKUP
                    : t.errorCode() == DualWriteError.SYNC_TIMEOUT ? ErrorType.TIMEOUT : ErrorType.APPLICATION;
        }
        if (e instanceof DataAccessException) {
            return ErrorType.UNAVAILABLE;
        }
        return ErrorType.APPLICATION;
    }

    /** A failure's message for users and the error log (a TandemException's detail; else the exception's text). */
    static String message(Throwable e) {
        if (e instanceof TandemException t) {
            return t.detail();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
