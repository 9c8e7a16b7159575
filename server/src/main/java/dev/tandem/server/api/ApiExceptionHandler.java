package dev.tandem.server.api;

import dev.tandem.common.TandemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every exception that leaves a controller as a problem document ({@link ProblemResponses}). Spring MVC's
 * own exceptions (unreadable body, validation, unknown path, wrong method) go through
 * {@link ResponseEntityExceptionHandler}; this class only gives them Tandem's codes and field names.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** A refused action: the user's problem, not the server's, so it is logged at debug level only. */
    @ExceptionHandler(TandemException.class)
    ResponseEntity<ProblemDetail> refused(TandemException exception) {
        LOG.debug("refused: {} {}", exception.errorCode().code(), exception.detail());
        return ProblemResponses.response(ProblemResponses.of(exception));
    }

    /**
     * A method callers may never use on the resource (e.g. creating a row only a table map creates): its problem,
     * with the {@code Allow} header naming what they may use there.
     */
    @ExceptionHandler(MethodRefusedException.class)
    ResponseEntity<ProblemDetail> methodRefused(MethodRefusedException exception) {
        LOG.debug("refused: {} {}", exception.errorCode().code(), exception.detail());
        ProblemDetail problem = ProblemResponses.of(exception);
        return ResponseEntity.status(problem.getStatus())
                .allow(exception.allow().toArray(HttpMethod[]::new)).body(problem);
    }

    /** Bean validation outside the web layer (a {@code @Validated} bean called with the request's values). */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalid(ConstraintViolationException exception) {
        return ProblemResponses.response(ProblemResponses.invalidInput(InputErrors.of(exception)));
    }

    /**
     * A unique key refused a write that the app's own duplicate check let through (a concurrent create, or a table
     * the app does not check): 409 {@code DUPLICATE}. The database's message names tables and constraints, so it
     * goes to the log only.
     */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException exception, HttpServletRequest request) {
        LOG.info("duplicate key on {} {}: {}", request.getMethod(), request.getRequestURI(),
                exception.getMostSpecificCause().getMessage());
        return ProblemResponses.response(ProblemResponses.duplicate());
    }

    /** Seconds a client waits before sending a request that met contention again ({@code Retry-After}). */
    static final int RETRY_AFTER_SECONDS = 1;

    /**
     * A deadlock the database broke, a lock wait that timed out, or no pool connection free in time (Spring's
     * {@link TransientDataAccessException}: {@code DeadlockLoserDataAccessException}, {@code CannotAcquireLockException},
     * {@code QueryTimeoutException}, which H2 raises for a lock timeout; and {@link CannotGetJdbcConnectionException}):
     * the transaction was rolled back, so this is 503 {@code CONTENTION} with {@code Retry-After}, not a 500 (issue 14,
     * finding 2). Rows are locked in one order ({@code DataEntityWriter.LOCK_ORDER}), so what remains is a wait behind
     * a long posting; it is logged at info level.
     */
    @ExceptionHandler({TransientDataAccessException.class, CannotGetJdbcConnectionException.class})
    ResponseEntity<ProblemDetail> contention(DataAccessException exception, HttpServletRequest request) {
        LOG.info("contention on {} {}: {}", request.getMethod(), request.getRequestURI(),
                exception.getMostSpecificCause().getMessage());
        ProblemDetail problem = ProblemResponses.contention();
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER,
                Integer.toString(RETRY_AFTER_SECONDS)).body(problem);
    }

    /**
     * The safety net behind validation: a rule of the database (a foreign key, a check, a column's length or range)
     * refused a write the API's validation let through. 422 {@code REFUSED_BY_DATABASE}; the database's message
     * names tables and constraints, so it goes to the log only, at warning level: the validation has a gap to close.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> refusedByDatabase(DataIntegrityViolationException exception,
            HttpServletRequest request) {
        LOG.warn("database refused {} {}: {}", request.getMethod(), request.getRequestURI(),
                exception.getMostSpecificCause().getMessage());
        return ProblemResponses.response(ProblemResponses.refusedByDatabase());
    }

    /** A list of the body is longer than {@link RequestLimits#MAX_LIST} ({@link RequestBodyChecks}). */
    @ExceptionHandler(RequestBodyChecks.ListTooLongException.class)
    ResponseEntity<ProblemDetail> listTooLong(RequestBodyChecks.ListTooLongException exception) {
        return ProblemResponses.response(ProblemResponses.listTooLong(exception.field(), exception.getMessage()));
    }

    /** The body passed the limit of its media type while a controller read it ({@link RequestLimitFilter}). */
    @ExceptionHandler(RequestLimitFilter.BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestLimitFilter.BodyTooLargeException exception) {
        return ProblemResponses.response(ProblemResponses.tooLarge(exception.limit()));
    }

    /**
     * A request whose form parameters or multipart body can't be decoded (raised by the servlet container while it
     * parses them, wherever that happens first): 400 {@code INVALID_INPUT}, or 413 when the multipart body passed its
     * limit.
     */
    @ExceptionHandler({MultipartException.class, InvalidParameterException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception exception) {
        ProblemDetail problem = unreadableRequest(exception);
        return ProblemResponses.response(problem != null ? problem : ProblemResponses.invalidInput(List.of()));
    }

    /**
     * The problem of a request the container could not decode ({@code cause} anywhere in the chain), or
     * {@code null} when {@code exception} is something else.
     */
    static ProblemDetail unreadableRequest(Throwable exception) {
        if (causeOf(exception, RequestLimitFilter.BodyTooLargeException.class) instanceof
                RequestLimitFilter.BodyTooLargeException tooLarge) {
            return ProblemResponses.tooLarge(tooLarge.limit());
        }
        if (causeOf(exception, MaxUploadSizeExceededException.class) != null
                || causeOf(exception, org.apache.tomcat.util.http.fileupload.impl.SizeException.class) != null) {
            return ProblemResponses.tooLarge(RequestLimits.CSV_BYTES);
        }
        if (causeOf(exception, InvalidParameterException.class) != null) {
            return ProblemResponses.invalidInput(List.of(), "The request's parameters can't be decoded.");
        }
        if (causeOf(exception, MultipartException.class) != null) {
            return ProblemResponses.invalidInput(List.of(), "The multipart body can't be read.");
        }
        return null;
    }

    /** Anything else is a bug or an outage: full cause in the log, a generic problem to the client. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception, HttpServletRequest request) {
        LOG.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), exception);
        return ProblemResponses.response(ProblemResponses.internal());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        RequestLimitFilter.BodyTooLargeException tooLarge = causeOf(exception,
                RequestLimitFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            problem = ProblemResponses.tooLarge(tooLarge.limit());
            status = HttpStatusCode.valueOf(problem.getStatus());
        } else if (status.value() == 413) {
            problem = ProblemResponses.tooLarge(RequestLimits.CSV_BYTES);
        } else if (status.value() == 400) {
            problem = ProblemResponses.invalidInput(InputErrors.of(exception), detailOf(body));
        } else if (status.is5xxServerError()) {
            LOG.error("unexpected error on {}", request.getDescription(false), exception);
            problem = ProblemResponses.internal();
        } else {
            problem = ProblemResponses.withCode(body instanceof ProblemDetail spring
                    ? spring : ProblemDetail.forStatus(status));
        }
        return super.handleExceptionInternal(exception, problem, headers, status, request);
    }

    /**
     * A path nothing answers: for a browser on a page (not the API, accepting HTML) the container's error page as HTML
     * ({@link ErrorPages}), for everyone else the problem document.
     */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            org.springframework.web.servlet.resource.NoResourceFoundException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (request instanceof org.springframework.web.context.request.ServletWebRequest servlet
                && servlet.getResponse() != null
                && ErrorPages.ErrorPage.wantsPage(servlet.getRequest(), servlet.getRequest().getRequestURI())) {
            try {
                servlet.getResponse().sendError(404);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        }
        return super.handleNoResourceFoundException(exception, headers, status, request);
    }

    static <T extends Throwable> T causeOf(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String detailOf(Object body) {
        return body instanceof ProblemDetail spring && spring.getDetail() != null
                ? spring.getDetail() : "The request is not valid.";
    }
}
