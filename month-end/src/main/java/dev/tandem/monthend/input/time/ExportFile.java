package dev.tandem.monthend.input.time;

import dev.tandem.monthend.input.InputProblem;
import dev.tandem.monthend.input.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.io.input.BOMInputStream;

/**
 * One CSV file of {@code time/}, parsed: its header (names trimmed, matched case-insensitively, a UTF-8 byte-order
 * mark dropped) and its records, each with the physical line it starts on (docs/input-format.md, "How input is
 * read"). A file that is not UTF-8 or not RFC 4180 CSV, and a record whose field count differs from the header's,
 * is a problem ({@code INVALID}); the records before a CSV syntax error are kept.
 */
final class ExportFile {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreSurroundingSpaces(true)
            .setAllowMissingColumnNames(true)
            // Two columns of one name would leave it open which one is meant; unnamed columns are just ignored.
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
            .get();

    private final String name;
    private final Map<String, Integer> header;
    private final List<ExportRow> rows;

    private ExportFile(String name, Map<String, Integer> header, List<ExportRow> rows) {
        this.name = name;
        this.header = header;
        this.rows = rows;
    }

    /** The file's name relative to the input folder, with {@code /} separators ({@code time/x.csv}). */
    String name() {
        return name;
    }

    /** Column position (0-based) by header name, case-insensitive. */
    Map<String, Integer> header() {
        return header;
    }

    /** The records with the header's field count, in file order. */
    List<ExportRow> rows() {
        return rows;
    }

    /** A problem about the whole file, at line 1, column 1. */
    InputProblem problem(String rule, String message) {
        return new InputProblem(name, 1, 1, rule, null, message);
    }

    /**
     * Reads {@code path}; problems name it {@code name}. Empty when the file cannot be read as CSV with a header row
     * at all (the problem is added).
     *
     * @throws UncheckedIOException when the file cannot be read from disk
     */
    static Optional<ExportFile> read(Path path, String name, List<InputProblem> problems) {
        String text;
        try {
            text = decode(path);
        } catch (CharacterCodingException e) {
            problems.add(new InputProblem(name, 1, 1, "INVALID", null, "the file is not UTF-8 text"));
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            return Optional.of(records(parser, name, new LineIndex(text), problems));
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            // Raised while the header row is read: a duplicate column name or an unclosed quote in it.
            problems.add(new InputProblem(name, 1, 1, "INVALID", null,
                    "the header row is not valid: a column name appears twice or a quote is not closed"));
            return Optional.empty();
        }
    }

    private static ExportFile records(CSVParser parser, String name, LineIndex lines, List<InputProblem> problems) {
        Map<String, Integer> header = parser.getHeaderMap() == null
                ? new TreeMap<>(String.CASE_INSENSITIVE_ORDER) : parser.getHeaderMap();
        int fields = parser.getHeaderNames().size();
        List<ExportRow> rows = new ArrayList<>();
        long linesRead = parser.getCurrentLineNumber();
        try {
            for (CSVRecord record : parser) {
                Source source = new Source(name, lines.lineOfRecordAt(record.getCharacterPosition()));
                linesRead = parser.getCurrentLineNumber();
                if (record.size() != fields) {
                    problems.add(source.problem(1, "INVALID", null, "the row has " + record.size()
                            + " fields, the header row has " + fields));
                } else {
                    rows.add(new ExportRow(source, header, record.toList()));
                }
            }
        } catch (UncheckedIOException e) {
            problems.add(new InputProblem(name, (int) linesRead + 1, 1, "INVALID", null,
                    "the row starting here is not valid CSV (RFC 4180): a quoted value is not closed, or its"
                            + " closing quote is followed by other characters"));
        }
        return new ExportFile(name, header, rows);
    }

    /** The file as UTF-8 text, without a byte-order mark; malformed UTF-8 is an error, not a replacement char. */
    private static String decode(Path path) throws IOException {
        byte[] bytes;
        try (InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(path)).get()) {
            bytes = in.readAllBytes();
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }
}
