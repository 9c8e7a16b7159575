package dev.tandem.server.web;

import dev.tandem.common.Money;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How the pages write amounts, quantities and dates ({@code ${@fmt.money(amount, currency)}} in templates): an amount
 * always with its currency, rounded to the currency's minor units the one way {@link Money} rounds, with thousands
 * separators; a quantity without trailing zeros.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /**
     * {@code 1,600.00 USD}: the amount rounded to the currency's minor units, then its ISO 4217 code; an empty
     * string for a null amount.
     */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        String code = currency == null ? "" : currency.trim();
        BigDecimal rounded = Money.isCurrencyCode(code) ? Money.round(amount, code) : amount;
        return grouped(rounded, rounded.scale()) + (code.isEmpty() ? "" : " " + code);
    }

    /** The amount alone, rounded and grouped like {@link #money}, for tables whose header names the currency. */
    public String amount(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        BigDecimal rounded = currency != null && Money.isCurrencyCode(currency.trim())
                ? Money.round(amount, currency.trim()) : amount;
        return grouped(rounded, rounded.scale());
    }

    /** A quantity (hours or units) as entered: {@code 8}, {@code 7.5}; never in exponent form. */
    public String quantity(BigDecimal quantity) {
        return quantity == null ? "" : quantity.stripTrailingZeros().toPlainString();
    }

    /** A price per hour or unit as entered, with at least two decimals: {@code 200.00}, {@code 33.333}. */
    public String price(BigDecimal price) {
        if (price == null) {
            return "";
        }
        BigDecimal plain = price.stripTrailingZeros();
        return plain.setScale(Math.max(2, plain.scale())).toPlainString();
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String stamp(OffsetDateTime time) {
        return time == null ? "" : STAMP.format(time);
    }

    private static String grouped(BigDecimal value, int scale) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(Math.max(0, scale));
        format.setMaximumFractionDigits(Math.max(0, scale));
        format.setParseBigDecimal(true);
        return format.format(value);
    }
}
