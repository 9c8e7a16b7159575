package dev.tandem.server.api;

import java.lang.reflect.Type;
import java.util.Collection;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Checks every JSON request body once it is read, before any controller sees it:
 * <ul>
 *   <li>a body that is a JSON list may not hold {@code null}: 400 {@code INVALID_INPUT} naming the element
 *       ({@code [0]}). Lists inside a body are held to the same rule by the JSON reader
 *       ({@link StrictJsonConfiguration}); this covers the list that is the whole body, which the reader's per-type
 *       settings don't reach;</li>
 *   <li>no list or map in the body, at any depth, holds more than {@link RequestLimits#MAX_LIST} elements: 413
 *       {@code REQUEST_TOO_LARGE} naming the member ({@code body}, {@code ids}, {@code values[0].taxCodes}).</li>
 * </ul>
 */
@ControllerAdvice
public class RequestBodyChecks extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
            Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        if (body instanceof Collection<?> elements) {
            int index = 0;
            for (Object element : elements) {
                if (element == null) {
                    throw new InputError("[" + index + "]", "must not be null").refusal();
                }
                index++;
            }
        }
        checkSizes(body, InputError.BODY, 0);
        return body;
    }

    /** Walks lists, maps and records of the body; a record's members are named as the client wrote them. */
    private static void checkSizes(Object value, String path, int depth) {
        if (value == null || depth > RequestLimits.MAX_NESTING) {
            return;
        }
        if (value instanceof Collection<?> elements) {
            tooMany(elements.size(), path);
            int index = 0;
            for (Object element : elements) {
                checkSizes(element, path + "[" + index++ + "]", depth + 1);
            }
        } else if (value instanceof java.util.Map<?, ?> map) {
            tooMany(map.size(), path);
            for (var entry : map.entrySet()) {
                checkSizes(entry.getValue(), path + "." + entry.getKey(), depth + 1);
            }
        } else if (value instanceof Record record) {
            for (java.lang.reflect.RecordComponent component : record.getClass().getRecordComponents()) {
                Class<?> type = component.getType();
                if (Collection.class.isAssignableFrom(type) || java.util.Map.class.isAssignableFrom(type)
                        || type.isRecord() || type == Object.class) {
                    Object member;
                    try {
                        java.lang.reflect.Method accessor = component.getAccessor();
                        accessor.setAccessible(true);
                        member = accessor.invoke(record);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        continue; // not readable: nothing to check
                    }
                    checkSizes(member, path.equals(InputError.BODY) ? component.getName()
                            : path + "." + component.getName(), depth + 1);
                }
            }
        }
    }

    private static void tooMany(int size, String path) {
        if (size > RequestLimits.MAX_LIST) {
            throw new ListTooLongException(path, size);
        }
    }

    /** A list or map of the body holds more than {@link RequestLimits#MAX_LIST} elements. */
    public static final class ListTooLongException extends RuntimeException {

        private final String field;

        ListTooLongException(String field, int size) {
            super(field + " holds " + size + " elements, more than " + RequestLimits.MAX_LIST);
            this.field = field;
        }

        /** The member, as the client wrote it ({@code ids}, {@code body}). */
        public String field() {
            return field;
        }
    }
}
