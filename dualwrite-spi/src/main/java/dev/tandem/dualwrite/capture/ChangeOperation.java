package dev.tandem.dualwrite.capture;

/** What happened to a data-entity row. */
public enum ChangeOperation {
    INSERT,
    UPDATE,
    DELETE
}
