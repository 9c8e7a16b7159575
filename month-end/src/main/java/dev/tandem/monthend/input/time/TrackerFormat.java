package dev.tandem.monthend.input.time;

import dev.tandem.monthend.input.CsvFile;
import java.util.List;
import java.util.Optional;

/**
 * The three time-tracker export formats, detected from a file's header row (docs/input-format.md, "Time-tracker
 * exports"): each has detection columns (header names compared case-insensitively after trimming) and further
 * columns a file must have to be read.
 */
enum TrackerFormat {

    /** Harvest "Detailed time" export. */
    HARVEST("harvest", List.of(HarvestRows.DATE, HarvestRows.PROJECT, HarvestRows.HOURS, HarvestRows.FIRST_NAME,
            HarvestRows.LAST_NAME), List.of(HarvestRows.BILLABLE)),
    /** Clockify "Detailed report" export. */
    CLOCKIFY("clockify", List.of(ClockifyRows.PROJECT, ClockifyRows.USER, ClockifyRows.EMAIL,
            ClockifyRows.START_DATE, ClockifyRows.DURATION_DECIMAL), List.of(ClockifyRows.BILLABLE)),
    /** Toggl Track "Detailed" export: no {@code Duration (decimal)} column, which tells it from Clockify. */
    TOGGL("toggl", List.of(TogglRows.USER, TogglRows.EMAIL, TogglRows.PROJECT, TogglRows.START_DATE,
            TogglRows.DURATION), List.of(TogglRows.BILLABLE));

    private final String key;
    private final List<String> detectedBy;
    private final List<String> alsoRequired;

    TrackerFormat(String key, List<String> detectedBy, List<String> alsoRequired) {
        this.key = key;
        this.detectedBy = detectedBy;
        this.alsoRequired = alsoRequired;
    }

    /** The format's name in work rows and source keys: {@code harvest}, {@code toggl} or {@code clockify}. */
    String key() {
        return key;
    }

    /** Columns beyond the detecting ones that a file of this format must have (MISSING_COLUMN otherwise). */
    List<String> alsoRequired() {
        return alsoRequired;
    }

    /**
     * The format whose columns the header has; empty when none (UNKNOWN_FORMAT).
     *
     * @param export the file, whose columns are matched by name without regard to case
     */
    static Optional<TrackerFormat> detect(CsvFile export) {
        for (TrackerFormat format : values()) {
            boolean matches = format.detectedBy.stream().allMatch(export::hasColumn)
                    && !(format == TOGGL && export.hasColumn(ClockifyRows.DURATION_DECIMAL));
            if (matches) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The reader of one file of this format; Clockify's needs the file's rows to decide its date order. */
    RowReader reader(Lookups lookups, String clockifyDateFormat, List<CsvFile.Row> rows) {
        return switch (this) {
            case HARVEST -> new HarvestRows(lookups);
            case TOGGL -> new TogglRows(lookups);
            case CLOCKIFY -> ClockifyRows.forFile(lookups, clockifyDateFormat, rows);
        };
    }
}
