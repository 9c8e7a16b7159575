package dev.tandem.server.api;

import java.math.BigDecimal;

/**
 * How the API writes decimal values — amounts, prices, quantities, percentages, limits: as JSON <b>strings</b> in
 * plain notation, never with an exponent, so no client reads them through binary floating point. Trailing zeros
 * beyond the second decimal are dropped and at least two decimals are kept: {@code 800.000000} is written
 * {@code "800.00"}, {@code 12.345600} {@code "12.3456"}, {@code 8} {@code "8.00"}, {@code 1E+3} {@code "1000.00"}.
 * Nothing is rounded: the value is the stored one (amounts are stored rounded to the currency's minor units,
 * DESIGN §6). Requests accept a decimal as a JSON string or a JSON number.
 */
public final class Decimals {

    private Decimals() {
    }

    /** {@code value} written as the API writes decimals; {@code null} stays {@code null}. */
    public static String plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }
}
