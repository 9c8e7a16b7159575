package dev.tandem.server.api;

/**
 * One reason a request was refused as invalid input.
 *
 * @param field   the field, request parameter or JSON path the reason is about ({@code amount},
 *                {@code lines[0].quantity}, {@code page}); {@code body} when the request body as a whole is unreadable
 * @param message what is wrong with it, e.g. {@code must not be blank}
 */
public record InputError(String field, String message) {

    /** The field name for problems with the request body as a whole, such as JSON that is not well-formed. */
    public static final String BODY = "body";

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
