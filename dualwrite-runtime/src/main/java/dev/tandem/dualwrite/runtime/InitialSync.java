package dev.tandem.dualwrite.runtime;

import dev.tandem.dualwrite.capture.ChangeOperation;
import dev.tandem.dualwrite.map.FieldMapping;
import dev.tandem.dualwrite.map.MapLeg;
import dev.tandem.dualwrite.map.TableMap;
import dev.tandem.dualwrite.runtime.BatchApplier.Prepared;
import dev.tandem.dualwrite.runtime.BatchApplier.Row;
import dev.tandem.dualwrite.runtime.HomeStore.ErrorEntry;
import dev.tandem.dualwrite.runtime.Views.InitialSyncRun;
import dev.tandem.dualwrite.spi.DataEntity;
import dev.tandem.dualwrite.spi.SyncApp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Initial sync of a map's forward leg (DESIGN §3; better than dual-write S4/S11): the source is read in chunks in
 * integration-key order, each chunk applied in one target transaction; a chunk the target refuses is split in
 * halves until the refused rows stand alone, so the others still sync and each refused row lands in the error log
 * with its cause (not only five). After every chunk the last key is checkpointed, so a stopped run resumes there.
 * When the master side is the target, rows the target already has are left as they are. Mappings whose source
 * field refers to the map's own entity (self-references) are filled in a second pass, once every row exists.
 */
final class InitialSync {

    /** Marks error-log rows of initial sync: a retry reads the source row again instead of replaying a payload. */
    static final String OPERATION = ErrorLog.SYNC;

    private static final Logger LOG = LoggerFactory.getLogger(InitialSync.class);

    /** Rows synced and rows failed. */
    private record Outcome(long synced, long failed) {

        Outcome plus(Outcome o) {
            return new Outcome(synced + o.synced, failed + o.failed);
        }
    }

    private final SyncApps apps;
    private final DualWriteSettings settings;
    private final BatchApplier applier;
    private final ErrorLog errors;
    private final HomeStore home;
    private final DualWriteMetrics metrics;

    InitialSync(SyncApps apps, DualWriteSettings settings, BatchApplier applier, ErrorLog errors, HomeStore home,
                DualWriteMetrics metrics) {
        this.apps = apps;
        this.settings = settings;
        this.applier = applier;
        this.errors = errors;
        this.home = home;
        this.metrics = metrics;
    }

    InitialSyncRun run(MapRuntime m, String user) {
        InitialSyncRun run = home.resumable(m.id());
        if (run == null) {
            run = home.newRun(m.id(), user);
            home.activity(m.id(), ActivityEvent.INITIAL_SYNC_STARTED, "run " + run.runId(), user);
        } else {
            home.reopenRun(run.runId());
            home.activity(m.id(), ActivityEvent.INITIAL_SYNC_RESUMED, "run " + run.runId() + " after key "
                    + run.lastKey(), user);
        }
        MapLeg leg = m.legs.stream().filter(MapLeg::forward).findFirst().orElseThrow();
        SyncApp from = apps.app(leg.fromApp());
        SyncApp to = apps.app(leg.toApp());
        Set<String> selfReferences = selfReferences(m.map, from);
        long synced = run.synced();
        long failed = run.failed();
        try {
            for (int pass = run.pass(); pass <= (selfReferences.isEmpty() ? 1 : 2); pass++) {
                String lastKey = pass == run.pass() ? run.lastKey() : null;
                while (true) {
                    DataEntity source = from.entity(leg.fromEntity()).orElseThrow();
                    String afterKey = lastKey;
                    List<Map<String, Object>> page = from.inTransaction(() -> source.page(afterKey,
                            settings.initialSyncChunk()));
                    if (page.isEmpty()) {
                        break;
                    }
                    String keyField = source.definition().integrationKey();
                    List<SourceChange> changes = page.stream().map(r -> new SourceChange(0, leg.fromEntity(),
                            String.valueOf(r.get(keyField)), ChangeOperation.INSERT, r, null)).toList();
                    Prepared p = applier.prepare(leg, UUID.randomUUID(), changes, new AppLookups(from),
                            new AppLookups(to));
                    failed += log(m, p.failures().stream().map(f -> new ErrorEntry(m.id(), null, null,
                            f.change().entity(), f.change().key(), OPERATION, Json.write(f.change().row()), f.type(),
                            f.message(), ErrorStatus.OPEN, true)).toList());
                    List<Row> rows = forPass(m.map, to, leg, p.rows(), selfReferences, pass);
                    Outcome outcome = applySplitting(m, leg, from, to, rows);
                    synced += pass == 1 ? outcome.synced() : 0;
                    failed += outcome.failed();
                    lastKey = String.valueOf(page.get(page.size() - 1).get(keyField));
                    home.checkpoint(run.runId(), pass, lastKey, synced, failed);
                }
            }
            home.finishRun(run.runId(), failed == 0 ? InitialSyncStatus.COMPLETED
                    : InitialSyncStatus.COMPLETED_WITH_ERRORS);
            home.activity(m.id(), ActivityEvent.INITIAL_SYNC_FINISHED, synced + " rows synced, " + failed + " failed",
                    user);
        } catch (RuntimeException e) {
            LOG.warn("Table map {}: initial sync run {} interrupted; it resumes after key {}", m.id(), run.runId(),
                    run.lastKey(), e);
            home.finishRun(run.runId(), InitialSyncStatus.INTERRUPTED);
            home.activity(m.id(), ActivityEvent.INITIAL_SYNC_INTERRUPTED, FailurePolicy.message(e), user);
            throw e;
        }
        return home.run(run.runId());
    }

    /** Pass 1: rows without self-referencing fields (and without the rows the target masters); pass 2: only those. */
    private List<Row> forPass(TableMap map, SyncApp to, MapLeg leg, List<Row> rows, Set<String> selfReferences,
                              int pass) {
        List<Row> out = new ArrayList<>(rows.size());
        Set<String> existing = map.master() == TableMap.Master.TARGET ? existingKeys(to, leg, rows) : Set.of();
        for (Row r : rows) {
            if (existing.contains(r.key())) {
                continue;
            }
            Map<String, Object> target = new LinkedHashMap<>();
            r.target().forEach((f, v) -> {
                boolean self = selfReferences.contains(f);
                if (f.equals(leg.toKeyField()) || (pass == 1) != self) {
                    target.put(f, v);
                }
            });
            if (pass == 2 && target.size() <= 1) {
                continue;
            }
            out.add(new Row(r.change(), r.operation(), target, r.key()));
        }
        return out;
    }

    private Set<String> existingKeys(SyncApp to, MapLeg leg, List<Row> rows) {
        DataEntity target = to.entity(leg.toEntity()).orElseThrow();
        Set<String> keys = new HashSet<>();
        to.inTransaction(() -> target.read(leg.toKeyField(), rows.stream().map(Row::key).toList()))
                .forEach(r -> keys.add(String.valueOf(r.get(leg.toKeyField()))));
        return keys;
    }

    /** Target fields fed from a source lookup to the source entity itself. */
    private static Set<String> selfReferences(TableMap map, SyncApp from) {
        Set<String> fields = new HashSet<>();
        var definition = from.entity(map.sourceEntity()).orElseThrow().definition();
        for (FieldMapping f : map.fields()) {
            if (f.direction().forward() && f.source() != null && f.target() != null
                    && map.sourceEntity().equals(definition.lookups().get(f.source().head()))) {
                fields.add(f.target().head());
            }
        }
        return fields;
    }

    /**
     * Applies rows in one transaction; when refused, halves until each refused row is alone. An unreachable target
     * is not a refusal: the run stops there (interrupted, resumable after its checkpoint).
     */
    private Outcome applySplitting(MapRuntime m, MapLeg leg, SyncApp from, SyncApp to, List<Row> rows) {
        if (rows.isEmpty()) {
            return new Outcome(0, 0);
        }
        try {
            applier.apply(to, from.name(), List.of(new Prepared(leg, UUID.randomUUID(), rows, List.of())),
                    BatchApplier.Inbox.NONE);
            metrics.applied(m.id(), "initial", rows.size(), 0);
            return new Outcome(rows.size(), 0);
        } catch (RuntimeException e) {
            FailurePolicy.Failure failure = FailurePolicy.of(e);
            if (failure.retriable()) {
                throw e;
            }
            if (rows.size() == 1) {
                Row r = rows.get(0);
                log(m, List.of(new ErrorEntry(m.id(), null, null, r.change().entity(), r.change().key(), OPERATION,
                        Json.write(r.change().row()), failure.type(), failure.message(), ErrorStatus.OPEN, true)));
                return new Outcome(0, 1);
            }
            int half = rows.size() / 2;
            return applySplitting(m, leg, from, to, rows.subList(0, half))
                    .plus(applySplitting(m, leg, from, to, rows.subList(half, rows.size())));
        }
    }

    private int log(MapRuntime m, List<ErrorEntry> errors) {
        this.errors.log(m, errors);
        return errors.size();
    }
}
