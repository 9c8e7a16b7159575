package dev.tandem.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.pricing.Price;
import dev.tandem.operations.pricing.PriceListContext;
import dev.tandem.operations.pricing.PriceLists.PriceListInput;
import dev.tandem.operations.pricing.PriceLookup;
import dev.tandem.operations.pricing.PricedItem;
import dev.tandem.operations.work.WorkEntryInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** §3.5 price lists: deterministic choice by date; expense, material and fee pricing. */
class PricingTest extends OperationsTestBase {

    @Test
    void theListThatStartedLatestWinsAndTheEarlierOneStillPricesEarlierDates() {
        UUID summer = ops.priceLists().create(new PriceListInput("Sales summer 2026", PriceListContext.SALES, "USD",
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 31)));
        ops.priceLists().setRolePrice(summer, developer, new BigDecimal("220"));
        ops.contracts().addSalesPriceList(contract, summer);
        PriceLookup lookup = new PriceLookup(ops.context());
        PricedItem role = new PricedItem.Role(developer, "Developer");

        Price july = lookup.salesPrice(contract, "PC-001", role, LocalDate.of(2026, 7, 1));
        Price march = lookup.salesPrice(contract, "PC-001", role, LocalDate.of(2026, 3, 1));

        assertThat(july.priceListName()).isEqualTo("Sales summer 2026");
        assertThat(july.unitPrice()).isEqualByComparingTo("220");
        assertThat(march.priceListName()).isEqualTo("Sales 2026");
        assertThat(new PriceLookup(ops.context()).salesPrice(contract, "PC-001", role, LocalDate.of(2026, 7, 1)))
                .isEqualTo(july);
    }

    @Test
    void expenseMaterialAndFeeArePricedFromTheirOwnSources() {
        UUID travel = ops.masterData().createTransactionCategory("Travel");
        ops.priceLists().setCategoryPrice(costList, travel, new BigDecimal("1"));
        ops.priceLists().setCategoryPrice(salesList, travel, new BigDecimal("1.10"));
        UUID cable = ops.masterData().createProduct(new dev.tandem.operations.masterdata.MasterData.ProductInput(
                "CAB-01", "Network cable", "each"));
        ops.priceLists().setProductPrice(costList, cable, new BigDecimal("4.25"));
        ops.priceLists().setProductPrice(salesList, cable, new BigDecimal("7.99"));

        UUID expense = submitted(new WorkEntryInput(TransactionClassification.EXPENSE, project, null, resource, null, travel,
                null, DAY, new BigDecimal("120"), null, "USD", "Train", null));
        UUID receipt = submitted(new WorkEntryInput(TransactionClassification.EXPENSE, project, null, resource, null, travel,
                null, DAY, new BigDecimal("1"), new BigDecimal("89.90"), "USD", "Hotel", null));
        UUID material = submitted(new WorkEntryInput(TransactionClassification.MATERIAL, project, null, null, null, null,
                cable, DAY, new BigDecimal("3"), null, null, "Cables", null));
        UUID fee = submitted(new WorkEntryInput(TransactionClassification.FEE, project, null, null, null, null, null, DAY,
                new BigDecimal("1"), new BigDecimal("500"), "USD", "Setup fee", null));
        ops.workEntries().approveAll(List.of(expense, receipt, material, fee));

        assertThat(amount(expense, TransactionType.COST)).isEqualByComparingTo("120");
        assertThat(amount(expense, TransactionType.UNBILLED_SALES)).isEqualByComparingTo("132");
        assertThat(amount(receipt, TransactionType.COST)).isEqualByComparingTo("89.90");
        assertThat(amount(receipt, TransactionType.UNBILLED_SALES)).isEqualByComparingTo("1.10");
        assertThat(amount(material, TransactionType.COST)).isEqualByComparingTo("12.75");
        assertThat(amount(material, TransactionType.UNBILLED_SALES)).isEqualByComparingTo("23.97");
        assertThat(ops.actuals().bySource(fee)).singleElement().satisfies(a -> {
            assertThat(a.transactionType()).isEqualTo(TransactionType.UNBILLED_SALES);
            assertThat(a.classification()).isEqualTo(TransactionClassification.FEE);
            assertThat(a.amount()).isEqualByComparingTo("500");
        });
    }

    private UUID submitted(WorkEntryInput input) {
        UUID id = ops.workEntries().create(input);
        ops.workEntries().submit(id);
        return id;
    }

    private BigDecimal amount(UUID entry, TransactionType type) {
        return ops.actuals().bySource(entry).stream().filter(a -> a.transactionType() == type).map(Actual::amount)
                .findFirst().orElseThrow();
    }
}
