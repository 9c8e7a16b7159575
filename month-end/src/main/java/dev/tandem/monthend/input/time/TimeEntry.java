package dev.tandem.monthend.input.time;

import dev.tandem.monthend.input.RunInput.WorkKind;
import dev.tandem.monthend.input.RunInput.WorkRow;
import dev.tandem.monthend.input.Source;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One tracker row read without problems, before it gets its source key: the fields as written that identify it
 * ({@code startTime} normalized {@code HH:MM:SS} or null when the format has none, {@code email}, {@code task} and
 * {@code description} null when absent), the {@code hours} (0 or more, at most 6 decimals) and the resolved
 * {@code project} number and {@code resource} name.
 */
record TimeEntry(Source source, LocalDate date, String startTime, String resourceAsWritten, String email,
                 String projectAsWritten, String task, String description, BigDecimal hours, boolean billable,
                 String project, String resource) {

    /**
     * The identifying fields in the order the source key hashes them (docs/input-format.md, "Time-tracker exports"): date (ISO),
     * start time, resource as written, e-mail, project as written, task, description, quantity (plain, no trailing
     * zeros), billable. Status columns (invoiced, approved, amounts, rates, tags) are deliberately absent so that a
     * re-export after a status change keeps the key.
     */
    List<String> keyFields() {
        return Arrays.asList(date.toString(), orEmpty(startTime), resourceAsWritten, orEmpty(email),
                projectAsWritten, orEmpty(task), orEmpty(description),
                hours.stripTrailingZeros().toPlainString(), Boolean.toString(billable));
    }

    /** The input model's row: kind TIME, quantity in hours, no category, unit price or currency. */
    WorkRow toWorkRow(TrackerFormat format, String sourceKey) {
        return new WorkRow(source, format.key(), sourceKey, WorkKind.TIME, project, resource, null, date, hours,
                null, null, description, billable);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
