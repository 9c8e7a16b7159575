package dev.tandem.server.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The security log, {@code security_event} (server migration V6, operations database): append-only, so this class
 * inserts and reads and has no update or delete. Each entry is written in a transaction of its own, so a refused
 * request that rolls back still leaves its entry. Never holds a password or a token.
 */
public final class SecurityLog {

    /** One entry; {@code username} is whom it is about, {@code actor} who did it (they differ for an admin's act). */
    public record Event(long id, Instant occurredAt, SecurityEventType type, String username, String actor,
                        String address, String detail) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SecurityLog(DataSource operations, Clock clock) {
        this.jdbc = new JdbcTemplate(operations);
        this.clock = clock;
    }

    /** Appends an entry; {@code detail} is cut to 1,000 characters. */
    public void record(SecurityEventType type, String username, String actor, String address, String detail) {
        jdbc.update("INSERT INTO security_event (occurred_at, event_type, username, actor, address, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), type.name(), cut(username, 100),
                cut(actor, 100), cut(address, 64), cut(detail, 1000));
    }

    /** Entries newest first, {@code limit} from {@code offset}; optionally of one type only. */
    public List<Event> page(SecurityEventType type, int offset, int limit) {
        String where = type == null ? "" : " WHERE event_type = ?";
        Object[] args = type == null ? new Object[] {limit, offset} : new Object[] {type.name(), limit, offset};
        return jdbc.query("SELECT event_id, occurred_at, event_type, username, actor, address, detail FROM "
                + "security_event" + where + " ORDER BY event_id DESC LIMIT ? OFFSET ?", (rs, i) -> new Event(
                        rs.getLong(1), rs.getTimestamp(2).toInstant(), SecurityEventType.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)), args);
    }

    /** How many entries there are (of one type, if given). */
    public long count(SecurityEventType type) {
        Long n = type == null ? jdbc.queryForObject("SELECT COUNT(*) FROM security_event", Long.class)
                : jdbc.queryForObject("SELECT COUNT(*) FROM security_event WHERE event_type = ?", Long.class,
                        type.name());
        return n == null ? 0 : n;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
