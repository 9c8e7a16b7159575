package dev.tandem.server.api;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Turns Spring's and Jackson's input exceptions into {@link InputError}s that name the field. Messages are
 * written for the API client: no Java type names, no parser internals.
 */
final class InputErrors {

    static final String WRONG_TYPE = "has the wrong type or format";

    private InputErrors() {
    }

    /** The fields an input exception is about; empty when it names none. */
    static List<InputError> of(Exception exception) {
        return switch (exception) {
            case BindingResult binding -> ofBinding(binding);
            case HandlerMethodValidationException validation -> ofMethodValidation(validation);
            case ConstraintViolationException violations -> violations.getConstraintViolations().stream()
                    .map(v -> new InputError(v.getPropertyPath().toString(), v.getMessage())).toList();
            case HttpMessageNotReadableException unreadable -> List.of(ofUnreadableBody(unreadable));
            case MethodArgumentTypeMismatchException mismatch ->
                    List.of(new InputError(mismatch.getName(), WRONG_TYPE));
            case TypeMismatchException mismatch when mismatch.getPropertyName() != null ->
                    List.of(new InputError(mismatch.getPropertyName(), WRONG_TYPE));
            case MissingServletRequestParameterException missing ->
                    List.of(new InputError(missing.getParameterName(), "is required"));
            default -> List.of();
        };
    }

    private static List<InputError> ofBinding(Errors binding) {
        return ofBinding(binding, "");
    }

    /** The binding's errors, each field prefixed with {@code prefix} (the element of a list, e.g. {@code [1].}). */
    private static List<InputError> ofBinding(Errors binding, String prefix) {
        List<InputError> errors = new ArrayList<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.add(new InputError(prefix + error.getField(),
                    error.isBindingFailure() ? WRONG_TYPE : String.valueOf(error.getDefaultMessage())));
        }
        binding.getGlobalErrors().forEach(error ->
                errors.add(new InputError(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
        return errors;
    }

    private static List<InputError> ofMethodValidation(HandlerMethodValidationException validation) {
        List<InputError> errors = new ArrayList<>();
        for (ParameterValidationResult result : validation.getParameterValidationResults()) {
            if (result instanceof ParameterErrors parameterErrors) {
                errors.addAll(ofBinding(parameterErrors, elementPrefix(parameterErrors)));
                continue;
            }
            String parameter = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(new InputError(parameter, String.valueOf(error.getDefaultMessage())));
            }
        }
        return errors;
    }

    /**
     * Where an element of a validated list or map parameter sits, named the way Jackson names JSON paths: a request
     * body that is a JSON array gives {@code [1].}, another parameter {@code ids[1].}; a single object gives nothing.
     */
    private static String elementPrefix(ParameterErrors errors) {
        Object position = errors.getContainerIndex() != null ? errors.getContainerIndex() : errors.getContainerKey();
        if (position == null) {
            return "";
        }
        MethodParameter parameter = errors.getMethodParameter();
        String owner = parameter.hasParameterAnnotation(RequestBody.class) ? "" : parameter.getParameterName();
        return owner + "[" + position + "].";
    }

    /** Jackson's message for a member given twice ({@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}). */
    private static final java.util.regex.Pattern DUPLICATE =
            java.util.regex.Pattern.compile("^Duplicate (?:Object )?(?:property|field) \"([^\"]{1,200})\"");

    /** Names the JSON path Jackson was reading when it failed, or the body when the JSON itself is broken. */
    private static InputError ofUnreadableBody(HttpMessageNotReadableException unreadable) {
        Throwable cause = unreadable.getCause();
        if (cause instanceof JacksonException jackson && !(cause instanceof StreamReadException)
                && !jackson.getPath().isEmpty()) {
            return new InputError(path(jackson.getPath()), WRONG_TYPE);
        }
        if (cause instanceof StreamReadException read && read.getOriginalMessage() != null) {
            java.util.regex.Matcher duplicate = DUPLICATE.matcher(read.getOriginalMessage());
            if (duplicate.find()) {
                return new InputError(duplicate.group(1), "is given more than once");
            }
        }
        if (cause instanceof JacksonException) {
            return new InputError(InputError.BODY, "is not well-formed JSON");
        }
        return new InputError(InputError.BODY, "is missing or unreadable");
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? InputError.BODY : path.toString();
    }
}
