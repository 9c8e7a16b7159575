package dev.tandem.finance.tax;

import dev.tandem.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How the tax of one sales tax code is rounded (F&amp;O tax code "Rounding off" and "Rounding precision", §3.8): in a
 * direction, to a multiple of a precision such as 0.01, 0.05 or 1.
 *
 * <p>This is the one place of the sales tax that rounds money itself rather than through {@link Money}: a tax code
 * may round to a step coarser than the currency's minor units (0.05, 1) or in a direction other than Tandem's
 * half-up (up, down), neither of which {@link Money#round} offers. The step is the code's precision, or the
 * currency's minor unit when that is coarser (a code rounding to 0.01 can't make cents of JPY). Precisions are 1 or 5
 * times a power of ten, from 0.000001 to 1,000,000, so either step is a multiple of the other and the result always has
 * at most the currency's decimals: it is rounded once, never twice.
 *
 * <p>Directions apply to the magnitude, so a credit note's tax mirrors its invoice's: {@link Mode#NEAREST} is half
 * away from zero (Tandem's {@link Money#ROUNDING}), {@link Mode#UP} away from zero, {@link Mode#DOWN} towards zero.
 *
 * @param mode      the direction
 * @param precision the step, positive, 1 or 5 × 10^k with −6 ≤ k ≤ 6
 */
public record TaxRounding(Mode mode, BigDecimal precision) {

    /** Rounding direction of a tax code. */
    public enum Mode {
        /** To the nearest step, halves away from zero (F&amp;O "Normal"). */
        NEAREST(Money.ROUNDING),
        /** Away from zero to the next step (F&amp;O "Rounding-up"). */
        UP(RoundingMode.UP),
        /** Towards zero to the previous step (F&amp;O "Downward"). */
        DOWN(RoundingMode.DOWN);

        private final RoundingMode roundingMode;

        Mode(RoundingMode roundingMode) {
            this.roundingMode = roundingMode;
        }
    }

    private static final int MIN_EXPONENT = -6;
    private static final int MAX_EXPONENT = 6;

    public TaxRounding {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(precision, "precision");
    }

    /** Rounds to the nearest 0.01: the usual rule. */
    public static TaxRounding nearestCent() {
        return new TaxRounding(Mode.NEAREST, new BigDecimal("0.01"));
    }

    /** Whether the precision is one this class can round to without a second rounding (see the class comment). */
    public boolean isValidPrecision() {
        if (precision.signum() <= 0) {
            return false;
        }
        BigDecimal p = precision.stripTrailingZeros();
        int exponent = p.precision() - p.scale() - 1;
        boolean oneOrFive = p.unscaledValue().intValue() == 1 || p.unscaledValue().intValue() == 5;
        return p.precision() == 1 && oneOrFive && exponent >= MIN_EXPONENT && exponent <= MAX_EXPONENT;
    }

    /**
     * Rounds an unrounded tax amount (amount × rate / 100) of {@code currency} by this rule.
     *
     * @return the tax at the currency's minor units (its scale)
     * @throws IllegalArgumentException when the precision is not valid (setup refuses such codes) or the currency
     *                                  is not ISO 4217
     */
    public BigDecimal round(BigDecimal tax, String currency) {
        if (!isValidPrecision()) {
            throw new IllegalArgumentException("tax rounding precision " + precision.toPlainString()
                    + " is not 1 or 5 times a power of ten");
        }
        BigDecimal minorUnit = BigDecimal.ONE.movePointLeft(Money.minorUnits(currency));
        BigDecimal step = precision.max(minorUnit);
        // tax / step is exact: step is 1 or 5 times a power of ten.
        BigDecimal steps = tax.divide(step).setScale(0, mode.roundingMode);
        return steps.multiply(step).setScale(Money.minorUnits(currency), RoundingMode.UNNECESSARY);
    }
}
