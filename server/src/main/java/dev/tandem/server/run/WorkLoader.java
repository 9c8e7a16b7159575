package dev.tandem.server.run;

import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.work.WorkEntryInput;
import dev.tandem.server.run.input.RunInput.WorkKind;
import dev.tandem.server.run.input.RunInput.WorkRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns time and expense rows into approved work entries, and so into cost and unbilled sales actuals (§5 steps
 * 2–4), which the actuals map carries to Finance's staging table in the same transactions.
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

    /** Counts of one load: rows read, entries created now, rows loaded before, non-billable rows left out. */
    record Loaded(int rows, int created, int loadedBefore, int nonBillable) {
    }

    Loaded load(List<WorkRow> rows, Progress progress, String stepName) {
        List<WorkRow> billable = rows.stream().filter(WorkRow::billable).toList();
        int[] created = {0};
        progress.step(stepName, billable.size(), bar -> {
            for (int from = 0; from < billable.size(); from += CHUNK) {
                List<WorkRow> chunk = billable.subList(from, Math.min(billable.size(), from + CHUNK));
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
        return new Loaded(rows.size(), created[0], billable.size() - created[0], rows.size() - billable.size());
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

    private WorkEntryInput entry(WorkRow row) {
        UUID project = directory.project(row.project()).orElseThrow();
        UUID resource = directory.resource(row.resource()).orElseThrow();
        if (row.kind() == WorkKind.TIME) {
            return WorkEntryInput.time(project, null, resource, null, row.date(), row.quantity(), row.description());
        }
        return new WorkEntryInput(TransactionClassification.EXPENSE, project, null, resource, null,
                directory.category(row.category()).orElseThrow(), null, row.date(), row.quantity(), row.unitPrice(),
                row.currency(), row.description(), null);
    }
}
