package dev.tandem.operations.actuals;

import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.rows.Audit;
import dev.tandem.operations.rows.EntityField;
import dev.tandem.operations.rows.EntityRows;
import java.util.UUID;

/**
 * A full row of the {@code msdyn_transactionconnections} data entity (§3.6): transaction 1 in its role connected
 * with transaction 2 in its role; each type is the entity logical name of the transaction (an actual or an invoice
 * line detail). {@link #ROWS} is the writer's edge.
 */
public record TransactionConnectionRow(@EntityField("msdyn_transactionconnectionid") UUID id,
                                       @EntityField("msdyn_transaction1") UUID transaction1,
                                       @EntityField("msdyn_transaction1role") ConnectionRole role1,
                                       @EntityField("msdyn_transaction1type") String type1,
                                       @EntityField("msdyn_transaction2") UUID transaction2,
                                       @EntityField("msdyn_transaction2role") ConnectionRole role2,
                                       @EntityField("msdyn_transaction2type") String type2,
                                       Audit audit) {

    /** The writer's edge of these rows. */
    public static final EntityRows<TransactionConnectionRow> ROWS = EntityRows.of(OperationsDataEntities.TRANSACTION_CONNECTIONS, TransactionConnectionRow.class);
}
