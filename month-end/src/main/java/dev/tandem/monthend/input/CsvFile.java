package dev.tandem.monthend.input;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file of an input folder (docs/input-format.md), the one reader of every CSV the run reads (master files,
 * expenses, rates and the time-tracker exports): RFC 4180 through Commons CSV with a header row, columns matched by
 * header name (trimmed, case-insensitive, order free), other columns ignored, empty lines skipped. Each record knows
 * the physical line where it starts (the header is line 1; a quoted value may span lines), so a value's problem names
 * {@code file:line:column} with the field's 1-based position as column. How strictly the shape of a file is held
 * depends on its {@link Shape}.
 */
public final class CsvFile {

    /** How strictly a file's shape is held. */
    public enum Shape {
        /**
         * A file written for the run (master files, expenses, rates): a record with fewer fields reads the missing
         * ones as empty, one with more fields is an {@code INVALID} problem at the first extra field and is still
         * read; of a column named twice the first counts; an empty file is an {@code INVALID} problem; a file that
         * breaks CSV syntax is not read at all.
         */
        MASTER,
        /**
         * An export of another system (the time-tracker exports of {@code time/}): surrounding spaces of fields are
         * ignored, a record whose field count differs from the header's is an {@code INVALID} problem and is not
         * read, a non-empty column name written twice makes the file {@code INVALID} (no rows), an empty file has
         * no columns and no rows, and the records before a CSV syntax error are read.
         */
        EXPORT
    }

    private static final CSVFormat MASTER_FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final CSVFormat EXPORT_FORMAT = MASTER_FORMAT.builder().setIgnoreSurroundingSpaces(true).get();

    private final String file;
    private final List<String> header;
    private final Map<String, Integer> columns;
    private final List<Row> rows;
    private final List<InputProblem> problems;

    private CsvFile(String file, List<String> header, List<Row> rows, List<InputProblem> problems) {
        this.file = file;
        this.header = List.copyOf(header);
        this.columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(key(header.get(i)), i);
        }
        this.rows = rows;
        this.problems = problems;
    }

    /**
     * Reads {@code folder/file} in full as a {@link Shape#MASTER} file.
     *
     * @param file the path relative to the folder ({@code expenses.csv}), as problems name it
     * @return the file, or null when it is missing, unreadable, empty or not CSV (a problem is then added, except for
     *         a missing file that is not {@code required})
     */
    public static CsvFile read(Path folder, String file, boolean required, List<InputProblem> problems) {
        return read(folder, file, required, Shape.MASTER, problems);
    }

    /**
     * Reads {@code folder/file} in full (UTF-8, a byte-order mark dropped: {@link InputFiles}).
     *
     * @param file the path relative to the folder ({@code time/x.csv}), as problems name it
     * @return the file, or null when it is missing, unreadable or, by its {@code shape}, not readable as CSV (a
     *         problem is then added, except for a missing file that is not {@code required})
     */
    public static CsvFile read(Path folder, String file, boolean required, Shape shape, List<InputProblem> problems) {
        String text = InputFiles.read(folder, file, required, problems);
        return text == null ? null : parse(file, text, Integer.MAX_VALUE, shape, problems);
    }

    /**
     * Parses CSV text as a {@link Shape#MASTER} file: its header and at most {@code maxRows} records after it (a large
     * file of which only the start matters need not be read in full).
     *
     * @return the file, or null when the text has no header row (an {@code INVALID} problem at 1:1 is added)
     */
    public static CsvFile parse(String file, String text, int maxRows, List<InputProblem> problems) {
        return parse(file, text, maxRows, Shape.MASTER, problems);
    }

    /**
     * Parses CSV text: its header and at most {@code maxRows} records after it.
     *
     * @return the file, or null when {@code shape} says it cannot be read (the problem is added)
     */
    public static CsvFile parse(String file, String text, int maxRows, Shape shape, List<InputProblem> problems) {
        int[] lineStarts = lineStarts(text);
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        long linesRead = 0;
        CSVFormat format = shape == Shape.EXPORT ? EXPORT_FORMAT : MASTER_FORMAT;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext() && rows.size() < maxRows) {
                CSVRecord record = records.next();
                linesRead = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // an empty line
                }
                Source source = new Source(file, lineOf(lineStarts, record.getCharacterPosition()));
                if (header == null) {
                    header = record.toList().stream().map(String::strip).toList();
                    String twice = shape == Shape.EXPORT ? nameWrittenTwice(header) : null;
                    if (twice != null) {
                        problems.add(new InputProblem(file, 1, 1, "INVALID", null, "the header row names the column \""
                                + twice + "\" twice; it is not clear which one is meant"));
                        return null;
                    }
                } else if (shape == Shape.EXPORT && record.size() != header.size()) {
                    problems.add(source.problem(1, "INVALID", null, "the row has " + record.size()
                            + " fields, the header row has " + header.size()));
                } else {
                    rows.add(new Row(source, record.toList()));
                }
            }
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            // Commons CSV stops at a broken record (an unclosed quote); the lines before it were read.
            problems.add(new InputProblem(file, (int) linesRead + 1, 1, "INVALID", null, file + " is not valid CSV "
                    + "after line " + linesRead + ": " + rootMessage(e)));
            if (shape == Shape.MASTER || header == null) {
                return null;
            }
        }
        if (header == null) {
            if (shape == Shape.EXPORT) {
                return new CsvFile(file, List.of(), rows, problems);
            }
            problems.add(new InputProblem(file, 1, 1, "INVALID", null, file + " is empty; it needs a header row"));
            return null;
        }
        CsvFile csv = new CsvFile(file, header, rows, problems);
        for (Row row : rows) {
            row.csv = csv;
            if (row.size() > header.size()) {
                // A number like 1,234 written without quotes splits into two fields: nothing is guessed.
                problems.add(row.source().problem(header.size() + 1, "INVALID", null, "the record has " + row.size()
                        + " fields but the header row has " + header.size() + "; a value with a comma must be in "
                        + "double quotes"));
            }
        }
        return csv;
    }

    /** A non-empty column name the header writes twice (compared as columns are matched), or null. */
    private static String nameWrittenTwice(List<String> header) {
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (!name.isEmpty() && !seen.add(key(name))) {
                return name;
            }
        }
        return null;
    }

    /** A problem about the whole file, at line 1, column 1. */
    public InputProblem problem(String rule, String message) {
        return new InputProblem(file, 1, 1, rule, null, message);
    }

    public String file() {
        return file;
    }

    /** The header row's names, trimmed, in file order. */
    public List<String> header() {
        return header;
    }

    public boolean hasColumn(String name) {
        return columns.containsKey(key(name));
    }

    /**
     * Checks that the header row has each of {@code names}: a {@code MISSING_COLUMN} problem at line 1, column 1 for
     * each one that is not there.
     *
     * @return true when all are there
     */
    public boolean requireColumns(String... names) {
        boolean all = true;
        for (String name : names) {
            if (!hasColumn(name)) {
                problems.add(new InputProblem(file, 1, 1, "MISSING_COLUMN", null, file + " has no column \"" + name
                        + "\" in its header row"));
                all = false;
            }
        }
        return all;
    }

    /** The records after the header, in file order, without empty lines. */
    public List<Row> rows() {
        return rows;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
            if (lineBreak) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    private static int lineOf(int[] lineStarts, long position) {
        int index = Arrays.binarySearch(lineStarts, (int) position);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** One record: where it starts, and its fields by column name. */
    public static final class Row {

        private final Source source;
        private final List<String> fields;
        private CsvFile csv;

        private Row(Source source, List<String> fields) {
            this.source = source;
            this.fields = fields;
        }

        /** Whether the file has a column {@code name} at all. */
        public boolean has(String name) {
            return csv.hasColumn(name);
        }

        /** The file and the physical line where the record starts. */
        public Source source() {
            return source;
        }

        /**
         * The field of column {@code name}; empty (at the header's column, or column 1 when the header has no such
         * column) when the record is shorter or the column is not there.
         */
        public Cell cell(String name) {
            Integer index = csv.columns.get(key(name));
            if (index == null) {
                return Cell.of(source.file(), source.line(), 1, name, null, csv.problems);
            }
            return cell(index, name);
        }

        /** The field at 0-based {@code index}, named {@code name} in messages. */
        public Cell cell(int index, String name) {
            String raw = index < fields.size() ? fields.get(index) : null;
            return Cell.of(source.file(), source.line(), index + 1, name, raw, csv.problems);
        }

        /** The number of fields of this record. */
        public int size() {
            return fields.size();
        }
    }
}
