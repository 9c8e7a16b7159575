package dev.tandem.operations.invoicing;

import static dev.tandem.operations.actuals.BillingStatus.CUSTOMER_INVOICE_POSTED;
import static dev.tandem.operations.actuals.BillingStatus.UNBILLED_SALES_CREATED;
import static dev.tandem.operations.actuals.TransactionClassification.RETAINER;
import static dev.tandem.operations.actuals.TransactionClassification.TIME;
import static dev.tandem.operations.actuals.TransactionType.BILLED_SALES;
import static dev.tandem.operations.actuals.TransactionType.UNBILLED_SALES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.ConnectionRole;
import dev.tandem.operations.actuals.NteStatus;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.backlog.BillingBacklog.Filter;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import dev.tandem.operations.invoicing.retainer.RefundStatus;
import dev.tandem.operations.invoicing.retainer.RetainerInvoiceStatus;
import dev.tandem.operations.invoicing.retainer.RetainerRecords.InvoiceRetainer;
import dev.tandem.operations.invoicing.retainer.RetainerRecords.Retainer;
import dev.tandem.operations.invoicing.retainer.RetainerRecords.RetainerInput;
import dev.tandem.operations.invoicing.retainer.RetainerRole;
import dev.tandem.operations.invoicing.retainer.RetainerType;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Retainers and advances through invoicing (§3.5, §4.9, §5 step 8, §6): invoicing a retainer, applying it in part
 * and in full, editing the applied amount, two drafts sharing one retainer, refunds.
 */
class RetainerInvoicingTest extends RetainerTestBase {

    /** Type, classification, quantity, amount, billing status and Skip Sync of actuals, for exact comparisons. */
    private static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertRows(
            List<Actual> actuals) {
        return assertThat(actuals).extracting(Actual::transactionType, Actual::classification, a -> plain(a.quantity()),
                a -> plain(a.amount()), Actual::billingStatus, Actual::skipSync);
    }

    @Test
    void invoicingARetainerBillsItAndParksANegativeUnbilledForReconciliation() {
        UUID r = readyRetainer("5000");
        UUID invoiceId = invoiceContract();

        LineDetail detail = onlyDetail(invoiceId);
        assertThat(detail.classification()).isEqualTo(TransactionClassification.RETAINER);
        assertThat(detail.amount()).isEqualByComparingTo("5000");
        assertThat(invoicing().store().invoice(invoiceId).totalAmount()).isEqualByComparingTo("5000");
        assertThat(retainer(r).invoiceStatus()).isEqualTo(RetainerInvoiceStatus.CUSTOMER_INVOICE_CREATED);
        assertThat(retainer(r).availableAmount()).as("0 until invoiced (§3.5)").isZero();

        int created = invoicing().confirmation().confirm(invoiceId);

        assertThat(created).isEqualTo(2);
        assertRows(contractActuals()).containsExactlyInAnyOrder(
                tuple(BILLED_SALES, RETAINER, "1.00", "5000.00", null, false),
                tuple(UNBILLED_SALES, RETAINER, "-1.00", "-5000.00",
                        UNBILLED_SALES_CREATED, true));
        Retainer after = retainer(r);
        assertThat(after.invoiceStatus()).isEqualTo(RetainerInvoiceStatus.CUSTOMER_INVOICE_POSTED);
        assertThat(after.invoiceId()).isEqualTo(invoiceId);
        assertThat(after.availableAmount()).isEqualByComparingTo("5000");
        assertThat(after.usedAmount()).isZero();
        Actual billed = actuals(type(TransactionType.BILLED_SALES)).get(0);
        Actual negative = actuals(type(TransactionType.UNBILLED_SALES)).get(0);
        assertThat(ops.actuals().connections(negative.id())).singleElement().satisfies(c -> {
            assertThat(c.transaction1()).isEqualTo(billed.id());
            assertThat(c.role1()).isEqualTo(ConnectionRole.BILLED_SALES);
            assertThat(c.role2()).isEqualTo(ConnectionRole.UNBILLED_SALES);
        });
        assertThat(negative.nteStatus()).as("§4.5: Retainer is Not Applicable").isEqualTo(NteStatus.NOT_APPLICABLE);
        assertThat(ops.backlog().timeAndMaterial(Filter.all(), 0, 50).total())
                .as("the retainer negative is reconciled by applying it, never billed as backlog").isZero();
        assertThat(invoicing().store().invoice(invoiceId).status()).isEqualTo(InvoiceStatus.CONFIRMED);
    }

    @Test
    void partialThenFullReconciliationGiveExactlyTheListedActuals() {
        UUID r = invoicedRetainer("5000");

        // 15 h × 200 = 3,000 of time: the retainer is applied for all of it (partial reconciliation).
        readyTime("15");
        UUID second = invoiceContract();
        InvoiceRetainer applied = retainerDetail(second, RetainerRole.APPLY);
        assertThat(applied.extendedAmount()).isEqualByComparingTo("3000");
        assertThat(applied.balanceAmount()).isEqualByComparingTo("2000");
        assertThat(invoicing().store().invoice(second).totalAmount()).isZero();
        assertThat(retainer(r).reservedAmount()).isEqualByComparingTo("3000");

        invoicing().confirmation().confirm(second);

        assertRows(createdBy(second)).containsExactlyInAnyOrder(
                tuple(UNBILLED_SALES, TIME, "-15.00", "-3000.00",
                        CUSTOMER_INVOICE_POSTED, true),
                tuple(BILLED_SALES, TIME, "15.00", "3000.00", null, false),
                tuple(UNBILLED_SALES, RETAINER, "1.00", "5000.00",
                        CUSTOMER_INVOICE_POSTED, true),
                tuple(BILLED_SALES, RETAINER, "-1.00", "-3000.00", null, false),
                tuple(UNBILLED_SALES, RETAINER, "-1.00", "-2000.00",
                        UNBILLED_SALES_CREATED, true));
        assertThat(retainer(r).availableAmount()).isEqualByComparingTo("2000");
        assertThat(retainer(r).usedAmount()).isEqualByComparingTo("3000");
        assertThat(retainer(r).reservedAmount()).isZero();
        assertThat(retainerUnbilledTotal()).as("open retainer unbilled = −available").isEqualByComparingTo("-2000");

        // 20 h = 4,000 of time: only the 2,000 left is applied (full reconciliation), the invoice bills 2,000.
        readyTime("20");
        UUID third = invoiceContract();
        assertThat(retainerDetail(third, RetainerRole.APPLY).extendedAmount()).isEqualByComparingTo("2000");
        assertThat(invoicing().store().invoice(third).totalAmount()).isEqualByComparingTo("2000");

        invoicing().confirmation().confirm(third);

        assertRows(retainerActualsBy(third))
                .containsExactlyInAnyOrder(
                        tuple(UNBILLED_SALES, RETAINER, "1.00", "2000.00",
                                CUSTOMER_INVOICE_POSTED, true),
                        tuple(BILLED_SALES, RETAINER, "-1.00", "-2000.00", null,
                                false));
        assertThat(retainer(r).availableAmount()).isZero();
        assertThat(retainer(r).usedAmount()).isEqualByComparingTo("5000");
        assertThat(retainerUnbilledTotal()).isZero();
        assertThat(actuals(a -> a.classification() == TransactionClassification.RETAINER
                && a.transactionType() == TransactionType.UNBILLED_SALES && a.amount().signum() < 0))
                .as("every retainer negative is reconciled")
                .allSatisfy(a -> assertThat(a.billingStatus()).isEqualTo(BillingStatus.CUSTOMER_INVOICE_POSTED));
        assertThat(liveBilled()).as("5,000 retainer + 3,000 − 3,000 + 4,000 − 2,000").isEqualByComparingTo("7000");

        // Nothing left: the next invoice applies nothing.
        readyTime("1");
        UUID fourth = invoiceContract();
        assertThat(retainers().onInvoice(fourth)).isEmpty();
        assertThat(invoicing().store().invoice(fourth).totalAmount()).isEqualByComparingTo("200");
    }

    @Test
    void appliedAmountLoweredOnTheDraftLeavesTheRestForLater() {
        UUID r = invoicedRetainer("5000");
        readyTime("15");
        UUID draft = invoiceContract();

        UUID applied = retainerDetail(draft, RetainerRole.APPLY).detailId();

        InvoiceRetainer edited = retainers().editApplied(applied, dec("1000"));

        assertThat(edited.extendedAmount()).isEqualByComparingTo("1000");
        assertThat(edited.balanceAmount()).isEqualByComparingTo("4000");
        assertThat(invoicing().store().invoice(draft).totalAmount()).isEqualByComparingTo("2000");
        invoicing().confirmation().confirm(draft);
        assertRows(retainerActualsBy(draft))
                .containsExactlyInAnyOrder(
                        tuple(UNBILLED_SALES, RETAINER, "1.00", "5000.00",
                                CUSTOMER_INVOICE_POSTED, true),
                        tuple(BILLED_SALES, RETAINER, "-1.00", "-1000.00", null,
                                false),
                        tuple(UNBILLED_SALES, RETAINER, "-1.00", "-4000.00",
                                UNBILLED_SALES_CREATED, true));
        assertThat(retainer(r).availableAmount()).isEqualByComparingTo("4000");
        assertThat(retainer(r).usedAmount()).isEqualByComparingTo("1000");
    }

    @Test
    void appliedAmountSetToZeroReconcilesNothing() {
        UUID r = invoicedRetainer("5000");
        readyTime("15");
        UUID draft = invoiceContract();
        retainers().editApplied(retainerDetail(draft, RetainerRole.APPLY).detailId(), BigDecimal.ZERO);

        invoicing().confirmation().confirm(draft);

        assertThat(createdBy(draft)).noneMatch(a -> a.classification() == TransactionClassification.RETAINER);
        assertThat(retainer(r).availableAmount()).isEqualByComparingTo("5000");
        assertThat(invoicing().store().invoice(draft).totalAmount()).isEqualByComparingTo("3000");
    }

    @Test
    void twoDraftsNeverApplyTheSameMoney() {
        UUID r = invoicedRetainer("5000");
        readyTime("15");
        UUID first = invoiceContract();
        readyTime("20");
        UUID second = invoiceContract();

        assertThat(retainerDetail(first, RetainerRole.APPLY).extendedAmount()).isEqualByComparingTo("3000");
        assertThat(retainerDetail(second, RetainerRole.APPLY).extendedAmount())
                .as("the first draft reserves 3,000 of the 5,000").isEqualByComparingTo("2000");
        assertThat(retainer(r).reservedAmount()).isEqualByComparingTo("5000");

        invoicing().drafts().deleteInvoice(first);
        assertThat(retainer(r).reservedAmount()).as("deleting a draft releases what it applied")
                .isEqualByComparingTo("2000");
        invoicing().confirmation().confirm(second);
        assertThat(retainer(r).availableAmount()).isEqualByComparingTo("3000");
    }

    @Test
    void deletingTheDraftPutsTheRetainerBackInLineForTheNextInvoice() {
        UUID r = readyRetainer("5000");
        UUID draft = invoiceContract();
        assertThat(retainer(r).invoiceId()).isEqualTo(draft);

        invoicing().drafts().deleteInvoice(draft);

        assertThat(retainer(r).invoiceStatus()).isEqualTo(RetainerInvoiceStatus.READY_TO_INVOICE);
        assertThat(retainer(r).invoiceId()).isNull();
        assertThat(count("tdm_retainerdetail")).isZero();
        UUID next = invoiceContract();
        assertThat(retainerDetail(next, RetainerRole.INVOICE).retainerId()).isEqualTo(r);
    }

    @Test
    void aRetainerNotReadyOrDatedAfterTheInvoiceStaysOffIt() {
        UUID notReady = retainers().create(new RetainerInput(contract, customer, RetainerType.ADVANCE, "Advance",
                dec("1000"), null, DAY));
        UUID later = retainers().create(new RetainerInput(contract, customer, RetainerType.RETAINER, "Q2 retainer",
                dec("1000"), "USD", INVOICE_DATE.plusDays(1)));
        retainers().markReady(List.of(later), true);
        readyTime("1");

        UUID draft = invoiceContract();

        assertThat(retainers().onInvoice(draft)).isEmpty();
        assertThat(retainer(notReady).invoiceStatus()).isEqualTo(RetainerInvoiceStatus.NOT_READY_TO_INVOICE);
        assertThat(retainer(later).invoiceStatus()).isEqualTo(RetainerInvoiceStatus.READY_TO_INVOICE);
        assertThat(retainers().retainers(contract)).extracting(Retainer::id).containsExactlyInAnyOrder(notReady, later);
    }

    @Test
    void anAdvanceOnTheSameInvoiceAsTimeIsNotAppliedToItUntilInvoiced() {
        UUID advance = retainers().create(new RetainerInput(contract, customer, RetainerType.ADVANCE, "Advance",
                dec("1000"), "USD", DAY));
        retainers().markReady(List.of(advance), true);
        readyTime("15");

        UUID draft = invoiceContract();

        assertThat(retainers().onInvoice(draft)).extracting(InvoiceRetainer::role)
                .containsExactly(RetainerRole.INVOICE);
        assertThat(invoicing().store().invoice(draft).totalAmount()).isEqualByComparingTo("4000");
        invoicing().confirmation().confirm(draft);
        assertThat(retainer(advance).availableAmount()).isEqualByComparingTo("1000");
        assertThat(retainer(advance).type()).isEqualTo(RetainerType.ADVANCE);
    }

    @Test
    void refundOnADraftIsInvoicedAndMakesTheRetainerRefunded() {
        UUID r = invoicedRetainer("5000");
        readyTime("15");
        UUID draft = invoiceContract();

        UUID refundDetail = retainers().refund(r, dec("2000"), draft);

        assertThat(retainer(r).refundStatus()).isEqualTo(RefundStatus.READY_TO_REFUND);
        assertThat(retainer(r).reservedAmount()).isEqualByComparingTo("5000");
        assertThat(retainerDetail(draft, RetainerRole.REFUND).detailId()).isEqualTo(refundDetail);
        assertThat(invoicing().store().invoice(draft).totalAmount()).as("3,000 − 3,000 applied − 2,000 refund")
                .isEqualByComparingTo("-2000");

        invoicing().confirmation().confirm(draft);

        assertRows(retainerActualsBy(draft))
                .containsExactlyInAnyOrder(
                        tuple(UNBILLED_SALES, RETAINER, "1.00", "5000.00",
                                CUSTOMER_INVOICE_POSTED, true),
                        tuple(BILLED_SALES, RETAINER, "-1.00", "-3000.00", null,
                                false),
                        tuple(BILLED_SALES, RETAINER, "-1.00", "-2000.00", null,
                                false));
        Retainer after = retainer(r);
        assertThat(after.refundStatus()).isEqualTo(RefundStatus.REFUNDED);
        assertThat(after.refundedAmount()).isEqualByComparingTo("2000");
        assertThat(after.usedAmount()).isEqualByComparingTo("3000");
        assertThat(after.availableAmount()).isZero();
        assertThat(invoicing().store().invoice(draft).creditNote()).isTrue();
    }

    @Test
    void refundWithoutADraftGoesOnTheNextInvoiceAndCancelTakesItOff() {
        UUID r = invoicedRetainer("5000");

        assertThat(retainers().refund(r, dec("1500"), null)).isNull();
        assertThat(retainer(r).refundAmount()).isEqualByComparingTo("1500");
        UUID draft = invoiceContract(); // the refund alone is something to invoice
        assertThat(retainerDetail(draft, RetainerRole.REFUND).extendedAmount()).isEqualByComparingTo("1500");
        assertThat(invoicing().store().invoice(draft).totalAmount()).isEqualByComparingTo("-1500");

        retainers().cancelRefund(r);

        assertThat(retainer(r).refundStatus()).isNull();
        assertThat(retainer(r).reservedAmount()).isZero();
        assertThat(retainers().onInvoice(draft)).isEmpty();
        assertThat(invoicing().store().invoice(draft).totalAmount()).isZero();

        retainers().refund(r, dec("5000"), draft);
        invoicing().confirmation().confirm(draft);
        assertThat(retainer(r).refundStatus()).isEqualTo(RefundStatus.REFUNDED);
        assertThat(retainer(r).availableAmount()).isZero();
        assertThat(retainerUnbilledTotal()).as("a full refund leaves no negative open").isZero();
    }

    @Test
    void revisingAnInvoiceCorrectsItsWorkAndLeavesItsRetainerDetailsAlone() {
        UUID r = invoicedRetainer("5000");
        readyTime("15");
        UUID invoiceId = invoiceContract();
        invoicing().confirmation().confirm(invoiceId);
        int retainerActualsBefore = retainerActuals().size();

        UUID corrective = invoicing().revision().revise(invoiceId, null);

        assertThat(invoicing().store().details(corrective)).singleElement()
                .satisfies(d -> assertThat(d.classification()).isEqualTo(TransactionClassification.TIME));
        assertThat(retainers().onInvoice(corrective)).as("a corrective invoice takes no retainers").isEmpty();
        invoicing().confirmation().confirm(corrective);
        assertThat(retainerActuals()).hasSize(retainerActualsBefore);
        assertThat(retainer(r).usedAmount()).isEqualByComparingTo("3000");
    }

    private List<Actual> retainerActualsBy(UUID invoiceId) {
        return createdBy(invoiceId).stream().filter(a -> a.classification() == RETAINER).toList();
    }

    private BigDecimal retainerUnbilledTotal() {
        return retainerActuals().stream().filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES)
                .map(Actual::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
