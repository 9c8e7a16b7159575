package dev.tandem.server.api;

import dev.tandem.common.ErrorCode;
import dev.tandem.common.TandemException;
import dev.tandem.server.ServerError;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The error format of the API: RFC 9457 {@code application/problem+json} with a stable {@code code} member.
 *
 * <ul>
 *   <li>A {@link TandemException} keeps its error code's status, title and code, its detail sentence, and every
 *       entry of {@link TandemException#properties()} as a further member ({@link #of(TandemException)}).</li>
 *   <li>Invalid input is 400 {@code INVALID_INPUT}; the members {@code field} (the first field) and {@code errors}
 *       (all {@link InputError}s) name what was wrong ({@link #invalidInput}).</li>
 *   <li>A write refused by a unique key of the database is 409 {@code DUPLICATE} ({@link #duplicate()}).</li>
 *   <li>Anything unexpected is 500 {@code INTERNAL} with a generic detail; the cause goes to the server log only,
 *       never a stack trace into the response ({@link #internal()}).</li>
 *   <li>Other HTTP errors raised by Spring MVC keep their status and use the status name as code, e.g. 404
 *       {@code NOT_FOUND}, 405 {@code METHOD_NOT_ALLOWED} ({@link #withCode}).</li>
 * </ul>
 *
 * Controllers that answer an error themselves build it here, so every error of the API looks the same.
 */
public final class ProblemResponses {

    /** Member carrying the stable error code. */
    public static final String CODE = "code";

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance", CODE);

    private ProblemResponses() {
    }

    /**
     * The problem of a refused action. A property named like a standard member ({@code type}, {@code title},
     * {@code status}, {@code detail}, {@code instance}, {@code code}) cannot replace it; it is logged and left out.
     */
    public static ProblemDetail of(TandemException exception) {
        ProblemDetail problem = problem(exception.errorCode(), exception.detail());
        exception.properties().forEach((name, value) -> {
            if (STANDARD_MEMBERS.contains(name)) {
                LOG.warn("{} property '{}' clashes with a problem member and is left out", exception.errorCode().code(),
                        name);
            } else {
                problem.setProperty(name, value);
            }
        });
        return problem;
    }

    /** 400 {@code INVALID_INPUT} naming the fields; the detail lists them, e.g. {@code amount: must be positive}. */
    public static ProblemDetail invalidInput(List<InputError> errors) {
        return invalidInput(errors, "The request is not valid.");
    }

    /**
     * 400 {@code INVALID_INPUT}; with no field to name, {@code fallbackDetail} is the detail.
     */
    public static ProblemDetail invalidInput(List<InputError> errors, String fallbackDetail) {
        if (errors.isEmpty()) {
            return problem(ServerError.INVALID_INPUT, fallbackDetail);
        }
        ProblemDetail problem = problem(ServerError.INVALID_INPUT,
                errors.stream().map(InputError::toString).collect(Collectors.joining("; ")));
        problem.setProperty("field", errors.getFirst().field());
        problem.setProperty("errors", List.copyOf(errors));
        return problem;
    }

    /** 409 {@code DUPLICATE} for a write refused by a unique key; says nothing about the table or constraint. */
    public static ProblemDetail duplicate() {
        return problem(ServerError.DUPLICATE, "The row already exists.");
    }

    /** 503 {@code CONTENTION}: rolled back by a deadlock or a lock wait; nothing was written; retry. */
    public static ProblemDetail contention() {
        return problem(ServerError.CONTENTION, "Other requests were changing the same rows at the same moment, so this "
                + "one was rolled back and nothing of it was written. Send it again.");
    }

    /** 500 {@code INTERNAL}; says nothing about the cause, which the caller must log. */
    public static ProblemDetail internal() {
        return problem(ServerError.INTERNAL, "The server could not complete the request. The error has been logged.");
    }

    /** Adds the {@code code} member to a problem built by Spring MVC: the name of its HTTP status. */
    public static ProblemDetail withCode(ProblemDetail problem) {
        if (problem.getProperties() == null || !problem.getProperties().containsKey(CODE)) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            problem.setProperty(CODE, status == null ? "HTTP_" + problem.getStatus() : status.name());
        }
        return problem;
    }

    /** 413 {@code REQUEST_TOO_LARGE}: the body passed {@code limit} bytes, the limit of its media type. */
    public static ProblemDetail tooLarge(long limit) {
        ProblemDetail problem = problem(ServerError.REQUEST_TOO_LARGE,
                "The request body is larger than " + limit + " bytes, the limit of its media type.");
        problem.setProperty("limit", limit);
        return problem;
    }

    /** 413 {@code REQUEST_TOO_LARGE}: the list {@code field} holds more than {@link RequestLimits#MAX_LIST}. */
    public static ProblemDetail listTooLong(String field, String detail) {
        ProblemDetail problem = problem(ServerError.REQUEST_TOO_LARGE, detail + ".");
        problem.setProperty("field", field);
        problem.setProperty("limit", RequestLimits.MAX_LIST);
        return problem;
    }

    /** 422 {@code REFUSED_BY_DATABASE}: a rule of the database refused the write; the cause goes to the log only. */
    public static ProblemDetail refusedByDatabase() {
        return problem(ServerError.REFUSED_BY_DATABASE,
                "The request refers to a row that does not exist or holds a value the data does not allow.");
    }

    /**
     * Writes {@code problem} as the whole response, outside Spring MVC (servlet filters, the container's error page):
     * status, {@code application/problem+json}, and the members {@code title}, {@code status},
     * {@code detail}, {@code instance} and the properties. Does nothing when the response is already committed.
     */
    public static void write(jakarta.servlet.http.HttpServletResponse response, ProblemDetail problem,
            String instance) throws java.io.IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        if (problem.getType() != null && !"about:blank".equals(problem.getType().toString())) {
            body.put("type", problem.getType().toString());
        }
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (instance != null) {
            body.put("instance", instance);
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        // No charset parameter: the body is UTF-8 JSON, as RFC 8259 makes every JSON text, and the answers of the
        // controllers carry none either.
        response.setContentType("application/problem+json");
        byte[] bytes = WRITER.writeValueAsBytes(body);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    private static final tools.jackson.databind.json.JsonMapper WRITER =
            tools.jackson.databind.json.JsonMapper.builder().build();

    /** The response carrying {@code problem} with its status. */
    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ProblemDetail problem(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(code.httpStatus()), detail);
        problem.setTitle(code.title());
        problem.setProperty(CODE, code.code());
        return problem;
    }
}
