package dev.tandem.server.api;

import dev.tandem.common.ErrorCode;
import dev.tandem.common.TandemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;

/**
 * A refusal of the request's method on a resource that exists, whatever the body or the state of the row: the
 * answer carries the {@code Allow} header with the methods a caller may use there (RFC 9110 §15.5.6), next to the
 * problem of {@link #errorCode()}. Thrown before anything is read or written.
 */
public class MethodRefusedException extends TandemException {

    private final List<HttpMethod> allow;

    public MethodRefusedException(ErrorCode errorCode, String detail, Map<String, ?> properties,
            List<HttpMethod> allow) {
        super(errorCode, detail, properties);
        this.allow = List.copyOf(allow);
    }

    /** The methods callers may use on the resource; empty when none (the resource is written by a table map only). */
    public List<HttpMethod> allow() {
        return allow;
    }
}
