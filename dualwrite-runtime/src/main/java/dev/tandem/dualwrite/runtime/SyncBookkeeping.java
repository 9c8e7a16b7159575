package dev.tandem.dualwrite.runtime;

import dev.tandem.dualwrite.AppContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A read-only view of the runtime's bookkeeping in each app's database — the inbox of live batches
 * ({@code dw_inbox}), the deliveries of committed source transactions ({@code dw_delivery}), the queue
 * ({@code dw_queue}) and the error log ({@code dw_error}) — for the "nothing lost or duplicated" invariant of DESIGN
 * §4 (invariant 6). It needs no running runtime: {@code tandem reconcile} reads the same tables with dual-write
 * disabled. Nothing is locked or changed; a batch in flight can show as a transient difference.
 *
 * <p>Every method throws {@link org.springframework.dao.DataAccessException} when a database can't be read, and
 * {@link IllegalArgumentException} for an app name it was not given.
 */
public final class SyncBookkeeping {

    private static final String COUNT_INBOX = "SELECT COUNT(*) FROM dw_inbox";

    private static final String IN_DOUBT = """
            SELECT map_id, batch_id, source_app, applied_at FROM dw_inbox WHERE status = 'IN_DOUBT'
            ORDER BY applied_at""";

    private static final String DELIVERED = "SELECT COUNT(*) FROM dw_delivery WHERE map_id = ? AND batch_id = ?";

    private static final String STILL_IN_DOUBT = """
            SELECT COUNT(*) FROM dw_inbox WHERE map_id = ? AND batch_id = ? AND status = 'IN_DOUBT'""";

    private static final String UNDELIVERED = """
            SELECT map_id, status, COUNT(*), SUM(changes) FROM dw_queue WHERE status IN ('QUEUED', 'RETRY')
            GROUP BY map_id, status ORDER BY map_id, status""";

    private static final String COUNT_ERRORS = "SELECT COUNT(*) FROM dw_error";

    private static final String OPEN_ERRORS = """
            SELECT error_id, map_id, entity, integration_key, cause FROM dw_error WHERE status = 'OPEN'
            ORDER BY error_id""";

    private final Map<String, AppContext> apps;

    /**
     * @param apps each app's context by the app's name as table maps and {@code dw_inbox.source_app} name it
     *             ({@code operations}, {@code finance}); the iteration order is the order of {@link #apps()}
     */
    public SyncBookkeeping(Map<String, ? extends AppContext> apps) {
        this.apps = new LinkedHashMap<>(apps);
    }

    /**
     * A live batch that {@code targetApp} applied and still holds in doubt while its source app has no delivery
     * for it: the target kept a change whose source transaction never committed (or names an unknown source app).
     */
    public record UncommittedBatch(String targetApp, String mapId, UUID batchId, String sourceApp,
                                   Instant appliedAt) {
    }

    /**
     * The changes of one map still waiting in an app's queue.
     *
     * @param status  {@code QUEUED} or {@code RETRY} (moved to the retry list on resume)
     * @param batches how many queued batches
     * @param changes how many changes they carry
     */
    public record Undelivered(String app, String mapId, String status, long batches, long changes) {
    }

    /** An {@code OPEN} entry of an app's error log: a change that did not reach its target. */
    public record OpenError(String app, long errorId, String mapId, String entity, String integrationKey,
                            String cause) {
    }

    /** The app names, in the order given. */
    public List<String> apps() {
        return List.copyOf(apps.keySet());
    }

    /**
     * How many batches {@code app}'s inbox holds as a target (any status): live batches not yet confirmed, undone
     * ones, and queued batches not yet purged. A confirmed live batch leaves no inbox row (it has served), so this
     * is not the number of batches ever applied.
     */
    public long inboxBatches(String app) {
        return count(app(app), COUNT_INBOX);
    }

    /**
     * The batches {@code app} holds in doubt whose source transaction never committed, by time applied. A batch in
     * doubt whose delivery row exists is consistent on both sides (only the asynchronous confirmation is pending)
     * and is not listed.
     */
    public List<UncommittedBatch> uncommittedBatches(String app) {
        List<UncommittedBatch> uncommitted = new ArrayList<>();
        app(app).jdbc().query(IN_DOUBT, rs -> {
            String mapId = rs.getString(1);
            UUID batchId = rs.getObject(2, UUID.class);
            String sourceApp = rs.getString(3);
            AppContext source = apps.get(sourceApp);
            if (source == null || count(source, DELIVERED, mapId, batchId) == 0) {
                uncommitted.add(new UncommittedBatch(app, mapId, batchId, sourceApp,
                        rs.getTimestamp(4).toInstant()));
            }
        });
        // The two databases are read one after the other while the confirmer may run: it deletes a committed batch's
        // inbox row and then its delivery row, so a batch read in doubt here whose delivery row was gone by the time
        // it was looked up was confirmed in between exactly when its inbox row is gone now.
        uncommitted.removeIf(b -> count(app(app), STILL_IN_DOUBT, b.mapId(), b.batchId()) == 0);
        return uncommitted;
    }

    /** The changes still {@code QUEUED} or on the retry list in {@code app}'s queue, per map and status, by map. */
    public List<Undelivered> undelivered(String app) {
        return app(app).jdbc().query(UNDELIVERED, (rs, n) -> new Undelivered(app, rs.getString(1), rs.getString(2),
                rs.getLong(3), rs.getLong(4)));
    }

    /** How many entries {@code app}'s error log has (any status). */
    public long errors(String app) {
        return count(app(app), COUNT_ERRORS);
    }

    /** The {@code OPEN} entries of {@code app}'s error log, by error id. */
    public List<OpenError> openErrors(String app) {
        return app(app).jdbc().query(OPEN_ERRORS, (rs, n) -> new OpenError(app, rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    private AppContext app(String name) {
        AppContext app = apps.get(name);
        if (app == null) {
            throw new IllegalArgumentException("No app " + name + "; known: " + apps.keySet());
        }
        return app;
    }

    private static long count(AppContext app, String sql, Object... args) {
        Long n = app.jdbc().queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
