package dev.tandem.server.reconcile;

import dev.tandem.common.testing.DatabaseKind;

/** WIP accounting of issue 11 on H2. */
class WipAccountingOnH2Test extends WipAccountingContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
