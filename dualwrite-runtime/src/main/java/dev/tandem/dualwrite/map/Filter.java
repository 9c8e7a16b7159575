package dev.tandem.dualwrite.map;

import java.util.Map;
import java.util.Set;

/**
 * A source filter in the OData subset dual-write uses for Dataverse (dual-write §3.4): comparisons
 * {@code eq ne gt ge lt le} of a field with a literal ({@code 'text'}, numbers, {@code true}, {@code false},
 * {@code null}), combined with {@code and}, {@code or}, {@code not} and parentheses. Only fields of the entity
 * itself, no lookups (S6). Parsed once by {@link TableMapLoader}.
 */
public interface Filter {

    /** Whether the row passes. Values are compared by their text for strings and ids, numerically for numbers. */
    boolean test(Map<String, Object> row);

    /** Fields the filter reads, for validation. */
    Set<String> fields();

    /** The filter as written. */
    String text();
}
