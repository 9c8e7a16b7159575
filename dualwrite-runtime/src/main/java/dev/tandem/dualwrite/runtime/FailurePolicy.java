package dev.tandem.dualwrite.runtime;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.DualWriteError;
import dev.tandem.dualwrite.map.AlertRule.ErrorType;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The one place that decides what a failure to apply a batch means (DESIGN §3, queued sync; the shape of Debezium's
 * {@code ErrorHandler}).
 *
 * <ul>
 *   <li><b>Retriable</b>: the target could not be reached or did not answer in time — a connection that cannot be
 *       had or broke ({@link CannotCreateTransactionException}, {@link DataAccessResourceFailureException} and so
 *       {@code CannotGetJdbcConnectionException}, {@link SQLNonTransientConnectionException}, SQL state class
 *       {@code 08}), a transient database condition ({@link SQLTransientException}, {@link SQLRecoverableException},
 *       {@link TransientDataAccessException}, {@link RecoverableDataAccessException}), a time-out
 *       ({@link QueryTimeoutException}, {@link SQLTimeoutException}, {@link TimeoutException}, a socket time-out,
 *       {@code SYNC_TIMEOUT}). Nothing is wrong with the batch: a drain stops, keeps it and every later batch
 *       queued in order, backs off and raises an alert. It never reaches the error log.</li>
 *   <li><b>Fatal for the batch</b>: everything else, above all the target's own refusal (its validation, a
 *       {@link TandemException}). The batch goes to the error log with the target's message and draining goes on
 *       with the next batch.</li>
 * </ul>
 * The causes of an exception are looked through, so a connection failure wrapped by Spring or by an entity still
 * counts as retriable.
 */
final class FailurePolicy {

    /** What a drain does with a failure. */
    enum Verdict {
        /** Target unavailable or slow: keep the batch queued, stop, back off, alert. */
        RETRIABLE,
        /** Target refused the batch: error log, go on with the next one. */
        FATAL
    }

    /**
     * A classified failure.
     *
     * @param verdict retriable or fatal
     * @param type    the error-log type (what alert rules count)
     * @param message the sentence users and the error log see: a refusal's own detail, else the exception's text
     */
    record Failure(Verdict verdict, ErrorType type, String message) {

        boolean retriable() {
            return verdict == Verdict.RETRIABLE;
        }
    }

    private FailurePolicy() {
    }

    /** Classifies a failure of applying (or preparing) a batch. */
    static Failure of(Throwable e) {
        if (isTimeout(e)) {
            return new Failure(Verdict.RETRIABLE, ErrorType.TIMEOUT, message(e));
        }
        if (isUnavailable(e)) {
            return new Failure(Verdict.RETRIABLE, ErrorType.UNAVAILABLE, message(e));
        }
        return new Failure(Verdict.FATAL, type(e), message(e));
    }

    /** The error type of a fatal failure: the target's refusal, a lookup, or the target's database. */
    static ErrorType type(Throwable e) {
        if (e instanceof TandemException t) {
            return t.errorCode() == DualWriteError.LOOKUP_FAILED ? ErrorType.LOOKUP
                    : t.errorCode() == DualWriteError.SYNC_TIMEOUT ? ErrorType.TIMEOUT : ErrorType.APPLICATION;
        }
        if (isTimeout(e)) {
            return ErrorType.TIMEOUT;
        }
        if (e instanceof DataAccessException || isUnavailable(e)) {
            return ErrorType.UNAVAILABLE;
        }
        return ErrorType.APPLICATION;
    }

    /** A failure's message for users and the error log (a TandemException's detail; else the exception's text). */
    static String message(Throwable e) {
        if (e instanceof TandemException t) {
            return t.detail();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /**
     * The contention among {@code e}'s causes, if any: a deadlock the database broke, a lock wait that timed out or
     * another {@link TransientDataAccessException}. A live batch that meets it in the target is the source
     * request's contention (the request may be sent again), not a failed sync.
     */
    static java.util.Optional<TransientDataAccessException> contention(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TransientDataAccessException contention) {
                return java.util.Optional.of(contention);
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TandemException t && t.errorCode() == DualWriteError.SYNC_TIMEOUT
                    || c instanceof QueryTimeoutException || c instanceof SQLTimeoutException
                    || c instanceof TimeoutException || c instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailable(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CannotCreateTransactionException || c instanceof DataAccessResourceFailureException
                    || c instanceof TransientDataAccessException || c instanceof RecoverableDataAccessException
                    || c instanceof SQLTransientException || c instanceof SQLRecoverableException
                    || c instanceof SQLNonTransientConnectionException || c instanceof ConnectException
                    || c instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
