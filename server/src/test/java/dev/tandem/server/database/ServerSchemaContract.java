package dev.tandem.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.common.testing.TestDatabases;
import dev.tandem.finance.FinanceSchema;
import dev.tandem.operations.OperationsSchema;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The server's tables move out of the apps' migrations ({@link ServerSchema}): a database migrated with the old
 * layout — the idempotency keys and {@code scheduled_tasks} created by Project Operations V7 and V8 and Finance V6,
 * kept as they were under {@code src/test/resources/db/legacy}, and only V1 of the server's own — migrates cleanly
 * with the new one, keeps its rows, and ends with the same tables, columns, indexes and constraints as a fresh
 * database; an applied app version that did not move is still refused. Subclasses supply the database kind.
 */
abstract class ServerSchemaContract {

    private static final String LEGACY_OPERATIONS = "classpath:db/legacy/operations";
    private static final String LEGACY_FINANCE = "classpath:db/legacy/finance";
    private static final OffsetDateTime NOW = OffsetDateTime.of(2025, 4, 30, 12, 0, 0, 0, ZoneOffset.UTC);

    private final List<HikariDataSource> databases = new ArrayList<>();

    abstract DatabaseKind kind();

    @AfterEach
    void dropDatabases() {
        databases.forEach(db -> TestDatabases.destroy(kind(), db));
    }

    @Test
    void anOperationsDatabaseOfTheOldLayoutMigratesToWhatAFreshOneGets() {
        HikariDataSource old = database(with(OperationsSchema.LOCATIONS, LEGACY_OPERATIONS));
        serverHistoryUpTo(old, ServerSchema.LOCATION, "1");
        JdbcTemplate jdbc = new JdbcTemplate(old);
        UUID claim = claimKey(jdbc, "key-1", "/api/operations/invoices/confirm");
        jdbc.update("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version) VALUES"
                + " ('daily-invoice-run', 'recurring', ?, FALSE, 1)", NOW);

        OperationsSchema.migrate(old);
        ServerSchema.migrate(old);

        HikariDataSource fresh = database(List.of(OperationsSchema.LOCATIONS));
        ServerSchema.migrate(fresh);
        assertSameSchema(old, fresh);
        assertThat(jdbc.queryForObject("SELECT claim_token FROM api_idempotency_key WHERE idempotency_key = 'key-1'",
                UUID.class)).isEqualTo(claim);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Integer.class)).isOne();
        assertThat(serverVersions(old)).containsExactly("0", "1", "2", "3", "4", "5", "6");
        assertThat(serverVersions(fresh)).containsExactly("0", "1", "2", "3", "4", "5", "6");
        assertMigratingAgainChangesNothing(old, OperationsSchema::migrate, ServerSchema::migrate);
    }

    @Test
    void aFinanceDatabaseOfTheOldLayoutMigratesToWhatAFreshOneGets() {
        HikariDataSource old = database(with(FinanceSchema.LOCATIONS, LEGACY_FINANCE));
        JdbcTemplate jdbc = new JdbcTemplate(old);
        UUID claim = claimKey(jdbc, "key-2", "/api/finance/legal-entities/USMF/invoice-proposals/INV-1/post");

        FinanceSchema.migrate(old);
        ServerSchema.migrateFinance(old);

        HikariDataSource fresh = database(List.of(FinanceSchema.LOCATIONS));
        ServerSchema.migrateFinance(fresh);
        assertSameSchema(old, fresh);
        assertThat(jdbc.queryForObject("SELECT claim_token FROM api_idempotency_key WHERE idempotency_key = 'key-2'",
                UUID.class)).isEqualTo(claim);
        assertThat(serverVersions(old)).containsExactly("0", "1");
        assertMigratingAgainChangesNothing(old, FinanceSchema::migrate, ServerSchema::migrateFinance);
    }

    @Test
    void theServerTablesAreNoLongerTheApps() {
        HikariDataSource operations = database(List.of(OperationsSchema.LOCATIONS));
        HikariDataSource finance = database(List.of(FinanceSchema.LOCATIONS));

        assertThat(tables(operations)).doesNotContain("api_idempotency_key", "scheduled_tasks");
        assertThat(tables(finance)).doesNotContain("api_idempotency_key");
        ServerSchema.migrate(operations);
        ServerSchema.migrateFinance(finance);
        assertThat(tables(operations)).contains("api_idempotency_key", "scheduled_tasks", "finance_job_run",
                "finance_job_run_entity");
        assertThat(tables(finance)).contains("api_idempotency_key").doesNotContain("scheduled_tasks",
                "finance_job_run");
    }

    @Test
    void anAppliedAppVersionThatDidNotMoveIsStillRefused() {
        HikariDataSource operations = database(List.of(OperationsSchema.LOCATIONS));
        HikariDataSource finance = database(List.of(FinanceSchema.LOCATIONS));
        appliedElsewhere(operations, "6.5");
        appliedElsewhere(finance, "5.5");

        assertThatThrownBy(() -> OperationsSchema.migrate(operations)).isInstanceOf(FlywayException.class)
                .hasMessageContaining("6.5").hasMessageContaining("another version of Tandem");
        assertThatThrownBy(() -> FinanceSchema.migrate(finance)).isInstanceOf(FlywayException.class)
                .hasMessageContaining("5.5");
    }

    private HikariDataSource database(List<String> locations) {
        HikariDataSource db = TestDatabases.create(kind(), locations);
        databases.add(db);
        return db;
    }

    private static List<String> with(String[] locations, String legacy) {
        List<String> all = new ArrayList<>(Arrays.asList(locations));
        all.add(legacy);
        return all;
    }

    /** The server's own history as the old layout left it: its migrations up to {@code version}. */
    private static void serverHistoryUpTo(DataSource db, String location, String version) {
        Flyway.configure().dataSource(db).locations(location).table(ServerSchema.HISTORY_TABLE).baselineOnMigrate(true)
                .baselineVersion("0").target(version).load().migrate();
    }

    /** A claimed idempotency key, as a request in flight leaves it; answers its claim token. */
    private static UUID claimKey(JdbcTemplate jdbc, String key, String path) {
        UUID token = UUID.randomUUID();
        jdbc.update("INSERT INTO api_idempotency_key (idempotency_key, request_method, request_path, request_hash,"
                + " claim_token, created_at) VALUES (?, 'POST', ?, ?, ?, ?)", key, path, "0".repeat(64), token, NOW);
        return token;
    }

    /** A row of the app's history for a version this build does not have (as another build would leave it). */
    private static void appliedElsewhere(DataSource db, String version) {
        JdbcTemplate jdbc = new JdbcTemplate(db);
        Integer rank = jdbc.queryForObject("SELECT MAX(installed_rank) + 1 FROM flyway_schema_history", Integer.class);
        jdbc.update("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, installed_on, execution_time, success) VALUES (?, ?, 'from another build', 'SQL', ?,"
                + " 0, 'test', CURRENT_TIMESTAMP, 0, TRUE)", rank, version, "V" + version + "__from_another_build.sql");
    }

    private static void assertMigratingAgainChangesNothing(DataSource db, Consumer<DataSource> app,
            Consumer<DataSource> server) {
        List<String> columns = columns(db);
        long applied = applied(db);
        app.accept(db);
        server.accept(db);
        assertThat(columns(db)).isEqualTo(columns);
        assertThat(applied(db)).isEqualTo(applied);
    }

    private void assertSameSchema(DataSource old, DataSource fresh) {
        assertThat(columns(old)).isEqualTo(columns(fresh)).isNotEmpty();
        // Only the names given in the migrations: H2 names the indexes of keys and unnamed constraints itself.
        assertThat(indexes(old)).containsAll(indexes(fresh).stream().filter(i -> !generated(i)).toList());
        assertThat(indexes(fresh)).containsAll(indexes(old).stream().filter(i -> !generated(i)).toList());
        assertThat(constraints(old)).isEqualTo(constraints(fresh));
    }

    /** Every column of the schema as "table.column type nullable length", sorted. */
    private static List<String> columns(DataSource db) {
        return new JdbcTemplate(db).query("SELECT table_name, column_name, data_type, is_nullable,"
                + " character_maximum_length FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA"
                + " ORDER BY table_name, column_name", (rs, n) -> (rs.getString(1) + "." + rs.getString(2) + " "
                + rs.getString(3) + " " + rs.getString(4) + " " + rs.getString(5)).toLowerCase(Locale.ROOT));
    }

    private static List<String> tables(DataSource db) {
        return new JdbcTemplate(db).queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema"
                + " = CURRENT_SCHEMA", String.class).stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    private List<String> indexes(DataSource db) {
        String sql = kind() == DatabaseKind.H2
                ? "SELECT table_name || '.' || index_name FROM information_schema.indexes WHERE table_schema ="
                + " CURRENT_SCHEMA"
                : "SELECT tablename || '.' || indexname FROM pg_indexes WHERE schemaname = CURRENT_SCHEMA";
        return new JdbcTemplate(db).queryForList(sql, String.class).stream().map(i -> i.toLowerCase(Locale.ROOT))
                .sorted().toList();
    }

    /** Named check constraints, and how many constraints of each kind each table has. */
    private static List<String> constraints(DataSource db) {
        JdbcTemplate jdbc = new JdbcTemplate(db);
        List<String> all = new ArrayList<>(jdbc.queryForList("SELECT table_name || '.' || constraint_name FROM"
                + " information_schema.table_constraints WHERE table_schema = CURRENT_SCHEMA AND constraint_type ="
                + " 'CHECK' AND constraint_name NOT LIKE 'CONSTRAINT_%' AND constraint_name NOT LIKE '%_not_null'",
                String.class));
        all.addAll(jdbc.queryForList("SELECT table_name || ' ' || constraint_type || ' ' || COUNT(*) FROM"
                + " information_schema.table_constraints WHERE table_schema = CURRENT_SCHEMA GROUP BY table_name,"
                + " constraint_type", String.class));
        return all.stream().map(c -> c.toLowerCase(Locale.ROOT)).sorted().toList();
    }

    private static boolean generated(String index) {
        String name = index.substring(index.indexOf('.') + 1);
        return name.startsWith("primary_key") || name.startsWith("constraint_") || name.endsWith("_pkey")
                || name.endsWith("_key") || name.startsWith("fk_");
    }

    private static List<String> serverVersions(DataSource db) {
        return new JdbcTemplate(db).queryForList("SELECT version FROM " + ServerSchema.HISTORY_TABLE + " WHERE success"
                + " AND version IS NOT NULL ORDER BY installed_rank", String.class);
    }

    private static long applied(DataSource db) {
        JdbcTemplate jdbc = new JdbcTemplate(db);
        Long app = jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history", Long.class);
        Long server = jdbc.queryForObject("SELECT COUNT(*) FROM " + ServerSchema.HISTORY_TABLE, Long.class);
        return app + server;
    }
}
