package dev.tandem.server.operations;

import dev.tandem.common.TandemException;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.invoicing.InvoiceCreation;
import dev.tandem.operations.invoicing.InvoiceCreation.BulkResult;
import dev.tandem.server.database.OperationsDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Create Project Invoices" for several contracts (§5 step 8), as {@link InvoiceCreation#createBulk} does it — each
 * contract on its own, a contract with nothing to invoice (or any other refusal) skipped with its code and sentence —
 * but able to run inside a caller's transaction, which {@code createBulk} is not: a skipped contract's refusal marks a
 * surrounding transaction rollback-only, so the caller's commit would fail.
 *
 * <p>Each contract runs in a nested transaction: with no transaction around, that is a transaction of its own per
 * contract (exactly {@code createBulk}); inside one (an {@code Idempotency-Key} request, which stores its answer in the
 * same transaction as the work), a savepoint per contract, so a skipped contract rolls back to its savepoint only.
 */
@Component
class BulkInvoiceCreation {

    private final InvoiceCreation creation;
    private final TransactionTemplate perContract;

    BulkInvoiceCreation(ProjectOperations operations, @OperationsDatabase PlatformTransactionManager transactions) {
        this.creation = operations.invoicing().creation();
        this.perContract = new TransactionTemplate(transactions);
        this.perContract.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * @param contractIds the contracts, in the order they are invoiced; a repeated id counts once
     * @param invoiceDate the invoices' date; actuals dated on or before it are pulled
     * @return the invoices created, in contract order, and the skipped contracts with {@code CODE: sentence}
     */
    BulkResult create(List<UUID> contractIds, LocalDate invoiceDate) {
        List<UUID> created = new ArrayList<>();
        Map<UUID, String> skipped = new TreeMap<>();
        for (UUID contractId : new LinkedHashSet<>(contractIds)) {
            try {
                created.addAll(perContract.execute(status -> creation.createForContract(contractId, invoiceDate)));
            } catch (TandemException e) {
                skipped.put(contractId, e.errorCode().code() + ": " + e.detail());
            }
        }
        return new BulkResult(created, skipped);
    }
}
