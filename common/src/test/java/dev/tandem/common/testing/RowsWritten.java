package dev.tandem.common.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Rows written per table, counted the same way on H2 and PostgreSQL, for issue 13's bound on rows written per time
 * row (the month-end test) and its benchmark: every {@code INSERT}, {@code UPDATE}, {@code DELETE} and
 * {@code MERGE} that goes through a data source {@linkplain #wrap wrapped} here (datasource-proxy) adds the rows the
 * database reports it changed (its update count; each statement of a batch its own) to the table it names. Also
 * counts round trips (executions; a JDBC batch is one) and statements (each row of a batch is one).
 *
 * <p>Not counted: rows a statement changes that its update count does not report (a {@code RETURNING} statement
 * read as a result set counts one row), and rows PostgreSQL's {@code COPY} writes, which bypasses JDBC statements.
 * On PostgreSQL {@link #postgresqlTableWrites} reads the server's own per-table counts, which include both.
 *
 * <p>This lives in the test-jar because it is a measuring instrument, not production code: the server's tests and
 * the {@code bench} module both depend on the test-jar.
 */
public final class RowsWritten implements QueryExecutionListener {

    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+((?:\"?\\w+\"?\\.)?\"?\\w+\"?)",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, LongAdder> byTable = new ConcurrentHashMap<>();
    private final AtomicLong roundTrips = new AtomicLong();
    private final AtomicLong statements = new AtomicLong();

    /** A data source that counts into this counter what goes through it. */
    public DataSource wrap(DataSource dataSource) {
        return ProxyDataSourceBuilder.create(dataSource).name("rows-written").listener(this).build();
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        // counted after execution, when the update counts are known
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        roundTrips.incrementAndGet();
        statements.addAndGet(execInfo.isBatch() ? Math.max(1, execInfo.getBatchSize()) : 1);
        if (!execInfo.isSuccess() || queryInfoList.isEmpty()) {
            return;
        }
        String sql = queryInfoList.getFirst().getQuery();
        String table = table(sql);
        if (table == null) {
            return;
        }
        long rows = rows(execInfo, sql.toLowerCase(Locale.ROOT).contains("returning"));
        if (rows > 0) {
            byTable.computeIfAbsent(table, t -> new LongAdder()).add(rows);
        }
    }

    /** The table a writing statement names (lower case, without schema or quotes), or null for a read. */
    static String table(String sql) {
        String head = sql.stripLeading();
        if (head.regionMatches(true, 0, "select", 0, 6)) {
            return null;
        }
        Matcher m = WRITE.matcher(head);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1).replace("\"", "");
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static long rows(ExecutionInfo execInfo, boolean returning) {
        Object result = execInfo.getResult();
        return switch (result) {
            case Integer count -> Math.max(0, count);
            case Long count -> Math.max(0, count);
            case int[] counts -> sum(counts);
            case long[] counts -> {
                long sum = 0;
                for (long c : counts) {
                    sum += c >= 0 ? c : 1;
                }
                yield sum;
            }
            case Boolean isResultSet when !isResultSet -> updateCount(execInfo.getStatement());
            case ResultSet ignored -> returning ? 1 : 0;
            case null, default -> 0;
        };
    }

    private static long sum(int[] counts) {
        long sum = 0;
        for (int c : counts) {
            // Statement.SUCCESS_NO_INFO (-2): the driver did not say; one row is what a batched row writes.
            sum += c >= 0 ? c : 1;
        }
        return sum;
    }

    private static long updateCount(Statement statement) {
        try {
            return Math.max(0, statement.getUpdateCount());
        } catch (SQLException e) {
            return 0;
        }
    }

    /** What was counted so far. */
    public Snapshot snapshot() {
        Map<String, Long> tables = new TreeMap<>();
        byTable.forEach((table, rows) -> tables.put(table, rows.sum()));
        return new Snapshot(Map.copyOf(tables), roundTrips.get(), statements.get());
    }

    /**
     * Counts at a moment.
     *
     * @param byTable    rows written per table (lower-case name)
     * @param roundTrips executions that reached the database
     * @param statements statements executed, each row of a batch counted
     */
    public record Snapshot(Map<String, Long> byTable, long roundTrips, long statements) {

        /** Rows written over all tables. */
        public long total() {
            return byTable.values().stream().mapToLong(Long::longValue).sum();
        }

        /** What was counted between {@code before} and this. */
        public Snapshot minus(Snapshot before) {
            Map<String, Long> tables = new TreeMap<>();
            byTable.forEach((table, rows) -> {
                long delta = rows - before.byTable.getOrDefault(table, 0L);
                if (delta != 0) {
                    tables.put(table, delta);
                }
            });
            return new Snapshot(Map.copyOf(tables), roundTrips - before.roundTrips, statements - before.statements);
        }
    }

    /**
     * PostgreSQL's own count of rows written per table of a database: inserted + updated + deleted tuples of
     * {@code pg_stat_user_tables} since the database was created. The server publishes a backend's counts when the
     * backend goes idle (at most once a second) or ends: read it after the application's pools are closed.
     *
     * @throws IllegalStateException when the statistics cannot be read
     */
    public static Map<String, Long> postgresqlTableWrites(DataSource database) {
        Map<String, Long> tables = new TreeMap<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("SELECT relname, n_tup_ins + n_tup_upd + n_tup_del"
                    + " FROM pg_stat_user_tables")) {
                while (rs.next()) {
                    if (rs.getLong(2) > 0) {
                        tables.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_user_tables: " + e.getMessage(), e);
        }
        return tables;
    }
}
