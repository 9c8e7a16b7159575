package dev.tandem.server.reconcile;

import dev.tandem.common.testing.DatabaseKind;

/** The month-end property of issue 11 on PostgreSQL. */
class MonthEndPropertiesOnPostgresqlTest extends MonthEndProperties {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }
}
