package dev.tandem.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.NteStatus;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.ContractRecords.LineCustomerInput;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** §4.5 not-to-exceed at the four levels, and §11 rule 3 (Failed can't be marked Ready). */
class NotToExceedTest extends OperationsTestBase {

    private UUID limitedLine() {
        UUID p2 = ops.masterData().createProject(new dev.tandem.operations.masterdata.MasterData.ProjectInput(
                "P-002", "Capped work", unit, customer));
        project = p2;
        return ops.contracts().addLine(contract, timeAndMaterial("Capped", new BigDecimal("1000")));
    }

    private Actual unbilledOf(UUID entry) {
        return ops.actuals().bySource(entry).stream().filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES)
                .findFirst().orElseThrow();
    }

    @Test
    void approvalBeyondTheContractLineLimitFailsAndMarkingReadyNamesLimitCommittedAndRequested() {
        limitedLine();
        UUID first = submittedTime("4", DAY);   // 800 of 1,000
        UUID second = submittedTime("4", DAY);  // another 800: over the limit
        ops.workEntries().approve(first);
        ops.workEntries().approve(second);

        Actual committed = unbilledOf(first);
        Actual failed = unbilledOf(second);
        assertThat(committed.nteStatus()).isEqualTo(NteStatus.COMMITTED);
        assertThat(failed.nteStatus()).isEqualTo(NteStatus.FAILED);
        assertThat(failed.nteDetail()).contains("contract line").contains("1000.00");

        assertThatThrownBy(() -> ops.backlog().markActuals(List.of(failed.id()), true))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(OperationsError.NTE_FAILED);
                    assertThat(e.detail()).contains("1000.00").contains("800.00").contains(failed.id().toString());
                    assertThat(e.properties()).containsEntry("level", "CONTRACT_LINE").containsEntry("limit", "1000.00")
                            .containsEntry("committed", "800.00").containsEntry("requested", "800.00");
                });
        assertThat(ops.actuals().actual(failed.id()).billingStatus()).isEqualTo(BillingStatus.UNBILLED_SALES_CREATED);
        ops.backlog().markActuals(List.of(committed.id()), true);
        assertThat(ops.actuals().actual(committed.id()).billingStatus()).isEqualTo(BillingStatus.READY_TO_INVOICE);
    }

    @Test
    void singleApprovalLargerThanTheLimitFailsWithNothingCommitted() {
        limitedLine();
        UUID entry = submittedTime("8", DAY); // 1,600 > 1,000
        ops.workEntries().approve(entry);
        Actual failed = unbilledOf(entry);

        assertThat(failed.nteStatus()).isEqualTo(NteStatus.FAILED);
        assertThatThrownBy(() -> ops.backlog().markActuals(List.of(failed.id()), true))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.properties())
                        .containsEntry("limit", "1000.00").containsEntry("committed", "0.00")
                        .containsEntry("requested", "1600.00"));
    }

    @Test
    void contractLineCustomerLevelIsCheckedFirst() {
        ops.contracts().setLineCustomers(line, List.of(new LineCustomerInput(customer, new BigDecimal("100"),
                new BigDecimal("500"), true)));
        UUID entry = submittedTime("3", DAY); // 600 > 500
        ops.workEntries().approve(entry);

        assertThat(unbilledOf(entry).nteDetail()).contains("contract-line customer").contains("500.00");
    }

    @Test
    void contractAndContractCustomerLevelsApply() {
        ops.contracts().setContractCustomerLimit(contract, customer, new BigDecimal("1000"));
        UUID a = submittedTime("5", DAY); // 1,000 fits exactly
        UUID b = submittedTime("1", DAY); // 200 more fails at contract customer
        ops.workEntries().approveAll(List.of(a, b));

        assertThat(unbilledOf(a).nteStatus()).isEqualTo(NteStatus.COMMITTED);
        assertThat(unbilledOf(b).nteDetail()).contains("contract customer");
    }

    @Test
    void resetAndReevaluateAfterTheLimitIsRaised() {
        limitedLine();
        UUID entry = submittedTime("8", DAY);
        ops.workEntries().approve(entry);
        Actual failed = unbilledOf(entry);
        jdbc.update("UPDATE salesorderdetail SET tdm_ntelimit = 5000 WHERE tdm_ntelimit = 1000");

        assertThat(ops.notToExceed().reset(List.of(failed.id()))).containsExactly(failed.id());
        assertThat(ops.actuals().actual(failed.id()).nteStatus()).isEqualTo(NteStatus.NOT_EVALUATED);
        assertThatThrownBy(() -> ops.backlog().markActuals(List.of(failed.id()), true))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(OperationsError.NTE_NOT_EVALUATED));
        Map<UUID, NteStatus> result = ops.notToExceed().reevaluate(List.of(failed.id()));

        assertThat(result).containsEntry(failed.id(), NteStatus.COMMITTED);
        ops.backlog().markActuals(List.of(failed.id()), true);
        assertThat(ops.actuals().actual(failed.id()).billingStatus()).isEqualTo(BillingStatus.READY_TO_INVOICE);
    }

    @Test
    void costActualsAndNonChargeableWorkAreNotApplicable() {
        limitedLine();
        UUID entry = submittedTime("8", DAY);
        ops.workEntries().approve(entry);

        Actual cost = ops.actuals().bySource(entry).stream().filter(a -> a.transactionType() == TransactionType.COST)
                .findFirst().orElseThrow();
        assertThat(cost.nteStatus()).isEqualTo(NteStatus.NOT_APPLICABLE);
        assertThat(ops.notToExceed().reset(List.of(cost.id()))).isEmpty();
    }
}
