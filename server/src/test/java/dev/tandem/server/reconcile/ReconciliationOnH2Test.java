package dev.tandem.server.reconcile;

import dev.tandem.common.testing.DatabaseKind;

/** The reconciliation on H2. */
class ReconciliationOnH2Test extends ReconciliationContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
