package dev.tandem.monthend.input;

import java.util.Comparator;

/**
 * One problem found in an input folder: where it is ({@code file} relative to the folder, 1-based {@code line} and
 * {@code column}), the rule it breaks (one of docs/input-format.md's rules, e.g. {@code DATE_FORMAT}), the value as
 * read ({@code null} when the value is missing) and a message for the user.
 *
 * <p>For CSV files the line is the physical line where the record starts (the header is line 1) and the column is
 * the field's position; for YAML both are those of the value's node.
 */
public record InputProblem(String file, int line, int column, String rule, String value, String message)
        implements Comparable<InputProblem> {

    private static final Comparator<InputProblem> ORDER = Comparator.comparing(InputProblem::file)
            .thenComparingInt(InputProblem::line).thenComparingInt(InputProblem::column)
            .thenComparing(InputProblem::rule);

    /** {@code file:line:column: RULE: message}, the form the terminal shows. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + rule + ": " + message;
    }

    @Override
    public int compareTo(InputProblem other) {
        return ORDER.compare(this, other);
    }
}
