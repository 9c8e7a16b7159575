package dev.tandem.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.ContractRecords.LineCustomerInput;
import dev.tandem.operations.masterdata.MasterData.AccountInput;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** §3.5 contract-line customers: one unbilled sales actual per customer by split %, no cent lost. */
class SplitBillingTest extends OperationsTestBase {

    @Test
    void sixtyFortySplitOfAnOddAmountLosesNoCentAndTheRoundingCustomerTakesTheDifference() {
        UUID second = ops.masterData().createAccount(new AccountInput("C-002", "Northwind"));
        ops.priceLists().setRolePrice(salesList, developer, new BigDecimal("33.33"));
        ops.contracts().setLineCustomers(line, List.of(
                new LineCustomerInput(customer, new BigDecimal("60"), null, false),
                new LineCustomerInput(second, new BigDecimal("40"), null, true)));
        UUID entry = submittedTime("3", DAY);

        ops.workEntries().approve(entry);

        List<Actual> unbilled = ops.actuals().bySource(entry).stream()
                .filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES).toList();
        assertThat(unbilled).hasSize(2);
        BigDecimal whole = new BigDecimal("3").multiply(new BigDecimal("33.33"));
        BigDecimal sum = unbilled.stream().map(Actual::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(whole);
        Actual first = unbilled.stream().filter(a -> a.customerId().equals(customer)).findFirst().orElseThrow();
        Actual rounding = unbilled.stream().filter(a -> a.customerId().equals(second)).findFirst().orElseThrow();
        // 60 % of 99.99 = 59.994 rounds to 59.99; the 40 % customer absorbs the rest of the whole.
        assertThat(first.amount()).isEqualByComparingTo(whole.multiply(new BigDecimal("0.6")).setScale(2, java.math.RoundingMode.HALF_UP));
        assertThat(rounding.amount()).isEqualByComparingTo(whole.subtract(first.amount()));
        assertThat(first.quantity().add(rounding.quantity())).isEqualByComparingTo("3");
        assertThat(first.quantity()).isEqualByComparingTo("1.8");
    }

    @Test
    void manyOddSplitsAlwaysSumToTheWhole() {
        UUID second = ops.masterData().createAccount(new AccountInput("C-002", "Northwind"));
        UUID third = ops.masterData().createAccount(new AccountInput("C-003", "Litware"));
        ops.contracts().setLineCustomers(line, List.of(
                new LineCustomerInput(customer, new BigDecimal("33.33"), null, false),
                new LineCustomerInput(second, new BigDecimal("33.33"), null, false),
                new LineCustomerInput(third, new BigDecimal("33.34"), null, true)));
        ops.priceLists().setRolePrice(salesList, developer, new BigDecimal("97.13"));
        java.util.Random random = new java.util.Random(42);
        List<UUID> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            entries.add(submittedTime(BigDecimal.valueOf(1 + random.nextInt(1000), 2).toPlainString(), DAY));
        }

        ops.workEntries().approveAll(entries);

        for (UUID entry : entries) {
            List<Actual> unbilled = ops.actuals().bySource(entry).stream()
                    .filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES).toList();
            BigDecimal hours = ops.workEntries().entry(entry).quantity();
            BigDecimal whole = hours.multiply(new BigDecimal("97.13")).setScale(2, java.math.RoundingMode.HALF_UP);
            assertThat(unbilled.stream().map(Actual::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("entry of %s h", hours).isEqualByComparingTo(whole);
            assertThat(unbilled.stream().map(Actual::quantity).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(hours);
        }
    }
}
