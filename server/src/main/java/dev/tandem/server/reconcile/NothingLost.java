package dev.tandem.server.reconcile;

import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.dualwrite.runtime.MapState;
import dev.tandem.dualwrite.runtime.Views;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * DESIGN §4 invariant 6: no row is lost or duplicated by a crash, a retry, a concurrent job or a concurrent user.
 * Five checks, their rows counted in {@code checked}:
 * <ol>
 *   <li><b>No batch in doubt</b>: a batch a target applied live ({@code dw_inbox}) that is still {@code IN_DOUBT}
 *       while its source database has no delivery row for it ({@code dw_delivery}): the target kept a change whose
 *       source transaction never committed. One whose delivery exists is consistent on both sides (only the
 *       asynchronous confirmation is pending) and is not a violation.</li>
 *   <li><b>Nothing left in a queue</b>: changes of a Running map still {@code QUEUED} or on the retry list
 *       ({@code dw_queue}) were never delivered; each change is a violation.</li>
 *   <li><b>No open sync error</b>: every {@code OPEN} row of the error log ({@code dw_error}) is a change that did not
 *       reach its target.</li>
 *   <li><b>Staging has each actual once</b>: every Project Operations actual that is not Skip Sync (§7.4, the
 *       actuals map's filter) is in {@code projcdsactualsimport} exactly once; one missing, staged twice, or staged
 *       without an actual is a violation naming the actual id.</li>
 *   <li><b>No actual billed twice</b>: no actual id on two invoice-proposal lines ({@code projproposalline}).</li>
 * </ol>
 */
final class NothingLost {

    static final String NAME = "nothing lost or duplicated";

    private final JdbcTemplate operations;
    private final JdbcTemplate finance;
    private final DualWriteRuntime runtime;

    NothingLost(JdbcTemplate operations, JdbcTemplate finance, DualWriteRuntime runtime) {
        this.operations = operations;
        this.finance = finance;
        this.runtime = runtime;
    }

    InvariantResult check() {
        Tally tally = new Tally(6, NAME);
        Map<String, JdbcTemplate> apps = new LinkedHashMap<>();
        apps.put("operations", operations);
        apps.put("finance", finance);
        apps.forEach((name, target) -> noBatchInDoubt(tally, name, target, apps));
        if (runtime != null) {
            nothingQueued(tally, apps);
        }
        apps.values().forEach(db -> noOpenError(tally, db));
        stagedOnce(tally);
        billedOnceByKey(tally);
        return tally.result();
    }

    private static void noBatchInDoubt(Tally tally, String name, JdbcTemplate target, Map<String, JdbcTemplate> apps) {
        tally.checked(count(target, "SELECT COUNT(*) FROM dw_inbox"));
        target.query("SELECT map_id, batch_id, source_app, applied_at FROM dw_inbox WHERE status = 'IN_DOUBT'"
                + " ORDER BY applied_at", rs -> {
                    String map = rs.getString(1);
                    UUID batch = rs.getObject(2, UUID.class);
                    JdbcTemplate source = apps.get(rs.getString(3));
                    if (source == null || count(source, "SELECT COUNT(*) FROM dw_delivery WHERE map_id = ? AND"
                            + " batch_id = ?", map, batch) == 0) {
                        tally.violation("batch " + batch + " of map " + map + " is in doubt in " + name + ": applied "
                                + rs.getTimestamp(4).toInstant() + ", but " + rs.getString(3)
                                + " never committed it");
                    }
                });
    }

    private void nothingQueued(Tally tally, Map<String, JdbcTemplate> apps) {
        Set<String> running = new HashSet<>();
        for (Views.MapStatus m : runtime.maps()) {
            if (m.state() == MapState.RUNNING) {
                running.add(m.id());
            }
        }
        for (JdbcTemplate db : apps.values()) {
            db.query("SELECT map_id, status, COUNT(*), SUM(changes) FROM dw_queue WHERE status IN ('QUEUED', 'RETRY')"
                    + " GROUP BY map_id, status ORDER BY map_id, status", rs -> {
                        tally.checked(rs.getLong(3));
                        if (running.contains(rs.getString(1))) {
                            tally.violations(rs.getLong(4), "map " + rs.getString(1) + " is running but "
                                    + rs.getLong(4) + " changes in " + rs.getLong(3) + " batches are still "
                                    + rs.getString(2) + ", never delivered");
                        }
                    });
        }
    }

    private static void noOpenError(Tally tally, JdbcTemplate db) {
        tally.checked(count(db, "SELECT COUNT(*) FROM dw_error"));
        db.query("SELECT error_id, map_id, entity, integration_key, cause FROM dw_error WHERE status = 'OPEN'"
                + " ORDER BY error_id", rs -> {
                    tally.violation("open sync error " + rs.getLong(1) + " of map " + rs.getString(2) + ": "
                            + rs.getString(3) + " " + rs.getString(4) + " did not sync: " + rs.getString(5));
                });
    }

    private void stagedOnce(Tally tally) {
        Set<UUID> actuals = new HashSet<>(operations.queryForList("SELECT msdyn_actualid FROM msdyn_actual WHERE"
                + " tdm_skipsync = FALSE", UUID.class));
        tally.checked(actuals.size());
        Map<UUID, Long> staged = new HashMap<>();
        finance.query("SELECT actualid, COUNT(*) FROM projcdsactualsimport GROUP BY actualid ORDER BY actualid", rs -> {
            UUID id = rs.getObject(1, UUID.class);
            long n = rs.getLong(2);
            staged.put(id, n);
            if (n > 1) {
                tally.violation("actual " + id + " is staged " + n + " times in projcdsactualsimport");
            } else if (!actuals.contains(id)) {
                tally.violation("staged actual " + id + " is no actual of Project Operations that syncs");
            }
        });
        actuals.stream().filter(id -> !staged.containsKey(id)).sorted().forEach(id ->
                tally.violation("actual " + id + " is not in projcdsactualsimport (lost on the way to Finance)"));
    }

    private void billedOnceByKey(Tally tally) {
        tally.checked(count(finance, "SELECT COUNT(*) FROM projproposalline"));
        finance.query("SELECT actualid, COUNT(*) FROM projproposalline GROUP BY actualid HAVING COUNT(*) > 1"
                + " ORDER BY actualid", rs -> {
                    tally.violation("actual " + rs.getObject(1, UUID.class) + " is on " + rs.getLong(2)
                            + " invoice-proposal lines");
                });
    }

    private static long count(JdbcTemplate db, String sql, Object... args) {
        Long n = db.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
