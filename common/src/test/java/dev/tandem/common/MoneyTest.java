package dev.tandem.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void roundsHalfUpToTheCurrencysMinorUnits() {
        assertThat(Money.of("2.345", "EUR").rounded().amount()).isEqualByComparingTo("2.35");
        assertThat(Money.of("2.344", "EUR").rounded().amount()).isEqualByComparingTo("2.34");
        assertThat(Money.of("1234.5", "JPY").rounded().amount()).isEqualByComparingTo("1235");
        assertThat(Money.of("1.2345", "KWD").rounded().amount()).isEqualByComparingTo("1.235");
        assertThat(Money.of("-2.345", "USD").rounded().amount()).isEqualByComparingTo("-2.35");
    }

    @Test
    void aCurrencyCodeIsAnUpperCaseIso4217Code() {
        assertThat(Money.isCurrencyCode("USD")).isTrue();
        assertThat(Money.isCurrencyCode("usd")).isFalse();
        assertThat(Money.isCurrencyCode("ABC")).isFalse();
    }

    @Test
    void timesKeepsFullPrecisionUntilRounded() {
        Money price = Money.of("33.33", "USD");
        assertThat(price.times(new BigDecimal("3")).amount()).isEqualByComparingTo("99.99");
        assertThat(price.times(new BigDecimal("0.333")).amount()).isEqualByComparingTo("11.09889");
    }

    @Test
    void allocationGivesTheRoundingDifferenceToTheNamedShare() {
        List<Money> shares = Money.of("100", "USD").allocate(List.of(new BigDecimal("33.33"), new BigDecimal("33.33"),
                new BigDecimal("33.34")), 2);
        assertThat(shares).extracting(Money::amount).map(BigDecimal::toPlainString)
                .containsExactly("33.33", "33.33", "33.34");

        List<Money> thirds = Money.of("0.10", "USD").allocate(List.of(new BigDecimal("50"), new BigDecimal("50")), 0);
        assertThat(thirds.get(0).amount().add(thirds.get(1).amount())).isEqualByComparingTo("0.10");
    }

    @Test
    void randomSplitsAlwaysSumToTheRoundedWhole() {
        Random random = new Random(7);
        for (int run = 0; run < 5_000; run++) {
            int parts = 1 + random.nextInt(6);
            List<BigDecimal> percents = new ArrayList<>();
            BigDecimal left = new BigDecimal("100");
            for (int i = 0; i < parts - 1; i++) {
                BigDecimal p = BigDecimal.valueOf(random.nextInt(left.movePointRight(4).intValue() + 1), 4);
                percents.add(p);
                left = left.subtract(p);
            }
            percents.add(left);
            BigDecimal whole = BigDecimal.valueOf(random.nextLong(100_000_000), 4);
            int roundingShare = random.nextInt(parts);

            List<BigDecimal> shares = Money.split(whole, 2, percents, roundingShare);

            assertThat(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("split of %s by %s", whole, percents)
                    .isEqualByComparingTo(whole.setScale(2, Money.ROUNDING));
        }
    }

    @Test
    void refusesPercentagesThatDoNotTotalHundred() {
        assertThatThrownBy(() -> Money.of("10", "USD").allocate(List.of(new BigDecimal("60"), new BigDecimal("30")), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("90");
    }

    @Test
    void refusesMixingCurrenciesAndUnknownCodes() {
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
                .hasMessageContaining("USD and EUR");
        assertThatThrownBy(() -> Money.of("1", "XYZ")).isInstanceOf(IllegalArgumentException.class);
    }
}
