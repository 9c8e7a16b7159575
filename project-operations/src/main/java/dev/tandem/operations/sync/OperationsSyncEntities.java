package dev.tandem.operations.sync;

import static dev.tandem.operations.OperationsError.INVALID_INPUT;
import static dev.tandem.operations.OperationsError.NOT_FOUND;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.spi.DataEntity;
import dev.tandem.dualwrite.spi.InboundPipeline;
import dev.tandem.dualwrite.spi.InboundRefusal;
import dev.tandem.dualwrite.spi.InboundRow;
import dev.tandem.dualwrite.spi.InboundRule;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.ProjectOperations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
 * <p>Every entity runs the inbound pipeline of the SPI ({@link InboundPipeline}: key, fields, column types and
 * lengths, unchanged rows, deletes); the classes above hold only Project Operations' business rules
 * ({@link InboundRule}), and {@link #refusal} words the pipeline's refusals.
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
        InboundRule rule = switch (definition.name()) {
            case "cdm_companies", "msdyn_currencyexchangerates" -> new ReferenceDataWrites(ctx, definition);
            case "accounts" -> new AccountWrites(ctx);
            case "msdyn_actuals" -> new ActualWriteBack(ctx);
            case "invoices" -> new InvoiceWriteBack(ctx);
            default -> null;
        };
        return rule == null ? InboundPipeline.readOnly(definition, ctx, OperationsSyncEntities::refusal)
                : InboundPipeline.entity(definition, ctx, OperationsSyncEntities::refusal, rule);
    }

    /**
     * The write-back of Finance onto rows Project Operations has (actuals, invoices): a key without a stored row is
     * refused ({@code NOT_FOUND} "&lt;noun&gt; &lt;key&gt; doesn't exist in Project Operations": Finance never creates
     * these rows), and each row's changed fields are updated with {@code modifiedon/modifiedby}.
     *
     * @param keyProperty the refusal's property that carries the key, e.g. {@code id}
     * @param changes     the fields of a stored row's delivery to write, after the entity's rules (none: no write)
     */
    static void writeBack(OperationsContext ctx, DataEntityDefinition definition, String noun, String keyProperty,
                          List<InboundRow> rows, Function<InboundRow, Map<String, Object>> changes) {
        Map<Object, Map<String, Object>> updates = new LinkedHashMap<>();
        for (InboundRow row : rows) {
            if (row.isNew()) {
                throw new TandemException(NOT_FOUND, noun + " " + row.key() + " doesn't exist in Project Operations",
                        Map.of("entity", definition.name(), keyProperty, row.key().toString()));
            }
            Map<String, Object> changed = changes.apply(row);
            if (!changed.isEmpty()) {
                updates.put(row.stored().get(definition.integrationKey()), changed);
            }
        }
        InboundPipeline.write(ctx, definition, List.of(), updates);
    }

    /**
     * Project Operations' wording of the inbound pipeline's refusals: {@code INVALID_INPUT}, naming the row and the
     * rule. Finance is the only app that writes into Project Operations, so a field it may not write "is not written
     * by Finance".
     */
    static TandemException refusal(InboundRefusal refusal) {
        return switch (refusal) {
            case InboundRefusal.EntityReadOnly r -> new TandemException(INVALID_INPUT, r.entity() + " is read-only for "
                    + "dual-write: Project Operations is the master of its rows, table maps only read them",
                    Map.of("entity", r.entity()));
            case InboundRefusal.KeyMissing r -> new TandemException(INVALID_INPUT, "A row of " + r.entity()
                    + " has no " + r.keyField() + ", the key it is written by",
                    Map.of("entity", r.entity(), "field", r.keyField()));
            case InboundRefusal.UnknownField r -> new TandemException(INVALID_INPUT, r.row() + ": " + r.entity()
                    + " has no field " + r.field(), Map.of("entity", r.entity(), "field", r.field()));
            case InboundRefusal.ReadOnlyField r -> new TandemException(INVALID_INPUT, r.row() + ": field " + r.field()
                    + " of " + r.entity() + " is not written by Finance; it writes only "
                    + String.join(", ", r.writable()), Map.of("entity", r.entity(), "field", r.field()));
            case InboundRefusal.DoesNotFit r -> new TandemException(INVALID_INPUT, r.row() + " can't be written: "
                    + r.entity() + ": value '" + r.value() + "' does not fit field " + r.field() + " (" + r.type()
                    + ")", Map.of("entity", r.entity(), "row", r.row()));
            case InboundRefusal.TooLong r -> new TandemException(INVALID_INPUT, r.row() + ": " + r.field() + " of "
                    + r.entity() + " holds at most " + r.maxLength() + " characters, '" + r.value() + "' has "
                    + r.value().length(), Map.of("row", r.row(), "field", r.field(), "maxLength", r.maxLength()));
            case InboundRefusal.DeleteRefused r -> new TandemException(INVALID_INPUT, r.reason() + "; refused deleting "
                    + r.keys(), Map.of("entity", r.entity()));
        };
    }
}
