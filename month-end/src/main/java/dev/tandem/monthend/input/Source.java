package dev.tandem.monthend.input;

/** Where a row came from: {@code file} relative to the input folder and the 1-based line where it starts. */
public record Source(String file, int line) {

    /** A problem at {@code column} of this row. */
    public InputProblem problem(int column, String rule, String value, String message) {
        return new InputProblem(file, line, column, rule, value, message);
    }
}
