package dev.tandem.operations.sync;

import static dev.tandem.operations.OperationsError.INVALID_INPUT;
import static dev.tandem.operations.OperationsError.NOT_FOUND;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.spi.TableDataEntity;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The write path of {@code msdyn_actuals} for the write-back leg of the "Project Operations integration actuals"
 * map (§7, §10 items 1 and 3): Finance posts a journal or an invoice proposal and sends the accounting details of
 * each actual back.
 *
 * <p>Accepts: upserts by {@code msdyn_actualid} of existing actuals, each row carrying the key and any of
 * {@code tdm_vouchernumber}, {@code tdm_accountingamount}, {@code tdm_salestaxamount}, {@code exchangerate},
 * {@code msdyn_accountingdate} ({@link OperationsDataEntities#ACTUAL_WRITE_BACK}). Only fields whose value differs
 * from the stored one are written (with {@code modifiedon/modifiedby}); a row equal to the stored actual writes
 * nothing and adds no outbox row, so a replayed write-back is harmless.
 *
 * <p>Refuses (the whole call): a row for an actual Project Operations doesn't have ({@code NOT_FOUND}, "Actual … doesn't
 * exist in Project Operations": Finance never creates actuals here); a row carrying any other field
 * ({@code INVALID_INPUT}, "field … of msdyn_actuals is not written by Finance"); a value that doesn't fit its
 * column ({@code INVALID_INPUT}); every delete ({@code INVALID_INPUT}: an actual is corrected by reversing it).
 */
final class ActualWriteBack implements TableDataEntity.Writes {

    private static final DataEntityDefinition ACTUALS = OperationsDataEntities.ACTUALS;
    private static final String KEY = ACTUALS.integrationKey();

    private final OperationsContext ctx;
    private final TableDataEntity entity;
    private volatile SyncRows.Limits limits;

    ActualWriteBack(OperationsContext ctx, TableDataEntity entity) {
        this.ctx = ctx;
        this.entity = entity;
    }

    @Override
    public void upsert(String keyField, List<Map<String, Object>> rows) {
        ctx.inTransaction(() -> {
            List<String> writable = new ArrayList<>(List.of(KEY));
            writable.addAll(OperationsDataEntities.ACTUAL_WRITE_BACK);
            List<Map<String, Object>> typed = new ArrayList<>(rows.size());
            for (Map<String, Object> row : rows) {
                String name = "Actual " + SyncRows.text(SyncRows.requireKey(ACTUALS, KEY, row));
                SyncRows.onlyFields(ACTUALS, row, writable, name, "Finance");
                Map<String, Object> t = SyncRows.coerce(entity, row, name);
                limits().check(t, name);
                typed.add(t);
            }
            Map<Object, Map<String, Object>> merged = SyncRows.mergeByKey(typed, KEY);
            Map<Object, Map<String, Object>> stored = SyncRows.index(
                    entity.read(KEY, new ArrayList<>(merged.keySet())), KEY);
            Map<Object, Map<String, Object>> updates = new LinkedHashMap<>();
            merged.forEach((id, row) -> {
                Map<String, Object> before = stored.get(id);
                if (before == null) {
                    throw new TandemException(NOT_FOUND, "Actual " + id + " doesn't exist in Project Operations",
                            Map.of("entity", ACTUALS.name(), "id", id.toString()));
                }
                Map<String, Object> changed = SyncRows.changes(row, before, Set.of(KEY));
                if (!changed.isEmpty()) {
                    changed.putAll(ctx.modified());
                    updates.put(id, changed);
                }
            });
            SyncRows.byFieldSet(updates).forEach(group -> ctx.writer().updateEach(ACTUALS, group));
        });
    }

    @Override
    public void delete(String keyField, List<?> keys) {
        throw new TandemException(INVALID_INPUT, "Actuals aren't deleted through dual-write: Project Operations "
                + "corrects an actual by reversing it (§4.3); refused deleting " + keys,
                Map.of("entity", ACTUALS.name()));
    }

    private SyncRows.Limits limits() {
        if (limits == null) {
            limits = SyncRows.Limits.of(ctx.jdbc(), ACTUALS);
        }
        return limits;
    }
}
