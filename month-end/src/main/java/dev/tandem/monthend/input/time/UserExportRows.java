package dev.tandem.monthend.input.time;

import dev.tandem.monthend.input.CsvFile;
import dev.tandem.monthend.input.Cell;
import dev.tandem.monthend.input.InputProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Rows of the exports that name the person by {@code User} and {@code Email} (Toggl Track and Clockify): the
 * columns they share ({@code Project}, {@code Task}, {@code Description}, {@code Billable}) and the start time are read
 * here, the date and duration, which they write differently, by the subclass.
 */
abstract class UserExportRows implements RowReader {

    static final String USER = "User";
    static final String EMAIL = "Email";
    static final String PROJECT = "Project";
    static final String TASK = "Task";
    static final String DESCRIPTION = "Description";
    static final String BILLABLE = "Billable";

    private final Lookups lookups;
    private final String startTimeColumn;
    private final boolean twelveHourTimes;

    /**
     * @param startTimeColumn the start time's column name; a file without it gives entries without start time
     * @param twelveHourTimes whether start times may also be {@code hh:mm:ss AM}/{@code PM}
     */
    UserExportRows(Lookups lookups, String startTimeColumn, boolean twelveHourTimes) {
        this.lookups = lookups;
        this.startTimeColumn = startTimeColumn;
        this.twelveHourTimes = twelveHourTimes;
    }

    /** The entry's date; null with a problem when it cannot be read. */
    abstract LocalDate date(CsvFile.Row row, List<InputProblem> problems);

    /** The quantity in hours; null with a problem when it cannot be read. */
    abstract BigDecimal hours(CsvFile.Row row, List<InputProblem> problems);

    @Override
    public final Optional<TimeEntry> read(CsvFile.Row row, List<InputProblem> problems) {
        int before = problems.size();
        LocalDate date = date(row, problems);
        Cell startTime = row.cell(startTimeColumn);
        String time = row.has(startTimeColumn) ? Values.timeOfDay(startTime, twelveHourTimes, problems) : null;
        String resource = lookups.user(row.cell(USER), row.cell(EMAIL), problems);
        String project = lookups.project(row.cell(PROJECT), problems);
        BigDecimal hours = hours(row, problems);
        Boolean billable = Values.yesNo(row.cell(BILLABLE), problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new TimeEntry(row.source(), date, time, row.cell(USER).asWritten(),
                row.cell(EMAIL).asWrittenOrNull(), row.cell(PROJECT).asWritten(), row.cell(TASK).asWrittenOrNull(),
                row.cell(DESCRIPTION).asWrittenOrNull(), hours, billable, project, resource));
    }
}
