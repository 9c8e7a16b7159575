package dev.tandem.operations.sync;

import static dev.tandem.operations.OperationsError.INVALID_INPUT;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.spi.DataEntity;
import dev.tandem.dualwrite.spi.TableDataEntity;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.ProjectOperations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The data entities of Project Operations as the dual-write runtime sees them (DESIGN §3), in the relationship order
 * of {@link OperationsDataEntities#ALL} (parents first). Every entity reads its table by key and pages through it in
 * key order with typed values (UUID, {@code LocalDate}, {@code BigDecimal}, UTC {@code OffsetDateTime}); what it
 * accepts as writes depends on who is master of its rows:
 *
 * <table>
 *   <caption>Write paths</caption>
 *   <tr><th>entity</th><th>writes accepted</th><th>spec</th></tr>
 *   <tr><td>{@code cdm_companies}, {@code msdyn_currencyexchangerates}</td><td>upsert and delete, Finance is master
 *       ({@link ReferenceDataWrites})</td><td>§7 prerequisite maps</td></tr>
 *   <tr><td>{@code accounts}</td><td>upsert by account number, Finance is master ({@link AccountWrites})</td>
 *       <td>§7 Customers</td></tr>
 *   <tr><td>{@code msdyn_actuals}</td><td>write-back of the accounting details onto existing actuals
 *       ({@link ActualWriteBack})</td><td>§7.1, §10</td></tr>
 *   <tr><td>{@code invoices}</td><td>write-back of the posted customer invoice and status Posted onto confirmed
 *       invoices ({@link InvoiceWriteBack})</td><td>§3.2, §10 item 5</td></tr>
 *   <tr><td>all others (projects, contracts, contract lines, milestones, connections, invoice lines and details,
 *       organizational units, transaction categories, bookable resources)</td><td>none: Project Operations is
 *       master, the runtime only reads them</td><td>§7</td></tr>
 * </table>
 *
 * <p>Every refusal is a {@link TandemException} whose message names the row and the rule ({@code INVALID_INPUT},
 * {@code NOT_FOUND}, {@code INVOICE_STATUS}); a refused call writes nothing. Writes go through the app's
 * {@link dev.tandem.dualwrite.entity.DataEntityWriter} inside the caller's transaction (the runtime's), so each
 * applied change is in the outbox with it.
 */
public final class OperationsSyncEntities {

    private OperationsSyncEntities() {
    }

    /** The entities of the app, in {@link OperationsDataEntities#ALL} order. */
    public static List<DataEntity> create(ProjectOperations po) {
        OperationsContext ctx = po.context();
        List<DataEntity> entities = new ArrayList<>();
        for (DataEntityDefinition definition : OperationsDataEntities.ALL) {
            entities.add(entity(definition, ctx));
        }
        return List.copyOf(entities);
    }

    private static DataEntity entity(DataEntityDefinition definition, OperationsContext ctx) {
        return switch (definition.name()) {
            case "cdm_companies", "msdyn_currencyexchangerates" -> withWrites(definition, ctx, ReferenceDataWrites::new);
            case "accounts" -> withWrites(definition, ctx, AccountWrites::new);
            case "msdyn_actuals" -> withWrites(definition, ctx, ActualWriteBack::new);
            case "invoices" -> withWrites(definition, ctx, InvoiceWriteBack::new);
            default -> withWrites(definition, ctx, (c, e) -> new ReadOnly(e.definition()));
        };
    }

    /** An entity over its table whose writes go to the write path {@code writes} builds for it. */
    private static TableDataEntity withWrites(DataEntityDefinition definition, OperationsContext ctx,
            BiFunction<OperationsContext, TableDataEntity, TableDataEntity.Writes> writes) {
        Deferred deferred = new Deferred();
        TableDataEntity entity = new TableDataEntity(definition, ctx, deferred);
        deferred.target = writes.apply(ctx, entity);
        return entity;
    }

    /** Hands writes to the write path, which needs the entity (its column types) and so is built after it. */
    private static final class Deferred implements TableDataEntity.Writes {

        private volatile TableDataEntity.Writes target;

        @Override
        public void upsert(String keyField, List<Map<String, Object>> rows) {
            target.upsert(keyField, rows);
        }

        @Override
        public void delete(String keyField, List<?> keys) {
            target.delete(keyField, keys);
        }
    }

    /**
     * The write path of an entity Project Operations is master of: refuses every write with {@code INVALID_INPUT}.
     * (Project Operations' own code, so the refusal reads as this app's, unlike {@link TableDataEntity#readOnly}'s
     * ENTITY_READ_ONLY.)
     */
    private record ReadOnly(DataEntityDefinition definition) implements TableDataEntity.Writes {

        @Override
        public void upsert(String keyField, List<Map<String, Object>> rows) {
            throw refusal();
        }

        @Override
        public void delete(String keyField, List<?> keys) {
            throw refusal();
        }

        private TandemException refusal() {
            return new TandemException(INVALID_INPUT, definition.name() + " is read-only for dual-write: Project "
                    + "Operations is the master of its rows, table maps only read them",
                    Map.of("entity", definition.name()));
        }
    }
}
