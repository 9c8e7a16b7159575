package dev.tandem.monthend.input.time;

import dev.tandem.monthend.input.InputProblem;
import dev.tandem.monthend.input.Source;

/**
 * One value of an export row: the row's {@code source}, the column's {@code name} as this reader knows it, the 1-based {@code column} of the field in the file (0 when
 * the file has no such column) and the {@code value} as read (surrounding spaces removed; empty when absent).
 */
record Cell(Source source, String name, int column, String value) {

    /** Whether the file has this column at all. */
    boolean present() {
        return column > 0;
    }

    boolean isEmpty() {
        return value.isEmpty();
    }

    /** The value, or null when it is empty (an optional value left blank). */
    String valueOrNull() {
        return isEmpty() ? null : value;
    }

    /** A problem about this value; the value is named in the problem (null when it is empty). */
    InputProblem problem(String rule, String message) {
        return source.problem(Math.max(column, 1), rule, isEmpty() ? null : value, message);
    }

    /** A REQUIRED problem for this empty value. */
    InputProblem required() {
        return problem("REQUIRED", name + " is empty; every row needs it");
    }
}
