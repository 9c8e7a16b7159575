package dev.tandem.dualwrite.runtime;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

/** Compares values that may come in column types or as JSON text: 100.000000 equals 100, a UUID its text. */
final class Values {

    private Values() {
    }

    /** Whether every field of {@code values} has an equal value in {@code row}. */
    static boolean sameFields(Map<String, Object> row, Map<String, Object> values) {
        if (row == null) {
            return false;
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!same(row.get(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number || b instanceof Number) {
            try {
                return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (a instanceof OffsetDateTime || b instanceof OffsetDateTime) {
            try {
                return OffsetDateTime.parse(a.toString()).isEqual(OffsetDateTime.parse(b.toString()));
            } catch (RuntimeException e) {
                return false;
            }
        }
        return Objects.equals(a.toString(), b.toString());
    }
}
