package dev.tandem.monthend.input;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The keys one file defines (customer numbers, project names, …), matched trimmed and case-insensitive as
 * {@link References} says, so two keys that differ only in case are duplicates. A set is <em>complete</em> when its
 * file was read with all its columns: only then is a reference to a key that is not in it a problem (a missing
 * {@code customers.csv} is one problem, not one per project).
 */
final class KeySet {

    private final Map<String, String> keys = new LinkedHashMap<>();
    private boolean complete;

    /**
     * Defines the key in {@code cell}, which is required ({@code REQUIRED} when empty); a key already there is
     * {@code DUPLICATE} at the cell, naming {@code what}.
     *
     * @return the cell's text
     */
    String define(Cell cell, String what) {
        return define(cell, what, cell.text());
    }

    /**
     * Defines the required key in {@code cell} as standing for {@code value} (e.g. a project name for its number):
     * {@link #find} and {@link #resolve} give the value.
     *
     * @return the cell's text
     */
    String define(Cell cell, String what, String value) {
        cell.required();
        return defineIfGiven(cell, what, value);
    }

    /** Like {@link #define(Cell, String, String)} for an optional key: an empty cell defines nothing. */
    String defineIfGiven(Cell cell, String what, String value) {
        String key = cell.text();
        if (key != null && keys.putIfAbsent(normal(key), value == null ? key : value) != null) {
            cell.problem("DUPLICATE", what + " \"" + key + "\" is defined twice");
        }
        return key;
    }

    /**
     * Adds {@code key} unless there, without a problem (roles are defined by every resource that has them).
     *
     * @return whether it was not there yet
     */
    boolean add(String key) {
        return key != null && keys.putIfAbsent(normal(key), key) == null;
    }

    void markComplete() {
        complete = true;
    }

    boolean complete() {
        return complete;
    }

    /** The value of {@code key} in any case: the key as defined, unless defined for another value. */
    Optional<String> find(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(keys.get(normal(key)));
    }

    /**
     * The key {@code cell} refers to, as defined. When it is not defined and this set is complete, adds a problem
     * {@code rule} with {@code message}.
     *
     * @return the defined key's value, or the cell's text when it is unknown (null when empty)
     */
    String resolve(Cell cell, String rule, String message) {
        String text = cell.text();
        if (text == null) {
            return null;
        }
        Optional<String> found = find(text);
        if (found.isEmpty() && complete) {
            cell.problem(rule, "\"" + text + "\" " + message);
        }
        return found.orElse(text);
    }

    private static String normal(String key) {
        return key.strip().toLowerCase(Locale.ROOT);
    }
}
