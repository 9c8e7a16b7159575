package dev.tandem.finance.staging;

import static dev.tandem.finance.FinanceError.CUSTOMER_NOT_FOUND;
import static dev.tandem.finance.FinanceError.INVALID_INPUT;
import static dev.tandem.finance.FinanceError.LINE_PROPERTY_NOT_FOUND;
import static dev.tandem.finance.FinanceError.NOT_FOUND;
import static dev.tandem.finance.FinanceError.PROJECT_NOT_FOUND;

import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.setup.BillingTypeDefaults;
import dev.tandem.finance.setup.BillingTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The {@code validateWrite} of the staging entity (§3.7, §11 item 20): checks a batch of delivered actuals before
 * anything is written, and refuses the whole batch when one of them is wrong, naming every wrong actual (up to ten)
 * with the rule it breaks. Checked: field names and values fit the table, the required fields are there, the
 * currency is an ISO 4217 code, the transaction type is one of Project Operations', each actual appears once, and
 * the legal entity, project, customer and the line property of the billing type exist in Finance.
 */
final class StagingValidator {

    /** Suffix of every refusal, as F&O words dual-write validation errors (§11 item 20). */
    static final String VALIDATE_WRITE = "validateWrite failed on data source 'ProjCDSActualsImport'.";

    private static final int NAMED_PROBLEMS = 10;
    private static final Set<Integer> TRANSACTION_TYPES = Set.of(StagingRow.COST, StagingRow.PROJECT_CONTRACT,
            StagingRow.UNBILLED_SALES, StagingRow.BILLED_SALES, StagingRow.RESOURCING_UNIT_COST,
            StagingRow.INTER_ORGANIZATIONAL_SALES);

    private final FinanceContext ctx;

    StagingValidator(FinanceContext ctx) {
        this.ctx = ctx;
    }

    private record Problem(FinanceError code, String sentence, String actualId) {
    }

    /**
     * The delivered rows with their values in the columns' Java types and the Finance-owned fields dropped.
     *
     * @throws TandemException the first problem's code (INVALID_INPUT, NOT_FOUND for a legal entity,
     *                         PROJECT_NOT_FOUND, CUSTOMER_NOT_FOUND, LINE_PROPERTY_NOT_FOUND) with a detail naming
     *                         each refused actual; property {@code actualIds} lists them
     */
    List<Map<String, Object>> validate(List<Map<String, Object>> rows) {
        List<Problem> problems = new ArrayList<>();
        List<Map<String, Object>> coerced = new ArrayList<>(rows.size());
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = coerce(rows.get(i), i, problems);
            if (row != null && !seen.add(row.get("actualid"))) {
                problems.add(new Problem(INVALID_INPUT, "Actual " + row.get("actualid") + " appears more than once in "
                        + "one delivery.", row.get("actualid").toString()));
                row = null;
            }
            if (row != null) {
                coerced.add(row);
            }
        }
        checkReferences(coerced, problems);
        if (!problems.isEmpty()) {
            throw refusal(problems);
        }
        return coerced;
    }

    /** One row in column types, or {@code null} after adding its problems. */
    private static Map<String, Object> coerce(Map<String, Object> row, int index, List<Problem> problems) {
        Object rawId = row.get("actualid");
        String name = rawId == null ? "in row " + (index + 1) + " of the delivery" : rawId.toString();
        int before = problems.size();
        Map<String, Object> out = new LinkedHashMap<>();
        Set<String> unfit = new HashSet<>();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (!StagingColumns.isColumn(e.getKey())) {
                problems.add(new Problem(INVALID_INPUT, "Actual " + name + ": field '" + e.getKey() + "' is not a field "
                        + "of ProjCDSActualsImportEntity. " + VALIDATE_WRITE, name));
            } else if (!StagingColumns.FINANCE_OWNED.contains(e.getKey())) {
                try {
                    out.put(e.getKey(), StagingColumns.coerce(e.getKey(), e.getValue()));
                } catch (StagingColumns.FieldProblem p) {
                    unfit.add(e.getKey());
                    problems.add(new Problem(INVALID_INPUT, "Actual " + name + ": " + p.getMessage() + ". "
                            + VALIDATE_WRITE, name));
                }
            }
        }
        for (String field : StagingColumns.REQUIRED) {
            Object v = out.get(field);
            if (!unfit.contains(field) && (v == null || (v instanceof String s && s.isBlank()))) {
                problems.add(new Problem(INVALID_INPUT, "Actual " + name + ": field '" + field + "' must be filled in. "
                        + VALIDATE_WRITE, name));
            }
        }
        if (out.get("transactioncurrencyid") instanceof String currency && !currency.isBlank() && !isCurrency(currency)) {
            problems.add(new Problem(INVALID_INPUT, "Actual " + name + ": currency code '" + currency + "' is not valid "
                    + "(an ISO 4217 code such as USD is expected). " + VALIDATE_WRITE, name));
        }
        if (out.get("transtype") instanceof Integer type && !TRANSACTION_TYPES.contains(type)) {
            problems.add(new Problem(INVALID_INPUT, "Actual " + name + ": transaction type " + type + " is not a Project "
                    + "Operations transaction type. " + VALIDATE_WRITE, name));
        }
        return problems.size() == before ? out : null;
    }

    private static boolean isCurrency(String code) {
        try {
            Money.minorUnits(code);
            return code.equals(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Legal entity, project, customer and line property of each row, one query per legal entity and table. */
    private void checkReferences(List<Map<String, Object>> rows, List<Problem> problems) {
        Map<String, List<Map<String, Object>>> byEntity = rows.stream().collect(Collectors.groupingBy(
                r -> (String) r.get("projectdataareaid"), LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Map<String, Object>>> group : byEntity.entrySet()) {
            String entity = group.getKey();
            Integer exists = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM legal_entity WHERE dataareaid = ?",
                    Integer.class, entity);
            if (exists == null || exists == 0) {
                for (Map<String, Object> r : group.getValue()) {
                    problems.add(new Problem(NOT_FOUND, "Actual " + r.get("actualid") + ": legal entity " + entity
                            + " doesn't exist. " + VALIDATE_WRITE, r.get("actualid").toString()));
                }
                continue;
            }
            Set<String> projects = existing("projtable", "projid", entity, values(group.getValue(), "projectid"));
            Set<String> customers = existing("custtable", "accountnum", entity,
                    values(group.getValue(), "customeraccountnumber"));
            BillingTypeDefaults lineProperties = BillingTypeDefaults.of(ctx, entity);
            for (Map<String, Object> r : group.getValue()) {
                checkRow(r, entity, projects, customers, lineProperties, problems);
            }
        }
    }

    private static void checkRow(Map<String, Object> r, String entity, Set<String> projects, Set<String> customers,
                                 BillingTypeDefaults lineProperties, List<Problem> problems) {
        String id = r.get("actualid").toString();
        if (!projects.contains((String) r.get("projectid"))) {
            problems.add(new Problem(PROJECT_NOT_FOUND, "Actual " + id + ": project " + r.get("projectid")
                    + " doesn't exist in legal entity " + entity + ". " + VALIDATE_WRITE, id));
        }
        Object customer = r.get("customeraccountnumber");
        if (customer != null && !customers.contains((String) customer)) {
            problems.add(new Problem(CUSTOMER_NOT_FOUND, "Actual " + id + ": Customer " + customer + " doesn't exist in "
                    + "legal entity " + entity + ". " + VALIDATE_WRITE, id));
        }
        if (r.get("billingtype") instanceof Integer billing && lineProperties.forBillingType(billing) == null) {
            String label = BillingTypes.label(billing);
            problems.add(new Problem(LINE_PROPERTY_NOT_FOUND, "Actual " + id + ": Line property " + label
                    + " doesn't exist: no billing type default of legal entity " + entity + " maps billing type "
                    + label + " (" + billing + ") to a line property. " + VALIDATE_WRITE, id));
        }
    }

    private static Set<String> values(List<Map<String, Object>> rows, String field) {
        Set<String> values = new TreeSet<>();
        for (Map<String, Object> r : rows) {
            if (r.get(field) instanceof String s) {
                values.add(s);
            }
        }
        return values;
    }

    /** Which of {@code keys} exist in {@code table} for the legal entity, asked 1,000 keys at a time. */
    private Set<String> existing(String table, String column, String entity, Set<String> keys) {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 1000) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            List<Object> args = new ArrayList<>();
            args.add(entity);
            args.addAll(chunk);
            found.addAll(ctx.jdbc().queryForList("SELECT " + column + " FROM " + table + " WHERE dataareaid = ? AND "
                    + column + " IN (" + FinanceContext.placeholders(chunk) + ")", String.class, args.toArray()));
        }
        return found;
    }

    private static TandemException refusal(List<Problem> problems) {
        String detail = problems.stream().limit(NAMED_PROBLEMS).map(Problem::sentence).collect(Collectors.joining(" "));
        if (problems.size() > NAMED_PROBLEMS) {
            detail += " (and " + (problems.size() - NAMED_PROBLEMS) + " more problems)";
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("actualIds", problems.stream().map(Problem::actualId).distinct().toList());
        props.put("problems", problems.size());
        return new TandemException(problems.get(0).code(), "Nothing was written: " + detail, props);
    }
}
