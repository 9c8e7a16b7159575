package dev.tandem.finance.sync;

import dev.tandem.dualwrite.spi.DataEntity;
import dev.tandem.finance.Finance;
import java.util.List;

/** PLACEHOLDER until branch fin-sync is merged: the data entities Finance exposes to dual-write. */
public final class FinanceSyncEntities {

    private FinanceSyncEntities() {
    }

    public static List<DataEntity> create(Finance finance) {
        return List.of();
    }
}
