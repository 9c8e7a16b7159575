package dev.tandem.operations.actuals;

import dev.tandem.common.Money;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OptionValue;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Totals over all actuals (§3.6) for reports: counts and amounts by type, class and currency, approved hours. */
public final class ActualFigures {

    private final OperationsContext ctx;

    public ActualFigures(OperationsContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The actuals of one transaction type and class in one currency: how many, and the sum of their amounts
     * ({@code msdyn_amount}, in that currency, exactly as summed: not rounded).
     */
    public record Total(TransactionType transactionType, TransactionClassification classification, long count,
                        Money amount) {
    }

    /**
     * Every combination of transaction type, classification and currency that has actuals, ordered by type value,
     * classification value, then currency code.
     *
     * @throws IllegalArgumentException when the table holds an option value the enums do not know
     */
    public List<Total> totals() {
        return ctx.jdbc().query("SELECT msdyn_transactiontypecode, msdyn_transactionclassification, "
                + "transactioncurrency, COUNT(*) n, SUM(msdyn_amount) amount FROM msdyn_actual GROUP BY "
                + "msdyn_transactiontypecode, msdyn_transactionclassification, transactioncurrency ORDER BY 1, 2, 3",
                (rs, i) -> new Total(OptionValue.of(TransactionType.class, rs.getInt(1)),
                        OptionValue.of(TransactionClassification.class, rs.getInt(2)), rs.getLong(4),
                        new Money(rs.getBigDecimal(5) == null ? BigDecimal.ZERO : rs.getBigDecimal(5),
                                rs.getString(3).trim())));
    }

    /**
     * Approved time in hours by billing type (§4.4): the quantities of the Cost actuals of class Time, summed exactly
     * (entries keep up to 6 decimals); billing types without such actuals are absent.
     */
    public Map<BillingType, BigDecimal> approvedHours() {
        Map<BillingType, BigDecimal> byType = new EnumMap<>(BillingType.class);
        ctx.jdbc().query("SELECT msdyn_billingtype, SUM(msdyn_quantity) FROM msdyn_actual WHERE "
                + "msdyn_transactiontypecode = ? AND msdyn_transactionclassification = ? GROUP BY msdyn_billingtype",
                rs -> {
                    byType.put(OptionValue.of(BillingType.class, rs.getInt(1)), rs.getBigDecimal(2));
                }, TransactionType.COST.value(), TransactionClassification.TIME.value());
        return byType;
    }
}
