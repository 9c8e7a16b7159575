package dev.tandem.monthend.input;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The source keys of the work rows of one file (docs/input-format.md, "Identity of rows"):
 * {@code format:} + the SHA-256 hex of the row's field values joined by U+001F, then {@code #n} for the n-th
 * (1-based) identical row of the file. The file name is not part of the key, so the same row in a renamed or
 * overlapping export has the same key and is loaded once. Use one instance per file.
 */
public final class SourceKeys {

    private static final String SEPARATOR = "\u001F";

    private final String format;
    private final Map<String, Integer> occurrences = new HashMap<>();

    /** @param format the file format, e.g. {@code expenses}, {@code harvest} */
    public SourceKeys(String format) {
        this.format = format;
    }

    /**
     * The key of the next row with these values (null is written as empty).
     *
     * @return {@code format:<64 hex digits>#n}
     */
    public String next(List<?> values) {
        String hash = format + ":" + sha256(String.join(SEPARATOR, values.stream()
                .map(value -> Objects.toString(value, "")).toList()));
        return hash + "#" + occurrences.merge(hash, 1, Integer::sum);
    }

    /** A quantity or price as the key writes it: without trailing zeros, never in exponent form (1.50 → 1.5). */
    public static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
