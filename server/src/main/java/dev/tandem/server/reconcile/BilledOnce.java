package dev.tandem.server.reconcile;

import dev.tandem.common.Money;
import dev.tandem.operations.reconcile.OperationsReconciliation;
import dev.tandem.operations.reconcile.OperationsReconciliation.Billing;
import dev.tandem.operations.reconcile.OperationsReconciliation.CorrectiveCredit;
import dev.tandem.operations.reconcile.OperationsReconciliation.MultipleBilling;
import dev.tandem.server.api.Decimals;
import java.math.BigDecimal;
import java.util.List;

/**
 * DESIGN §4 invariant 1, on the Project Operations database: every unbilled sales actual is billed at most once, and
 * a credit returns exactly what was credited to the backlog (spec §3.6, §6).
 *
 * <p>Three checks, each counting its rows in {@code checked}:
 * <ol>
 *   <li><b>Billed at most once</b>, per unbilled sales actual (transaction type Unbilled Sales, not Skip Sync, i.e.
 *       not a confirmation's negative reversal): at most one billed sales actual that is not Adjusted (not reversed
 *       by a corrective invoice) is connected to it as Billed Sales ↔ Unbilled Sales.</li>
 *   <li><b>No billing without its origin</b>, per billed sales actual: a chargeable time, expense, material or fee
 *       billed sales on a time-and-material contract line that is not itself a reversal (no Reversing connection)
 *       has a Billed Sales ↔ Unbilled Sales connection. Milestones, retainers and manual details on fixed-price
 *       lines bill without unbilled sales (§6) and are not checked.</li>
 *   <li><b>Credit = return to the backlog</b>, per time, expense, material or fee billed sales actual B reversed by
 *       a corrective invoice C (a billed sales reversal on C connected Reversing → B): C re-invoices quantity
 *       {@code q} through unbilled sales on C that replace B; what it credits is the rest, {@code B.quantity − q},
 *       at B's price. The unbilled sales replacing B that are not on C (returned to the backlog, possibly invoiced
 *       again since) must carry exactly that quantity and the amount {@code B.amount − round(q × B.price)} (rounded
 *       to the minor units of B's currency; with {@code q = 0}, B's amount); nothing is returned when C re-invoices
 *       at least B's quantity. This is how confirmation computes the return (§6, second table), so a difference
 *       means a lost, doubled or altered return.</li>
 * </ol>
 * Samples name the actual ids and invoice numbers. The rows come from Project Operations' reconciliation port.
 */
final class BilledOnce {

    static final String NAME = "unbilled sales billed at most once; credits return to the backlog";

    private final OperationsReconciliation operations;

    BilledOnce(OperationsReconciliation operations) {
        this.operations = operations;
    }

    InvariantResult check() {
        Tally tally = new Tally(1, NAME);
        billedAtMostOnce(tally);
        billedWithOrigin(tally);
        creditsReturned(tally);
        return tally.result();
    }

    private void billedAtMostOnce(Tally tally) {
        tally.checked(operations.unbilledSalesCount());
        for (MultipleBilling m : operations.unbilledSalesBilledMoreThanOnce()) {
            tally.violation("unbilled sales actual " + m.unbilledSalesActualId() + " is billed " + m.billings().size()
                    + " times: billed sales " + String.join(", ", m.billings().stream()
                    .map(b -> b.billedSalesActualId() + " on invoice " + b.invoiceNumber()).toList()));
        }
    }

    private void billedWithOrigin(Tally tally) {
        tally.checked(operations.billedSalesCount());
        for (Billing b : operations.billedSalesWithoutOrigin()) {
            tally.violation("chargeable billed sales actual " + b.billedSalesActualId() + " on invoice "
                    + b.invoiceNumber() + " bills no unbilled sales actual (no Billed Sales ↔ Unbilled Sales "
                    + "connection)");
        }
    }

    /**
     * What corrective invoice C credits of billed sales B is what it does not re-invoice: {@code B.quantity − q} at
     * B's price, {@code B.amount − round(q × B.price)} in B's currency (B's amount when {@code q = 0}, nothing when C
     * re-invoices at least B's quantity). Exactly that must have gone back to the backlog (§6, second table).
     */
    private void creditsReturned(Tally tally) {
        List<CorrectiveCredit> credits = operations.correctiveCredits();
        tally.checked(credits.size());
        for (CorrectiveCredit c : credits) {
            String currency = c.amount().currency();
            BigDecimal creditedQuantity = c.quantity().subtract(c.reinvoicedQuantity()).max(BigDecimal.ZERO);
            BigDecimal creditedAmount = creditedQuantity.signum() == 0 ? BigDecimal.ZERO
                    : c.reinvoicedQuantity().signum() == 0 ? c.amount().amount()
                    : c.amount().amount().subtract(Money.round(c.reinvoicedQuantity().multiply(c.price()), currency));
            BigDecimal returnedQuantity = c.returnedQuantity();
            BigDecimal returnedAmount = c.returnedAmount().amount();
            if (creditedQuantity.compareTo(returnedQuantity) != 0 || creditedAmount.compareTo(returnedAmount) != 0) {
                tally.violation("corrective invoice " + c.correctiveInvoiceNumber() + " credits "
                        + Decimals.plain(creditedQuantity) + " (" + Decimals.plain(creditedAmount) + " " + currency
                        + ") of billed sales actual " + c.billedSalesActualId() + " but "
                        + Decimals.plain(returnedQuantity) + " (" + Decimals.plain(returnedAmount) + " " + currency
                        + ") went back to the backlog");
            }
        }
    }
}
