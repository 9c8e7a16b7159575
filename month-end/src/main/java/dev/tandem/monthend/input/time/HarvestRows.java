package dev.tandem.monthend.input.time;

import dev.tandem.monthend.input.CsvFile;
import dev.tandem.monthend.input.Cell;
import dev.tandem.monthend.input.InputProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Rows of a Harvest "Detailed time" export (docs/input-format.md, "Harvest"): {@code Date} YYYY-MM-DD, the project
 * by {@code Project Code} when it is not empty and else by {@code Project}, the person by {@code First Name} and
 * {@code Last Name} (no e-mail), the quantity from {@code Hours} (not {@code Hours Rounded}), the description from
 * {@code Notes} and billable from {@code Billable?}. Harvest has no start time.
 */
final class HarvestRows implements RowReader {

    static final String DATE = "Date";
    static final String PROJECT = "Project";
    static final String PROJECT_CODE = "Project Code";
    static final String TASK = "Task";
    static final String NOTES = "Notes";
    static final String HOURS = "Hours";
    static final String BILLABLE = "Billable?";
    static final String FIRST_NAME = "First Name";
    static final String LAST_NAME = "Last Name";

    private final Lookups lookups;

    HarvestRows(Lookups lookups) {
        this.lookups = lookups;
    }

    @Override
    public Optional<TimeEntry> read(CsvFile.Row row, List<InputProblem> problems) {
        int before = problems.size();
        LocalDate date = Values.isoDate(row.cell(DATE), problems);
        Cell code = row.cell(PROJECT_CODE);
        Cell projectCell = code.isEmpty() ? row.cell(PROJECT) : code;
        String project = lookups.project(projectCell, problems);
        Cell firstName = row.cell(FIRST_NAME);
        String name = (firstName.asWritten() + " " + row.cell(LAST_NAME).asWritten()).strip();
        String resource = Values.required(firstName, problems) == null ? null
                : lookups.resource(firstName, name, null, problems);
        BigDecimal hours = Values.decimalHours(row.cell(HOURS), problems);
        Boolean billable = Values.yesNo(row.cell(BILLABLE), problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new TimeEntry(row.source(), date, null, name, null, projectCell.asWritten(),
                row.cell(TASK).asWrittenOrNull(), row.cell(NOTES).asWrittenOrNull(), hours, billable, project, resource));
    }
}
