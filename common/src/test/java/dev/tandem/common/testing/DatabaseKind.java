package dev.tandem.common.testing;

/** The two databases every database suite runs on. */
public enum DatabaseKind {
    H2,
    POSTGRESQL
}
