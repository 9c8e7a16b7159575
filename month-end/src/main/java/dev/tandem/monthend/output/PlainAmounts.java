package dev.tandem.monthend.output;

import dev.tandem.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as the invoice documents and the ledger export write them: plain decimals (no exponent, no grouping,
 * {@code -} for negatives), so that they read back exactly with {@code new BigDecimal(text)}.
 */
final class PlainAmounts {

    private PlainAmounts() {
    }

    /** An amount at its currency's minor units (EUR 12345.6 → {@code 12345.60}, JPY → no decimals). */
    static String money(BigDecimal amount, String currency) {
        return Money.round(amount, currency).toPlainString();
    }

    /** A quantity or rate without trailing zeros ({@code 8.000000} → {@code 8}, {@code 1.2500000000} → {@code 1.25}). */
    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * A unit price without trailing zeros but with at least the currency's decimals ({@code 125.500000} →
     * {@code 125.50}; {@code 0.123400} stays {@code 0.1234}); empty when there is none. Only zeros are added or
     * dropped: the value never changes.
     */
    static String unitPrice(BigDecimal price, String currency) {
        if (price == null) {
            return "";
        }
        BigDecimal stripped = price.stripTrailingZeros();
        int decimals = Math.max(stripped.scale(), Money.minorUnits(currency));
        return stripped.setScale(decimals, RoundingMode.UNNECESSARY).toPlainString();
    }
}
