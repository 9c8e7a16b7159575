package dev.tandem.finance.tax;

import static dev.tandem.finance.FinanceError.DUPLICATE;
import static dev.tandem.finance.FinanceError.INVALID_INPUT;
import static dev.tandem.finance.FinanceError.NOT_FOUND;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sales tax setup of a legal entity (§3.8): sales tax codes with their rates over time and their rounding, sales tax
 * groups and item sales tax groups (sets of codes), and the sales tax group of a project contract. Each action
 * validates everything before writing and runs in one transaction: a refusal leaves nothing written.
 *
 * <p>Refusals: INVALID_INPUT (blank or too long ids and names, a rate outside 0–100 % or with more than 4 decimals,
 * an interval ending before it starts, overlapping intervals of one code, a precision that is not 1 or 5 × 10^k, a group
 * without codes or naming one twice), NOT_FOUND (legal entity, code or group), DUPLICATE (code or group).
 */
public final class SalesTaxSetup {

    private static final int MAX_ID = 20;
    /** A contract id is a ProjInvoiceProjId, as long as projtable.projinvoiceprojid. */
    private static final int MAX_CONTRACT_ID = 50;
    private static final int MAX_NAME = 100;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int RATE_DECIMALS = 4;

    /**
     * The rate of a tax code in percent, from {@code validFrom} to {@code validTo} inclusive ({@code null}: open-ended).
     */
    public record TaxValue(LocalDate validFrom, LocalDate validTo, BigDecimal ratePercent) {
    }

    /** A sales tax code: its rounding rule and at least one rate (non-overlapping intervals). */
    public record TaxCodeInput(String dataAreaId, String taxCode, String name, TaxRounding rounding,
                               List<TaxValue> values) {
    }

    private final FinanceContext ctx;

    public SalesTaxSetup(FinanceContext ctx) {
        this.ctx = ctx;
    }

    public void createTaxCode(TaxCodeInput in) {
        id(in.taxCode(), "Sales tax code", MAX_ID);
        name(in.name(), "Sales tax code " + in.taxCode());
        if (in.rounding() == null || !in.rounding().isValidPrecision()) {
            throw new TandemException(INVALID_INPUT, "Sales tax code " + in.taxCode() + " needs a rounding precision of 1 "
                    + "or 5 times a power of ten (0.01, 0.05, 1 ...), not "
                    + (in.rounding() == null ? "none" : in.rounding().precision().toPlainString()));
        }
        if (in.values() == null || in.values().isEmpty()) {
            throw new TandemException(INVALID_INPUT, "Sales tax code " + in.taxCode() + " needs at least one rate");
        }
        in.values().forEach(v -> value(in.taxCode(), v));
        noOverlap(in.taxCode(), in.values());
        ctx.inTransaction(() -> {
            requireEntity(in.dataAreaId());
            unique("taxtable", "dataareaid = ? AND taxcode = ?", "Sales tax code " + in.taxCode(), in.dataAreaId(),
                    in.taxCode());
            Map<String, Object> audit = ctx.created();
            ctx.jdbc().update("INSERT INTO taxtable (dataareaid, taxcode, name, roundingmode, roundingprecision, "
                    + "createdon, createdby, modifiedon, modifiedby) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", in.dataAreaId(),
                    in.taxCode(), in.name(), in.rounding().mode().name(), in.rounding().precision(),
                    audit.get("createdon"), audit.get("createdby"), audit.get("modifiedon"), audit.get("modifiedby"));
            in.values().forEach(v -> insertValue(in.dataAreaId(), in.taxCode(), v));
        });
    }

    /** Adds a rate interval to an existing code (e.g. a new rate from a date); it must not overlap the others. */
    public void addTaxValue(String dataAreaId, String taxCode, TaxValue value) {
        value(taxCode, value);
        ctx.inTransaction(() -> {
            requireRow("taxtable", "dataareaid = ? AND taxcode = ?", "Sales tax code " + taxCode, dataAreaId, taxCode);
            List<TaxValue> all = new ArrayList<>(ctx.jdbc().query("SELECT validfrom, validto, ratepercent FROM taxdata "
                    + "WHERE dataareaid = ? AND taxcode = ?", (rs, i) -> new TaxValue(rs.getObject(1, LocalDate.class),
                    rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)), dataAreaId, taxCode));
            all.add(value);
            noOverlap(taxCode, all);
            insertValue(dataAreaId, taxCode, value);
        });
    }

    /** A sales tax group: the codes that may apply to a customer, project or contract. */
    public void createTaxGroup(String dataAreaId, String taxGroup, String name, List<String> taxCodes) {
        createGroup("taxgroupheading", "taxgroupdata", "taxgroup", "Sales tax group", dataAreaId, taxGroup, name,
                taxCodes);
    }

    /** An item sales tax group: the codes that may apply to what is sold (a project category). */
    public void createItemTaxGroup(String dataAreaId, String itemTaxGroup, String name, List<String> taxCodes) {
        createGroup("taxitemgroupheading", "taxonitem", "taxitemgroup", "Item sales tax group", dataAreaId,
                itemTaxGroup, name, taxCodes);
    }

    /**
     * Sets the sales tax group of a project contract (ProjInvoiceProjId), read by the CONTRACT and SEARCH methods;
     * {@code null} removes it. Finance keeps no contract rows, so any contract id is accepted.
     */
    public void setContractTaxGroup(String dataAreaId, String contractId, String taxGroup) {
        id(contractId, "Project contract", MAX_CONTRACT_ID);
        ctx.inTransaction(() -> {
            requireEntity(dataAreaId);
            if (taxGroup != null) {
                requireRow("taxgroupheading", "dataareaid = ? AND taxgroup = ?", "Sales tax group " + taxGroup,
                        dataAreaId, taxGroup);
            }
            ctx.jdbc().update("DELETE FROM projcontracttaxgroup WHERE dataareaid = ? AND projinvoiceprojid = ?",
                    dataAreaId, contractId);
            if (taxGroup != null) {
                Map<String, Object> audit = ctx.created();
                ctx.jdbc().update("INSERT INTO projcontracttaxgroup (dataareaid, projinvoiceprojid, taxgroup, createdon, "
                        + "createdby, modifiedon, modifiedby) VALUES (?, ?, ?, ?, ?, ?, ?)", dataAreaId, contractId,
                        taxGroup, audit.get("createdon"), audit.get("createdby"), audit.get("modifiedon"),
                        audit.get("modifiedby"));
            }
        });
    }

    private void createGroup(String headingTable, String codeTable, String keyColumn, String what, String dataAreaId,
                             String group, String name, List<String> taxCodes) {
        id(group, what, MAX_ID);
        name(name, what + " " + group);
        if (taxCodes == null || taxCodes.isEmpty()) {
            throw new TandemException(INVALID_INPUT, what + " " + group + " needs at least one sales tax code");
        }
        Set<String> seen = new HashSet<>();
        for (String code : taxCodes) {
            if (!seen.add(code)) {
                throw new TandemException(INVALID_INPUT, what + " " + group + " names sales tax code " + code + " twice");
            }
        }
        ctx.inTransaction(() -> {
            requireEntity(dataAreaId);
            unique(headingTable, "dataareaid = ? AND " + keyColumn + " = ?", what + " " + group, dataAreaId, group);
            for (String code : taxCodes) {
                requireRow("taxtable", "dataareaid = ? AND taxcode = ?", "Sales tax code " + code, dataAreaId, code);
            }
            Map<String, Object> audit = ctx.created();
            ctx.jdbc().update("INSERT INTO " + headingTable + " (dataareaid, " + keyColumn + ", name, createdon, createdby, "
                    + "modifiedon, modifiedby) VALUES (?, ?, ?, ?, ?, ?, ?)", dataAreaId, group, name,
                    audit.get("createdon"), audit.get("createdby"), audit.get("modifiedon"), audit.get("modifiedby"));
            ctx.jdbc().batchUpdate("INSERT INTO " + codeTable + " (dataareaid, " + keyColumn + ", taxcode) VALUES (?, ?, ?)",
                    taxCodes.stream().map(code -> new Object[] {dataAreaId, group, code}).toList());
        });
    }

    private void insertValue(String dataAreaId, String taxCode, TaxValue v) {
        Map<String, Object> audit = ctx.created();
        ctx.jdbc().update("INSERT INTO taxdata (dataareaid, taxcode, validfrom, validto, ratepercent, createdon, createdby, "
                + "modifiedon, modifiedby) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", dataAreaId, taxCode, v.validFrom(),
                v.validTo(), v.ratePercent(), audit.get("createdon"), audit.get("createdby"), audit.get("modifiedon"),
                audit.get("modifiedby"));
    }

    private static void value(String taxCode, TaxValue v) {
        if (v == null || v.validFrom() == null || v.ratePercent() == null) {
            throw new TandemException(INVALID_INPUT, "A rate of sales tax code " + taxCode + " needs a start date and a "
                    + "percentage");
        }
        if (v.validTo() != null && v.validTo().isBefore(v.validFrom())) {
            throw new TandemException(INVALID_INPUT, "A rate of sales tax code " + taxCode + " ends (" + v.validTo()
                    + ") before it starts (" + v.validFrom() + ")");
        }
        BigDecimal rate = v.ratePercent();
        if (rate.signum() < 0 || rate.compareTo(HUNDRED) > 0 || Math.max(rate.stripTrailingZeros().scale(), 0)
                > RATE_DECIMALS) {
            throw new TandemException(INVALID_INPUT, "Sales tax code " + taxCode + " has a rate of 0 to 100 % with at most "
                    + RATE_DECIMALS + " decimals, not " + rate.toPlainString() + " %");
        }
    }

    /** Intervals of one code may not share a day, so a date has at most one rate. */
    private static void noOverlap(String taxCode, List<TaxValue> values) {
        List<TaxValue> sorted = values.stream().sorted(Comparator.comparing(TaxValue::validFrom)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            TaxValue before = sorted.get(i - 1);
            TaxValue after = sorted.get(i);
            if (before.validTo() == null || !before.validTo().isBefore(after.validFrom())) {
                throw new TandemException(INVALID_INPUT, "Rates of sales tax code " + taxCode + " overlap: the one from "
                        + before.validFrom() + (before.validTo() == null ? " (open-ended)" : " to " + before.validTo())
                        + " and the one from " + after.validFrom());
            }
        }
    }

    private void requireEntity(String dataAreaId) {
        requireRow("legal_entity", "dataareaid = ?", "Legal entity " + dataAreaId, dataAreaId);
    }

    private void requireRow(String table, String where, String what, Object... args) {
        Integer n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + where, Integer.class, args);
        if (n == null || n == 0) {
            throw new TandemException(NOT_FOUND, what + " doesn't exist");
        }
    }

    private void unique(String table, String where, String what, Object... args) {
        Integer n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + where, Integer.class, args);
        if (n != null && n > 0) {
            throw new TandemException(DUPLICATE, what + " already exists");
        }
    }

    private static void id(String value, String what, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new TandemException(INVALID_INPUT, what + " id has 1 to " + maxLength + " characters, not '" + value
                    + "'");
        }
    }

    private static void name(String value, String what) {
        if (value == null || value.isBlank() || value.length() > MAX_NAME) {
            throw new TandemException(INVALID_INPUT, what + " needs a name of 1 to " + MAX_NAME + " characters");
        }
    }
}
