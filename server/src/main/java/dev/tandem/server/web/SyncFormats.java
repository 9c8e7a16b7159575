package dev.tandem.server.web;

import dev.tandem.dualwrite.runtime.MapState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How the integration admin's pages write the runtime's figures ({@code ${@sync.lag(seconds)}} in templates): a map
 * state as the dual-write documentation names it, a lag in seconds as minutes and seconds, an instant in UTC.
 */
@Component("sync")
public class SyncFormats {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** {@code Not running}, {@code Running}, {@code Paused}…; an empty string for null. */
    public String state(MapState state) {
        if (state == null) {
            return "";
        }
        String words = state.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** {@code 0 s}, {@code 42 s}, {@code 3 min 5 s}, {@code 2 h 10 min}: the age of the oldest queued change. */
    public String lag(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** {@code 2026-03-31 14:05:09 UTC}; an empty string for null. */
    public String at(Instant at) {
        return at == null ? "" : AT.format(at) + " UTC";
    }

    /** A count with thousands separators: {@code 12,345}. */
    public String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
