package dev.tandem.dualwrite;

import dev.tandem.dualwrite.capture.ChangeRecorder;
import dev.tandem.dualwrite.entity.DataEntityWriter;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every service of an app needs: the app's database, its transactions, the clock, the acting user and the
 * one write path for data-entity rows. Services run each public action in {@link #inTransaction}, which joins a
 * caller's transaction when there is one, so a failure anywhere rolls back business rows and outbox rows together.
 * Each app extends it with its own lookups (e.g. errors in its own error codes).
 */
public class AppContext {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate nested;
    private final Clock clock;
    private final Supplier<String> currentUser;
    private final DataEntityWriter writer;
    private final ChangeRecorder recorder;

    public AppContext(DataSource dataSource, PlatformTransactionManager transactions, Clock clock,
                             Supplier<String> currentUser) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(transactions);
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.currentUser = currentUser;
        this.recorder = new ChangeRecorder(jdbc, clock);
        this.writer = new DataEntityWriter(jdbc, recorder);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public DataEntityWriter writer() {
        return writer;
    }

    /** The app's change capture; the dual-write runtime sets its live-sync hook here. */
    public ChangeRecorder changeRecorder() {
        return recorder;
    }

    public Clock clock() {
        return clock;
    }

    /** Runs {@code work} in a transaction (joining the caller's, if any). */
    public <T> T inTransaction(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

    /**
     * Runs {@code work} in a nested transaction: a savepoint inside the caller's transaction, or a transaction of its
     * own when there is none. A failure rolls back only this part, so a loop over independent items (one contract
     * of a bulk action) can go on without marking the caller's whole transaction rollback-only.
     */
    public <T> T inNestedTransaction(Supplier<T> work) {
        return nested.execute(status -> work.get());
    }

    public void inTransaction(Runnable work) {
        tx.executeWithoutResult(status -> work.run());
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    public String user() {
        return currentUser.get();
    }

    /** Dataverse audit fields for a new row: createdon/createdby and modifiedon/modifiedby. */
    public Map<String, Object> created() {
        OffsetDateTime now = now();
        String user = user();
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("createdon", now);
        audit.put("createdby", user);
        audit.put("modifiedon", now);
        audit.put("modifiedby", user);
        return audit;
    }

    /** Dataverse audit fields for a changed row: modifiedon/modifiedby. */
    public Map<String, Object> modified() {
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("modifiedon", now());
        audit.put("modifiedby", user());
        return audit;
    }

    /**
     * Runs a query returning ids whose SQL holds one {@code IN (:in)} list, in chunks of 1,000 values, so a call
     * with 20,000 ids neither exceeds a driver's bind-parameter limit nor builds one huge statement.
     *
     * @param sql         SQL with the token {@code :in} where the placeholders go
     * @param leadingArgs arguments of the placeholders before the IN list
     */
    public List<UUID> idsIn(String sql, List<?> values, Object... leadingArgs) {
        List<UUID> ids = new java.util.ArrayList<>();
        for (int from = 0; from < values.size(); from += 1000) {
            List<?> chunk = values.subList(from, Math.min(values.size(), from + 1000));
            List<Object> args = new java.util.ArrayList<>(List.of(leadingArgs));
            args.addAll(chunk);
            ids.addAll(jdbc.queryForList(sql.replace(":in", placeholders(chunk)), UUID.class, args.toArray()));
        }
        return ids;
    }

    /**
     * Inserts one row of a plain table (not a data entity: those go through {@link #writer()}), adding the audit
     * columns createdon/createdby/modifiedon/modifiedby.
     */
    public void insertAudited(String table, Map<String, Object> values) {
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.putAll(created());
        List<String> columns = new java.util.ArrayList<>(all.keySet());
        jdbc.update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders(columns)
                + ")", all.values().toArray());
    }

    /** An ordered column → value map from name/value pairs; {@code null} values are kept. */
    public static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    /** Placeholders "?, ?, ?" for an IN list. */
    public static String placeholders(List<?> values) {
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }
}
