package dev.tandem.server.api;

import dev.tandem.common.Page;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads a {@link PageRequest} from the request parameters {@code page} and {@code size}. A size above
 * {@link Page#MAX_SIZE} is capped, not refused; a negative page, a size below 1 or a value that is not a whole
 * number is refused with {@code INVALID_INPUT} naming the parameter.
 */
final class PageRequestArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageRequest.class;
    }

    @Override
    public PageRequest resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        int page = parse(request, "page", 0, 0);
        int size = parse(request, "size", PageRequest.DEFAULT_SIZE, 1);
        return new PageRequest(page, Math.min(size, Page.MAX_SIZE));
    }

    private static int parse(NativeWebRequest request, String name, int defaultValue, int minimum) {
        String text = request.getParameter(name);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= minimum) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, like a value under the minimum
        }
        throw new InputError(name, "must be a whole number of at least " + minimum + ", was '" + text + "'").refusal();
    }
}
