package dev.tandem.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.AdjustmentStatus;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.ConnectionRole;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.backlog.BillingBacklog.Filter;
import dev.tandem.operations.work.WorkEntryStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** §4.3: cancel approval reverses actuals; originals Adjusted, reversals Unadjustable, both out of the backlog. */
class CancelApprovalTest extends OperationsTestBase {

    @Test
    void cancelledApprovalLeavesOriginalsAdjustedReversalsUnadjustableAndTheBacklogEmpty() {
        UUID entry = submittedTime("8", DAY);
        ops.workEntries().approve(entry);
        assertThat(ops.backlog().timeAndMaterial(Filter.all(), 0, 50).total()).isEqualTo(1);

        ops.workEntries().cancelApproval(entry);

        List<Actual> actuals = ops.actuals().bySource(entry);
        assertThat(actuals).hasSize(4);
        List<Actual> originals = actuals.stream().filter(a -> a.quantity().signum() > 0).toList();
        List<Actual> reversals = actuals.stream().filter(a -> a.quantity().signum() < 0).toList();
        assertThat(originals).hasSize(2).allSatisfy(a -> assertThat(a.adjustmentStatus()).isEqualTo(AdjustmentStatus.ADJUSTED));
        assertThat(reversals).hasSize(2).allSatisfy(a -> assertThat(a.adjustmentStatus()).isEqualTo(AdjustmentStatus.UNADJUSTABLE));
        for (TransactionType type : List.of(TransactionType.COST, TransactionType.UNBILLED_SALES)) {
            BigDecimal net = actuals.stream().filter(a -> a.transactionType() == type).map(Actual::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(net).as("net %s", type).isZero();
        }
        Actual unbilled = originals.stream().filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES)
                .findFirst().orElseThrow();
        assertThat(unbilled.billingStatus()).isEqualTo(BillingStatus.CANCELED);
        assertThat(ops.actuals().connections(unbilled.id())).anySatisfy(c -> {
            assertThat(c.transaction2()).isEqualTo(unbilled.id());
            assertThat(c.role1()).isEqualTo(ConnectionRole.REVERSING);
            assertThat(c.role2()).isEqualTo(ConnectionRole.ORIGINAL);
        });

        var backlog = ops.backlog().timeAndMaterial(Filter.all(), 0, 50);
        assertThat(backlog.items()).isEmpty();
        assertThat(backlog.total()).isZero();
        assertThat(ops.workEntries().entry(entry).status()).isEqualTo(WorkEntryStatus.DRAFT);
    }

    @Test
    void adjustedAndUnadjustableActualsCantBeMarkedReady() {
        UUID entry = submittedTime("8", DAY);
        ops.workEntries().approve(entry);
        ops.workEntries().cancelApproval(entry);
        List<Actual> unbilled = ops.actuals().bySource(entry).stream()
                .filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES).toList();

        for (Actual a : unbilled) {
            assertThatThrownBy(() -> ops.backlog().markActuals(List.of(a.id()), true))
                    .isInstanceOfSatisfying(TandemException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(OperationsError.ACTUAL_NOT_INVOICEABLE);
                        assertThat(e.detail()).contains(a.adjustmentStatus().label()).contains("§11 rule 3");
                    });
        }
    }

    @Test
    void cancelledEntryCanBeResubmittedAndApprovedAgain() {
        UUID entry = submittedTime("8", DAY);
        ops.workEntries().approve(entry);
        ops.workEntries().cancelApproval(entry);

        ops.workEntries().submit(entry);
        ops.workEntries().approve(entry);

        assertThat(ops.actuals().bySource(entry)).hasSize(6);
        assertThat(ops.backlog().timeAndMaterial(Filter.all(), 0, 50).items()).singleElement()
                .satisfies(a -> assertThat(a.amount()).isEqualByComparingTo("1600"));
    }
}
