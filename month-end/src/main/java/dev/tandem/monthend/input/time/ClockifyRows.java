package dev.tandem.monthend.input.time;

import dev.tandem.monthend.input.CsvFile;
import dev.tandem.monthend.input.Cell;
import dev.tandem.monthend.input.InputProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Rows of a Clockify "Detailed report" export (docs/input-format.md, "Clockify"): {@code Start Date} in the file's
 * date order ({@link ClockifyDates}), {@code Start Time} HH:MM:SS or hh:mm:ss AM/PM, the person by {@code Email} or
 * {@code User}, the project by {@code Project}, the quantity from {@code Duration (h)} {@code H:MM:SS} when the file
 * has it and the row fills it, else from {@code Duration (decimal)}, the description from {@code Description} and
 * billable from {@code Billable}.
 */
final class ClockifyRows extends UserExportRows {

    static final String START_DATE = "Start Date";
    static final String START_TIME = "Start Time";
    static final String DURATION_HMS = "Duration (h)";
    static final String DURATION_DECIMAL = "Duration (decimal)";

    private final ClockifyDates dates;

    private ClockifyRows(Lookups lookups, ClockifyDates dates) {
        super(lookups, START_TIME, true);
        this.dates = dates;
    }

    /**
     * The reader of one file, its date order declared by {@code clockifyDateFormat} or, when that is null, decided by
     * the file's {@code rows}.
     */
    static ClockifyRows forFile(Lookups lookups, String clockifyDateFormat, List<CsvFile.Row> rows) {
        List<Cell> startDates = rows.stream().map(row -> row.cell(START_DATE)).toList();
        return new ClockifyRows(lookups, ClockifyDates.of(clockifyDateFormat, startDates));
    }

    @Override
    LocalDate date(CsvFile.Row row, List<InputProblem> problems) {
        return dates.read(row.cell(START_DATE), problems);
    }

    @Override
    BigDecimal hours(CsvFile.Row row, List<InputProblem> problems) {
        Cell duration = row.cell(DURATION_HMS);
        return duration.isEmpty()
                ? Values.decimalHours(row.cell(DURATION_DECIMAL), problems)
                : Values.duration(duration, null, problems);
    }
}
