package dev.tandem.server.reconcile;

import dev.tandem.common.Money;
import dev.tandem.operations.actuals.AdjustmentStatus;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.ConnectionRole;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.server.api.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

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
 * Samples name the actual ids and invoice numbers.
 */
final class BilledOnce {

    static final String NAME = "unbilled sales billed at most once; credits return to the backlog";

    private static final int UNBILLED = TransactionType.UNBILLED_SALES.value();
    private static final int BILLED = TransactionType.BILLED_SALES.value();
    private static final String WORK_CLASSES = TransactionClassification.TIME.value() + ", "
            + TransactionClassification.EXPENSE.value() + ", " + TransactionClassification.MATERIAL.value() + ", "
            + TransactionClassification.FEE.value();

    private final JdbcTemplate operations;

    BilledOnce(JdbcTemplate operations) {
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
        tally.checked(count("SELECT COUNT(*) FROM msdyn_actual WHERE msdyn_transactiontypecode = " + UNBILLED
                + " AND tdm_skipsync = FALSE"));
        String live = "FROM msdyn_transactionconnection c JOIN msdyn_actual b ON b.msdyn_actualid = c.msdyn_transaction1"
                + " WHERE c.msdyn_transaction1role = " + ConnectionRole.BILLED_SALES.value()
                + " AND c.msdyn_transaction2role = " + ConnectionRole.UNBILLED_SALES.value()
                + " AND b.msdyn_transactiontypecode = " + BILLED + " AND (b.msdyn_adjustmentstatus IS NULL"
                + " OR b.msdyn_adjustmentstatus <> " + AdjustmentStatus.ADJUSTED.value() + ")";
        Map<UUID, List<String>> billings = new LinkedHashMap<>();
        operations.query("SELECT c.msdyn_transaction2, b.msdyn_actualid, i.invoicenumber " + live.replace(" WHERE",
                " LEFT JOIN invoice i ON i.invoiceid = b.msdyn_invoice WHERE") + " AND c.msdyn_transaction2 IN (SELECT"
                + " c.msdyn_transaction2 " + live + " GROUP BY c.msdyn_transaction2 HAVING COUNT(*) > 1)"
                + " ORDER BY c.msdyn_transaction2, i.invoicenumber", rs -> {
                    billings.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(rs.getObject(2, UUID.class) + " on invoice " + rs.getString(3));
                });
        billings.forEach((unbilled, billed) -> tally.violation("unbilled sales actual " + unbilled + " is billed "
                + billed.size() + " times: billed sales " + String.join(", ", billed)));
    }

    private void billedWithOrigin(Tally tally) {
        tally.checked(count("SELECT COUNT(*) FROM msdyn_actual WHERE msdyn_transactiontypecode = " + BILLED));
        operations.query("SELECT b.msdyn_actualid, i.invoicenumber FROM msdyn_actual b"
                + " JOIN salesorderdetail l ON l.salesorderdetailid = b.msdyn_salescontractlineid"
                + " LEFT JOIN invoice i ON i.invoiceid = b.msdyn_invoice"
                + " WHERE b.msdyn_transactiontypecode = " + BILLED
                + " AND b.msdyn_billingtype = " + BillingType.CHARGEABLE.value()
                + " AND b.msdyn_transactionclassification IN (" + WORK_CLASSES + ")"
                + " AND l.msdyn_billingmethod = " + BillingMethod.TIME_AND_MATERIAL.value()
                + " AND NOT EXISTS (SELECT 1 FROM msdyn_transactionconnection r WHERE r.msdyn_transaction1 ="
                + " b.msdyn_actualid AND r.msdyn_transaction1role = " + ConnectionRole.REVERSING.value() + ")"
                + " AND NOT EXISTS (SELECT 1 FROM msdyn_transactionconnection c WHERE c.msdyn_transaction1 ="
                + " b.msdyn_actualid AND c.msdyn_transaction1role = " + ConnectionRole.BILLED_SALES.value()
                + " AND c.msdyn_transaction2role = " + ConnectionRole.UNBILLED_SALES.value() + ")"
                + " ORDER BY i.invoicenumber, b.msdyn_actualid", rs -> {
                    tally.violation("chargeable billed sales actual " + rs.getObject(1, UUID.class) + " on invoice "
                            + rs.getString(2) + " bills no unbilled sales actual (no Billed Sales ↔ Unbilled Sales "
                            + "connection)");
                });
    }

    /** A billed sales actual reversed by a corrective invoice, and what replaced it. */
    private static final class Credit {
        final UUID billed;
        final UUID correctiveInvoice;
        final String correctiveNumber;
        final BigDecimal quantity;
        final BigDecimal price;
        final BigDecimal amount;
        final String currency;
        BigDecimal reinvoiced = BigDecimal.ZERO;
        BigDecimal returnedQuantity = BigDecimal.ZERO;
        BigDecimal returnedAmount = BigDecimal.ZERO;

        Credit(UUID billed, UUID correctiveInvoice, String correctiveNumber, BigDecimal quantity, BigDecimal price,
               BigDecimal amount, String currency) {
            this.billed = billed;
            this.correctiveInvoice = correctiveInvoice;
            this.correctiveNumber = correctiveNumber;
            this.quantity = quantity;
            this.price = price;
            this.amount = amount;
            this.currency = currency;
        }
    }

    private void creditsReturned(Tally tally) {
        Map<UUID, Credit> credits = new LinkedHashMap<>();
        operations.query("SELECT b.msdyn_actualid, r.msdyn_invoice, i.invoicenumber, b.msdyn_quantity, b.msdyn_price,"
                + " b.msdyn_amount, b.transactioncurrency FROM msdyn_transactionconnection x"
                + " JOIN msdyn_actual r ON r.msdyn_actualid = x.msdyn_transaction1"
                + " JOIN msdyn_actual b ON b.msdyn_actualid = x.msdyn_transaction2"
                + " JOIN invoice i ON i.invoiceid = r.msdyn_invoice"
                + " WHERE x.msdyn_transaction1role = " + ConnectionRole.REVERSING.value()
                + " AND x.msdyn_transaction2role = " + ConnectionRole.ORIGINAL.value()
                + " AND r.msdyn_transactiontypecode = " + BILLED + " AND b.msdyn_transactiontypecode = " + BILLED
                + " AND b.msdyn_transactionclassification IN (" + WORK_CLASSES + ")"
                + " ORDER BY i.invoicenumber, b.msdyn_actualid", rs -> {
                    UUID billed = rs.getObject(1, UUID.class);
                    credits.put(billed, new Credit(billed, rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7)));
                });
        tally.checked(credits.size());
        operations.query("SELECT x.msdyn_transaction2, u.msdyn_invoice, u.msdyn_quantity, u.msdyn_amount"
                + " FROM msdyn_transactionconnection x JOIN msdyn_actual u ON u.msdyn_actualid = x.msdyn_transaction1"
                + " JOIN msdyn_actual b ON b.msdyn_actualid = x.msdyn_transaction2"
                + " WHERE x.msdyn_transaction1role = " + ConnectionRole.REPLACING.value()
                + " AND x.msdyn_transaction2role = " + ConnectionRole.ORIGINAL.value()
                + " AND u.msdyn_transactiontypecode = " + UNBILLED + " AND b.msdyn_transactiontypecode = " + BILLED,
                rs -> {
                    Credit c = credits.get(rs.getObject(1, UUID.class));
                    if (c == null) {
                        return;
                    }
                    if (Objects.equals(rs.getObject(2, UUID.class), c.correctiveInvoice)) {
                        c.reinvoiced = c.reinvoiced.add(rs.getBigDecimal(3));
                    } else {
                        c.returnedQuantity = c.returnedQuantity.add(rs.getBigDecimal(3));
                        c.returnedAmount = c.returnedAmount.add(rs.getBigDecimal(4));
                    }
                });
        for (Credit c : credits.values()) {
            BigDecimal creditedQuantity = c.quantity.subtract(c.reinvoiced).max(BigDecimal.ZERO);
            BigDecimal creditedAmount = creditedQuantity.signum() == 0 ? BigDecimal.ZERO
                    : c.reinvoiced.signum() == 0 ? c.amount
                    : c.amount.subtract(Money.round(c.reinvoiced.multiply(c.price), c.currency));
            if (creditedQuantity.compareTo(c.returnedQuantity) != 0 || creditedAmount.compareTo(c.returnedAmount) != 0) {
                tally.violation("corrective invoice " + c.correctiveNumber + " credits " + Decimals.plain(creditedQuantity)
                        + " (" + Decimals.plain(creditedAmount) + " " + c.currency + ") of billed sales actual " + c.billed
                        + " but " + Decimals.plain(c.returnedQuantity) + " (" + Decimals.plain(c.returnedAmount) + " " + c.currency
                        + ") went back to the backlog");
            }
        }
    }

    private long count(String sql) {
        Long n = operations.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
