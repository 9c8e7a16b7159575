package dev.tandem.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of money in one ISO 4217 currency.
 *
 * <p>The amount is a {@link BigDecimal} of any scale: intermediate results (quantity × price) keep their full
 * precision and are stored as {@code NUMERIC(19,6)}. <b>Rounding to the currency's minor units happens in this
 * class alone</b> ({@link #rounded()}, {@link #allocate}), half-up, which is the commercial rounding the
 * specification's examples use. Splits never lose a cent: {@link #allocate} books the rounding difference on one
 * named share, so the shares always sum to the rounded whole.
 *
 * @param amount   the amount, any scale, never {@code null}
 * @param currency ISO 4217 alphabetic code, e.g. {@code "EUR"}
 */
public record Money(BigDecimal amount, String currency) {

    /** The one rounding mode of Tandem: half-up to the currency's minor units. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        minorUnits(currency); // validates the code
    }

    /** Parses {@code amount} exactly (no binary floating point on the way). */
    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * Number of minor units (decimal places) of an ISO 4217 currency: 2 for EUR and USD, 0 for JPY, 3 for KWD.
     *
     * @throws IllegalArgumentException when the code is not an ISO 4217 currency
     */
    public static int minorUnits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    /** Whether {@code code} is an ISO 4217 alphabetic code written in upper case ({@code "USD"}, not {@code "usd"}). */
    public static boolean isCurrencyCode(String code) {
        try {
            minorUnits(code);
            return code.equals(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Rounds a bare amount to the minor units of {@code currency}; the single rounding rule of Tandem. */
    public static BigDecimal round(BigDecimal amount, String currency) {
        return amount.setScale(minorUnits(currency), ROUNDING);
    }

    /** This amount rounded to the currency's minor units (half-up). */
    public Money rounded() {
        return new Money(round(amount, currency), currency);
    }

    /** Unrounded product with a quantity, e.g. hours × hourly price. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Compares amounts numerically (2.50 equals 2.5); the currencies must match. */
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /**
     * Splits the rounded value of this amount by percentages, losing no minor unit.
     *
     * <p>Each share is {@code round(amount × percent / 100)}; the difference between the rounded whole and the sum
     * of the rounded shares is added to the share at {@code roundingShare} (the contract-line customer flagged
     * "Is Rounding", §3.5). The returned shares therefore always sum to {@code rounded()} exactly.
     *
     * @param percents      one percentage per share (scale free), expected to total 100
     * @param roundingShare index of the share that absorbs the rounding difference
     * @return one rounded amount per percentage, in the same order
     * @throws IllegalArgumentException when the percentages do not total exactly 100 or the index is out of range
     */
    public List<Money> allocate(List<BigDecimal> percents, int roundingShare) {
        return split(amount, minorUnits(currency), percents, roundingShare).stream()
                .map(s -> new Money(s, currency)).toList();
    }

    /**
     * Splits {@code whole}, rounded half-up to {@code scale} decimals, by percentages, losing nothing: the
     * difference between the rounded whole and the sum of the rounded shares goes to the share at
     * {@code roundingShare}. Used for amounts (scale = the currency's minor units) and for quantities (scale 2,
     * as Dataverse stores them).
     *
     * @throws IllegalArgumentException when the percentages do not total exactly 100 or the index is out of range
     */
    public static List<BigDecimal> split(BigDecimal whole, int scale, List<BigDecimal> percents, int roundingShare) {
        if (percents.isEmpty() || roundingShare < 0 || roundingShare >= percents.size()) {
            throw new IllegalArgumentException("rounding share " + roundingShare + " is not one of " + percents.size() + " shares");
        }
        BigDecimal total = percents.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(HUNDRED) != 0) {
            throw new IllegalArgumentException("split percentages total " + total.toPlainString() + " %, not 100 %");
        }
        BigDecimal rounded = whole.setScale(scale, ROUNDING);
        List<BigDecimal> shares = new ArrayList<>(percents.size());
        BigDecimal allocated = BigDecimal.ZERO;
        for (BigDecimal percent : percents) {
            BigDecimal share = rounded.multiply(percent).divide(HUNDRED).setScale(scale, ROUNDING);
            shares.add(share);
            allocated = allocated.add(share);
        }
        shares.set(roundingShare, shares.get(roundingShare).add(rounded.subtract(allocated)));
        return shares;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
