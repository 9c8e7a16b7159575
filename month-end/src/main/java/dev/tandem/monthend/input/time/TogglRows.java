package dev.tandem.monthend.input.time;

import dev.tandem.monthend.input.CsvFile;
import dev.tandem.monthend.input.InputProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Rows of a Toggl Track "Detailed" export (docs/input-format.md, "Toggl Track"): {@code Start date} YYYY-MM-DD,
 * {@code Start time} HH:MM:SS (24 h), the person by {@code Email} or {@code User}, the project by {@code Project},
 * the quantity from {@code Duration} {@code H:MM:SS} (at most 24 hours; seconds / 3600 rounded half-up to 6
 * decimals), the description from {@code Description} and billable from {@code Billable}.
 */
final class TogglRows extends UserExportRows {

    static final String START_DATE = "Start date";
    static final String START_TIME = "Start time";
    static final String DURATION = "Duration";

    /** A single Toggl entry cannot be longer than a day; a longer one is a broken export or a forgotten timer. */
    private static final int MAX_HOURS = 24;

    TogglRows(Lookups lookups) {
        super(lookups, START_TIME, false);
    }

    @Override
    LocalDate date(CsvFile.Row row, List<InputProblem> problems) {
        return Values.isoDate(row.cell(START_DATE), problems);
    }

    @Override
    BigDecimal hours(CsvFile.Row row, List<InputProblem> problems) {
        return Values.duration(row.cell(DURATION), MAX_HOURS, problems);
    }
}
