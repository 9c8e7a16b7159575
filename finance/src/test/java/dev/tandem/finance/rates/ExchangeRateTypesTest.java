package dev.tandem.finance.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.FinanceTestBase;
import dev.tandem.finance.rates.ExchangeRateTypes.RateType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Exchange rate types: ECB is there from the start; an unknown type is refused by every rate action (§9). */
class ExchangeRateTypesTest extends FinanceTestBase {

    private static final LocalDate DAY = LocalDate.of(2025, 5, 9);

    private int types() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM exchangeratetype", Integer.class);
    }

    private static void refusedAsUnknownType(Executable action) {
        assertThatThrownBy(action::execute).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(FinanceError.NOT_FOUND);
            assertThat(e.detail()).isEqualTo("Exchange rate type BANK doesn't exist");
            assertThat(e.properties()).containsEntry("rateType", "BANK");
        });
    }

    @Test
    void ecbIsSeededAndANewTypeHasItsOwnRates() {
        assertThat(finance.rateTypes().list()).extracting(RateType::rateType).containsExactly("ECB");

        finance.rateTypes().create("BANK", "Rates of the house bank");
        finance.rates().store("BANK", "EUR", "USD", DAY, new BigDecimal("1.13"));

        assertThat(finance.rateTypes().list()).containsExactly(new RateType("BANK", "Rates of the house bank"),
                new RateType("ECB", "European Central Bank euro foreign exchange reference rates"));
        assertThat(finance.rates().rate("BANK", "EUR", "USD", DAY)).isEqualByComparingTo("1.13");
        assertThat(finance.rates().find("ECB", "EUR", "USD", DAY)).isEmpty();
    }

    @Test
    void everyRateActionRefusesAnUnknownType() {
        refusedAsUnknownType(() -> finance.rates().rate("BANK", "EUR", "USD", DAY));
        refusedAsUnknownType(() -> finance.rates().rate("BANK", "USD", "USD", DAY));
        refusedAsUnknownType(() -> finance.rates().find("BANK", "GBP", "USD", DAY));
        refusedAsUnknownType(() -> finance.rates().rateForContract(LE, CONTRACT, "BANK", "GBP", "USD", DAY));
        refusedAsUnknownType(() -> finance.rates().store("BANK", "EUR", "USD", DAY, BigDecimal.ONE));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM exchangerate", Integer.class)).isZero();
    }

    @Test
    void aDuplicateOrBadTypeIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> finance.rateTypes().create("ECB", "Again"))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FinanceError.DUPLICATE));
        for (String[] bad : new String[][] {{"", "Blank"}, {"X".repeat(21), "Too long"}, {"BANK", " "}}) {
            assertThatThrownBy(() -> finance.rateTypes().create(bad[0], bad[1]))
                    .isInstanceOfSatisfying(TandemException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(FinanceError.INVALID_INPUT));
        }

        assertThat(types()).isOne();
    }
}
