package dev.tandem.common;

/**
 * A stable, documented error code. Each module has one enum implementing this interface; the REST API renders
 * it as the {@code code} member of an RFC 9457 problem document and the CLI prints it, so clients can rely on it
 * across releases.
 */
public interface ErrorCode {

    /** Stable machine-readable code, e.g. {@code PRICE_NOT_FOUND}. */
    String code();

    /** Short human title of the rule that was broken. */
    String title();

    /**
     * HTTP status the API answers with: 400 bad input, 404 unknown row, 405 a method callers may never use on the
     * resource, 409 refused by state, 422 rule broken.
     */
    int httpStatus();
}
