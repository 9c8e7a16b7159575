package dev.tandem.finance.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.finance.tax.TaxRounding.Mode;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which rounding precisions a tax code may have: 1 or 5 × 10^k, so no amount is ever rounded twice. */
class TaxRoundingTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.000001", "0.01", "0.010000", "0.05", "0.5", "1", "5", "10", "100", "1000000"})
    void acceptsOneOrFiveTimesAPowerOfTen(String precision) {
        assertThat(new TaxRounding(Mode.NEAREST, new BigDecimal(precision)).isValidPrecision()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0.01", "0.03", "0.25", "2", "15", "0.0000001", "10000000"})
    void refusesOtherPrecisions(String precision) {
        TaxRounding rounding = new TaxRounding(Mode.NEAREST, new BigDecimal(precision));

        assertThat(rounding.isValidPrecision()).isFalse();
        assertThatThrownBy(() -> rounding.round(BigDecimal.ONE, "USD")).isInstanceOf(IllegalArgumentException.class);
    }
}
