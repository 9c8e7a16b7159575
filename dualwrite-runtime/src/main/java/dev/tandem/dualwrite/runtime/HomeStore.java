package dev.tandem.dualwrite.runtime;

import dev.tandem.common.Page;
import dev.tandem.dualwrite.map.AlertRule.ErrorType;
import dev.tandem.dualwrite.runtime.Views.ActivityEntry;
import dev.tandem.dualwrite.runtime.Views.InitialSyncRun;
import dev.tandem.dualwrite.runtime.Views.SyncError;
import dev.tandem.dualwrite.spi.SyncApp;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The runtime's tables in the home app's database: map states, the error log, the activity log and initial sync
 * runs. Writes run on a worker thread in a transaction of their own, so an error row survives the rollback of the
 * source transaction it describes.
 */
final class HomeStore {

    /** A stored map state. */
    record StoredState(MapState state, String version, String definition, String reason, Instant changedAt,
                       String changedBy) {
    }

    /** What is known of a failed change when it is logged. */
    record ErrorEntry(String mapId, UUID batchId, Long sequenceNo, String entity, String key, String operation,
                      String payload, ErrorType type, String cause, ErrorStatus status, boolean retryable) {
    }

    private final SyncApp home;
    private final Workers workers;

    HomeStore(SyncApp home, Workers workers) {
        this.home = home;
        this.workers = workers;
    }

    private JdbcTemplate jdbc() {
        return home.jdbc();
    }

    private Timestamp now() {
        return Timestamp.from(home.context().clock().instant());
    }

    Instant instant() {
        return home.context().clock().instant();
    }

    private <T> T write(java.util.function.Supplier<T> work) {
        return workers.call(() -> home.inTransaction(work));
    }

    Map<String, StoredState> states() {
        Map<String, StoredState> all = new HashMap<>();
        jdbc().query("SELECT map_id, state, version, definition, reason, changed_at, changed_by FROM dw_map_state",
                rs -> {
                    all.put(rs.getString(1), new StoredState(MapState.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), instant(rs, 6), rs.getString(7)));
                });
        return all;
    }

    void saveState(String mapId, MapState state, String version, String definition, String reason, String user) {
        write(() -> {
            int updated = jdbc().update("UPDATE dw_map_state SET state = ?, version = ?, definition = COALESCE(?, "
                    + "definition), reason = ?, changed_at = ?, changed_by = ? WHERE map_id = ?", state.name(), version,
                    definition, reason, now(), user, mapId);
            if (updated == 0) {
                jdbc().update("INSERT INTO dw_map_state (map_id, state, version, definition, reason, changed_at, "
                        + "changed_by) VALUES (?, ?, ?, ?, ?, ?, ?)", mapId, state.name(), version, definition, reason,
                        now(), user);
            }
            return null;
        });
    }

    StoredState state(String mapId) {
        return states().get(mapId);
    }

    void activity(String mapId, ActivityEvent event, String detail, String user) {
        write(() -> jdbc().update("INSERT INTO dw_activity (map_id, at, event, detail, by_user) VALUES (?, ?, ?, ?, ?)",
                mapId, now(), event.stored(), detail, user));
    }

    Page<ActivityEntry> activity(String mapId, int page, int size) {
        int n = Page.clampSize(size);
        long total = count("SELECT COUNT(*) FROM dw_activity WHERE map_id = ?", mapId);
        List<ActivityEntry> items = jdbc().query("SELECT activity_id, map_id, at, event, detail, by_user FROM "
                + "dw_activity WHERE map_id = ? ORDER BY activity_id DESC OFFSET " + Page.offset(page, n)
                + " ROWS FETCH FIRST " + n + " ROWS ONLY", (rs, i) -> new ActivityEntry(rs.getLong(1), rs.getString(2),
                instant(rs, 3), ActivityEvent.ofStored(rs.getString(4)), rs.getString(5), rs.getString(6)), mapId);
        return new Page<>(items, page, n, total);
    }

    /** Logs errors in one transaction; returns their ids in order. */
    List<Long> errors(List<ErrorEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        return write(() -> {
            List<Long> ids = new ArrayList<>();
            for (ErrorEntry e : entries) {
                org.springframework.jdbc.support.GeneratedKeyHolder keys =
                        new org.springframework.jdbc.support.GeneratedKeyHolder();
                jdbc().update(con -> {
                    var ps = con.prepareStatement("INSERT INTO dw_error (map_id, batch_id, sequence_no, entity, "
                            + "integration_key, operation, payload, error_type, cause, status, retryable, attempts, "
                            + "occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)", new String[] {"error_id"});
                    ps.setString(1, e.mapId());
                    ps.setObject(2, e.batchId());
                    ps.setObject(3, e.sequenceNo());
                    ps.setString(4, e.entity());
                    ps.setString(5, e.key());
                    ps.setString(6, e.operation());
                    ps.setString(7, e.payload());
                    ps.setString(8, e.type().name());
                    ps.setString(9, e.cause());
                    ps.setString(10, e.status().stored());
                    ps.setBoolean(11, e.retryable());
                    ps.setTimestamp(12, now());
                    return ps;
                }, keys);
                ids.add(keys.getKey().longValue());
            }
            return ids;
        });
    }

    /** Errors of a type for a map since an instant: what alert rules count. */
    long errorsSince(String mapId, ErrorType type, Instant since) {
        return count("SELECT COUNT(*) FROM dw_error WHERE map_id = ? AND error_type = ? AND occurred_at >= ?", mapId,
                type.name(), Timestamp.from(since));
    }

    long openErrors(String mapId) {
        return count("SELECT COUNT(*) FROM dw_error WHERE map_id = ? AND status = ?", mapId, ErrorStatus.OPEN.stored());
    }

    Page<SyncError> errors(String mapId, ErrorStatus status, int page, int size) {
        int n = Page.clampSize(size);
        String where = " WHERE map_id = ?" + (status == null ? "" : " AND status = ?");
        Object[] args = status == null ? new Object[] {mapId} : new Object[] {mapId, status.stored()};
        long total = count("SELECT COUNT(*) FROM dw_error" + where, args);
        List<SyncError> items = jdbc().query("SELECT * FROM dw_error" + where + " ORDER BY error_id OFFSET "
                + Page.offset(page, n) + " ROWS FETCH FIRST " + n + " ROWS ONLY", HomeStore::error, args);
        return new Page<>(items, page, n, total);
    }

    SyncError error(long id) {
        return jdbc().query("SELECT * FROM dw_error WHERE error_id = ?", HomeStore::error, id).stream().findFirst()
                .orElse(null);
    }

    List<SyncError> openRetryable(String mapId) {
        return jdbc().query("SELECT * FROM dw_error WHERE map_id = ? AND status = ? AND retryable = TRUE "
                + "ORDER BY error_id", HomeStore::error, mapId, ErrorStatus.OPEN.stored());
    }

    void resolved(long errorId) {
        write(() -> jdbc().update("UPDATE dw_error SET status = ?, resolved_at = ?, attempts = attempts + 1 "
                + "WHERE error_id = ?", ErrorStatus.RESOLVED.stored(), now(), errorId));
    }

    void failedAgain(long errorId, ErrorType type, String cause) {
        write(() -> jdbc().update("UPDATE dw_error SET attempts = attempts + 1, error_type = ?, cause = ?, "
                + "occurred_at = ? WHERE error_id = ?", type.name(), cause, now(), errorId));
    }

    int purge(String mapId, List<Long> ids) {
        return write(() -> {
            if (ids.isEmpty()) {
                return jdbc().update("DELETE FROM dw_error WHERE map_id = ? AND status <> ?", mapId,
                        ErrorStatus.OPEN.stored());
            }
            int n = 0;
            for (Long id : ids) {
                n += jdbc().update("DELETE FROM dw_error WHERE map_id = ? AND error_id = ?", mapId, id);
            }
            return n;
        });
    }

    private static SyncError error(ResultSet rs, int i) throws SQLException {
        return new SyncError(rs.getLong("error_id"), rs.getString("map_id"), rs.getObject("batch_id", UUID.class),
                rs.getString("entity"), rs.getString("integration_key"), rs.getString("operation"),
                rs.getString("payload"), ErrorType.valueOf(rs.getString("error_type")), rs.getString("cause"),
                ErrorStatus.ofStored(rs.getString("status")), rs.getBoolean("retryable"), rs.getInt("attempts"), instant(rs, "occurred_at"),
                instant(rs, "resolved_at"));
    }

    // ---- initial sync runs

    InitialSyncRun newRun(String mapId, String user) {
        UUID id = UUID.randomUUID();
        write(() -> jdbc().update("INSERT INTO dw_initial_sync (run_id, map_id, status, pass, last_key, synced, failed, "
                + "started_at, started_by) VALUES (?, ?, ?, 1, NULL, 0, 0, ?, ?)", id, mapId,
                InitialSyncStatus.RUNNING.stored(), now(), user));
        return run(id);
    }

    void checkpoint(UUID runId, int pass, String lastKey, long synced, long failed) {
        write(() -> jdbc().update("UPDATE dw_initial_sync SET pass = ?, last_key = ?, synced = ?, failed = ? WHERE "
                + "run_id = ?", pass, lastKey, synced, failed, runId));
    }

    void finishRun(UUID runId, InitialSyncStatus status) {
        write(() -> jdbc().update("UPDATE dw_initial_sync SET status = ?, finished_at = ? WHERE run_id = ?",
                status.stored(), now(), runId));
    }

    void reopenRun(UUID runId) {
        write(() -> jdbc().update("UPDATE dw_initial_sync SET status = ?, finished_at = NULL WHERE run_id = ?",
                InitialSyncStatus.RUNNING.stored(), runId));
    }

    /** Marks runs left RUNNING by a stopped process as INTERRUPTED: they resume after their checkpoint. */
    void interruptRunning() {
        write(() -> jdbc().update("UPDATE dw_initial_sync SET status = ? WHERE status = ?",
                InitialSyncStatus.INTERRUPTED.stored(), InitialSyncStatus.RUNNING.stored()));
    }

    InitialSyncRun run(UUID runId) {
        return jdbc().query("SELECT * FROM dw_initial_sync WHERE run_id = ?", HomeStore::run, runId).stream()
                .findFirst().orElse(null);
    }

    List<InitialSyncRun> runs(String mapId) {
        return jdbc().query("SELECT * FROM dw_initial_sync WHERE map_id = ? ORDER BY started_at DESC", HomeStore::run,
                mapId);
    }

    /** The latest interrupted (or still marked running) run of a map, which a new start resumes. */
    InitialSyncRun resumable(String mapId) {
        return runs(mapId).stream().filter(r -> r.status().resumable()).findFirst().orElse(null);
    }

    private static InitialSyncRun run(ResultSet rs, int i) throws SQLException {
        return new InitialSyncRun(rs.getObject("run_id", UUID.class), rs.getString("map_id"),
                InitialSyncStatus.ofStored(rs.getString("status")), rs.getLong("synced"), rs.getLong("failed"), rs.getString("last_key"), rs.getInt("pass"),
                instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    // ---- helpers

    private long count(String sql, Object... args) {
        Long n = jdbc().queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
