package dev.tandem.operations.invoicing;

import dev.tandem.operations.OperationsTestBase;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** The §6 world with a confirmed contract, and helpers to approve, mark ready and invoice work. */
abstract class InvoicingTestBase extends OperationsTestBase {

    protected static final LocalDate INVOICE_DATE = LocalDate.of(2026, 3, 31);

    protected Invoicing invoicing() {
        return ops.invoicing();
    }

    /** Approves {@code hours} of the Developer on DAY and marks the unbilled actual Ready; returns the entry. */
    protected UUID readyTime(String hours) {
        UUID entry = submittedTime(hours, DAY);
        ops.workEntries().approve(entry);
        ops.backlog().markActuals(ops.actuals().bySource(entry).stream()
                .filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES).map(Actual::id).toList(), true);
        return entry;
    }

    protected UUID invoiceContract() {
        List<UUID> invoices = invoicing().creation().createForContract(contract, INVOICE_DATE);
        return invoices.get(0);
    }

    protected LineDetail onlyDetail(UUID invoiceId) {
        List<LineDetail> details = invoicing().store().details(invoiceId);
        if (details.size() != 1) {
            throw new AssertionError("expected one line detail, found " + details.size());
        }
        return details.get(0);
    }

    /** All actuals of the contract, as read models. */
    protected List<Actual> contractActuals() {
        return jdbc.query("SELECT " + Actual.COLUMNS + " FROM msdyn_actual WHERE msdyn_salescontract = ? "
                + "ORDER BY createdon, msdyn_actualid", Actual::map, contract);
    }

    protected List<Actual> actuals(Predicate<Actual> filter) {
        return contractActuals().stream().filter(filter).toList();
    }

    protected static Predicate<Actual> type(TransactionType type) {
        return a -> a.transactionType() == type;
    }

    /** A quantity or amount as a plain string with two decimals, for exact comparisons: "1600.00". */
    protected static String plain(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    /** Sum of billed sales not reversed or adjusted: what the customer is billed, net. */
    protected BigDecimal liveBilled() {
        return contractActuals().stream().filter(a -> a.transactionType() == TransactionType.BILLED_SALES)
                .map(Actual::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
