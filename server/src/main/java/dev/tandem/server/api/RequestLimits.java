package dev.tandem.server.api;

import java.util.Locale;

/**
 * The limits of what the API reads from a request (issue 14, finding 6; docs/api.md "Limits"). A body above the
 * limit of its media type is refused with 413 {@code REQUEST_TOO_LARGE} before it is read: at once when its
 * {@code Content-Length} says so, else as soon as the bytes read pass the limit ({@link RequestLimitFilter}).
 * <ul>
 *   <li>JSON ({@code application/json}, {@code application/*+json}) and any other type: {@value #JSON_BYTES} bytes —
 *       the largest bulk call (500 ids or rows) is well under 1 MB;</li>
 *   <li>YAML table maps ({@code text/yaml}, {@code application/yaml}, any {@code text/*} except CSV):
 *       {@value #YAML_BYTES} bytes — a map is a few kilobytes; the YAML parser is held to the same number of code
 *       points and refuses aliases (no alias expands a small file into a large one);</li>
 *   <li>ECB CSV files ({@code text/csv}, {@code multipart/form-data} uploads): {@value #CSV_BYTES} bytes — the
 *       ECB's full history is about 2 MB and grows by a line a working day;</li>
 *   <li>JSON lists: at most {@value #MAX_LIST} elements (bulk calls, replaced lists); JSON text: at most
 *       {@value #MAX_TEXT} characters per string (no member of the API is longer than a few hundred), nesting at
 *       most {@value #MAX_NESTING} deep — beyond these 400 {@code INVALID_INPUT} naming the member;</li>
 *   <li>pages: at most {@link dev.tandem.common.Page#MAX_SIZE} rows, a larger {@code size} is capped.</li>
 * </ul>
 */
public final class RequestLimits {

    /** Largest JSON body (and body of any type not listed), in bytes: 2 MiB. */
    public static final long JSON_BYTES = 2L * 1024 * 1024;
    /** Largest YAML body (a table map), in bytes, and the most code points the YAML parser reads: 1 MiB. */
    public static final long YAML_BYTES = 1024L * 1024;
    /** Largest ECB CSV body or multipart upload, in bytes: 16 MiB. */
    public static final long CSV_BYTES = 16L * 1024 * 1024;
    /** Most elements of a JSON list in a request. */
    public static final int MAX_LIST = 1000;
    /** Most characters of a JSON string in a request. */
    public static final int MAX_TEXT = 10_000;
    /** Deepest nesting of JSON arrays and objects in a request. */
    public static final int MAX_NESTING = 50;

    private RequestLimits() {
    }

    /**
     * The largest body in bytes that a request of {@code contentType} (a {@code Content-Type} header value, or
     * {@code null} when the request declares none) may carry.
     */
    public static long bodyLimit(String contentType) {
        if (contentType == null) {
            return JSON_BYTES;
        }
        String type = contentType.toLowerCase(Locale.ROOT).strip();
        if (type.startsWith("text/csv") || type.startsWith("multipart/form-data")) {
            return CSV_BYTES;
        }
        if (type.contains("yaml") || type.startsWith("text/")) {
            return YAML_BYTES;
        }
        return JSON_BYTES;
    }
}
