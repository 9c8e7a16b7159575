package dev.tandem.server.reconcile;

import dev.tandem.common.testing.DatabaseKind;

/** The month-end property of issue 11 on H2. */
class MonthEndPropertiesOnH2Test extends MonthEndProperties {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
