package dev.tandem.monthend.input.time;

import dev.tandem.monthend.input.CsvFile;
import dev.tandem.monthend.input.InputFiles;
import dev.tandem.monthend.input.InputProblem;
import dev.tandem.monthend.input.References;
import dev.tandem.monthend.input.RunInput.WorkRow;
import dev.tandem.monthend.input.SourceKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the time-tracker exports of an input folder's {@code time/} directory: Harvest "detailed time", Toggl Track
 * "detailed" and Clockify "detailed" CSV, each detected from its header row (docs/input-format.md, "Time-tracker
 * exports").
 */
public final class TimeExports {

    /** The directory of the exports, and its name in problems. */
    static final String DIRECTORY = "time";

    private TimeExports() {
    }

    /**
     * Reads every {@code *.csv} of {@code folder/time} (sorted by name). Every problem of every row of every file is
     * added (never only the first): an unknown header row (UNKNOWN_FORMAT) or a missing column (MISSING_COLUMN) at
     * line 1, column 1 of its file, a value's problem at its row's first line and its field's column. A folder
     * without a {@code time/} directory is MISSING_FILE; an empty one gives no rows.
     *
     * @param folder             the input folder; problems name files relative to it ({@code time/x.csv})
     * @param references         projects and resources the rows must name
     * @param clockifyDateFormat {@code MM/DD/YYYY}, {@code DD/MM/YYYY} or null (then an ambiguous date is a problem)
     * @param problems           where every problem found is added; rows with a problem are not returned
     * @return the rows without problems, in file and line order, with their source keys; kind TIME, quantity in
     *         hours (at most 6 decimals), no category, unit price or currency
     * @throws IllegalArgumentException when {@code clockifyDateFormat} is another value
     * @throws UncheckedIOException     when the directory or a file cannot be read from disk
     */
    public static List<WorkRow> read(Path folder, References references, String clockifyDateFormat,
                                     List<InputProblem> problems) {
        Path directory = folder.resolve(DIRECTORY);
        String notThere = InputFiles.notThere(directory, true);
        if (notThere != null) {
            problems.add(new InputProblem(DIRECTORY + "/", 1, 1, "MISSING_FILE", null,
                    DIRECTORY + "/, the folder of time-tracker exports, " + notThere));
            return List.of();
        }
        Lookups lookups = new Lookups(references);
        List<WorkRow> rows = new ArrayList<>();
        for (Path file : csvFiles(directory, problems)) {
            String name = DIRECTORY + "/" + file.getFileName();
            CsvFile export = CsvFile.read(folder, name, true, CsvFile.Shape.EXPORT, problems);
            if (export != null) {
                rows.addAll(rows(export, lookups, clockifyDateFormat, problems));
            }
        }
        return rows;
    }

    private static List<WorkRow> rows(CsvFile export, Lookups lookups, String clockifyDateFormat,
                                      List<InputProblem> problems) {
        Optional<TrackerFormat> detected = TrackerFormat.detect(export);
        if (detected.isEmpty()) {
            problems.add(export.problem("UNKNOWN_FORMAT", "the header row is not that of a Harvest \"Detailed time\","
                    + " Toggl Track \"Detailed\" or Clockify \"Detailed report\" CSV export"));
            return List.of();
        }
        TrackerFormat format = detected.get();
        List<String> missing = format.alsoRequired().stream()
                .filter(column -> !export.hasColumn(column)).toList();
        missing.forEach(column -> problems.add(export.problem("MISSING_COLUMN",
                "the " + format.key() + " export has no \"" + column + "\" column")));
        if (!missing.isEmpty()) {
            return List.of();
        }
        RowReader reader = format.reader(lookups, clockifyDateFormat, export.rows());
        SourceKeys keys = new SourceKeys(format.key());
        List<WorkRow> rows = new ArrayList<>();
        for (CsvFile.Row row : export.rows()) {
            reader.read(row, problems).ifPresent(entry -> rows.add(entry.toWorkRow(format, keys.next(entry.keyFields()))));
        }
        return rows;
    }

    /**
     * The {@code *.csv} files of the directory, sorted by name. Folders are ignored (docs/input-format.md); any other
     * {@code *.csv} entry that can't be read as a file (a symbolic link to nothing or to itself) is MISSING_FILE:
     * skipping it would bill short.
     */
    private static List<Path> csvFiles(Path directory, List<InputProblem> problems) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> csv = files
                    .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(file -> !Files.isDirectory(file))
                    .sorted()
                    .toList();
            csv.stream().filter(file -> !Files.isRegularFile(file)).forEach(file -> problems.add(new InputProblem(
                    DIRECTORY + "/" + file.getFileName(), 1, 1, "MISSING_FILE", null, DIRECTORY + "/"
                    + file.getFileName() + " " + InputFiles.notThere(file, false))));
            return csv.stream().filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
