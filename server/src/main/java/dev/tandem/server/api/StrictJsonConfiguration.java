package dev.tandem.server.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Set;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Strict reading of JSON request bodies (issue 14, finding 7; docs/api.md "Conventions"): the server's one
 * {@code JsonMapper}, which Spring MVC reads and writes the API's bodies with, refuses with 400
 * {@code INVALID_INPUT} naming the member
 * <ul>
 *   <li>a member the request record does not have, and a member given twice;</li>
 *   <li>a value of the wrong JSON type: a number or boolean where text belongs, text or a boolean where a whole
 *       number or a boolean belongs, a fraction where a whole number belongs, a number for an option value, a
 *       {@code null} for a required primitive;</li>
 *   <li>a {@code null} element of a list;</li>
 *   <li>a date that is not {@code YYYY-MM-DD} ({@link CalendarDate}): a number (read as epoch days by default), a
 *       date-time (truncated to its date by default), a date that doesn't exist or lies outside 1900-01-01 to
 *       9999-12-31;</li>
 *   <li>text with a control character ({@link TextWithoutControlCharacters});</li>
 *   <li>strings over {@value RequestLimits#MAX_TEXT} characters, numbers over 100 digits and nesting deeper than
 *       {@value RequestLimits#MAX_NESTING} ({@link RequestLimits}).</li>
 * </ul>
 * Decimals (amounts, prices, rates) stay readable from a JSON string as well as a JSON number, since the API writes
 * them as strings ({@link Decimals}) and a client sends back what it read.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJsonMapper() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .defaultLeniency(false)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.DateTime, date -> date
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                // No request list holds a null element ([null] is refused naming the list).
                .withConfigOverride(List.class, list -> list.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
                .withConfigOverride(Set.class, set -> set.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
                .withCoercionConfig(BigDecimal.class, decimal -> decimal
                        .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
                .addModule(new SimpleModule("tandem-strict-values")
                        .addDeserializer(String.class, new TextWithoutControlCharacters())
                        .addDeserializer(LocalDate.class, new CalendarDate()));
    }

    /** Earliest date a request may carry. */
    static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    /** Latest date a request may carry. */
    static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    /**
     * JSON text without control characters (U+0000–U+001F and U+007F, except tab, line feed and carriage return,
     * which descriptions may hold): keys, names and descriptions are shown, exported and used as file names.
     */
    static final class TextWithoutControlCharacters extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text != null) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                        return (String) context.handleWeirdStringValue(String.class, text,
                                "must not contain control characters (U+%04X at %d)", (int) c, i);
                    }
                }
            }
            return text;
        }
    }

    /**
     * A calendar date: a JSON string {@code YYYY-MM-DD} that exists, from {@link #FIRST_DATE} to {@link #LAST_DATE};
     * a number, a date-time or anything else is refused.
     */
    static final class CalendarDate extends StdScalarDeserializer<LocalDate> {

        CalendarDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getString();
            LocalDate date;
            try {
                date = LocalDate.parse(text, DATE);
            } catch (DateTimeParseException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                        "must be a date YYYY-MM-DD");
            }
            if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                        "must be from %s to %s", FIRST_DATE, LAST_DATE);
            }
            return date;
        }
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    @Bean
    JsonFactoryBuilderCustomizer jsonReadLimits() {
        return builder -> builder.streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(RequestLimits.MAX_TEXT)
                .maxNestingDepth(RequestLimits.MAX_NESTING)
                .maxNumberLength(100)
                .build());
    }
}
