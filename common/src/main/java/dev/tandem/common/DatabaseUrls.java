package dev.tandem.common;

import java.nio.file.Path;

/**
 * JDBC URLs of the embedded H2 default. H2 runs in PostgreSQL compatibility mode with lower-case identifiers, so
 * the same SQL and the same Flyway migrations run on H2 and on PostgreSQL.
 */
public final class DatabaseUrls {

    /** H2 settings shared by the file database and the in-memory test databases. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private DatabaseUrls() {
    }

    /**
     * File database {@code <directory>/<name>.mv.db}, e.g. {@code ./data/operations}. {@code WRITE_DELAY=0}: H2
     * otherwise writes committed transactions to the file up to a second later, and a process killed in that second
     * loses them. Dual-write's crash harness found it: Finance lost applied batches whose Project Operations side had
     * committed. With no delay a commit is in the operating system's hands before it returns.
     */
    public static String h2File(Path directory, String name) {
        return "jdbc:h2:file:" + directory.resolve(name).toAbsolutePath() + H2_OPTIONS
                + ";AUTO_SERVER=FALSE;WRITE_DELAY=0";
    }

    /** Private in-memory database that lives until the JVM exits. */
    public static String h2Memory(String name) {
        return "jdbc:h2:mem:" + name + H2_OPTIONS + ";DB_CLOSE_DELAY=-1";
    }
}
