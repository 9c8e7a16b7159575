package dev.tandem.server.api;

import dev.tandem.common.TandemException;
import dev.tandem.server.ServerError;
import java.util.List;
import java.util.Map;

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

    /**
     * The refusal of a request because of this one field, for checks a controller makes itself (e.g. a date range
     * that ends before it starts): 400 {@code INVALID_INPUT} with the members {@code field} and {@code errors}, the
     * same shape as {@link ProblemResponses#invalidInput}.
     */
    public TandemException refusal() {
        return new TandemException(ServerError.INVALID_INPUT, toString(), Map.of("field", field, "errors", List.of(this)));
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
