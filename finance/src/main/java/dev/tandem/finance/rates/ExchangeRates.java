package dev.tandem.finance.rates;

import static dev.tandem.finance.FinanceError.EXCHANGE_RATE_NOT_FOUND;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.finance.FinanceContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exchange rates: the rate from one currency to another on a date, per rate type. The rate of a pair on a date is
 * the latest one valid on or before it. Stored pairs are used directly or inverted; any other pair is a cross rate
 * through EUR (the ECB publishes EUR → X): rate(A→B) = rate(EUR→B) / rate(EUR→A). Rates are kept at 10 decimals;
 * a computed cross or inverse rate is rounded half-up to 10 decimals (the storage scale), and amounts converted with
 * it are rounded once, to the target currency's minor units, by {@link dev.tandem.common.Money}.
 *
 * <p>A fixed-rate agreement of a contract (§9) overrides the market rate for that contract's transactions.
 *
 * <p>Every lookup and store names a rate type of {@link ExchangeRateTypes}; an unknown type is refused with
 * {@code NOT_FOUND} naming it, before anything is looked up, so a misconfigured legal entity is not mistaken for a
 * missing rate (§11 item 20 skips lines with a missing rate; a missing type is a setup error for every line).
 */
public final class ExchangeRates {

    /** Scale of stored and computed rates. */
    public static final int RATE_SCALE = 10;

    /**
     * {@code exchangerates} over {@code exchangerate}, the source of the "CDS Exchange Rates" map (Finance is master,
     * dual-write R39): integration key {@code rateid} = {@link #rateId}. Every write of the table goes through the
     * data-entity writer ({@link #store}, {@link EcbRatesImport}), so each rate reaches the outbox.
     */
    public static final DataEntityDefinition ENTITY = new DataEntityDefinition("exchangerates", "exchangerate", "rateid",
            List.of("rateid", "ratetype", "fromcurrency", "tocurrency", "validfrom", "rate", "createdon", "createdby",
                    "modifiedon", "modifiedby"));
    private static final String EUR = "EUR";

    private final FinanceContext ctx;
    private final ExchangeRateTypes types;

    public ExchangeRates(FinanceContext ctx) {
        this.ctx = ctx;
        this.types = new ExchangeRateTypes(ctx);
    }

    /**
     * Rate to convert 1 {@code from} into {@code to} on {@code date}: 1 when they are the same.
     *
     * @throws TandemException EXCHANGE_RATE_NOT_FOUND naming the pair, the rate type and the date (§11 item 20:
     *                         "Missing exchange rate → line not imported"); NOT_FOUND when the rate type doesn't exist
     */
    public BigDecimal rate(String rateType, String from, String to, LocalDate date) {
        return find(rateType, from, to, date).orElseThrow(() -> {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("from", from);
            props.put("to", to);
            props.put("rateType", rateType);
            props.put("date", date.toString());
            return new TandemException(EXCHANGE_RATE_NOT_FOUND, "No exchange rate " + from + " → " + to + " of type "
                    + rateType + " on or before " + date, props);
        });
    }

    /** The rate for a contract's transactions: its fixed-rate agreement for {@code from} if any, else the market rate. */
    public BigDecimal rateForContract(String dataAreaId, String contractId, String rateType, String from, String to,
                                      LocalDate date) {
        types.require(rateType);
        if (contractId != null && !from.equals(to)) {
            List<BigDecimal> fixed = ctx.jdbc().queryForList("SELECT rate FROM contractfixedrate WHERE dataareaid = ? AND "
                    + "projinvoiceprojid = ? AND currency = ?", BigDecimal.class, dataAreaId, contractId, from);
            if (!fixed.isEmpty()) {
                return fixed.get(0);
            }
        }
        return rate(rateType, from, to, date);
    }

    /**
     * The rate as {@link #rate}, or empty when there is none.
     *
     * @throws TandemException NOT_FOUND when the rate type doesn't exist
     */
    public Optional<BigDecimal> find(String rateType, String from, String to, LocalDate date) {
        types.require(rateType);
        return lookup(rateType, from, to, date);
    }

    private Optional<BigDecimal> lookup(String rateType, String from, String to, LocalDate date) {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        Optional<BigDecimal> direct = stored(rateType, from, to, date);
        if (direct.isPresent()) {
            return direct;
        }
        Optional<BigDecimal> inverse = stored(rateType, to, from, date);
        if (inverse.isPresent()) {
            return Optional.of(BigDecimal.ONE.divide(inverse.get(), MathContext.DECIMAL128).setScale(RATE_SCALE,
                    RoundingMode.HALF_UP));
        }
        if (!from.equals(EUR) && !to.equals(EUR)) {
            Optional<BigDecimal> eurFrom = lookup(rateType, EUR, from, date);
            Optional<BigDecimal> eurTo = lookup(rateType, EUR, to, date);
            if (eurFrom.isPresent() && eurTo.isPresent()) {
                return Optional.of(eurTo.get().divide(eurFrom.get(), MathContext.DECIMAL128).setScale(RATE_SCALE,
                        RoundingMode.HALF_UP));
            }
        }
        return Optional.empty();
    }

    /**
     * Stores a rate valid from a date (replacing one of the same pair and date).
     *
     * @throws TandemException NOT_FOUND when the rate type doesn't exist
     */
    public void store(String rateType, String from, String to, LocalDate validFrom, BigDecimal rate) {
        ctx.inTransaction(() -> {
            types.require(rateType);
            String id = rateId(rateType, from, to, validFrom);
            List<BigDecimal> stored = ctx.jdbc().queryForList("SELECT rate FROM exchangerate WHERE rateid = ? FOR UPDATE",
                    BigDecimal.class, id);
            if (stored.isEmpty()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("rateid", id);
                row.put("ratetype", rateType);
                row.put("fromcurrency", from);
                row.put("tocurrency", to);
                row.put("validfrom", validFrom);
                row.put("rate", rate);
                row.putAll(ctx.created());
                ctx.writer().insert(ENTITY, List.of(row));
            } else if (stored.get(0).compareTo(rate) != 0) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("rate", rate);
                values.putAll(ctx.modified());
                ctx.writer().update(ENTITY, List.of(id), values);
            }
        });
    }

    /**
     * The integration key of a rate, {@code "<ratetype>|<from>|<to>|<yyyy-mm-dd>"} (e.g. {@code ECB|EUR|USD|2025-05-09}):
     * the table's composite key in one field, which Project Operations keeps in {@code msdyn_currencyexchangerateid}.
     * The table's CHECK keeps the stored column equal to it.
     */
    public static String rateId(String rateType, String from, String to, LocalDate validFrom) {
        return rateType + "|" + from + "|" + to + "|" + validFrom;
    }

    /** Sets the fixed rate of a contract for one transaction currency into the accounting currency (§9). */
    public void setFixedRate(String dataAreaId, String contractId, String currency, BigDecimal rate) {
        ctx.inTransaction(() -> {
            ctx.jdbc().update("DELETE FROM contractfixedrate WHERE dataareaid = ? AND projinvoiceprojid = ? AND currency = ?",
                    dataAreaId, contractId, currency);
            Map<String, Object> audit = ctx.created();
            ctx.jdbc().update("INSERT INTO contractfixedrate (dataareaid, projinvoiceprojid, currency, rate, createdon, "
                    + "createdby) VALUES (?, ?, ?, ?, ?, ?)", dataAreaId, contractId, currency, rate,
                    audit.get("createdon"), audit.get("createdby"));
        });
    }

    private Optional<BigDecimal> stored(String rateType, String from, String to, LocalDate date) {
        List<BigDecimal> rates = ctx.jdbc().queryForList("SELECT rate FROM exchangerate WHERE ratetype = ? AND "
                + "fromcurrency = ? AND tocurrency = ? AND validfrom <= ? ORDER BY validfrom DESC LIMIT 1",
                BigDecimal.class, rateType, from, to, date);
        return rates.isEmpty() ? Optional.empty() : Optional.of(rates.get(0));
    }
}
