package dev.tandem.server.health;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.server.database.FinanceDatabase;
import dev.tandem.server.database.OperationsDatabase;
import dev.tandem.server.health.HealthReport.State;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health}: 200 with {@code status UP} when both app databases answer, 503 with {@code DOWN} and
 * the failing database named otherwise. Each check asks the driver to validate a connection of its own.
 *
 * <p>Health never queues behind the work it reports on (issue 14, finding 1: twenty clients marking actuals kept
 * every connection of the pools busy, and health, which borrowed from the same pools, went unanswered). For a
 * Hikari pool the check uses a probe pool of one connection to the same database, waiting at most
 * {@value #PROBE_WAIT_MILLIS} ms for it; any other data source (tests) is used as it is.
 */
@RestController
public class HealthController implements AutoCloseable {

    /** Milliseconds a check waits for its probe connection before the database counts as down. */
    static final long PROBE_WAIT_MILLIS = 500;

    /** Seconds the driver may take to validate a connection. */
    static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);

    private final DataSource operations;
    private final DataSource finance;

    public HealthController(@OperationsDatabase DataSource operations, @FinanceDatabase DataSource finance) {
        this.operations = probe("operations", operations);
        this.finance = probe("finance", finance);
    }

    /** Closes the probe pools. */
    @Override
    public void close() {
        for (DataSource probe : new DataSource[] {operations, finance}) {
            if (probe instanceof HikariDataSource pool && pool.getPoolName().endsWith("-health")) {
                pool.close();
            }
        }
    }

    /** A pool of one connection to the database of {@code pool}, opened lazily; other data sources as they are. */
    private static DataSource probe(String name, DataSource dataSource) {
        if (!(dataSource instanceof HikariDataSource pool)) {
            return dataSource;
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName(name + "-health");
        config.setJdbcUrl(pool.getJdbcUrl());
        config.setUsername(pool.getUsername());
        config.setPassword(pool.getPassword());
        if (pool.getDriverClassName() != null) {
            config.setDriverClassName(pool.getDriverClassName());
        }
        config.setDataSourceProperties(pool.getDataSourceProperties());
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(Math.max(250, PROBE_WAIT_MILLIS));
        config.setValidationTimeout(Math.max(250, PROBE_WAIT_MILLIS));
        config.setInitializationFailTimeout(-1);
        config.setMaxLifetime(0);
        config.setKeepaliveTime(0);
        config.setIdleTimeout(0);
        return new HikariDataSource(config);
    }

    @GetMapping("/api/health")
    public ResponseEntity<HealthReport> health() {
        HealthReport report = HealthReport.of(check("operations", operations), check("finance", finance));
        return ResponseEntity.status(report.status() == State.UP ? 200 : 503).body(report);
    }

    static State check(String name, DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS) ? State.UP : State.DOWN;
        } catch (SQLException e) {
            LOG.warn("{} database is down: {}", name, e.getMessage());
            return State.DOWN;
        }
    }
}
