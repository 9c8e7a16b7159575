package dev.tandem.dualwrite.runtime;

import dev.tandem.dualwrite.map.AlertRule.ErrorType;
import dev.tandem.dualwrite.runtime.BatchApplier.Failure;
import dev.tandem.dualwrite.runtime.HomeStore.ErrorEntry;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The error log (DESIGN §3): rows that failed to sync, with cause and payload, written in a transaction of their own
 * on the home app (so an entry survives the rollback of the source transaction it describes), counted in the
 * metrics, then handed to the map's {@link AlertRules}.
 */
final class ErrorLog {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorLog.class);

    /** Operation of error-log rows written by initial sync: a retry reads the source row again. */
    static final String SYNC = "SYNC";
    /** Operation of an error-log row for a queued batch that could not be mapped at all. */
    static final String BATCH = "BATCH";
    /** Operation of error-log rows written by an undo that found a row changed since. */
    static final String UNDO = "UNDO";

    private final HomeStore home;
    private final DualWriteMetrics metrics;
    private final AlertRules alerts;

    ErrorLog(HomeStore home, DualWriteMetrics metrics, AlertRules alerts) {
        this.home = home;
        this.metrics = metrics;
        this.alerts = alerts;
    }

    /** Logs errors of a map and applies its alert rules. */
    void log(MapRuntime m, List<ErrorEntry> errors) {
        if (errors.isEmpty()) {
            return;
        }
        home.errors(errors);
        errors.forEach(e -> metrics.error(m.id(), e.type().name()));
        LOG.warn("Table map {}: {} rows in the error log, first: {} {}: {}", m.id(), errors.size(),
                errors.get(0).entity(), errors.get(0).key(), errors.get(0).cause());
        alerts.apply(m, errors);
    }

    /** Logs one error per row that could not be mapped; a retry replays the row as recorded. */
    void logUnmapped(MapRuntime m, UUID batchId, List<Failure> failures, ErrorStatus status, boolean retryable) {
        log(m, failures.stream().map(f -> change(m, batchId, f.change(), f.type(), f.message(), status, retryable))
                .toList());
    }

    /** An entry for one source change. */
    static ErrorEntry change(MapRuntime m, UUID batchId, SourceChange c, ErrorType type, String cause,
                             ErrorStatus status, boolean retryable) {
        return new ErrorEntry(m.id(), batchId, c.sequenceNo(), c.entity(), c.key(), c.operation().name(),
                Json.write(c.row()), type, cause, status, retryable);
    }
}
