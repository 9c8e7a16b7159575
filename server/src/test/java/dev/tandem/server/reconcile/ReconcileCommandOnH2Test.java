package dev.tandem.server.reconcile;

import dev.tandem.common.testing.DatabaseKind;

/** {@code tandem reconcile} on H2. */
class ReconcileCommandOnH2Test extends ReconcileCommandContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
