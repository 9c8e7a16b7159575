package dev.tandem.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The one way the API writes decimals: plain strings, at least two decimals, nothing rounded. */
class DecimalsTest {

    @Test
    void storedScaleSixAmountsLoseOnlyTheirTrailingZeros() {
        assertThat(Decimals.plain(new BigDecimal("800.000000"))).isEqualTo("800.00");
        assertThat(Decimals.plain(new BigDecimal("12.345600"))).isEqualTo("12.3456");
        assertThat(Decimals.plain(new BigDecimal("0.000001"))).isEqualTo("0.000001");
    }

    @Test
    void wholeNumbersGetTwoDecimalsAndNeverAnExponent() {
        assertThat(Decimals.plain(new BigDecimal("8"))).isEqualTo("8.00");
        assertThat(Decimals.plain(new BigDecimal("1E+3"))).isEqualTo("1000.00");
        assertThat(Decimals.plain(new BigDecimal("1600.000000").stripTrailingZeros())).isEqualTo("1600.00");
        assertThat(Decimals.plain(BigDecimal.ZERO.setScale(6))).isEqualTo("0.00");
    }

    @Test
    void negativesKeepTheirSignAndNullStaysNull() {
        assertThat(Decimals.plain(new BigDecimal("-800.000000"))).isEqualTo("-800.00");
        assertThat(Decimals.plain(null)).isNull();
    }
}
