package dev.tandem.operations.sync;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.spi.InboundRow;
import dev.tandem.dualwrite.spi.InboundRule;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The business rules of {@code msdyn_actuals} for the write-back leg of the "Project Operations integration actuals"
 * map (§7, §10 items 1 and 3): Finance posts a journal or an invoice proposal and sends the accounting details of
 * each actual back.
 *
 * <p>Accepts (after the inbound pipeline's checks, {@link dev.tandem.dualwrite.spi.InboundPipeline}): upserts by {@code msdyn_actualid} of
 * existing actuals, each row carrying the key and any of {@code tdm_vouchernumber}, {@code tdm_accountingamount},
 * {@code tdm_salestaxamount}, {@code exchangerate}, {@code msdyn_accountingdate}
 * ({@link OperationsDataEntities#ACTUAL_WRITE_BACK}); any other field is refused by the pipeline ("field … of
 * msdyn_actuals is not written by Finance"). Only fields whose value differs from the stored one are written (with
 * {@code modifiedon/modifiedby}); a row equal to the stored actual writes nothing and adds no outbox row, so a
 * replayed write-back is harmless.
 *
 * <p>Refuses (the whole call): a row for an actual Project Operations doesn't have ({@code NOT_FOUND}, "Actual …
 * doesn't exist in Project Operations": Finance never creates actuals here); every delete ({@code INVALID_INPUT}: an
 * actual is corrected by reversing it).
 */
final class ActualWriteBack implements InboundRule {

    private static final DataEntityDefinition ACTUALS = OperationsDataEntities.ACTUALS;
    private static final String KEY = ACTUALS.integrationKey();

    private final OperationsContext ctx;

    ActualWriteBack(OperationsContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String noun() {
        return "Actual";
    }

    @Override
    public List<String> writable(DataEntityDefinition entity, String keyField) {
        List<String> writable = new ArrayList<>(List.of(KEY));
        writable.addAll(OperationsDataEntities.ACTUAL_WRITE_BACK);
        return writable;
    }

    @Override
    public void write(String keyField, List<InboundRow> rows) {
        OperationsSyncEntities.writeBack(ctx, ACTUALS, "Actual", "id", rows, row -> row.changes(Set.of(KEY)));
    }

    @Override
    public String whyNoDeletes(DataEntityDefinition entity) {
        return "Actuals aren't deleted through dual-write: Project Operations corrects an actual by reversing it (§4.3)";
    }
}
