package dev.tandem.server.reconcile;

import dev.tandem.common.testing.DatabaseKind;

/** The reconciliation on PostgreSQL. */
class ReconciliationOnPostgresqlTest extends ReconciliationContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }
}
