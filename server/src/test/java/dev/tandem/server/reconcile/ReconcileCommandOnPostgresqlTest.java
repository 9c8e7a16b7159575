package dev.tandem.server.reconcile;

import dev.tandem.common.testing.DatabaseKind;

/** {@code tandem reconcile} on PostgreSQL. */
class ReconcileCommandOnPostgresqlTest extends ReconcileCommandContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }
}
