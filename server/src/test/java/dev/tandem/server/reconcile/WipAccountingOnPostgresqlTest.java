package dev.tandem.server.reconcile;

import dev.tandem.common.testing.DatabaseKind;

/** WIP accounting of issue 11 on Postgresql. */
class WipAccountingOnPostgresqlTest extends WipAccountingContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }
}
