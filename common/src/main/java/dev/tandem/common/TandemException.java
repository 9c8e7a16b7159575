package dev.tandem.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused action or bad input, carrying a stable {@link ErrorCode}, a sentence that names the row and the rule,
 * and structured properties (ids, limits, amounts) that the API exposes next to the message.
 *
 * <p>Thrown inside a transaction, it rolls the whole transaction back, so nothing is half-written.
 */
public class TandemException extends RuntimeException {

    private final ErrorCode errorCode;
    private final Map<String, Object> properties;

    public TandemException(ErrorCode errorCode, String detail) {
        this(errorCode, detail, Map.of());
    }

    public TandemException(ErrorCode errorCode, String detail, Map<String, ?> properties) {
        super(detail);
        this.errorCode = errorCode;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The sentence a user reads: names the row and the rule. */
    public String detail() {
        return getMessage();
    }

    /** Structured details (e.g. {@code limit}, {@code committed}, {@code requested}); never {@code null}. */
    public Map<String, Object> properties() {
        return properties;
    }
}
