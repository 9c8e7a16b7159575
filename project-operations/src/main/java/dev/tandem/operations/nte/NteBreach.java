package dev.tandem.operations.nte;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why an actual fails not-to-exceed: at {@code level}, {@code committed} + {@code requested} exceeds {@code limit}.
 * All amounts in {@code currency} (the contract's).
 */
public record NteBreach(NteLevel level, BigDecimal limit, BigDecimal committed, BigDecimal requested, String currency) {

    /** The sentence stored in {@code tdm_ntedetail} and shown to users. */
    public String describe() {
        return "Not-to-exceed limit of the " + level.label() + " is " + plain(limit) + " " + currency
                + "; already committed " + plain(committed) + ", requested " + plain(requested);
    }

    /** Structured form for API problem details. */
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("level", level.name());
        p.put("limit", plain(limit));
        p.put("committed", plain(committed));
        p.put("requested", plain(requested));
        p.put("currency", currency);
        return p;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().scale() < 2 ? value.setScale(2).toPlainString() : value.stripTrailingZeros().toPlainString();
    }
}
