package dev.tandem.server.security;

/** What the security log records (docs/security.md, "The security log"). */
public enum SecurityEventType {
    /** A user signed in to the web pages (API calls authenticate on every request and are not logged one by one). */
    SIGN_IN,
    /** A sign-in failed: unknown user, wrong password, bad or revoked token, disabled or locked user. */
    SIGN_IN_FAILED,
    /** Too many failed sign-ins in a row: the user, or the client address, is locked for a while. */
    LOCKED_OUT,
    /** A signed-in user called an operation a permission they lack guards. */
    PERMISSION_REFUSED,
    /** A user was created. */
    USER_CREATED,
    /** A user's roles changed, or the user was disabled or enabled again. */
    USER_CHANGED,
    /** A user's password was set or reset. */
    PASSWORD_CHANGED,
    /** A personal API token was created. */
    TOKEN_CREATED,
    /** A personal API token was revoked. */
    TOKEN_REVOKED
}
