package dev.tandem.server.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.springframework.web.util.UriUtils;

/**
 * {@code Location} headers built from keys a client chose (issue 14, finding 5). A create answered 500 after its
 * transaction had committed when the new row's key held a space: the header was concatenated text given to
 * {@link URI#create}, which throws for any character a URI can't hold. Here each key is one path segment,
 * percent-encoded (RFC 3986 §3.3: a space is {@code %20}, {@code /} is {@code %2F}), so building a location never
 * throws for any text, and nothing that runs after a commit can fail the request. {@code ModuleBoundariesTest}
 * keeps {@code URI.create} and {@code new URI} out of every other class of the server.
 */
public final class Locations {

    private Locations() {
    }

    /**
     * The path {@code base} followed by {@code segments}, each percent-encoded as one path segment.
     *
     * @param base     a fixed path of the API, e.g. {@code /api/finance/legal-entities} (already valid in a URI)
     * @param segments the keys and fixed names that follow, in order; any text, each kept whole (even blank)
     * @return a relative URI such as {@code /api/finance/legal-entities/NWCO/customers/C%20100}
     * @throws NullPointerException when a segment is null (a programming error, not a client's)
     */
    public static URI of(String base, String... segments) {
        StringBuilder path = new StringBuilder(base);
        for (String segment : segments) {
            path.append('/').append(UriUtils.encodePathSegment(Objects.requireNonNull(segment), StandardCharsets.UTF_8));
        }
        return URI.create(path.toString());
    }
}
