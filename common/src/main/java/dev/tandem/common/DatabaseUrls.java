package dev.tandem.common;

import java.nio.file.Path;

/**
 * JDBC URLs of the embedded H2 default. H2 runs in PostgreSQL compatibility mode with lower-case identifiers, so
 * the same SQL and the same Flyway migrations run on H2 and on PostgreSQL.
 */
public final class DatabaseUrls {

    /**
     * H2 settings shared by the file database and the in-memory test databases. {@code LOCK_TIMEOUT=10000}: a
     * transaction waits up to 10 s for a row another transaction holds (H2 gives up after a few seconds by default;
     * PostgreSQL waits without limit). Rows are locked in one order, so a wait ends when the other commits. Posting
     * journals and proposals holds the number sequence's row for the posting, and concurrent postings failed on the
     * short default (issue 14, finding 2). A wait that still times out answers 503 {@code CONTENTION}.
     */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";LOCK_TIMEOUT=10000";

    private DatabaseUrls() {
    }

    /**
     * File database {@code <directory>/<name>.mv.db}, e.g. {@code ./data/operations}. {@code WRITE_DELAY=0}: H2
     * otherwise writes committed transactions to the file up to a second later, and a process killed in that second
     * loses them. Dual-write's crash harness found it: Finance lost applied batches whose Project Operations side had
     * committed. With no delay a commit is in the operating system's hands before it returns.
     *
     * <p>{@code DB_CLOSE_DELAY=-1}: H2 otherwise closes a file database the moment its last connection closes and
     * opens it again on the next one, so the database's life hangs on the connection pool (issue 13: a month end of
     * 100,000 time rows failed with "The database has been closed" and completed once the pool stopped retiring
     * connections). The database stays open until the server closes its pool, which shuts it down explicitly
     * ({@code DB_CLOSE_ON_EXIT=FALSE}: not from H2's own shutdown hook, which could close it under a running step).
     *
     * <p>{@code retry:} (H2's file system that reopens its file channel after an interrupt): a thread interrupted
     * while H2 writes, which a pool, an executor's {@code shutdownNow} or a cancelled request may do, otherwise
     * closes the channel and with it the whole database for good ("The database has been closed", issue 13).
     *
     * <p>{@code COMPRESS=TRUE}: pages are written compressed. Every commit writes the changed pages to the end of the
     * file and the old versions are only freed later, so the file grows by many times what it holds; compressed
     * pages make that churn ten times smaller (the example's two files: 156 MB before, 11 MB with it; issue 13).
     *
     * <p>{@code MAX_COMPACT_TIME=}{@value #H2_MAX_COMPACT_MILLIS}: when the database shuts down, H2 rewrites its
     * sparse chunks and moves them to the front of the file for up to 30 s (H2's default is 0.2 s), so that the file
     * left on disk is near the size of its data. H2 would do that while it runs only from its background writer,
     * which {@code WRITE_DELAY=0} switches off: the files of a month end of 10,000 time rows were 328 MB after the
     * run with the default and 61–154 MB with this (33 MB fully compacted; H2 leaves chunks younger than its 45 s
     * retention time where they are), at no measurable cost to the run (issue 13).
     */
    public static String h2File(Path directory, String name) {
        return "jdbc:h2:retry:" + directory.resolve(name).toAbsolutePath() + H2_OPTIONS
                + ";AUTO_SERVER=FALSE;WRITE_DELAY=0;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;COMPRESS=TRUE"
                + ";MAX_COMPACT_TIME=" + H2_MAX_COMPACT_MILLIS;
    }

    /** How long an H2 file database may spend compacting its file when it shuts down, in milliseconds. */
    public static final int H2_MAX_COMPACT_MILLIS = 30_000;

    /**
     * Whether a JDBC url opens H2 inside this JVM (a file or in-memory database, not an H2 server over TCP/SSL).
     * Such a database has no server that drops idle connections, so a pool gains nothing by retiring them.
     */
    public static boolean isEmbeddedH2(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length());
        return !rest.startsWith("tcp:") && !rest.startsWith("ssl:");
    }

    /** Whether a JDBC url opens an H2 database file inside this JVM (embedded, not in memory). */
    public static boolean isEmbeddedH2File(String url) {
        return isEmbeddedH2(url) && !url.startsWith("jdbc:h2:mem:");
    }

    /** Private in-memory database that lives until the JVM exits. */
    public static String h2Memory(String name) {
        return "jdbc:h2:mem:" + name + H2_OPTIONS + ";DB_CLOSE_DELAY=-1";
    }
}
