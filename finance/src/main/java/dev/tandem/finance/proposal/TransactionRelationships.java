package dev.tandem.finance.proposal;

import static dev.tandem.finance.FinanceError.INVALID_INPUT;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.rows.RowRecords;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Transaction relationship staging ({@code projcdstransactionrelationshipimport}, §3.6, §7.2): Project
 * Operations' transaction connections, written by the msdyn_transactionconnections map. Rows are only upserted:
 * connections are never deleted by sync.
 *
 * <p>Invoice proposals use the connections Project Operations writes when it confirms a proforma invoice, "Billed
 * sales (Billed Sales) ↔ Unbilled sales actual (Unbilled Sales)" (§3.6), to find the unbilled sales behind a
 * billed-sales row: those must be posted through the integration journal before the proposal gets lines (§5 step
 * 12), and posting the invoice reverses their WIP at their rate (§9).
 */
public final class TransactionRelationships {

    /** Connection role values of Project Operations: the transaction-type values (docs/data-entities.md). */
    public static final int ROLE_UNBILLED_SALES = 192350005;
    public static final int ROLE_BILLED_SALES = 192350006;
    /** Entity logical name that types actuals in connections. */
    public static final String ACTUAL = "msdyn_actual";

    private static final DataEntityDefinition ENTITY = ProposalDataEntities.TRANSACTION_RELATIONSHIPS;

    private final FinanceContext ctx;

    public TransactionRelationships(FinanceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * One connection as the map delivers it and the staging table holds it: transaction ids, roles (option values)
     * and types (logical names). Its components are the fields of {@link ProposalDataEntities#TRANSACTION_RELATIONSHIPS}
     * but the audit fields, named alike.
     */
    public record Relationship(UUID connectionId, UUID transaction1Id, int transaction1Role, String transaction1Type,
                               UUID transaction2Id, int transaction2Role, String transaction2Type) {
    }

    /**
     * Inserts new connections and updates changed ones (idempotent by connection id).
     *
     * @throws TandemException INVALID_INPUT when a connection lacks an id or a type
     */
    public void upsert(List<Relationship> relationships) {
        for (Relationship r : relationships) {
            if (r.connectionId() == null || r.transaction1Id() == null || r.transaction2Id() == null
                    || r.transaction1Type() == null || r.transaction2Type() == null) {
                throw new TandemException(INVALID_INPUT, "Transaction relationship " + r.connectionId()
                        + " needs both transaction ids and types");
            }
        }
        ctx.inTransaction(() -> {
            Map<UUID, Relationship> existing = new HashMap<>();
            ctx.writer().read(ENTITY, relationships.stream().map(Relationship::connectionId).distinct().toList())
                    .forEach(row -> {
                        Relationship stored = RowRecords.fromFields(Relationship.class, row);
                        existing.put(stored.connectionId(), stored);
                    });
            List<Map<String, Object>> inserts = new ArrayList<>();
            Set<UUID> inserted = new HashSet<>();
            for (Relationship r : relationships) {
                Relationship stored = existing.get(r.connectionId());
                if (stored == null) {
                    if (inserted.add(r.connectionId())) {
                        Map<String, Object> row = RowRecords.toFields(r);
                        row.putAll(ctx.created());
                        inserts.add(row);
                    }
                } else if (!stored.equals(r)) {
                    // A repeated delivery of an unchanged connection writes nothing, so it syncs nothing back.
                    Map<String, Object> values = RowRecords.toFields(r);
                    values.remove(ENTITY.integrationKey());
                    values.putAll(ctx.modified());
                    ctx.writer().update(ENTITY, List.of(r.connectionId()), values);
                }
            }
            ctx.writer().insert(ENTITY, inserts);
        });
    }

    /**
     * The unbilled-sales actuals connected to each billed-sales actual as Billed Sales ↔ Unbilled Sales, in either
     * order of the pair. Billed actuals without such a connection are absent.
     */
    public Map<UUID, List<UUID>> unbilledOf(Collection<UUID> billedActualIds) {
        Map<UUID, List<UUID>> result = new LinkedHashMap<>();
        List<UUID> ids = new ArrayList<>(billedActualIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            String in = FinanceContext.placeholders(chunk);
            List<Object> args = new ArrayList<>();
            args.addAll(List.of(ROLE_BILLED_SALES, ROLE_UNBILLED_SALES, ACTUAL, ACTUAL));
            args.addAll(chunk);
            args.addAll(List.of(ROLE_BILLED_SALES, ROLE_UNBILLED_SALES, ACTUAL, ACTUAL));
            args.addAll(chunk);
            ctx.jdbc().query("SELECT transaction1id AS billed, transaction2id AS unbilled FROM "
                    + "projcdstransactionrelationshipimport WHERE transaction1role = ? AND transaction2role = ? AND "
                    + "transaction1type = ? AND transaction2type = ? AND transaction1id IN (" + in + ") "
                    + "UNION SELECT transaction2id, transaction1id FROM projcdstransactionrelationshipimport WHERE "
                    + "transaction2role = ? AND transaction1role = ? AND transaction2type = ? AND transaction1type = ? "
                    + "AND transaction2id IN (" + in + ")", rs -> {
                        result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                                .add(rs.getObject(2, UUID.class));
                    }, args.toArray());
        }
        result.values().forEach(list -> list.sort(null));
        return result;
    }
}
