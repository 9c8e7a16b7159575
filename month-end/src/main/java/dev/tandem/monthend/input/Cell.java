package dev.tandem.monthend.input;

import dev.tandem.common.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One value of an input file as written, with where it is: a CSV field or a YAML scalar. Its typed readers parse
 * the value by the rules of docs/input-format.md and add a problem at the value's place when it breaks one; they
 * then return null (so a caller reads every value of a row and reports every problem, never only the first).
 *
 * <p>An empty value (absent, blank or YAML null) reads as null; with {@code required} it is a {@code REQUIRED}
 * problem. A cell whose problem was already reported (e.g. a YAML list where a value belongs) reads as null
 * without a further problem.
 */
public final class Cell {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("-?\\d+");

    private final String file;
    private final int line;
    private final int column;
    private final String name;
    private final String raw;
    private final boolean reported;
    private final List<InputProblem> problems;

    private Cell(String file, int line, int column, String name, String raw, boolean reported,
                 List<InputProblem> problems) {
        this.file = file;
        this.line = line;
        this.column = column;
        this.name = name;
        this.raw = raw;
        this.reported = reported;
        this.problems = problems;
    }

    /**
     * A value at 1-based {@code line} and {@code column} of {@code file}.
     *
     * @param name the column or key, as messages name it
     * @param raw  the value as written, null when absent
     */
    public static Cell of(String file, int line, int column, String name, String raw, List<InputProblem> problems) {
        return new Cell(file, line, column, name, raw, false, problems);
    }

    /** A value that is not readable and whose problem was already added: every reader returns null silently. */
    public static Cell reported(String file, int line, int column, String name, List<InputProblem> problems) {
        return new Cell(file, line, column, name, null, true, problems);
    }

    public String name() {
        return name;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The value trimmed, or null when empty. */
    public String text() {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return raw.strip();
    }

    public boolean isEmpty() {
        return text() == null;
    }

    /**
     * The value exactly as the reader gave it (a CSV reader of {@link CsvFile.Shape#EXPORT} has dropped surrounding
     * spaces outside quotes), empty when absent. Source keys hash this form (docs/input-format.md, "Identity of
     * rows"), so that a row's key never depends on a later change of how values are tidied.
     */
    public String asWritten() {
        return raw == null ? "" : raw;
    }

    /** {@link #asWritten()}, or null when the value is empty. */
    public String asWrittenOrNull() {
        return raw == null || raw.isEmpty() ? null : raw;
    }

    /** The trimmed text; {@code REQUIRED} when empty. */
    public String required() {
        String text = text();
        if (text == null && !reported) {
            problem("REQUIRED", null, name + " is required");
        }
        return text;
    }

    /** Adds a problem at this value; {@code value} is the text as read (null when missing). */
    public void problem(String rule, String value, String message) {
        problems.add(new InputProblem(file, line, column, rule, value, message));
    }

    /** Adds a problem about this value, quoting it. */
    public void problem(String rule, String message) {
        problem(rule, text(), message);
    }

    /** A real date in the form {@code YYYY-MM-DD}; otherwise {@code DATE_FORMAT}. */
    public LocalDate date(boolean required) {
        String text = value(required);
        if (text == null) {
            return null;
        }
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text, ISO_DATE);
            } catch (DateTimeParseException e) {
                // falls through to the problem: the form is right but the day doesn't exist (2025-02-30)
            }
        }
        problem("DATE_FORMAT", quoted() + " is not a date in the form YYYY-MM-DD");
        return null;
    }

    /**
     * A plain decimal with a {@code .} (no thousands separators, no exponent) of at most {@code maxDecimals} written
     * decimals ({@code NUMBER_FORMAT}), and not below zero unless {@code negativeAllowed} ({@code NEGATIVE}).
     */
    public BigDecimal decimal(boolean required, int maxDecimals, boolean negativeAllowed) {
        String text = value(required);
        if (text == null) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            problem("NUMBER_FORMAT", quoted() + " is not a number: digits with an optional '.' and decimals");
            return null;
        }
        BigDecimal number = new BigDecimal(text);
        int dot = text.indexOf('.');
        int decimals = dot < 0 ? 0 : text.length() - dot - 1;
        if (decimals > maxDecimals) {
            problem("NUMBER_FORMAT", quoted() + " has " + decimals + " decimals; " + name + " allows at most "
                    + maxDecimals);
            return null;
        }
        if (number.signum() < 0 && !negativeAllowed) {
            problem("NEGATIVE", name + " must not be below zero, not " + text);
            return null;
        }
        return number;
    }

    /**
     * An amount in {@code currency}: a decimal of at most the currency's minor units, 0 or more. With an unknown or
     * missing currency it may have up to 6 decimals (the currency's own problem is reported where it is written).
     */
    public BigDecimal amount(boolean required, String currency) {
        return decimal(required, minorUnits(currency), false);
    }

    /** A whole number, 0 or more ({@code NUMBER_FORMAT}, {@code NEGATIVE}). */
    public Integer wholeNumber(boolean required) {
        String text = value(required);
        if (text == null) {
            return null;
        }
        if (!WHOLE.matcher(text).matches() || text.length() > 9) {
            problem("NUMBER_FORMAT", quoted() + " is not a whole number");
            return null;
        }
        int number = Integer.parseInt(text);
        if (number < 0) {
            problem("NEGATIVE", name + " must not be below zero, not " + text);
            return null;
        }
        return number;
    }

    /** An ISO 4217 currency code as {@link Currency} knows it, e.g. {@code EUR} ({@code CURRENCY}). */
    public String currency(boolean required) {
        String text = value(required);
        if (text == null) {
            return null;
        }
        try {
            return Currency.getInstance(text).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            problem("CURRENCY", quoted() + " is not an ISO 4217 currency code");
            return null;
        }
    }

    /**
     * One of {@code allowed}, compared without regard to case; returns the allowed spelling. Otherwise
     * {@code INVALID} naming the allowed values.
     */
    public String oneOf(boolean required, String... allowed) {
        String text = value(required);
        if (text == null) {
            return null;
        }
        for (String value : allowed) {
            if (value.equalsIgnoreCase(text)) {
                return value;
            }
        }
        problem("INVALID", quoted() + " is not a valid " + name + "; expected one of " + String.join(", ", allowed));
        return null;
    }

    /** The minor units of {@code currency}, or 6 when it is not a currency (reported elsewhere). */
    static int minorUnits(String currency) {
        if (currency == null) {
            return 6;
        }
        try {
            return Money.minorUnits(currency);
        } catch (IllegalArgumentException e) {
            return 6;
        }
    }

    private String value(boolean required) {
        return required ? required() : text();
    }

    private String quoted() {
        return "\"" + text() + "\"";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s:%d:%d %s=%s", file, line, column, name, raw);
    }
}
