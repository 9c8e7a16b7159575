package dev.tandem.monthend;

import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.masterdata.NaturalKeys;
import dev.tandem.operations.work.WorkEntryInput;
import dev.tandem.monthend.input.RunInput.WorkKind;
import dev.tandem.monthend.input.RunInput.WorkRow;
import dev.tandem.monthend.input.WorkRows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns time and expense rows into approved work entries, and so into cost and unbilled sales actuals (§5 steps
 * 2–4), which the actuals map carries to Finance's staging table in the same transactions. Rows the source marks
 * non-billable are approved too, as Non Chargeable (§4.4): their cost is work done and reaches the ledger.
 *
 * <p>Each row is created under its source key ({@code WorkEntries.approveFromSources}): rows loaded by an earlier run
 * are skipped, and nothing is billed twice. The project, resource and category names of all rows are resolved to
 * ids once per load, one query per kind; then each chunk of {@value #CHUNK} rows is created already approved, with
 * its actuals, in one transaction (the rows were approved in the tracker: the entry is written once, in its final
 * state). Entries a run before this one left Draft or Submitted are approved by {@link #approvePending}.
 */
final class WorkLoader {

    /**
     * Rows per transaction: about 4 actuals, 4 connections and 6 origins per row, so one transaction writes some
     * 15,000 rows and holds their images for the sync, a few MB; the commit and its live sync are paid per chunk.
     */
    static final int CHUNK = 1000;

    private final ProjectOperations ops;

    WorkLoader(ProjectOperations ops) {
        this.ops = ops;
    }

    /**
     * Counts of one load: rows read, entries created now, rows loaded before, and the rows of those read that the
     * source marks non-billable (approved as Non Chargeable, now or before).
     */
    record Loaded(int rows, int created, int loadedBefore, int nonBillable) {
    }

    Loaded load(WorkRows rows, Progress progress, String stepName) {
        Names names = names(rows);
        int created = progress.compute(stepName, rows.size(), bar -> {
            int[] count = {0};
            rows.forEachChunk(CHUNK, chunk -> {
                Map<String, WorkEntryInput> byKey = new LinkedHashMap<>();
                for (WorkRow row : chunk) {
                    byKey.put(row.sourceKey(), entry(row, names));
                }
                count[0] += ops.workEntries().approveFromSources(byKey).approved().size();
                bar.stepBy(chunk.size());
            });
            return count[0];
        });
        return new Loaded(rows.size(), created, rows.size() - created, rows.nonBillable());
    }

    /**
     * Approves entries an interrupted earlier run created from a source but did not approve
     * ({@code ProjectOperations.sourcedWork()}).
     *
     * @return how many were approved
     */
    int approvePending() {
        return ops.sourcedWork().approvePending().approved().size();
    }

    /** The ids of the projects, resources and categories the rows name, each kind found with one query. */
    private record Names(Map<String, UUID> projects, Map<String, UUID> resources, Map<String, UUID> categories) {

        UUID of(Map<String, UUID> ids, String name) {
            UUID id = ids.get(name);
            if (id == null) {
                // The input check resolved every name against the folder's files, which the load created first.
                throw new IllegalStateException(name + " is not in Project Operations");
            }
            return id;
        }
    }

    private Names names(WorkRows rows) {
        NaturalKeys keys = ops.naturalKeys();
        return new Names(keys.projects(rows.projects()), keys.resources(rows.resources()),
                keys.categories(rows.categories()));
    }

    /**
     * The work entry of a row. A row its source marks non-billable is still work done: it is entered Non Chargeable,
     * so approval gives it a Cost actual and a non-chargeable Unbilled Sales actual (§4.4, §5 step 3), and its cost
     * reaches the ledger like any other.
     */
    private static WorkEntryInput entry(WorkRow row, Names names) {
        UUID project = names.of(names.projects(), row.project());
        UUID resource = names.of(names.resources(), row.resource());
        WorkEntryInput entry = row.kind() == WorkKind.TIME
                ? WorkEntryInput.time(project, null, resource, null, row.date(), row.quantity(), row.description())
                : new WorkEntryInput(TransactionClassification.EXPENSE, project, null, resource, null,
                        names.of(names.categories(), row.category()), null, row.date(), row.quantity(),
                        row.unitPrice(), row.currency(), row.description(), null);
        return row.billable() ? entry : entry.withBillingType(BillingType.NON_CHARGEABLE);
    }
}
