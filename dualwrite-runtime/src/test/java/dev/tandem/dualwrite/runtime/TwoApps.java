package dev.tandem.dualwrite.runtime;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.TandemException;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.common.testing.TestDatabases;
import dev.tandem.dualwrite.AppContext;
import dev.tandem.dualwrite.DualWriteError;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.spi.SyncApp;
import dev.tandem.dualwrite.spi.TableDataEntity;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Two small apps on two fresh databases, for runtime tests: "crm" keeps customers (id, account number, name,
 * credit limit, rating) and is the source; "erp" keeps customer accounts by account number and refuses names that
 * start with "BAD" (its validation). The map {@code customers} syncs account number, name and credit limit to the
 * ERP and writes the ERP's rating back.
 */
final class TwoApps implements AutoCloseable {

    static final DataEntityDefinition CUSTOMERS = new DataEntityDefinition("customers", "customer", "customerid",
            List.of("customerid", "accountnumber", "name", "creditlimit", "rating"))
            .withAlternateKeys("accountnumber");
    static final DataEntityDefinition ACCOUNTS = new DataEntityDefinition("custaccounts", "custtable", "accountnum",
            List.of("accountnum", "name", "creditlimit", "rating"));

    /** An entity of the CRM that no map carries. */
    static final DataEntityDefinition CONTACTS = new DataEntityDefinition("contacts", "contact", "contactid",
            List.of("contactid", "fullname"));

    static final String MAP = """
            map: customers
            name: Customers (test)
            version: 1.0.0.1
            source: crm/customers
            target: erp/custaccounts
            key: [accountnum]
            alerts:
              - {errorType: APPLICATION, count: 10, window: PT15M, action: PAUSE}
            fields:
              - accountnumber = accountnum
              - name > name
              - creditlimit > creditlimit
              - rating < rating
            """;

    final DatabaseKind kind;
    final HikariDataSource crmDb;
    final HikariDataSource erpDb;
    final AppContext crm;
    final AppContext erp;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** Every (account, name) the ERP wrote, in order: what order tests check. */
    final List<String> erpWrites = Collections.synchronizedList(new ArrayList<>());
    /** Milliseconds the ERP sleeps in each write: what timeout tests set. */
    final AtomicLong erpDelayMillis = new AtomicLong();
    /** While set, the ERP's database cannot be reached: every new connection fails, as when its server is down. */
    final AtomicBoolean erpDown = new AtomicBoolean();
    /** Writes the ERP takes before its database goes away in the middle of the next one; negative: never. */
    final AtomicInteger erpWritesUntilDown = new AtomicInteger(-1);
    DualWriteRuntime runtime;

    TwoApps(DatabaseKind kind) {
        this.kind = kind;
        crmDb = TestDatabases.create(kind, List.of("classpath:db/dualwrite"));
        erpDb = TestDatabases.create(kind, List.of("classpath:db/dualwrite"));
        crm = new AppContext(crmDb, new DataSourceTransactionManager(crmDb), Clock.systemUTC(), () -> "crm-user");
        DataSource erpReachable = new DelegatingDataSource(erpDb) {
            @Override
            public Connection getConnection() throws SQLException {
                if (erpDown.get()) {
                    throw new SQLTransientConnectionException("Connection to the ERP database refused", "08001");
                }
                return super.getConnection();
            }
        };
        erp = new AppContext(erpReachable, new DataSourceTransactionManager(erpReachable), Clock.systemUTC(),
                () -> "erp-user");
        crm.jdbc().execute("CREATE TABLE customer (customerid UUID PRIMARY KEY, accountnumber VARCHAR(20) NOT NULL "
                + "UNIQUE, name VARCHAR(100) NOT NULL, creditlimit NUMERIC(19,6), rating VARCHAR(10))");
        crm.jdbc().execute("CREATE TABLE contact (contactid VARCHAR(20) PRIMARY KEY, fullname VARCHAR(100))");
        erp.jdbc().execute("CREATE TABLE custtable (accountnum VARCHAR(20) PRIMARY KEY, name VARCHAR(100) NOT NULL, "
                + "creditlimit NUMERIC(19,6), rating VARCHAR(10))");
    }

    DualWriteRuntime start(DualWriteSettings settings, boolean run) {
        TableDataEntity customers = TableDataEntity.plain(CUSTOMERS, crm);
        TableDataEntity[] accounts = new TableDataEntity[1];
        accounts[0] = new TableDataEntity(ACCOUNTS, erp, new TableDataEntity.Writes() {
            @Override
            public void upsert(String keyField, List<Map<String, Object>> rows) {
                sleep(erpDelayMillis.get());
                if (erpWritesUntilDown.getAndDecrement() == 0) {
                    erpDown.set(true);
                    throw new TransientDataAccessResourceException("I/O error: the ERP database went away",
                            new SQLTransientConnectionException("connection reset", "08006"));
                }
                for (Map<String, Object> row : rows) {
                    Object name = row.get("name");
                    if (name != null && name.toString().startsWith("BAD")) {
                        throw new TandemException(DualWriteError.INVALID_INPUT, "Customer account "
                                + row.get("accountnum") + ": the name '" + name + "' is refused by the ERP");
                    }
                }
                // Recorded when the ERP's transaction commits: a write rolled back with its chunk never happened.
                List<String> written = rows.stream().map(r -> r.get("accountnum") + "=" + r.get("name")).toList();
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        erpWrites.addAll(written);
                    }
                });
                new TableDataEntity(ACCOUNTS, erp, null) {
                    void write() {
                        plainUpsert(keyField, rows);
                    }
                }.write();
            }
        });
        runtime = new DualWriteRuntime(List.of(new SyncApp("crm", crm, List.of(customers,
                TableDataEntity.plain(CONTACTS, crm))),
                new SyncApp("erp", erp, List.of(accounts[0]))), Map.of("maps/customers.yaml", MAP), settings,
                registry);
        runtime.start(run);
        return runtime;
    }

    static DualWriteSettings settings() {
        return new DualWriteSettings("crm", Duration.ofSeconds(30), 1_000_000, Duration.ofMinutes(5), 1000, 200,
                Duration.ZERO);
    }

    private static void sleep(long ms) {
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    int count(AppContext app, String sql, Object... args) {
        Integer n = app.jdbc().queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    @Override
    public void close() {
        if (runtime != null) {
            runtime.close();
        }
        TestDatabases.destroy(kind, crmDb);
        TestDatabases.destroy(kind, erpDb);
    }
}
