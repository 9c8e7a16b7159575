package dev.tandem.server.jobs;

import dev.tandem.common.claim.Claims;
import dev.tandem.server.jobs.FinanceJobRun.EntityRun;
import dev.tandem.server.jobs.FinanceJobRun.Outcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last run of each Finance job ({@code finance_job_run}, {@code finance_job_run_entity}: the server's migration
 * {@code db/server/V1}, in the operations database next to {@code scheduled_tasks}), and the job's next execution as
 * db-scheduler keeps it. A run replaces the job's previous one in one transaction.
 */
public final class FinanceJobRuns {

    /** Count name → column of {@code finance_job_run_entity}. */
    private static final Map<String, String> COLUMNS = columns();

    /** What db-scheduler stores of a job: when it runs next, and whether a node is running it now. */
    public record Scheduled(Instant nextRun, boolean running) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    /**
     * @param operations   the operations database, which holds {@code finance_job_run} and db-scheduler's
     *                     {@code scheduled_tasks} (tables of the server's own, {@link
     *                     dev.tandem.server.database.ServerSchema})
     * @param transactions its transactions
     */
    public FinanceJobRuns(DataSource operations, TransactionTemplate transactions) {
        this.jdbc = new JdbcTemplate(operations);
        this.transactions = transactions;
    }

    /** How long {@link #history} keeps a run; older ones are deleted by the next run of the same job. */
    public static final java.time.Duration HISTORY_KEPT = java.time.Duration.ofDays(30);

    /**
     * Stores a run as its job's last one, replacing the one before, and adds it to the job's history
     * ({@code finance_job_run_history}, migration {@code db/server/V5}), deleting the job's runs older than
     * {@link #HISTORY_KEPT}.
     */
    public void record(FinanceJobRun run) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM finance_job_run_history WHERE job_name = ? AND started_at < ?",
                    run.job().taskName(), utc(run.startedAt().minus(HISTORY_KEPT)));
            jdbc.update("INSERT INTO finance_job_run_history (job_name, started_at, finished_at, node, outcome, "
                    + "message) VALUES (?, ?, ?, ?, ?, ?)", run.job().taskName(), utc(run.startedAt()),
                    utc(run.finishedAt()), cut(run.node(), 255), run.outcome().name(), cut(run.message(), 4000));
            jdbc.update("DELETE FROM finance_job_run_entity WHERE job_name = ?", run.job().taskName());
            jdbc.update("DELETE FROM finance_job_run WHERE job_name = ?", run.job().taskName());
            jdbc.update("INSERT INTO finance_job_run (job_name, started_at, finished_at, outcome, node, message) VALUES "
                    + "(?, ?, ?, ?, ?, ?)", run.job().taskName(), utc(run.startedAt()), utc(run.finishedAt()),
                    run.outcome().name(), cut(run.node(), 255), cut(run.message(), 4000));
            List<String> columns = new ArrayList<>(COLUMNS.values());
            List<Object[]> rows = new ArrayList<>();
            for (EntityRun e : run.legalEntities()) {
                List<Object> row = new ArrayList<>(List.of(run.job().taskName(), e.dataAreaId(), utc(e.startedAt()),
                        utc(e.finishedAt()), e.outcome().name()));
                row.add(cut(e.message(), 4000));
                COLUMNS.keySet().forEach(count -> row.add(e.counts().get(count)));
                rows.add(row.toArray());
            }
            if (!rows.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO finance_job_run_entity (job_name, dataareaid, started_at, finished_at, "
                        + "outcome, message, " + String.join(", ", columns) + ") VALUES (?, ?, ?, ?, ?, ?"
                        + ", ?".repeat(columns.size()) + ")", rows);
            }
        });
    }

    /**
     * The job's last run, if it ever ran (on any node). The run and its legal entities are read in one statement, so
     * a run recorded meanwhile by another thread or node is seen whole or not at all, never as the new run with the
     * legal entities of the one before.
     */
    public Optional<FinanceJobRun> lastRun(FinanceJob job) {
        List<RunRow> rows = jdbc.query("SELECT r.started_at AS run_started_at, r.finished_at AS run_finished_at, "
                + "r.outcome AS run_outcome, r.node AS run_node, r.message AS run_message, e.* "
                + "FROM finance_job_run r LEFT JOIN finance_job_run_entity e ON e.job_name = r.job_name "
                + "WHERE r.job_name = ? ORDER BY e.dataareaid", (rs, n) -> new RunRow(
                    new FinanceJobRun(job, instant(rs, "run_started_at"), instant(rs, "run_finished_at"),
                            Outcome.valueOf(rs.getString("run_outcome")), rs.getString("run_node"),
                            rs.getString("run_message"), List.of()),
                    rs.getString("dataareaid") == null ? null : entityRun(rs, job)), job.taskName());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        FinanceJobRun run = rows.getFirst().run();
        List<EntityRun> entities = rows.stream().map(RunRow::entity).filter(java.util.Objects::nonNull).toList();
        return Optional.of(new FinanceJobRun(job, run.startedAt(), run.finishedAt(), run.outcome(), run.node(),
                run.message(), entities));
    }

    /**
     * The job's runs, newest first, at most {@code limit} (without their legal entities' parts, which only the last
     * run keeps).
     */
    public List<FinanceJobRun> history(FinanceJob job, int limit) {
        return jdbc.query("SELECT started_at, finished_at, outcome, node, message FROM finance_job_run_history "
                + "WHERE job_name = ? ORDER BY started_at DESC, node LIMIT ?", (rs, n) -> new FinanceJobRun(job,
                        instant(rs, "started_at"), instant(rs, "finished_at"), Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("node"), rs.getString("message"), List.of()), job.taskName(), limit);
    }

    /** One row of the join of a run with one of its legal entities ({@code entity} null when it has none). */
    private record RunRow(FinanceJobRun run, EntityRun entity) {
    }

    /**
     * The job's execution in {@code scheduled_tasks}, shared by every node; none when no scheduler ever scheduled
     * it. A job switched off on every node keeps the row it had, with a next run that does not come.
     */
    public Optional<Scheduled> scheduled(FinanceJob job) {
        return jdbc.query("SELECT execution_time, picked FROM scheduled_tasks WHERE task_name = ?", (rs, n) ->
                new Scheduled(instant(rs, "execution_time"), rs.getBoolean("picked")), job.taskName())
                .stream().findFirst();
    }

    /**
     * On an embedded H2 database, releases every execution of {@code scheduled_tasks} left picked: it was picked by a
     * process that was killed while running it (only this process can have the database open, and its scheduler has
     * not started yet), so it runs when due instead of after db-scheduler's dead-execution timeout. Elsewhere the
     * heartbeat decides ({@link PeriodicJobs#HEARTBEAT_INTERVAL}). Call it before the scheduler starts.
     *
     * @param claims this process's claims on the operations database, which say whether other processes can be live
     * @return how many executions were released
     */
    public int releaseExecutionsOfGoneProcesses(Claims claims) {
        if (claims.liveness() != Claims.Liveness.PROCESS) {
            return 0;
        }
        return jdbc.update("UPDATE scheduled_tasks SET picked = FALSE, picked_by = NULL, last_heartbeat = NULL, "
                + "version = version + 1 WHERE picked = TRUE");
    }

    private static EntityRun entityRun(ResultSet rs, FinanceJob job) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String count : job.counts()) {
            int value = rs.getInt(COLUMNS.get(count));
            counts.put(count, rs.wasNull() ? null : value);
        }
        return new EntityRun(rs.getString("dataareaid"), instant(rs, "started_at"), instant(rs, "finished_at"),
                Outcome.valueOf(rs.getString("outcome")), rs.getString("message"), counts);
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        for (FinanceJob job : FinanceJob.values()) {
            for (String count : job.counts()) {
                // linesImported → lines_imported
                columns.put(count, count.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return columns;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
