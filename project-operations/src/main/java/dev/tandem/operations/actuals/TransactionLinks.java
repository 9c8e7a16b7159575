package dev.tandem.operations.actuals;

import dev.tandem.common.Ids;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.rows.Audit;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Collects transaction connections (a data entity, synced) and transaction origins (§3.6) during one action and
 * writes them in batches at the end.
 */
public final class TransactionLinks {

    /** Entity logical name used as the type of actuals in connections and origins. */
    public static final String ACTUAL = "msdyn_actual";

    private final OperationsContext ctx;
    private final List<TransactionConnectionRow> connections = new ArrayList<>();
    private final List<Object[]> origins = new ArrayList<>();

    public TransactionLinks(OperationsContext ctx) {
        this.ctx = ctx;
    }

    /** Entity logical name of invoice line details in connections and origins. */
    public static final String INVOICE_LINE_DETAIL = "msdyn_invoicelinetransaction";

    /** Connects transaction 1 (in its role) with transaction 2 (in its role); both are actuals. */
    public void connect(UUID transaction1, ConnectionRole role1, UUID transaction2, ConnectionRole role2) {
        connect(transaction1, role1, ACTUAL, transaction2, role2, ACTUAL);
    }

    /** Connects two transactions of any types (entity logical names), e.g. an invoice line detail and an actual. */
    public void connect(UUID transaction1, ConnectionRole role1, String type1, UUID transaction2, ConnectionRole role2,
                        String type2) {
        connections.add(new TransactionConnectionRow(Ids.newId(), transaction1, role1, type1, transaction2, role2, type2,
                Audit.created(ctx)));
    }

    /** Records that actual {@code actualId} originates from document {@code originId} of type {@code originType}. */
    public void origin(UUID originId, String originType, UUID actualId) {
        origins.add(new Object[] {Ids.newId(), originId, originType, actualId, ACTUAL});
    }

    /** Records that actual {@code actualId} originates from document {@code originId} of type {@code originType}. */
    public void origins(UUID originId, String originType, List<UUID> actualIds) {
        actualIds.forEach(id -> origin(originId, originType, id));
    }

    /** Writes everything collected, in the caller's transaction. */
    public void flush() {
        TransactionConnectionRow.ROWS.insert(ctx.writer(), connections);
        OffsetDateTime now = ctx.now();
        String user = ctx.user();
        List<Object[]> rows = origins.stream().map(o -> new Object[] {o[0], o[1], o[2], o[3], o[4], now, user}).toList();
        ctx.jdbc().batchUpdate("INSERT INTO msdyn_transactionorigin (msdyn_transactionoriginid, msdyn_origin, "
                + "msdyn_origintype, msdyn_transaction, msdyn_transactiontype, createdon, createdby) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
        connections.clear();
        origins.clear();
    }
}
