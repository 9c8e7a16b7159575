package dev.tandem.server.security;

import dev.tandem.common.TandemException;
import dev.tandem.server.ServerError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tandem's users, their roles, their personal API tokens and their failed sign-ins, in the server's tables of the
 * operations database ({@code security_user}, {@code security_user_role}, {@code security_api_token},
 * {@code security_address_lock}; server migration V6). Passwords are kept only as the hash of Spring Security's
 * delegating encoder (bcrypt today, its {@code {id}} prefix lets a stronger function take over); a token only as the
 * SHA-256 of its secret: it is 256 random bits, so a fast hash is as safe as a slow one and keeps each API call
 * cheap.
 *
 * <p>Refusals are {@link TandemException}s: 400 {@code INVALID_INPUT} (a user name, password or role the rules
 * refuse, each message naming the rule), 404 {@code NOT_FOUND} (no such user or token), 409 {@code DUPLICATE} (the
 * user exists).
 */
public final class UserStore {

    /** What a user name may be: letters, digits and {@code . _ @ -}, 1 to 100 characters. */
    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    /** The shortest password taken. */
    public static final int MIN_PASSWORD = 12;
    /** The prefix of every personal API token: {@code tdm_<id>_<secret>}. */
    public static final String TOKEN_PREFIX = "tdm_";

    /** A user as the API and CLI show it (no password hash). */
    public record User(String username, boolean enabled, Set<Role> roles, int failedSignIns, Instant lockedUntil,
                       Instant createdAt, String createdBy, Instant modifiedAt, String modifiedBy) {

        /** Whether sign-in is locked at {@code now}. */
        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /** A user with the hash sign-in compares against. */
    record Stored(User user, String passwordHash) {
    }

    /** A personal API token as listed (never its secret). */
    public record Token(String id, String username, String name, Instant createdAt, Instant expiresAt,
                        Instant lastUsedAt, Instant revokedAt) {

        /** Whether the token may be used at {@code now}. */
        public boolean usableAt(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    /** A token just created: {@code value} is shown to its user once and kept nowhere. */
    public record CreatedToken(Token token, String value) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    public UserStore(DataSource operations, Clock clock) {
        this.jdbc = new JdbcTemplate(operations);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(operations));
        this.clock = clock;
    }

    /** The encoder passwords are hashed and checked with. */
    public PasswordEncoder encoder() {
        return encoder;
    }

    /** Whether no user exists yet (a fresh installation). */
    public boolean isEmpty() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM security_user", Integer.class);
        return n == null || n == 0;
    }

    /**
     * Creates a user.
     *
     * @throws TandemException 400 when the name, password or roles break a rule; 409 when the user exists
     */
    public User create(String username, String password, Set<Role> roles, String actor) {
        checkUsername(username);
        checkPassword(password);
        if (roles == null || roles.isEmpty()) {
            throw invalid("roles", "a user needs at least one role (" + Role.names() + ")");
        }
        Timestamp now = Timestamp.from(clock.instant());
        try {
            tx.executeWithoutResult(s -> {
                jdbc.update("INSERT INTO security_user (username, password_hash, enabled, failed_sign_ins, created_at, "
                        + "created_by, modified_at, modified_by) VALUES (?, ?, TRUE, 0, ?, ?, ?, ?)", username,
                        encoder.encode(password), now, actor, now, actor);
                insertRoles(username, roles);
            });
        } catch (DuplicateKeyException e) {
            throw new TandemException(ServerError.DUPLICATE, "User " + username + " already exists.");
        }
        return require(username);
    }

    /** The user named {@code username}, if any. */
    public Optional<User> find(String username) {
        return stored(username).map(Stored::user);
    }

    /**
     * The user named {@code username}.
     *
     * @throws TandemException 404 when there is none
     */
    public User require(String username) {
        return find(username).orElseThrow(() -> new TandemException(ServerError.NOT_FOUND,
                "No user " + username + "."));
    }

    Optional<Stored> stored(String username) {
        if (username == null) {
            return Optional.empty();
        }
        List<Stored> rows = jdbc.query("SELECT username, enabled, failed_sign_ins, locked_until, created_at, "
                + "created_by, modified_at, modified_by, password_hash FROM security_user WHERE username = ?",
                (rs, i) -> new Stored(user(rs, rolesOf(rs.getString(1))), rs.getString(9)), username);
        return rows.stream().findFirst();
    }

    /** Users by name, {@code limit} from {@code offset}. */
    public List<User> list(int offset, int limit) {
        List<String> names = jdbc.queryForList("SELECT username FROM security_user ORDER BY username LIMIT ? "
                + "OFFSET ?", String.class, limit, offset);
        List<User> users = new ArrayList<>();
        names.forEach(n -> find(n).ifPresent(users::add));
        return users;
    }

    /** How many users there are. */
    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM security_user", Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Disables or enables a user; a disabled user can't sign in, and their tokens stop working. Enabling also clears
     * a lock.
     *
     * @throws TandemException 404 when there is no such user
     */
    public User setEnabled(String username, boolean enabled, String actor) {
        int n = jdbc.update("UPDATE security_user SET enabled = ?, failed_sign_ins = CASE WHEN ? THEN 0 ELSE "
                + "failed_sign_ins END, locked_until = CASE WHEN ? THEN NULL ELSE locked_until END, modified_at = ?, "
                + "modified_by = ? WHERE username = ?", enabled, enabled, enabled, Timestamp.from(clock.instant()),
                actor, username);
        if (n == 0) {
            throw new TandemException(ServerError.NOT_FOUND, "No user " + username + ".");
        }
        return require(username);
    }

    /**
     * Replaces a user's roles.
     *
     * @throws TandemException 400 when {@code roles} is empty; 404 when there is no such user
     */
    public User setRoles(String username, Set<Role> roles, String actor) {
        if (roles == null || roles.isEmpty()) {
            throw invalid("roles", "a user needs at least one role (" + Role.names() + ")");
        }
        require(username);
        tx.executeWithoutResult(s -> {
            jdbc.update("DELETE FROM security_user_role WHERE username = ?", username);
            insertRoles(username, roles);
            jdbc.update("UPDATE security_user SET modified_at = ?, modified_by = ? WHERE username = ?",
                    Timestamp.from(clock.instant()), actor, username);
        });
        return require(username);
    }

    /**
     * Sets a user's password (and clears a lock: whoever sets it knows the user).
     *
     * @throws TandemException 400 when the password breaks a rule; 404 when there is no such user
     */
    public void setPassword(String username, String password, String actor) {
        checkPassword(password);
        int n = jdbc.update("UPDATE security_user SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL, "
                + "modified_at = ?, modified_by = ? WHERE username = ?", encoder.encode(password),
                Timestamp.from(clock.instant()), actor, username);
        if (n == 0) {
            throw new TandemException(ServerError.NOT_FOUND, "No user " + username + ".");
        }
    }

    /** A random password of 20 characters for a reset or the first administrator, to be shown once. */
    public static String randomPassword() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---------------------------------------------------------------- failed sign-ins

    /**
     * Counts a failed sign-in of an existing user; the {@code max}-th in a row locks the user for {@code lockFor}.
     *
     * @return the time the user is locked until, when this failure locked them
     */
    public Optional<Instant> failed(String username, int max, Duration lockFor) {
        Instant now = clock.instant();
        return tx.execute(s -> {
            List<Integer> count = jdbc.queryForList("SELECT failed_sign_ins FROM security_user WHERE username = ? "
                    + "FOR UPDATE", Integer.class, username);
            if (count.isEmpty()) {
                return Optional.<Instant>empty();
            }
            int failures = count.getFirst() + 1;
            if (failures >= max) {
                Instant until = now.plus(lockFor);
                jdbc.update("UPDATE security_user SET failed_sign_ins = 0, locked_until = ? WHERE username = ?",
                        Timestamp.from(until), username);
                return Optional.of(until);
            }
            jdbc.update("UPDATE security_user SET failed_sign_ins = ? WHERE username = ?", failures, username);
            return Optional.<Instant>empty();
        });
    }

    /** A successful sign-in: the user's count of failures starts again. */
    public void succeeded(String username) {
        jdbc.update("UPDATE security_user SET failed_sign_ins = 0 WHERE username = ? AND failed_sign_ins > 0",
                username);
    }

    /** Until when sign-in from {@code address} is locked, if it is now. */
    public Optional<Instant> addressLockedUntil(String address) {
        Instant now = clock.instant();
        return jdbc.query("SELECT locked_until FROM security_address_lock WHERE address = ?",
                (rs, i) -> rs.getTimestamp(1), address).stream().filter(java.util.Objects::nonNull)
                .map(Timestamp::toInstant).filter(until -> until.isAfter(now)).findFirst();
    }

    /**
     * Counts a failed sign-in from a client address (whatever the user name); the {@code max}-th in a row (each
     * within {@code lockFor} of the one before) locks the address for {@code lockFor}.
     *
     * @return the time the address is locked until, when this failure locked it
     */
    public Optional<Instant> addressFailed(String address, int max, Duration lockFor) {
        Instant now = clock.instant();
        return tx.execute(s -> {
            // Failures count in a row while each comes within lockFor of the one before; an older count starts
            // again, so months of typos never add up to a lock.
            List<Integer> count = jdbc.query("SELECT failed_sign_ins, modified_at FROM security_address_lock WHERE "
                    + "address = ? FOR UPDATE", (rs, i) -> rs.getTimestamp(2).toInstant().isBefore(now.minus(lockFor))
                    ? 0 : rs.getInt(1), address);
            int failures = (count.isEmpty() ? 0 : count.getFirst()) + 1;
            Timestamp until = failures >= max ? Timestamp.from(now.plus(lockFor)) : null;
            int stored = failures >= max ? 0 : failures;
            if (count.isEmpty()) {
                try {
                    jdbc.update("INSERT INTO security_address_lock (address, failed_sign_ins, locked_until, "
                            + "modified_at) VALUES (?, ?, ?, ?)", address, stored, until, Timestamp.from(now));
                } catch (DuplicateKeyException e) {
                    return Optional.<Instant>empty(); // a concurrent failure counted it first
                }
            } else {
                jdbc.update("UPDATE security_address_lock SET failed_sign_ins = ?, locked_until = COALESCE(?, "
                        + "locked_until), modified_at = ? WHERE address = ?", stored, until, Timestamp.from(now),
                        address);
            }
            return Optional.ofNullable(until).map(Timestamp::toInstant);
        });
    }

    /** A successful sign-in from {@code address}: its count starts again. */
    public void addressSucceeded(String address) {
        jdbc.update("DELETE FROM security_address_lock WHERE address = ? AND (locked_until IS NULL OR locked_until "
                + "< ?)", address, Timestamp.from(clock.instant()));
    }

    // ---------------------------------------------------------------- tokens

    /**
     * Creates a personal API token for {@code username}, valid for {@code validFor}.
     *
     * @throws TandemException 400 when the name is blank or longer than 100 characters; 404 when there is no such
     *                         user
     */
    public CreatedToken createToken(String username, String name, Duration validFor) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw invalid("name", "a token needs a name of 1 to 100 characters, e.g. the tool that uses it");
        }
        require(username);
        byte[] idBytes = new byte[9];
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(idBytes);
        RANDOM.nextBytes(secretBytes);
        String id = HexFormat.of().formatHex(idBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        Instant now = clock.instant();
        Instant expires = now.plus(validFor);
        jdbc.update("INSERT INTO security_api_token (token_id, username, name, secret_hash, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", id, username, name.trim(), sha256(secret), Timestamp.from(now),
                Timestamp.from(expires));
        return new CreatedToken(new Token(id, username, name.trim(), now, expires, null, null),
                TOKEN_PREFIX + id + "_" + secret);
    }

    /** The tokens of a user, newest first (revoked ones too, for the audit). */
    public List<Token> tokens(String username) {
        return jdbc.query("SELECT token_id, username, name, created_at, expires_at, last_used_at, revoked_at FROM "
                + "security_api_token WHERE username = ? ORDER BY created_at DESC", UserStore::token, username);
    }

    /**
     * Revokes a token of {@code username}; revoking a revoked one changes nothing.
     *
     * @throws TandemException 404 when the user has no such token
     */
    public Token revokeToken(String username, String id) {
        jdbc.update("UPDATE security_api_token SET revoked_at = ? WHERE token_id = ? AND username = ? AND revoked_at "
                + "IS NULL", Timestamp.from(clock.instant()), id, username);
        return tokens(username).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() ->
                new TandemException(ServerError.NOT_FOUND, "User " + username + " has no token " + id + "."));
    }

    /**
     * The token a presented value names, when its secret matches (compared in constant time) — usable or not, the
     * caller decides; empty for a value of another shape, an unknown id or a wrong secret.
     */
    public Optional<Token> match(String value) {
        if (value == null || !value.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        String rest = value.substring(TOKEN_PREFIX.length());
        int cut = rest.indexOf('_');
        if (cut <= 0 || cut > 40) {
            return Optional.empty();
        }
        String id = rest.substring(0, cut);
        String secret = rest.substring(cut + 1);
        Map<String, Object> row = jdbc.query("SELECT token_id, username, name, created_at, expires_at, last_used_at, "
                + "revoked_at, secret_hash FROM security_api_token WHERE token_id = ?", rs -> {
                    if (!rs.next()) {
                        return null;
                    }
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("token", token(rs, 0));
                    r.put("hash", rs.getString(8));
                    return r;
                }, id);
        if (row == null || !MessageDigest.isEqual(sha256(secret).getBytes(StandardCharsets.US_ASCII),
                ((String) row.get("hash")).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of((Token) row.get("token"));
    }

    /** Notes that a token was used, at most once a minute per token. */
    public void used(Token token) {
        Instant now = clock.instant();
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minusSeconds(60))) {
            jdbc.update("UPDATE security_api_token SET last_used_at = ? WHERE token_id = ?", Timestamp.from(now),
                    token.id());
        }
    }

    // ---------------------------------------------------------------- helpers

    private void insertRoles(String username, Set<Role> roles) {
        for (Role role : roles) {
            jdbc.update("INSERT INTO security_user_role (username, role) VALUES (?, ?)", username, role.text());
        }
    }

    private Set<Role> rolesOf(String username) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.queryForList("SELECT role FROM security_user_role WHERE username = ?", String.class, username)
                .forEach(r -> Role.of(r).ifPresent(roles::add));
        return roles;
    }

    private static User user(ResultSet rs, Set<Role> roles) throws SQLException {
        Timestamp locked = rs.getTimestamp(4);
        return new User(rs.getString(1), rs.getBoolean(2), roles, rs.getInt(3),
                locked == null ? null : locked.toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6),
                rs.getTimestamp(7).toInstant(), rs.getString(8));
    }

    private static Token token(ResultSet rs, int row) throws SQLException {
        return new Token(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw invalid("username", "a user name is 1 to 100 letters, digits or . _ @ -");
        }
    }

    /**
     * @throws TandemException 400 when the password is shorter than {@value #MIN_PASSWORD} characters or longer than
     *                         the 72 bytes bcrypt reads
     */
    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw invalid("password", "a password has at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw invalid("password", "a password has at most 72 bytes (bcrypt reads no more)");
        }
    }

    private static TandemException invalid(String field, String rule) {
        return new TandemException(ServerError.INVALID_INPUT, field + ": " + rule + ".", Map.of("field", field));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
