package dev.tandem.server.security;

import dev.tandem.common.testing.DatabaseKind;

/** {@code tandem users} on H2. */
class UsersCommandOnH2Test extends UsersCommandContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
