package dev.tandem.operations.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsError;
import dev.tandem.operations.OperationsTestBase;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.NteStatus;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.ContractRecords.Chargeability;
import dev.tandem.operations.contracts.ContractRecords.ComponentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A work entry entered Non Chargeable (a tracker row marked non-billable) is work done (§4.4, §5 step 3): approval
 * gives it a Cost actual at the cost price and Unbilled Sales that are not chargeable, whatever the contract line's
 * chargeability says; an entry without a billing type is billed as the line says.
 */
class NonChargeableEntryTest extends OperationsTestBase {

    private UUID approved(WorkEntryInput input) {
        UUID id = ops.workEntries().create(input);
        ops.workEntries().submit(id);
        ops.workEntries().approve(id);
        return id;
    }

    @Test
    void anEntryEnteredNonChargeableOnAChargeableLineCostsAndGivesNonChargeableUnbilledSales() {
        UUID entry = approved(time("3").withBillingType(BillingType.NON_CHARGEABLE));

        assertThat(ops.workEntries().entry(entry).billingType()).isEqualTo(BillingType.NON_CHARGEABLE);
        List<Actual> actuals = ops.actuals().bySource(entry);
        Actual cost = actuals.stream().filter(a -> a.transactionType() == TransactionType.COST).findFirst()
                .orElseThrow();
        // The world's cost price of a Developer is 100/h: 3 hours cost 300, chargeable or not.
        assertThat(cost.amount()).isEqualByComparingTo("300");
        assertThat(cost.billingType()).isEqualTo(BillingType.NON_CHARGEABLE);
        assertThat(actuals.stream().filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES))
                .singleElement().satisfies(unbilled -> {
                    assertThat(unbilled.billingType()).isEqualTo(BillingType.NON_CHARGEABLE);
                    assertThat(unbilled.nteStatus()).isEqualTo(NteStatus.NOT_APPLICABLE);
                });
    }

    @Test
    void withoutABillingTypeTheLineDecides() {
        UUID chargeable = approved(time("1"));
        ops.contracts().setChargeability(new Chargeability(line, ComponentType.ROLE, developer,
                BillingType.NON_CHARGEABLE));
        UUID byRule = approved(time("1").withBillingType(BillingType.CHARGEABLE));

        assertThat(ops.workEntries().entry(chargeable).billingType()).isNull();
        assertThat(unbilledBillingType(chargeable)).isEqualTo(BillingType.CHARGEABLE);
        assertThat(unbilledBillingType(byRule)).isEqualTo(BillingType.NON_CHARGEABLE);
    }

    @Test
    void notAvailableIsNotABillingTypeOfAnEntry() {
        assertThatThrownBy(() -> ops.workEntries().create(time("1").withBillingType(BillingType.NOT_AVAILABLE)))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(OperationsError.INVALID_INPUT));
        assertThat(count("tdm_workentry")).isZero();
    }

    private BillingType unbilledBillingType(UUID entry) {
        return ops.actuals().bySource(entry).stream().filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES)
                .map(Actual::billingType).findFirst().orElseThrow();
    }
}
