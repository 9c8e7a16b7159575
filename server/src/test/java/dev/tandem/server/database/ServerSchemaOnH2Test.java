package dev.tandem.server.database;

import dev.tandem.common.testing.DatabaseKind;

/** The server's own migrations, on databases of the old layout and fresh ones, on H2. */
class ServerSchemaOnH2Test extends ServerSchemaContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
