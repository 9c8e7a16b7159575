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
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
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
        List<WorkRow> rows = new ArrayList<>();
        read(folder, references, clockifyDateFormat, problems, rows::add);
        return rows;
    }

    /**
     * One export file as the first reading found it: its name in problems ({@code time/x.csv}), its size in bytes and
     * modification time, and how many rows it gave. {@link #reread} refuses the file when any of these changed.
     */
    public record ExportFile(Path file, String name, long size, FileTime modified, int rows) {
    }

    /**
     * Reads and checks the exports as {@link #read(Path, References, String, List)} does, handing each row without a
     * problem to {@code sink} instead of keeping it, so that the caller keeps what it needs of a million rows and no
     * more ({@code WorkRows}).
     *
     * @return the files read, in the order read, for {@link #reread}
     * @throws UncheckedIOException when the directory or a file cannot be read from disk
     */
    public static List<ExportFile> read(Path folder, References references, String clockifyDateFormat,
                                        List<InputProblem> problems, Consumer<WorkRow> sink) {
        Path directory = folder.resolve(DIRECTORY);
        String notThere = InputFiles.notThere(directory, true);
        if (notThere != null) {
            problems.add(new InputProblem(DIRECTORY + "/", 1, 1, "MISSING_FILE", null,
                    DIRECTORY + "/, the folder of time-tracker exports, " + notThere));
            return List.of();
        }
        Lookups lookups = new Lookups(references);
        List<ExportFile> files = new ArrayList<>();
        for (Path file : csvFiles(directory, problems)) {
            String name = DIRECTORY + "/" + file.getFileName();
            long size = size(file);
            FileTime modified = modified(file);
            CsvFile export = CsvFile.read(folder, name, true, CsvFile.Shape.EXPORT, problems);
            if (export != null) {
                int[] count = {0};
                rows(export, lookups, clockifyDateFormat, problems, row -> {
                    count[0]++;
                    sink.accept(row);
                });
                files.add(new ExportFile(file, name, size, modified, count[0]));
            }
        }
        return files;
    }

    /**
     * Reads again the files {@link #read(Path, References, String, List, Consumer)} read without a problem, handing
     * their rows to {@code sink} in the same order, with the same source keys.
     *
     * @throws IllegalStateException naming the file when its size or modification time changed (before any of its rows
     *                               reach {@code sink}), or when it no longer gives the same rows without a problem
     * @throws UncheckedIOException  when a file cannot be read from disk
     */
    public static void reread(Path folder, References references, String clockifyDateFormat, List<ExportFile> files,
                              Consumer<WorkRow> sink) {
        Lookups lookups = new Lookups(references);
        for (ExportFile file : files) {
            if (size(file.file()) != file.size() || !modified(file.file()).equals(file.modified())) {
                throw changed(file);
            }
            List<InputProblem> problems = new ArrayList<>();
            CsvFile export = CsvFile.read(folder, file.name(), true, CsvFile.Shape.EXPORT, problems);
            int[] count = {0};
            if (export != null) {
                rows(export, lookups, clockifyDateFormat, problems, row -> {
                    count[0]++;
                    sink.accept(row);
                });
            }
            if (export == null || !problems.isEmpty() || count[0] != file.rows()) {
                throw changed(file);
            }
        }
    }

    private static IllegalStateException changed(ExportFile file) {
        return new IllegalStateException(file.name() + " changed while the run was using it (it was read with "
                + file.rows() + " rows, " + file.size() + " bytes, modified " + file.modified() + "); run again: rows "
                + "already loaded are not loaded twice");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the modification time of " + file, e);
        }
    }

    private static void rows(CsvFile export, Lookups lookups, String clockifyDateFormat, List<InputProblem> problems,
                             Consumer<WorkRow> sink) {
        Optional<TrackerFormat> detected = TrackerFormat.detect(export);
        if (detected.isEmpty()) {
            problems.add(export.problem("UNKNOWN_FORMAT", "the header row is not that of a Harvest \"Detailed time\","
                    + " Toggl Track \"Detailed\" or Clockify \"Detailed report\" CSV export"));
            return;
        }
        TrackerFormat format = detected.get();
        List<String> missing = format.alsoRequired().stream()
                .filter(column -> !export.hasColumn(column)).toList();
        missing.forEach(column -> problems.add(export.problem("MISSING_COLUMN",
                "the " + format.key() + " export has no \"" + column + "\" column")));
        if (!missing.isEmpty()) {
            return;
        }
        RowReader reader = format.reader(lookups, clockifyDateFormat, export.rows());
        SourceKeys keys = new SourceKeys(format.key());
        for (CsvFile.Row row : export.rows()) {
            reader.read(row, problems).ifPresent(entry -> sink.accept(entry.toWorkRow(format,
                    keys.next(entry.keyFields()))));
        }
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
