package dev.tandem.operations.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.common.TandemException;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.AdjustmentStatus;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.invoicing.InvoiceRecords.DetailEdit;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Property test (DESIGN §4 invariant 1): random sequences of approve, mark ready, create, edit, delete, confirm and
 * revise never bill an unbilled actual twice, never lose or create hours or cents, and keep every invoice's totals
 * equal to its details and, once confirmed, to its billed sales. Prices and quantities are odd on purpose
 * (33.33 per hour, hours with two decimals) so that rounding is exercised. Edits only lower quantities, which keeps
 * approved hours and amounts conserved; increases are covered by the example tests.
 *
 * <p>Each run is seeded and prints its seed on failure, so a failing sequence can be replayed.
 */
class InvoicingPropertyTest extends InvoicingTestBase {

    private static final int SEQUENCES = 6;
    private static final int STEPS = 35;
    private static final BigDecimal PRICE = new BigDecimal("33.33");

    @Test
    void randomInvoicingSequencesKeepTheInvariants() {
        ops.priceLists().setRolePrice(salesList, developer, PRICE);
        ops.contracts().confirm(contract);
        long base = new Random().nextLong();
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            long seed = base + sequence;
            Random random = new Random(seed);
            for (int step = 0; step < STEPS; step++) {
                String action = step(random);
                checkInvariants("seed " + seed + ", step " + step + " (" + action + ")");
            }
        }
    }

    private String step(Random random) {
        int choice = random.nextInt(9);
        try {
            switch (choice) {
                case 0, 1 -> {
                    readyTime(BigDecimal.valueOf(25 + random.nextInt(800), 2).toPlainString());
                    return "approve and mark ready";
                }
                case 2 -> {
                    invoicing().creation().createForContract(contract, INVOICE_DATE);
                    return "create";
                }
                case 3 -> {
                    LineDetail d = pick(random, drafts());
                    if (d == null) {
                        return "edit (no draft)";
                    }
                    // A correction invoices at most what was invoiced before (a partial or full credit).
                    BigDecimal basis = d.correction() ? d.previousQuantity() : d.quantity();
                    BigDecimal lower = basis.multiply(BigDecimal.valueOf(random.nextInt(101), 2))
                            .setScale(2, java.math.RoundingMode.DOWN);
                    invoicing().drafts().edit(d.id(), DetailEdit.quantity(lower));
                    return "edit " + d.quantity() + " -> " + lower;
                }
                case 4 -> {
                    LineDetail d = pick(random, drafts());
                    if (d == null) {
                        return "delete detail (none)";
                    }
                    invoicing().drafts().deleteDetail(d.id());
                    return "delete detail";
                }
                case 5 -> {
                    Invoice i = pickInvoice(random, true);
                    if (i == null) {
                        return "delete draft (none)";
                    }
                    invoicing().drafts().deleteInvoice(i.id());
                    return "delete draft";
                }
                case 6, 7 -> {
                    Invoice i = pickInvoice(random, true);
                    if (i == null) {
                        return "confirm (none)";
                    }
                    invoicing().confirmation().confirm(i.id());
                    return "confirm " + i.number();
                }
                default -> {
                    Invoice i = pickInvoice(random, false);
                    if (i == null) {
                        return "revise (none)";
                    }
                    List<LineDetail> details = invoicing().store().details(i.id()).stream()
                            .filter(d -> d.billedSalesActualId() != null).toList();
                    LineDetail d = pick(random, details);
                    if (d == null) {
                        return "revise (nothing)";
                    }
                    invoicing().revision().revise(i.id(), List.of(d.id()));
                    return "revise " + i.number();
                }
            }
        } catch (TandemException refused) {
            // A refusal (nothing to invoice, already corrected…) is a legal outcome; the invariants must still hold.
            return "refused " + refused.errorCode().code();
        }
    }

    private void checkInvariants(String where) {
        List<Actual> all = contractActuals();
        // What was approved, from the work entries themselves: one customer, so each entry's unbilled amount is
        // its hours at 33.33, rounded once.
        BigDecimal approvedHours = BigDecimal.ZERO;
        BigDecimal approvedAmount = BigDecimal.ZERO;
        for (BigDecimal hours : jdbc.queryForList("SELECT msdyn_quantity FROM tdm_workentry WHERE tdm_status = 'APPROVED'",
                BigDecimal.class)) {
            approvedHours = approvedHours.add(hours);
            approvedAmount = approvedAmount.add(dev.tandem.common.Money.round(hours.multiply(PRICE), "USD"));
        }
        BigDecimal accountedHours = BigDecimal.ZERO;
        BigDecimal accountedAmount = BigDecimal.ZERO;
        for (Actual a : all) {
            boolean liveBilled = a.transactionType() == TransactionType.BILLED_SALES
                    && (a.adjustmentStatus() == null || a.adjustmentStatus() == AdjustmentStatus.IN_PROCESS);
            boolean inBacklog = a.transactionType() == TransactionType.UNBILLED_SALES && a.adjustmentStatus() == null
                    && (a.billingStatus() == BillingStatus.UNBILLED_SALES_CREATED
                    || a.billingStatus() == BillingStatus.READY_TO_INVOICE
                    || a.billingStatus() == BillingStatus.CUSTOMER_INVOICE_CREATED);
            if (liveBilled || inBacklog) {
                accountedHours = accountedHours.add(a.quantity());
                accountedAmount = accountedAmount.add(a.amount());
            }
        }
        assertThat(accountedHours).as("hours billed + in backlog = hours approved, " + where).isEqualByComparingTo(approvedHours);
        assertThat(accountedAmount).as("amount billed + in backlog = amount approved, " + where).isEqualByComparingTo(approvedAmount);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT tdm_sourceactual FROM msdyn_invoicelinetransaction "
                + "WHERE tdm_sourceactual IS NOT NULL GROUP BY tdm_sourceactual HAVING COUNT(*) > 1) x", Integer.class))
                .as("an actual is on at most one line detail, " + where).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM msdyn_actual a JOIN msdyn_invoicelinetransaction d "
                + "ON d.tdm_sourceactual = a.msdyn_actualid WHERE a.msdyn_invoice IS NULL OR a.msdyn_invoice <> d.msdyn_invoice",
                Integer.class)).as("an actual on a detail points at that detail's invoice, " + where).isZero();

        for (Invoice invoice : invoicing().store().invoices(contract, 0, 500)) {
            BigDecimal lines = invoicing().store().lines(invoice.id()).stream().map(InvoiceRecords.InvoiceLine::extendedAmount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(invoice.totalAmount()).as("invoice %s total = its lines, %s", invoice.number(), where)
                    .isEqualByComparingTo(lines);
            if (!invoice.status().editable()) {
                BigDecimal billed = jdbc.queryForObject("SELECT COALESCE(SUM(msdyn_amount), 0) FROM msdyn_actual WHERE "
                        + "msdyn_transactiontypecode = ? AND msdyn_billingtype = ? AND msdyn_invoice = ?", BigDecimal.class,
                        TransactionType.BILLED_SALES.value(), BillingType.CHARGEABLE.value(), invoice.id());
                assertThat(invoice.detailAmount()).as("confirmed invoice %s = its chargeable billed sales, %s",
                        invoice.number(), where).isEqualByComparingTo(billed);
            }
        }
    }

    /** Line details of all draft invoices, corrective ones included. */
    private List<LineDetail> drafts() {
        List<LineDetail> details = new ArrayList<>();
        for (Invoice i : invoicing().store().invoices(contract, 0, 500)) {
            if (i.status().editable()) {
                details.addAll(invoicing().store().details(i.id()));
            }
        }
        return details;
    }

    private Invoice pickInvoice(Random random, boolean draft) {
        List<Invoice> invoices = invoicing().store().invoices(contract, 0, 500).stream()
                .filter(i -> i.status().editable() == draft).toList();
        return invoices.isEmpty() ? null : invoices.get(random.nextInt(invoices.size()));
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.isEmpty() ? null : items.get(random.nextInt(items.size()));
    }
}
