package dev.tandem.monthend.input;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file of an input folder (docs/input-format.md): RFC 4180 with a header row, columns matched by header name
 * (trimmed, case-insensitive, order free), other columns ignored, empty lines skipped. Each record knows the
 * physical line where it starts (the header is line 1), so a value's problem names {@code file:line:column} with
 * the field's 1-based position as column.
 */
public final class CsvFile {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

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
     * Reads {@code folder/file} in full.
     *
     * @param file the path relative to the folder ({@code time/x.csv}), as problems name it
     * @return the file, or null when it is missing, unreadable, empty or not CSV (a problem is then added, except for
     *         a missing file that is not {@code required})
     */
    public static CsvFile read(Path folder, String file, boolean required, List<InputProblem> problems) {
        String text = InputFiles.read(folder, file, required, problems);
        return text == null ? null : parse(file, text, Integer.MAX_VALUE, problems);
    }

    /**
     * Parses CSV text: its header and at most {@code maxRows} records after it (a large file of which only the
     * start matters need not be read in full).
     *
     * @return the file, or null when the text has no header row (an {@code INVALID} problem at 1:1 is added)
     */
    public static CsvFile parse(String file, String text, int maxRows, List<InputProblem> problems) {
        int[] lineStarts = lineStarts(text);
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext() && rows.size() < maxRows) {
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // an empty line
                }
                int line = lineOf(lineStarts, record.getCharacterPosition());
                if (header == null) {
                    header = record.toList().stream().map(String::strip).toList();
                } else {
                    rows.add(new Row(new Source(file, line), record.toList()));
                }
            }
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            // Commons CSV reports a broken record (an unclosed quote) with the line it stopped at in its message.
            int line = rows.isEmpty() ? 1 : rows.getLast().source().line() + 1;
            problems.add(new InputProblem(file, line, 1, "INVALID", null, file + " is not valid CSV after line "
                    + (line - 1) + ": " + rootMessage(e)));
            return null;
        }
        if (header == null) {
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
