package dev.tandem.server.health;

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
 * the failing database named otherwise. Each check borrows a pool connection and asks the driver to validate it.
 */
@RestController
public class HealthController {

    /** Seconds the driver may take to validate a connection. */
    static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);

    private final DataSource operations;
    private final DataSource finance;

    public HealthController(@OperationsDatabase DataSource operations, @FinanceDatabase DataSource finance) {
        this.operations = operations;
        this.finance = finance;
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
