package dev.tandem.server.api;

import dev.tandem.common.TandemException;
import dev.tandem.server.ServerError;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} header of commands (DESIGN §5): a request repeated with the same key gets the first
 * request's answer — same status, same body — and the work is not done again.
 *
 * <ul>
 *   <li>A key names one request: its method, path and body (SHA-256 of the body as read, in canonical JSON, so
 *       whitespace and member order do not matter). The same key with another request is refused with 422
 *       {@code IDEMPOTENCY_KEY_REUSED}.</li>
 *   <li>The key is claimed first, in its own short transaction, by inserting a row whose primary key is the key.
 *       A second request that arrives while the first is still working finds the claim and is refused with 409
 *       {@code IDEMPOTENCY_IN_PROGRESS}; it never waits and never does the work.</li>
 *   <li>The work runs in one transaction of the app database, which the domain services join, and the
 *       answer is stored in that same transaction: the work and its stored answer commit together or not at all.
 *       So a crash can never leave work done without an answer to replay.</li>
 *   <li>Only successful (2xx) answers are stored. A refused or failed request rolls its work back and releases the
 *       key (deletes the claim), so the client can fix the input and retry with the same key; its error is not
 *       replayed. Input that can't be read (400 before the command runs) never claims the key.</li>
 *   <li>A claim left by a request that died (server stopped mid-request) is taken over after the lease
 *       ({@code tandem.idempotency.lease}, default 10 minutes). Its claim token then no longer matches, so if that
 *       request was still alive after all, it can't store an answer and its work rolls back: the work is done at
 *       most once.</li>
 *   <li>Replayed answers carry the header {@value #REPLAYED_HEADER}{@code : true} and the first answer's
 *       {@code Location}, if it had one (a 202 must still say where to poll); other headers of the first answer are
 *       not stored. Keys are global to the app's API (the API has no users yet): the Project Operations API and the
 *       Finance API each have their own store.</li>
 *   <li>Bounds: a key is kept for the retention ({@code tandem.idempotency.retention}, default 7 days, at least the
 *       lease) from its claim, then deleted with its answer (by the next claim, at most once a minute per instance),
 *       after which the key is free again. An answer body larger than {@code tandem.idempotency.max-stored-body}
 *       bytes (default 1 MiB) is not stored: its replay answers the status and {@code Location} without a body.</li>
 * </ul>
 *
 * <p>The 17 commands whose controllers call {@link #once} or {@link #onceWithoutTransaction} declare the header
 * themselves; every other command of the API gets the same rules from the {@link IdempotencyFilter}, through
 * {@link #run}.
 *
 * The keys live in the table {@code api_idempotency_key} of the app database the commands write (the operations
 * database's migrations V7 and V8 create it there, the finance database's V6); the table is owned by this class, not
 * by the app. One instance serves one app database ({@code OperationsConfiguration} wires the operations one,
 * {@code FinanceConfiguration} the finance one), so the stored answer commits in the same transaction as the work.
 */
public final class Idempotency {

    /** The request header carrying the key. */
    public static final String HEADER = "Idempotency-Key";
    /** Response header set on an answer replayed from the store. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Longest key accepted, in characters. */
    public static final int MAX_KEY_LENGTH = 255;

    /** Default of {@code tandem.idempotency.retention}: how long a key and its stored answer are kept. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    /** Default of {@code tandem.idempotency.max-stored-body}: the largest answer body stored for replay, in bytes. */
    public static final int DEFAULT_MAX_STORED_BODY = 1024 * 1024;

    private static final int CLAIM_ATTEMPTS = 3;
    /** Expired keys are deleted at most this often, by the request that claims a key next. */
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate work;
    private final TransactionTemplate own;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration lease;
    private final Duration retention;
    private final int maxStoredBody;
    private final java.util.concurrent.atomic.AtomicReference<OffsetDateTime> lastPurge =
            new java.util.concurrent.atomic.AtomicReference<>(OffsetDateTime.MIN);

    /**
     * @param dataSource   the app database holding {@code api_idempotency_key} (a table of the server's own,
     *                     {@link dev.tandem.server.database.ServerSchema})
     * @param transactions that database's transaction manager, the one the app's services join
     * @param json         the API's JSON mapper: hashes request bodies and writes the stored answers
     * @param clock        the application clock (claim and completion times, lease)
     * @param lease        how long a claim without an answer blocks its key before another request may take it over
     */
    public Idempotency(DataSource dataSource, PlatformTransactionManager transactions, JsonMapper json, Clock clock,
            Duration lease) {
        this(dataSource, transactions, json, clock, lease, DEFAULT_RETENTION, DEFAULT_MAX_STORED_BODY);
    }

    /**
     * @param retention     how long a key is kept after it was first claimed; then it is deleted (with its stored
     *                      answer) and the key may name a new request. At least {@code lease}.
     * @param maxStoredBody the largest answer body stored, in bytes of its UTF-8 JSON text; a larger body is not
     *                      stored, and a replay answers the first answer's status and {@code Location} without a body
     * @throws IllegalArgumentException when {@code retention} is shorter than {@code lease} or
     *                                  {@code maxStoredBody} is negative
     * @see #Idempotency(DataSource, PlatformTransactionManager, JsonMapper, Clock, Duration)
     */
    public Idempotency(DataSource dataSource, PlatformTransactionManager transactions, JsonMapper json, Clock clock,
            Duration lease, Duration retention, int maxStoredBody) {
        if (retention.compareTo(lease) < 0 || maxStoredBody < 0) {
            throw new IllegalArgumentException("tandem.idempotency.retention (" + retention + ") must be at least the "
                    + "lease (" + lease + ") and max-stored-body (" + maxStoredBody + ") not negative");
        }
        this.retention = retention;
        this.maxStoredBody = maxStoredBody;
        this.jdbc = new JdbcTemplate(dataSource);
        this.work = new TransactionTemplate(transactions);
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
        this.lease = lease;
    }

    /**
     * Runs {@code command} once per key. Without a key ({@code null}) it simply runs the command.
     *
     * @param key     the {@value #HEADER} header, or {@code null} when the request has none
     * @param request the HTTP request, for its method and path
     * @param body    the request body as the controller read it, or {@code null} for a request without body
     * @param command the work and its answer; the domain transactions it opens join the one opened here
     * @return the command's answer (a JSON body), or the stored answer of the first request with this key
     * @throws TandemException 400 {@code INVALID_INPUT} for a blank or too long key or one with characters other
     *                         than printable ASCII; 422 {@code IDEMPOTENCY_KEY_REUSED}; 409
     *                         {@code IDEMPOTENCY_IN_PROGRESS}; and whatever the command throws (the key is then
     *                         released)
     */
    public ResponseEntity<?> once(String key, HttpServletRequest request, Object body,
            Supplier<? extends ResponseEntity<?>> command) {
        return once(key, request, body, command, true);
    }

    /**
     * {@link #once} for a command that must not run inside a transaction of this store's database: one that opens
     * its own transactions, possibly in both app databases, on threads of its own (the dual-write runtime's map
     * actions). The command runs outside any transaction; its answer is stored afterwards, in a transaction of its
     * own. Work and answer therefore do not commit together: if the server stops between the two, the claim is
     * left without an answer, and once the lease has passed a repeated request runs the command again (the
     * runtime's actions refuse a repetition that no longer fits the map's state, e.g. 409 {@code MAP_STATE}, rather
     * than doing the work twice).
     *
     * @see #once
     */
    public ResponseEntity<?> onceWithoutTransaction(String key, HttpServletRequest request, Object body,
            Supplier<? extends ResponseEntity<?>> command) {
        return once(key, request, body, command, false);
    }

    /**
     * An answer as the {@link IdempotencyFilter} keeps it: HTTP status, body text (JSON) and {@code Location}.
     *
     * @param body     the body as text, {@code null} for none (or, replayed, when it was larger than the limit)
     * @param location the {@code Location} header, {@code null} for none
     * @param replayed whether this is the stored answer of an earlier request with the key
     */
    public record Answer(int status, String body, String location, boolean replayed) {
    }

    /**
     * Runs {@code command} once per key, for a request already read and hashed by its caller (the
     * {@link IdempotencyFilter}, which covers every command of the API this way). Semantics as {@link #once}, with the
     * work outside any transaction of this store, as {@link #onceWithoutTransaction}: the answer is stored after the
     * work, in a transaction of its own, if it is a 2xx; any other answer or a failure releases the key.
     *
     * @param key         the {@value #HEADER} header (not {@code null})
     * @param method      the HTTP method
     * @param path        the request path (without query; the query is part of {@code requestHash})
     * @param requestHash SHA-256, 64 hex digits, of what else makes the request: query and canonical body
     * @param command     the work; answers its status, body text and {@code Location}
     * @return the command's answer, or the stored answer of the first request with this key ({@code replayed})
     * @throws TandemException 400 {@code INVALID_INPUT} for a bad key; 422 {@code IDEMPOTENCY_KEY_REUSED}; 409
     *                         {@code IDEMPOTENCY_IN_PROGRESS}; and whatever the command throws (the key is then
     *                         released)
     */
    public Answer run(String key, String method, String path, String requestHash, Supplier<Answer> command) {
        Fingerprint fingerprint = new Fingerprint(validated(key), method, path, requestHash);
        Claim claim = claim(fingerprint);
        if (claim.replay() != null) {
            Stored stored = claim.replay();
            return new Answer(stored.status(), stored.body(), stored.location(), true);
        }
        try {
            Answer answer = command.get();
            if (answer.status() < 200 || answer.status() > 299) {
                release(fingerprint.key(), claim.token());
                return answer;
            }
            Stored stored = bounded(new Stored(answer.status(), answer.body(), answer.location()));
            own.executeWithoutResult(s -> complete(fingerprint.key(), claim.token(), stored, false));
            return answer;
        } catch (RuntimeException | Error failure) {
            release(fingerprint.key(), claim.token());
            throw failure;
        }
    }

    /** A request hash as {@link #run} wants it: SHA-256 of the bytes, 64 lower-case hex digits. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The stored answer without its body when the body is larger than {@code maxStoredBody} bytes. */
    private Stored bounded(Stored stored) {
        if (stored.body() != null && stored.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > maxStoredBody) {
            return new Stored(stored.status(), null, stored.location());
        }
        return stored;
    }

    private ResponseEntity<?> once(String key, HttpServletRequest request, Object body,
            Supplier<? extends ResponseEntity<?>> command, boolean inTransaction) {
        if (key == null) {
            return command.get();
        }
        Fingerprint fingerprint = new Fingerprint(validated(key), request.getMethod(), request.getRequestURI(),
                hash(body));
        Claim claim = claim(fingerprint);
        if (claim.replay() != null) {
            return answer(claim.replay(), HttpHeaders.EMPTY, true);
        }
        try {
            if (!inTransaction) {
                ResponseEntity<?> answer = command.get();
                if (!answer.getStatusCode().is2xxSuccessful()) {
                    release(fingerprint.key(), claim.token());
                    return answer;
                }
                Stored stored = stored(answer);
                own.executeWithoutResult(s -> complete(fingerprint.key(), claim.token(), bounded(stored), false));
                return answer(stored, answer.getHeaders(), false);
            }
            return work.execute(status -> {
                ResponseEntity<?> answer = command.get();
                if (!answer.getStatusCode().is2xxSuccessful()) {
                    // Only successes are kept; whatever a refusal wrote must not outlive its released key.
                    status.setRollbackOnly();
                    release(fingerprint.key(), claim.token());
                    return answer;
                }
                Stored stored = stored(answer);
                complete(fingerprint.key(), claim.token(), bounded(stored), true);
                return answer(stored, answer.getHeaders(), false);
            });
        } catch (RuntimeException | Error failure) {
            release(fingerprint.key(), claim.token());
            throw failure;
        }
    }

    private Stored stored(ResponseEntity<?> answer) {
        URI location = answer.getHeaders().getLocation();
        return new Stored(answer.getStatusCode().value(),
                answer.hasBody() ? json.writeValueAsString(answer.getBody()) : null,
                location == null ? null : location.toString());
    }

    /** What identifies a request: the key, and the method, path and body hash it was first used with. */
    private record Fingerprint(String key, String method, String path, String hash) {

        /**
         * The request as its signed-in user sent it: the user is part of the hash, so a key another user already
         * used is refused as reused (422) instead of replaying that user's answer to this one (issue 15).
         */
        Fingerprint {
            org.springframework.security.core.Authentication auth = org.springframework.security.core.context
                    .SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.isAuthenticated() && auth.getName() != null) {
                hash = ofUser(auth.getName(), hash);
            }
        }
    }

    /** The stored hash of a request of {@code user} whose method-less hash is {@code hash} (see Fingerprint). */
    public static String ofUser(String user, String hash) {
        return sha256((user + "\n" + hash).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A stored answer: HTTP status, JSON body and {@code Location} header ({@code null} when there was none). */
    private record Stored(int status, String body, String location) {
    }

    /** Either the claim of the key ({@code token}) or the answer to replay. */
    private record Claim(UUID token, Stored replay) {
    }

    /** The key's row as stored. */
    private record Row(String method, String path, String hash, UUID token, Integer status, String body,
                       String location, OffsetDateTime createdAt) {
    }

    private Claim claim(Fingerprint request) {
        purgeExpired();
        UUID token = UUID.randomUUID();
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            OffsetDateTime now = now();
            try {
                own.executeWithoutResult(s -> jdbc.update("INSERT INTO api_idempotency_key (idempotency_key, "
                        + "request_method, request_path, request_hash, claim_token, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", request.key(), request.method(), request.path(), request.hash(),
                        token, now));
                return new Claim(token, null);
            } catch (DuplicateKeyException taken) {
                Row row = find(request.key());
                if (row == null) {
                    continue; // released between our insert and our read: claim it again
                }
                if (!row.method().equals(request.method()) || !row.path().equals(request.path())
                        || !row.hash().equals(request.hash())) {
                    throw reused(request, row);
                }
                if (row.status() != null) {
                    return new Claim(null, new Stored(row.status(), row.body(), row.location()));
                }
                if (row.createdAt().isBefore(now.minus(lease)) && takeOver(request.key(), row.token(), token, now)) {
                    return new Claim(token, null);
                }
                throw inProgress(request.key());
            }
        }
        throw inProgress(request.key());
    }

    /**
     * Deletes the keys claimed longer than the retention ago, answered or not (a claim older than the retention is
     * past its lease, so its request is gone). At most once per {@link #PURGE_INTERVAL} per instance; several servers
     * on one database may each do it, which deletes nothing twice.
     */
    private void purgeExpired() {
        OffsetDateTime now = now();
        OffsetDateTime last = lastPurge.get();
        if (last.isAfter(now.minus(PURGE_INTERVAL)) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        own.executeWithoutResult(s -> jdbc.update("DELETE FROM api_idempotency_key WHERE created_at < ?",
                now.minus(retention)));
    }

    private Row find(String key) {
        List<Row> rows = jdbc.query("SELECT request_method, request_path, request_hash, claim_token, response_status, "
                + "response_body, response_location, created_at FROM api_idempotency_key WHERE idempotency_key = ?",
                (rs, n) -> {
                    int status = rs.getInt(5);
                    Integer answered = rs.wasNull() ? null : status;
                    return new Row(rs.getString(1), rs.getString(2), rs.getString(3).trim(),
                            rs.getObject(4, UUID.class), answered, rs.getString(6), rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class));
                }, key);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    /** Compare-and-set on the dead request's token, so of two requests taking over, one wins. */
    private boolean takeOver(String key, UUID deadToken, UUID token, OffsetDateTime now) {
        Integer n = own.execute(s -> jdbc.update("UPDATE api_idempotency_key SET claim_token = ?, created_at = ? "
                + "WHERE idempotency_key = ? AND claim_token = ? AND response_status IS NULL", token, now, key,
                deadToken));
        return n != null && n == 1;
    }

    /**
     * Runs inside the work's transaction, so the answer commits with the work ({@code withWork}); for
     * {@link #onceWithoutTransaction} in a transaction of its own after the work.
     */
    private void complete(String key, UUID token, Stored stored, boolean withWork) {
        int n = jdbc.update("UPDATE api_idempotency_key SET response_status = ?, response_body = ?, "
                + "response_location = ?, completed_at = ? WHERE idempotency_key = ? AND claim_token = ? "
                + "AND response_status IS NULL", stored.status(), stored.body(), stored.location(), now(), key, token);
        if (n != 1) {
            throw new TandemException(ServerError.IDEMPOTENCY_IN_PROGRESS, "This request held Idempotency-Key '" + key
                    + "' longer than the lease and another request with the key took it over; "
                    + (withWork ? "this request's work was rolled back. " : "its answer was not stored. ")
                    + "Repeat the request to get the answer of the one that finished.",
                    Map.of("idempotencyKey", key));
        }
    }

    private void release(String key, UUID token) {
        own.executeWithoutResult(s -> jdbc.update("DELETE FROM api_idempotency_key WHERE idempotency_key = ? "
                + "AND claim_token = ? AND response_status IS NULL", key, token));
    }

    /**
     * The stored JSON text is the body, first time and every replay alike, so the bytes are the same; a replay also
     * gets the stored {@code Location} (the first answer has it among its own headers).
     */
    private static ResponseEntity<?> answer(Stored stored, HttpHeaders headers, boolean replayed) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(stored.status()).headers(headers);
        if (replayed) {
            answer.header(REPLAYED_HEADER, "true");
            if (stored.location() != null) {
                answer.header(HttpHeaders.LOCATION, stored.location());
            }
        }
        return stored.body() == null ? answer.build()
                : answer.contentType(MediaType.APPLICATION_JSON).body(stored.body());
    }

    private String hash(Object body) {
        return sha256(body == null ? new byte[0] : json.writeValueAsBytes(body));
    }

    private static String validated(String key) {
        boolean printable = key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !printable) {
            throw new InputError(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters, not blank")
                    .refusal();
        }
        return key;
    }

    private static TandemException reused(Fingerprint request, Row first) {
        String what = first.method().equals(request.method()) && first.path().equals(request.path())
                ? "with another body" : "for " + first.method() + " " + first.path();
        return new TandemException(ServerError.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + request.key()
                + "' was already used " + what + "; a key names one request, use a new key for a new request",
                Map.of("idempotencyKey", request.key()));
    }

    private static TandemException inProgress(String key) {
        return new TandemException(ServerError.IDEMPOTENCY_IN_PROGRESS, "A request with Idempotency-Key '" + key
                + "' is still in progress; repeat the request once it has finished to get its answer",
                Map.of("idempotencyKey", key));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
