package dev.tandem.server;

import dev.tandem.common.ErrorCode;

/**
 * Error codes the server itself produces, next to the codes of the apps ({@code OperationsError},
 * {@code FinanceError}). Other HTTP errors (unknown path, wrong method) carry the HTTP status name as code, see
 * {@link dev.tandem.server.api.ProblemResponses}.
 */
public enum ServerError implements ErrorCode {
    /** The request could not be read or broke a validation rule; the problem names the field. */
    INVALID_INPUT("Invalid input", 400),
    /** The server's own row (e.g. a periodic job by name) doesn't exist; the problem names it. */
    NOT_FOUND("Not found", 404),
    /**
     * A write hit a unique key of the database: the row already exists, typically because two requests created it
     * at the same moment. Same code and status as the apps' own {@code DUPLICATE} refusal.
     */
    DUPLICATE("Row already exists", 409),
    /**
     * An {@code Idempotency-Key} already named another request (another method, path or body). A key names one
     * request; the stored answer belongs to that request only.
     */
    IDEMPOTENCY_KEY_REUSED("Idempotency key used for another request", 422),
    /**
     * Another request with the same {@code Idempotency-Key} is still being worked on; retry once it has finished
     * to get its answer.
     */
    IDEMPOTENCY_IN_PROGRESS("A request with this idempotency key is in progress", 409),
    /**
     * The row is created (and changed, and never deleted) by a table map only, so callers may read it but not create,
     * replace or delete it (DESIGN §1: only table maps cross; §11 item 16). Answered with the {@code Allow} header of
     * what callers may do there; the detail names the map and where to correct the row instead.
     */
    TABLE_MAP_ONLY("Only a table map creates these rows", 405),
    /**
     * The request met other requests changing the same rows at the same moment (a deadlock the database broke, or a
     * lock it waited for too long) and was rolled back: nothing of it was written. Answered 503 with
     * {@code Retry-After}; the same request sent again succeeds once the others are done (issue 14, finding 2).
     */
    CONTENTION("Busy with concurrent changes to the same rows: retry", 503),
    /**
     * The request body is larger than the limit of its media type, or a list or text in it is longer than the API
     * takes ({@link dev.tandem.server.api.RequestLimits}; docs/api.md "Limits"). Nothing was read or written.
     */
    REQUEST_TOO_LARGE("Request too large", 413),
    /**
     * A rule of the database refused a write that the API's own validation let through (a reference to a row that
     * doesn't exist, a value out of the column's range). Nothing was written; the detail says no more, the database's
     * message goes to the server log. The API validates before the database, so this answer is a defect to report.
     */
    REFUSED_BY_DATABASE("Refused by a rule of the database", 422),
    /**
     * The request carries no credentials, or wrong ones (unknown user, wrong password, an unknown, expired or revoked
     * token, a disabled user): sign in (HTTP Basic or {@code Authorization: Bearer} with a personal API token;
     * docs/security.md).
     */
    SIGN_IN_REQUIRED("Sign-in required", 401),
    /**
     * Sign-in is locked after too many failed attempts in a row, for the user or for the client address; the
     * detail says until when. The right password does not open it before then.
     */
    SIGN_IN_LOCKED("Sign-in locked", 401),
    /** The signed-in user lacks the permission the operation needs; the member {@code permission} names it. */
    PERMISSION_REFUSED("Permission refused", 403),
    /**
     * The request's {@code Host} header names a host the server does not answer for (DNS rebinding), or the request
     * is otherwise refused by the firewall before any work; nothing was read or written.
     */
    REQUEST_REFUSED("Request refused", 400),
    /** An unexpected failure; the cause is in the server log only. */
    INTERNAL("Internal error", 500);

    private final String title;
    private final int httpStatus;

    ServerError(String title, int httpStatus) {
        this.title = title;
        this.httpStatus = httpStatus;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
