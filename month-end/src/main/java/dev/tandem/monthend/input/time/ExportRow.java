package dev.tandem.monthend.input.time;

import dev.tandem.monthend.input.Source;
import java.util.List;
import java.util.Map;

/**
 * One record of a tracker export: where it starts ({@code source}), the header's column positions by name
 * (case-insensitive, 0-based) and the record's values in file order.
 */
record ExportRow(Source source, Map<String, Integer> header, List<String> values) {

    /** The cell of the named column; an absent column gives an empty cell at column 0. */
    Cell cell(String columnName) {
        Integer index = header.get(columnName);
        if (index == null) {
            return new Cell(source, columnName, 0, "");
        }
        return new Cell(source, columnName, index + 1, values.get(index));
    }
}
