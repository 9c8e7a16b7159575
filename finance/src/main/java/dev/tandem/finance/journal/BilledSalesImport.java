package dev.tandem.finance.journal;

import dev.tandem.finance.staging.StagingRow;
import java.util.List;

/**
 * Where Import from staging hands the billed sales rows (§5 step 12, §8): they become invoice-proposal lines, not
 * integration journal lines. {@link ImportFromStaging} calls it after the journal rows, with pages of at most its
 * batch size of unprocessed, non-duplicate billed sales rows of one legal entity, in row-id order, outside any
 * transaction (the implementation runs its own, and marks the rows it takes processed; rows it leaves stay
 * unprocessed for the next run).
 */
@FunctionalInterface
public interface BilledSalesImport {

    /** Leaves billed sales rows unprocessed: the default until invoice proposals are wired in. */
    BilledSalesImport NONE = rows -> { };

    void importRows(List<StagingRow> rows);
}
