package dev.tandem.monthend.input.time;

import java.util.Arrays;

/**
 * The physical lines of a text: turns a character position into its 1-based line. Commons CSV counts a record's
 * lines where the record ends; problems must name the line where it starts, which only the record's character
 * position tells reliably when a quoted value spans lines. Line breaks are {@code \n}, {@code \r\n} and {@code \r}.
 */
final class LineIndex {

    private final String text;
    private final int[] lineStarts;

    LineIndex(String text) {
        this.text = text;
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
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /**
     * The 1-based line of the record starting at {@code position}. Line breaks at the position are skipped first:
     * Commons CSV reports the position before the empty lines it ignores.
     */
    int lineOfRecordAt(long position) {
        int at = (int) position;
        while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
            at++;
        }
        int found = Arrays.binarySearch(lineStarts, at);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
