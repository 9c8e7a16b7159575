package dev.tandem.finance.tax;

import static dev.tandem.finance.FinanceError.INVALID_INPUT;
import static dev.tandem.finance.FinanceError.NOT_FOUND;
import static dev.tandem.finance.FinanceError.TAX_VALUE_NOT_FOUND;

import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finance's {@link SalesTax} (§3.8).
 *
 * <p>Tax of an amount: for each code in both the sales tax group and the item sales tax group, in code order,
 * {@code amount × rate / 100} with the code's rate valid on the date, rounded once by the code's {@link TaxRounding}
 * to the transaction currency's minor units at the finest; the tax is the sum of these rounded amounts. Each code
 * taxes the net amount (no tax on tax). Amounts may be negative (credit notes) and round symmetrically.
 *
 * <p>Refusals: INVALID_INPUT for a missing amount or date, a currency that is not ISO 4217, or an amount with more
 * decimals than its currency's minor units; NOT_FOUND for a group that doesn't exist; TAX_VALUE_NOT_FOUND when a code
 * that applies has no rate valid on the date (naming the code and the date).
 *
 * <p>Default group: see {@link TaxGroupDefaulting}. A missing contract or customer argument is taken from the project.
 */
public final class SalesTaxCalculator implements SalesTax {

    /** A code in both groups, with its rate on the date ({@code null}: none). */
    private record ApplicableCode(String taxCode, TaxRounding rounding, BigDecimal ratePercent) {
    }

    private record CodesKey(String dataAreaId, String taxGroup, String itemTaxGroup, LocalDate date) {
    }

    private final FinanceContext ctx;
    private final TaxGroupDefaulting defaulting;
    /** Batch memos ({@link #forBatch}); null on the shared instance, which reads the setup on every call. */
    private final Map<List<String>, Boolean> groups;
    private final Map<CodesKey, List<ApplicableCode>> codes;

    public SalesTaxCalculator(FinanceContext ctx) {
        this(ctx, new TaxGroupDefaulting(ctx), null, null);
    }

    private SalesTaxCalculator(FinanceContext ctx, TaxGroupDefaulting defaulting, Map<List<String>, Boolean> groups,
                               Map<CodesKey, List<ApplicableCode>> codes) {
        this.ctx = ctx;
        this.defaulting = defaulting;
        this.groups = groups;
        this.codes = codes;
    }

    /** A calculator that reads each group's existence and each group pair's codes on a date once (see SalesTax). */
    @Override
    public SalesTax forBatch() {
        return new SalesTaxCalculator(ctx, defaulting, new HashMap<>(), new HashMap<>());
    }

    @Override
    public String defaultTaxGroup(String dataAreaId, String projectId, String contractId, String customerAccount) {
        return defaulting.defaultTaxGroup(dataAreaId, projectId, contractId, customerAccount);
    }

    @Override
    public TaxResult calculate(String dataAreaId, String taxGroup, String itemTaxGroup, BigDecimal amount,
                               String currency, LocalDate date) {
        validate(amount, currency, date);
        if (isBlank(taxGroup) || isBlank(itemTaxGroup)) {
            return TaxResult.none();
        }
        requireGroup("taxgroupheading", "taxgroup", "Sales tax group", dataAreaId, taxGroup);
        requireGroup("taxitemgroupheading", "taxitemgroup", "Item sales tax group", dataAreaId, itemTaxGroup);
        List<CodeAmount> codes = new ArrayList<>();
        BigDecimal total = Money.round(BigDecimal.ZERO, currency);
        for (ApplicableCode code : applicableCodes(dataAreaId, taxGroup, itemTaxGroup, date)) {
            if (code.ratePercent() == null) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("taxCode", code.taxCode());
                props.put("date", date.toString());
                throw new TandemException(TAX_VALUE_NOT_FOUND, "Sales tax code " + code.taxCode() + " has no rate on "
                        + date, props);
            }
            BigDecimal unrounded = amount.multiply(code.ratePercent()).movePointLeft(2);
            BigDecimal tax = code.rounding().round(unrounded, currency);
            codes.add(new CodeAmount(code.taxCode(), code.ratePercent(), amount, tax));
            total = total.add(tax);
        }
        return new TaxResult(total, List.copyOf(codes));
    }

    private List<ApplicableCode> applicableCodes(String dataAreaId, String taxGroup, String itemTaxGroup,
                                                 LocalDate date) {
        if (codes != null) {
            return codes.computeIfAbsent(new CodesKey(dataAreaId, taxGroup, itemTaxGroup, date),
                    k -> readApplicableCodes(dataAreaId, taxGroup, itemTaxGroup, date));
        }
        return readApplicableCodes(dataAreaId, taxGroup, itemTaxGroup, date);
    }

    private List<ApplicableCode> readApplicableCodes(String dataAreaId, String taxGroup, String itemTaxGroup,
                                                     LocalDate date) {
        // Intervals of a code don't overlap (SalesTaxSetup), so the LEFT JOIN yields one row per code.
        return ctx.jdbc().query("SELECT t.taxcode, t.roundingmode, t.roundingprecision, d.ratepercent "
                + "FROM taxgroupdata g "
                + "JOIN taxonitem i ON i.dataareaid = g.dataareaid AND i.taxcode = g.taxcode AND i.taxitemgroup = ? "
                + "JOIN taxtable t ON t.dataareaid = g.dataareaid AND t.taxcode = g.taxcode "
                + "LEFT JOIN taxdata d ON d.dataareaid = t.dataareaid AND d.taxcode = t.taxcode AND d.validfrom <= ? "
                + "AND (d.validto IS NULL OR d.validto >= ?) "
                + "WHERE g.dataareaid = ? AND g.taxgroup = ? ORDER BY t.taxcode",
                (rs, i) -> new ApplicableCode(rs.getString(1), new TaxRounding(TaxRounding.Mode.valueOf(rs.getString(2)),
                        rs.getBigDecimal(3)), rs.getBigDecimal(4)), itemTaxGroup, date, date, dataAreaId, taxGroup);
    }

    private void requireGroup(String table, String column, String what, String dataAreaId, String group) {
        boolean exists = groups == null ? groupExists(table, column, dataAreaId, group)
                : groups.computeIfAbsent(List.of(table, dataAreaId, group), k -> groupExists(table, column, dataAreaId,
                group));
        if (!exists) {
            throw new TandemException(NOT_FOUND, what + " " + group + " doesn't exist in legal entity " + dataAreaId,
                    Map.of(column, group));
        }
    }

    private boolean groupExists(String table, String column, String dataAreaId, String group) {
        Integer n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM " + table + " WHERE dataareaid = ? AND " + column
                + " = ?", Integer.class, dataAreaId, group);
        return n != null && n > 0;
    }

    private static void validate(BigDecimal amount, String currency, LocalDate date) {
        if (amount == null || date == null || currency == null) {
            throw new TandemException(INVALID_INPUT, "Sales tax needs an amount, a currency and a date");
        }
        int minorUnits;
        try {
            minorUnits = Money.minorUnits(currency);
        } catch (IllegalArgumentException e) {
            throw new TandemException(INVALID_INPUT, "Unknown currency " + currency + " (ISO 4217 code expected)");
        }
        if (amount.stripTrailingZeros().scale() > minorUnits) {
            throw new TandemException(INVALID_INPUT, "The amount " + amount.toPlainString() + " has more decimals than "
                    + currency + "'s " + minorUnits + "; sales tax is calculated on amounts at the currency's minor units");
        }
    }

    private static boolean isBlank(String group) {
        return group == null || group.isBlank();
    }
}
