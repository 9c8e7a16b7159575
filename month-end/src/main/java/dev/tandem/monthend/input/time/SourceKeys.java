package dev.tandem.monthend.input.time;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The source keys of one export file (docs/input-format.md, "Identity of rows"): {@code <format>:} + SHA-256 hex of
 * the row's identifying fields joined with U+001F, then {@code #n}, the row's occurrence (1, 2, …) among the rows of
 * this file with the same hash. The file name is not part of it, so a renamed or overlapping export gives the same
 * keys; at most 9 + 64 + 1 + digits characters, well under 100.
 */
final class SourceKeys {

    private static final String SEPARATOR = "\u001f";

    private final Map<String, Integer> occurrences = new HashMap<>();

    /** The key of the next row of the file; call once per row, in file order. */
    String next(TrackerFormat format, TimeEntry entry) {
        String hash = sha256(String.join(SEPARATOR, entry.keyFields()));
        int occurrence = occurrences.merge(hash, 1, Integer::sum);
        return format.key() + ":" + hash + "#" + occurrence;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
