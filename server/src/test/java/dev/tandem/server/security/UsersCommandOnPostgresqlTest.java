package dev.tandem.server.security;

import dev.tandem.common.testing.DatabaseKind;

/** {@code tandem users} on Postgresql. */
class UsersCommandOnPostgresqlTest extends UsersCommandContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }
}
