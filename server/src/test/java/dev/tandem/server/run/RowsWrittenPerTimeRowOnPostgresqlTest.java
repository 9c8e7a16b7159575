package dev.tandem.server.run;

import dev.tandem.common.testing.DatabaseKind;

/** Rows written per time row of the month end on PostgreSQL. */
class RowsWrittenPerTimeRowOnPostgresqlTest extends RowsWrittenPerTimeRowContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }
}
