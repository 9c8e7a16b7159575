package dev.tandem.monthend;

import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.work.WorkEntryInput;
import dev.tandem.monthend.input.RunInput.WorkKind;
import dev.tandem.monthend.input.RunInput.WorkRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns time and expense rows into approved work entries, and so into cost and unbilled sales actuals (§5 steps
 * 2–4), which the actuals map carries to Finance's staging table in the same transactions. Rows the source marks
 * non-billable are approved too, as Non Chargeable (§4.4): their cost is work done and reaches the ledger.
 *
 * <p>Each row is created under its source key ({@code WorkEntries.createFromSources}): rows loaded by an earlier run
 * are skipped, and nothing is billed twice. Work is done in chunks of {@value #CHUNK} rows, each chunk created,
 * submitted and approved in its own transactions; a run stopped between "created" and "approved" leaves draft
 * entries that the next run finds by key and approves ({@link #approvePending}).
 */
final class WorkLoader {

    static final int CHUNK = 250;

    private final ProjectOperations ops;
    private final OperationsDirectory directory;

    WorkLoader(ProjectOperations ops) {
        this.ops = ops;
        this.directory = new OperationsDirectory(ops);
    }

    /**
     * Counts of one load: rows read, entries created now, rows loaded before, and the rows of those read that the
     * source marks non-billable (approved as Non Chargeable, now or before).
     */
    record Loaded(int rows, int created, int loadedBefore, int nonBillable) {
    }

    Loaded load(List<WorkRow> rows, Progress progress, String stepName) {
        int[] created = {0};
        progress.step(stepName, rows.size(), bar -> {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<WorkRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                Map<String, WorkEntryInput> byKey = new LinkedHashMap<>();
                for (WorkRow row : chunk) {
                    byKey.put(row.sourceKey(), entry(row));
                }
                List<UUID> ids = new ArrayList<>(ops.workEntries().createFromSources(byKey).values());
                if (!ids.isEmpty()) {
                    ops.workEntries().submitAll(ids);
                    ops.workEntries().approveAll(ids);
                }
                created[0] += ids.size();
                bar.stepBy(chunk.size());
            }
        });
        int nonBillable = (int) rows.stream().filter(row -> !row.billable()).count();
        return new Loaded(rows.size(), created[0], rows.size() - created[0], nonBillable);
    }

    /**
     * Approves entries an interrupted earlier run created from a source but did not approve.
     *
     * @return how many were approved
     */
    int approvePending() {
        List<UUID> drafts = ops.context().jdbc().queryForList("SELECT tdm_workentryid FROM tdm_workentry WHERE "
                + "tdm_sourcekey IS NOT NULL AND tdm_status IN ('DRAFT', 'SUBMITTED') ORDER BY msdyn_date, "
                + "tdm_workentryid", UUID.class);
        List<UUID> toSubmit = ops.context().jdbc().queryForList("SELECT tdm_workentryid FROM tdm_workentry WHERE "
                + "tdm_sourcekey IS NOT NULL AND tdm_status = 'DRAFT'", UUID.class);
        if (!toSubmit.isEmpty()) {
            ops.workEntries().submitAll(toSubmit);
        }
        if (!drafts.isEmpty()) {
            ops.workEntries().approveAll(drafts);
        }
        return drafts.size();
    }

    /**
     * The work entry of a row. A row its source marks non-billable is still work done: it is entered Non Chargeable,
     * so approval gives it a Cost actual and a non-chargeable Unbilled Sales actual (§4.4, §5 step 3), and its cost
     * reaches the ledger like any other.
     */
    private WorkEntryInput entry(WorkRow row) {
        UUID project = directory.project(row.project()).orElseThrow();
        UUID resource = directory.resource(row.resource()).orElseThrow();
        WorkEntryInput entry = row.kind() == WorkKind.TIME
                ? WorkEntryInput.time(project, null, resource, null, row.date(), row.quantity(), row.description())
                : new WorkEntryInput(TransactionClassification.EXPENSE, project, null, resource, null,
                        directory.category(row.category()).orElseThrow(), null, row.date(), row.quantity(),
                        row.unitPrice(), row.currency(), row.description(), null);
        return row.billable() ? entry : entry.withBillingType(BillingType.NON_CHARGEABLE);
    }
}
