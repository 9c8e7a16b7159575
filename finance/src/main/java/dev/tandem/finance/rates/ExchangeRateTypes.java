package dev.tandem.finance.rates;

import static dev.tandem.finance.FinanceError.DUPLICATE;
import static dev.tandem.finance.FinanceError.INVALID_INPUT;
import static dev.tandem.finance.FinanceError.NOT_FOUND;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Exchange rate types (F&amp;O "Exchange rate types", §9): named sets of rates, e.g. {@code ECB} for the European
 * Central Bank reference rates (seeded by the migration, as legal entities default to it) or a bank's own rates.
 * Every stored rate belongs to a type, and every lookup names one; an unknown type is refused with
 * {@code NOT_FOUND} naming it, rather than looking like a merely missing rate.
 */
public final class ExchangeRateTypes {

    /** Longest type name the schema holds ({@code exchangeratetype.ratetype}). */
    static final int MAX_TYPE_LENGTH = 20;
    private static final int MAX_DESCRIPTION_LENGTH = 200;

    /** A rate type and what it is. */
    public record RateType(String rateType, String description) {
    }

    private final FinanceContext ctx;

    public ExchangeRateTypes(FinanceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Creates a rate type.
     *
     * @throws TandemException INVALID_INPUT when the name is blank or longer than 20 characters, or the description is
     *                         blank or longer than 200; DUPLICATE when the type exists. Nothing is written then.
     */
    public void create(String rateType, String description) {
        if (rateType == null || rateType.isBlank() || rateType.length() > MAX_TYPE_LENGTH) {
            throw new TandemException(INVALID_INPUT, "An exchange rate type has a name of 1 to " + MAX_TYPE_LENGTH
                    + " characters, not '" + rateType + "'");
        }
        if (description == null || description.isBlank() || description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new TandemException(INVALID_INPUT, "Exchange rate type " + rateType + " needs a description of 1 to "
                    + MAX_DESCRIPTION_LENGTH + " characters");
        }
        ctx.inTransaction(() -> {
            if (exists(rateType)) {
                throw new TandemException(DUPLICATE, "Exchange rate type " + rateType + " already exists",
                        Map.of("rateType", rateType));
            }
            Map<String, Object> audit = ctx.created();
            ctx.jdbc().update("INSERT INTO exchangeratetype (ratetype, description, createdon, createdby, modifiedon, "
                    + "modifiedby) VALUES (?, ?, ?, ?, ?, ?)", rateType, description, audit.get("createdon"),
                    audit.get("createdby"), audit.get("modifiedon"), audit.get("modifiedby"));
        });
    }

    public boolean exists(String rateType) {
        Integer n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM exchangeratetype WHERE ratetype = ?", Integer.class,
                rateType);
        return n != null && n > 0;
    }

    /**
     * Refuses a rate type that does not exist.
     *
     * @throws TandemException NOT_FOUND naming the type (property {@code rateType})
     */
    public void require(String rateType) {
        if (rateType == null || !exists(rateType)) {
            throw new TandemException(NOT_FOUND, "Exchange rate type " + rateType + " doesn't exist",
                    Collections.singletonMap("rateType", rateType));
        }
    }

    /** All rate types, by name. */
    public List<RateType> list() {
        return ctx.jdbc().query("SELECT ratetype, description FROM exchangeratetype ORDER BY ratetype",
                (rs, i) -> new RateType(rs.getString(1), rs.getString(2)));
    }
}
