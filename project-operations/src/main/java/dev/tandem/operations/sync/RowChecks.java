package dev.tandem.operations.sync;

import static dev.tandem.operations.OperationsError.INVALID_INPUT;

import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import java.util.Map;

/**
 * Checks of field values that several of Project Operations' inbound rules share (required fields, currency codes),
 * worded the same way everywhere: {@code INVALID_INPUT} naming the row, the field and the rule.
 */
final class RowChecks {

    private RowChecks() {
    }

    /** Refuses a missing, {@code null} or blank value of a required field. */
    static void required(Map<String, Object> row, String field, String rowName) {
        Object value = row.get(field);
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new TandemException(INVALID_INPUT, rowName + ": " + field + " is required",
                    Map.of("row", rowName, "field", field));
        }
    }

    /** Refuses a field that is in the row with a {@code null} or blank value (a field left out is fine). */
    static void notCleared(Map<String, Object> row, String field, String rowName) {
        if (row.containsKey(field)) {
            required(row, field, rowName);
        }
    }

    /** Refuses a currency code that is not ISO 4217; {@code null} passes (required() checks presence). */
    static void currency(Map<String, Object> row, String field, String rowName) {
        Object code = row.get(field);
        if (code == null) {
            return;
        }
        try {
            Money.minorUnits(code.toString());
        } catch (IllegalArgumentException e) {
            throw new TandemException(INVALID_INPUT, rowName + ": " + field + " '" + code
                    + "' is not a currency (ISO 4217 code expected)", Map.of("row", rowName, "field", field));
        }
    }
}
