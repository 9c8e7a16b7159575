package dev.tandem.operations.sync;

import dev.tandem.dualwrite.spi.DataEntity;
import dev.tandem.operations.ProjectOperations;
import java.util.List;

/** PLACEHOLDER until branch po-sync is merged: the data entities Project Operations exposes to dual-write. */
public final class OperationsSyncEntities {

    private OperationsSyncEntities() {
    }

    public static List<DataEntity> create(ProjectOperations po) {
        return List.of();
    }
}
