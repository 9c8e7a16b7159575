package dev.tandem.monthend.input.time;

import dev.tandem.monthend.input.CsvFile;
import dev.tandem.monthend.input.InputProblem;
import java.util.List;
import java.util.Optional;

/** Maps the rows of one export file of one format to time entries. */
interface RowReader {

    /**
     * The entry of {@code row}, or empty when the row has a problem; every problem of the row (not just the first)
     * is added to {@code problems}.
     */
    Optional<TimeEntry> read(CsvFile.Row row, List<InputProblem> problems);
}
