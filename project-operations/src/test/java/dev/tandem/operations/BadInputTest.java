package dev.tandem.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.ErrorCode;
import dev.tandem.common.TandemException;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.ContractRecords.ContractLineInput;
import dev.tandem.operations.contracts.ContractRecords.LineCustomerInput;
import dev.tandem.operations.contracts.ContractRecords.MilestoneInput;
import dev.tandem.operations.masterdata.MasterData.AccountInput;
import dev.tandem.operations.work.WorkEntryInput;
import dev.tandem.operations.work.WorkEntryStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Each bad input gets a stable error code and a message naming the row and rule, and writes no row. */
class BadInputTest extends OperationsTestBase {

    private void refusedWithoutWriting(ThrowingCallable action, ErrorCode code, String... messageParts) {
        Map<String, Integer> before = rowCounts();
        assertThatThrownBy(action).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.detail()).contains(messageParts);
        });
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void unknownContract() {
        UUID unknown = UUID.randomUUID();
        refusedWithoutWriting(() -> ops.contracts().addLine(unknown, timeAndMaterial("Ghost", null)),
                OperationsError.NOT_FOUND, "Unknown contract", unknown.toString());
    }

    @Test
    void noPriceForTheRoleOnTheDate() {
        UUID architect = ops.masterData().createRole("Architect");
        ops.priceLists().setRolePrice(costList, architect, new BigDecimal("150"));
        UUID entry = ops.workEntries().create(WorkEntryInput.time(project, null, resource, architect, DAY,
                new BigDecimal("2"), "Design"));
        ops.workEntries().submit(entry);

        refusedWithoutWriting(() -> ops.workEntries().approve(entry), OperationsError.PRICE_NOT_FOUND,
                "role 'Architect'", "price list 'Sales 2026'", "2026-03-02", entry.toString());
        assertThat(ops.workEntries().entry(entry).status()).isEqualTo(WorkEntryStatus.SUBMITTED);
    }

    @Test
    void noEffectivePriceListOnTheDate() {
        UUID entry = submittedTime("2", java.time.LocalDate.of(2027, 1, 4)); // the sales list ends 2026-12-31
        refusedWithoutWriting(() -> ops.workEntries().approve(entry), OperationsError.PRICE_LIST_NOT_FOUND,
                "contract PC-001", "2027-01-04");
    }

    @Test
    void negativeHours() {
        refusedWithoutWriting(() -> ops.workEntries().createAll(List.of(time("8"), time("-2"))),
                OperationsError.NEGATIVE_QUANTITY, "entry 2", "-2");
    }

    @Test
    void currencyMismatchBetweenEntryAndPriceList() {
        WorkEntryInput euros = new WorkEntryInput(dev.tandem.operations.actuals.TransactionClassification.TIME, project,
                null, resource, developer, null, null, DAY, new BigDecimal("8"), null, "EUR", "Build", null);
        UUID entry = ops.workEntries().create(euros);
        ops.workEntries().submit(entry);

        refusedWithoutWriting(() -> ops.workEntries().approve(entry), OperationsError.CURRENCY_MISMATCH,
                "EUR", "Sales 2026", "USD");
    }

    @Test
    void splitNotTotallingHundredPercent() {
        UUID second = ops.masterData().createAccount(new AccountInput("C-002", "Northwind"));
        refusedWithoutWriting(() -> ops.contracts().setLineCustomers(line, List.of(
                        new LineCustomerInput(customer, new BigDecimal("60"), null, true),
                        new LineCustomerInput(second, new BigDecimal("30"), null, false))),
                OperationsError.SPLIT_NOT_100, "90 %", "not 100 %", line.toString());
    }

    @Test
    void milestonesNotSummingToTheContractedAmount() {
        UUID p2 = ops.masterData().createProject(new dev.tandem.operations.masterdata.MasterData.ProjectInput(
                "P-FP", "Fixed scope", unit, customer));
        UUID fixed = ops.contracts().addLine(contract, new ContractLineInput("Fixed scope", BillingMethod.FIXED_PRICE, p2,
                true, true, true, false, List.of(), null, new BigDecimal("10000")));
        refusedWithoutWriting(() -> ops.contracts().setMilestones(fixed, List.of(
                        new MilestoneInput("Design", null, DAY, new BigDecimal("4000"), null),
                        new MilestoneInput("Build", null, DAY.plusMonths(1), new BigDecimal("5000"), null))),
                OperationsError.MILESTONES_NOT_CONTRACTED_AMOUNT, "9000.00", "10000.00", "Fixed scope");
    }

    @Test
    void milestonesOnATimeAndMaterialLine() {
        refusedWithoutWriting(() -> ops.contracts().setMilestones(line, List.of(
                        new MilestoneInput("Design", null, DAY, new BigDecimal("1"), null))),
                OperationsError.MILESTONE_NOT_ON_FIXED_PRICE_LINE, "Development");
    }

    @Test
    void overlappingContractLines() {
        refusedWithoutWriting(() -> ops.contracts().addLine(contract, timeAndMaterial("Second", null)),
                OperationsError.CONTRACT_LINE_OVERLAP, "Development");
    }

    @Test
    void approvingAnEntryThatIsNotSubmitted() {
        UUID draft = ops.workEntries().create(time("1"));
        refusedWithoutWriting(() -> ops.workEntries().approve(draft), OperationsError.ENTRY_STATE, draft.toString(), "DRAFT");
    }

    @Test
    void oneBadEntryRefusesTheWholeBulkApproval() {
        UUID good = submittedTime("1", DAY);
        UUID draft = ops.workEntries().create(time("1"));
        refusedWithoutWriting(() -> ops.workEntries().approveAll(List.of(good, draft)), OperationsError.ENTRY_STATE,
                draft.toString());
        assertThat(ops.workEntries().entry(good).status()).isEqualTo(WorkEntryStatus.SUBMITTED);
    }
}
