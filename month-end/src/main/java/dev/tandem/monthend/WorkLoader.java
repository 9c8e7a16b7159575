package dev.tandem.monthend;

import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.masterdata.NaturalKeys;
import dev.tandem.operations.work.WorkEntryInput;
import dev.tandem.monthend.input.RunInput.WorkKind;
import dev.tandem.monthend.input.RunInput.WorkRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Turns time and expense rows into approved work entries, and so into cost and unbilled sales actuals (§5 steps
 * 2–4), which the actuals map carries to Finance's staging table in the same transactions. Rows the source marks
 * non-billable are approved too, as Non Chargeable (§4.4): their cost is work done and reaches the ledger.
 *
 * <p>Each row is created under its source key ({@code WorkEntries.createFromSources}): rows loaded by an earlier run
 * are skipped, and nothing is billed twice. Work is done in chunks of {@value #CHUNK} rows, the chunk's project,
 * resource and category names resolved to ids with one query each, then the chunk created,
 * submitted and approved in its own transactions; a run stopped between "created" and "approved" leaves draft
 * entries that the next run finds by key and approves ({@link #approvePending}).
 */
final class WorkLoader {

    static final int CHUNK = 250;

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

    Loaded load(List<WorkRow> rows, Progress progress, String stepName) {
        int created = progress.compute(stepName, rows.size(), bar -> {
            int count = 0;
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<WorkRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                Names names = names(chunk);
                Map<String, WorkEntryInput> byKey = new LinkedHashMap<>();
                for (WorkRow row : chunk) {
                    byKey.put(row.sourceKey(), entry(row, names));
                }
                List<UUID> ids = new ArrayList<>(ops.workEntries().createFromSources(byKey).values());
                if (!ids.isEmpty()) {
                    ops.workEntries().submitAll(ids);
                    ops.workEntries().approveAll(ids);
                }
                count += ids.size();
                bar.stepBy(chunk.size());
            }
            return count;
        });
        int nonBillable = (int) rows.stream().filter(row -> !row.billable()).count();
        return new Loaded(rows.size(), created, rows.size() - created, nonBillable);
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

    /** The ids of the projects, resources and categories a chunk of rows names, each kind found with one query. */
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

    private Names names(List<WorkRow> chunk) {
        NaturalKeys keys = ops.naturalKeys();
        return new Names(keys.projects(chunk.stream().map(WorkRow::project).toList()),
                keys.resources(chunk.stream().map(WorkRow::resource).toList()),
                keys.categories(chunk.stream().map(WorkRow::category).filter(Objects::nonNull).toList()));
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
