package dev.tandem.server.run;

import dev.tandem.common.testing.DatabaseKind;

/** Rows written per time row of the month end on H2 files, the embedded default. */
class RowsWrittenPerTimeRowOnH2Test extends RowsWrittenPerTimeRowContract {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
