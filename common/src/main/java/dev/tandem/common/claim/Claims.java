package dev.tandem.common.claim;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import javax.sql.DataSource;

/**
 * The claim model of one database (issue 14, finding 3): every piece of work that is claimed by writing a status
 * (an integration journal in PROCESSING, a bulk confirmation job in Processing) records its owner
 * ({@link ClaimOwner#id()}, with {@link ClaimOwner#label()} for people) and when the owner last renewed it. A claim
 * whose owner is gone is taken over at once by the next process that wants the work; a claim of a live owner is
 * never taken over. Whether an owner is gone depends on the database ({@link Liveness}):
 * <ul>
 *   <li>{@link Liveness#PROCESS} — an H2 database opened inside the JVM (a file or in memory): only one process can
 *       open it, so every owner but this process is gone.</li>
 *   <li>{@link Liveness#ADVISORY_LOCK} — PostgreSQL: each live owner holds a session advisory lock keyed by its id
 *       on a connection of its own ({@link #hold()}, taken before it makes its first claim). The server drops the
 *       lock the moment the owner's session ends (a crash, {@code kill -9}, a lost connection), so an owner whose
 *       lock can be taken is gone at once.</li>
 *   <li>{@link Liveness#LEASE} — any other database: the owner is gone when its claim was not renewed for the lease
 *       ({@value #LEASE_PROPERTY}, default {@link #DEFAULT_LEASE}); owners renew as they work.</li>
 * </ul>
 * A claim without an owner (made before claims had owners) is gone. Taking over is safe only together with
 * fencing: the work renews its claim in every transaction that does a part of it, with the condition that it still
 * owns the claim, and stops when it does not, so two owners never both do the work even if one was wrongly thought
 * gone (e.g. its lock connection dropped while it was still running).
 *
 * <p>Instances are shared: {@link #on(DataSource)} gives this process's claims on a database, one per database.
 */
public final class Claims implements AutoCloseable {

    /** System property with the lease of {@link Liveness#LEASE}, an ISO-8601 duration such as {@code PT30S}. */
    public static final String LEASE_PROPERTY = "tandem.claims.lease";

    /** The lease when {@value #LEASE_PROPERTY} is not set. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);

    /** How a database tells whether a claim's owner is gone. */
    public enum Liveness {
        /** Embedded H2: only this process can have the database open. */
        PROCESS,
        /** PostgreSQL: each live owner holds a session advisory lock keyed by its id. */
        ADVISORY_LOCK,
        /** Other databases: the claim's lease expired. */
        LEASE
    }

    private static final Map<DataSource, Map<UUID, Claims>> SHARED = new WeakHashMap<>();

    private final WeakReference<DataSource> dataSource;
    private final ClaimOwner owner;
    private final Duration lease;
    private Liveness liveness;
    private Connection lockConnection;

    private Claims(DataSource dataSource, ClaimOwner owner, Duration lease) {
        this.dataSource = new WeakReference<>(dataSource);
        this.owner = owner;
        this.lease = lease;
    }

    /** This process's claims on a database. */
    public static Claims on(DataSource dataSource) {
        return on(dataSource, ClaimOwner.current());
    }

    /** An owner's claims on a database (tests stand other processes in with their own owners). */
    public static Claims on(DataSource dataSource, ClaimOwner owner) {
        synchronized (SHARED) {
            return SHARED.computeIfAbsent(dataSource, d -> new HashMap<>()).computeIfAbsent(owner.id(),
                    id -> new Claims(dataSource, owner, configuredLease()));
        }
    }

    /** The owner whose claims these are. */
    public ClaimOwner owner() {
        return owner;
    }

    /** How this database tells that an owner is gone (read from the database on first use). */
    public synchronized Liveness liveness() {
        if (liveness == null) {
            try (Connection c = source().getConnection()) {
                String url = c.getMetaData().getURL();
                String product = c.getMetaData().getDatabaseProductName();
                if (url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:")
                        && !url.startsWith("jdbc:h2:ssl:")) {
                    liveness = Liveness.PROCESS;
                } else if ("PostgreSQL".equalsIgnoreCase(product)) {
                    liveness = Liveness.ADVISORY_LOCK;
                } else {
                    liveness = Liveness.LEASE;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read which database holds the claims", e);
            }
        }
        return liveness;
    }

    /** The lease of {@link Liveness#LEASE}. */
    public Duration lease() {
        return lease;
    }

    /**
     * Makes this owner's liveness visible before it claims work: on PostgreSQL, takes its session advisory lock on a
     * connection kept for it (again, on a new connection, when that one was lost). Cheap when already held.
     */
    public synchronized void hold() {
        if (liveness() != Liveness.ADVISORY_LOCK) {
            return;
        }
        try {
            if (lockConnection != null && lockConnection.isValid(5)) {
                return;
            }
            closeQuietly();
            lockConnection = source().getConnection();
            lockConnection.setAutoCommit(true);
            // try: another Claims of the same owner on another pool of the same database may hold it already, which
            // keeps the owner just as live.
            query(lockConnection, "SELECT pg_try_advisory_lock(?)", key(owner.id()));
        } catch (SQLException e) {
            closeQuietly();
            throw new IllegalStateException("could not take the advisory lock that shows owner " + owner.label()
                    + " is live", e);
        }
    }

    /**
     * Whether the owner of a claim is gone, so that the claim may be taken over now.
     *
     * @param claimOwner the claim's owner id; {@code null} (a claim without owner) is gone
     * @param renewedOn  when the claim was last renewed (used by {@link Liveness#LEASE} only)
     * @param now        the application clock's now
     */
    public synchronized boolean isGone(UUID claimOwner, OffsetDateTime renewedOn, OffsetDateTime now) {
        if (claimOwner == null) {
            return true;
        }
        if (claimOwner.equals(owner.id())) {
            return false;
        }
        return switch (liveness()) {
            case PROCESS -> true;
            case LEASE -> renewedOn == null || renewedOn.plus(lease).isBefore(now);
            case ADVISORY_LOCK -> lockFree(claimOwner);
        };
    }

    /** Releases the owner's advisory lock (its claims then look gone to everyone); for tests and shutdown. */
    @Override
    public synchronized void close() {
        closeQuietly();
    }

    /** Whether nobody holds the owner's advisory lock: tried, and released again at once when taken. */
    private boolean lockFree(UUID claimOwner) {
        hold();
        try {
            boolean taken = query(lockConnection, "SELECT pg_try_advisory_lock(?)", key(claimOwner));
            if (taken) {
                query(lockConnection, "SELECT pg_advisory_unlock(?)", key(claimOwner));
            }
            return taken;
        } catch (SQLException e) {
            closeQuietly();
            throw new IllegalStateException("could not tell whether the owner " + claimOwner + " of a claim is live", e);
        }
    }

    private static boolean query(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The advisory lock key of an owner: the two halves of its id folded into one 64-bit key. */
    static long key(UUID id) {
        return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    }

    private DataSource source() {
        DataSource d = dataSource.get();
        if (d == null) {
            throw new IllegalStateException("the database of these claims is gone");
        }
        return d;
    }

    private void closeQuietly() {
        if (lockConnection != null) {
            try (PreparedStatement ps = lockConnection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
                // A pooled connection goes back to its pool with its session: release the lock first.
                ps.execute();
            } catch (SQLException ignored) {
                // a broken connection: its session, and the lock with it, is ending anyway
            }
            try {
                lockConnection.close();
            } catch (SQLException ignored) {
                // the session ends either way
            }
            lockConnection = null;
        }
    }

    private static Duration configuredLease() {
        String value = System.getProperty(LEASE_PROPERTY);
        return value == null || value.isBlank() ? DEFAULT_LEASE : Duration.parse(value.strip());
    }
}
