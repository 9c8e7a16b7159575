package dev.tandem.server.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An ISO 4217 currency code: three capital letters ({@code EUR}, {@code USD}); {@code null} is left to
 * {@code @NotNull}/{@code @NotBlank}. Anything else is 400 {@code INVALID_INPUT} naming the field, before the
 * database sees it (issue 14, finding 7: a 4-letter currency reached a 3-character column).
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = "[A-Z]{3}")
@ReportAsSingleViolation
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface CurrencyCode {

    String message() default "must be an ISO 4217 currency code of three capital letters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
