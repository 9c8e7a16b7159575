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
import dev.tandem.finance.rows.RowRecords;
import dev.tandem.finance.setup.BillingTypeDefaults;
import dev.tandem.finance.setup.BillingTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
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
     * A delivered actual: its row (the fields it does not carry are empty) and the fields it carries, the integration
     * key among them, Finance-owned ones not.
     */
    record Delivered(StagingRow row, Set<String> fields) {
    }

    /**
     * The delivered rows as typed staging rows, the Finance-owned fields dropped.
     *
     * @throws TandemException the first problem's code (INVALID_INPUT, NOT_FOUND for a legal entity,
     *                         PROJECT_NOT_FOUND, CUSTOMER_NOT_FOUND, LINE_PROPERTY_NOT_FOUND) with a detail naming
     *                         each refused actual; property {@code actualIds} lists them
     */
    List<Delivered> validate(List<Map<String, Object>> rows) {
        List<Problem> problems = new ArrayList<>();
        List<Delivered> delivered = new ArrayList<>(rows.size());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> coerced = coerce(rows.get(i), i, problems);
            if (coerced == null) {
                continue;
            }
            StagingRow row = RowRecords.fromFields(StagingRow.class, coerced);
            if (!seen.add(row.actualId())) {
                problems.add(new Problem(INVALID_INPUT, "Actual " + row.actualId() + " appears more than once in "
                        + "one delivery.", row.actualId().toString()));
            } else {
                delivered.add(new Delivered(row, Set.copyOf(coerced.keySet())));
            }
        }
        checkReferences(delivered.stream().map(Delivered::row).toList(), problems);
        if (!problems.isEmpty()) {
            throw refusal(problems);
        }
        return delivered;
    }

    /**
     * One delivered row in column types, or {@code null} after adding its problems: the inbound edge, where the
     * delivery's field names are read.
     */
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
        if (out.get("transactioncurrencyid") instanceof String currency && !currency.isBlank()
                && !Money.isCurrencyCode(currency)) {
            problems.add(new Problem(INVALID_INPUT, "Actual " + name + ": currency code '" + currency + "' is not valid "
                    + "(an ISO 4217 code such as USD is expected). " + VALIDATE_WRITE, name));
        }
        if (out.get("transtype") instanceof Integer type && !TRANSACTION_TYPES.contains(type)) {
            problems.add(new Problem(INVALID_INPUT, "Actual " + name + ": transaction type " + type + " is not a Project "
                    + "Operations transaction type. " + VALIDATE_WRITE, name));
        }
        return problems.size() == before ? out : null;
    }

    /** Legal entity, project, customer and line property of each row, one query per legal entity and table. */
    private void checkReferences(List<StagingRow> rows, List<Problem> problems) {
        Map<String, List<StagingRow>> byEntity = rows.stream().collect(Collectors.groupingBy(StagingRow::dataAreaId,
                LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<StagingRow>> group : byEntity.entrySet()) {
            String entity = group.getKey();
            Integer exists = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM legal_entity WHERE dataareaid = ?",
                    Integer.class, entity);
            if (exists == null || exists == 0) {
                for (StagingRow r : group.getValue()) {
                    problems.add(new Problem(NOT_FOUND, "Actual " + r.actualId() + ": legal entity " + entity
                            + " doesn't exist. " + VALIDATE_WRITE, r.actualId().toString()));
                }
                continue;
            }
            Set<String> projects = existing("projtable", "projid", entity,
                    values(group.getValue(), StagingRow::projectId));
            Set<String> customers = existing("custtable", "accountnum", entity,
                    values(group.getValue(), StagingRow::customerAccount));
            BillingTypeDefaults lineProperties = BillingTypeDefaults.of(ctx, entity);
            for (StagingRow r : group.getValue()) {
                checkRow(r, entity, projects, customers, lineProperties, problems);
            }
        }
    }

    private static void checkRow(StagingRow r, String entity, Set<String> projects, Set<String> customers,
                                 BillingTypeDefaults lineProperties, List<Problem> problems) {
        String id = r.actualId().toString();
        if (!projects.contains(r.projectId())) {
            problems.add(new Problem(PROJECT_NOT_FOUND, "Actual " + id + ": project " + r.projectId()
                    + " doesn't exist in legal entity " + entity + ". " + VALIDATE_WRITE, id));
        }
        String customer = r.customerAccount();
        if (customer != null && !customers.contains(customer)) {
            problems.add(new Problem(CUSTOMER_NOT_FOUND, "Actual " + id + ": Customer " + customer + " doesn't exist in "
                    + "legal entity " + entity + ". " + VALIDATE_WRITE, id));
        }
        Integer billing = r.billingType();
        if (billing != null && lineProperties.forBillingType(billing) == null) {
            String label = BillingTypes.label(billing);
            problems.add(new Problem(LINE_PROPERTY_NOT_FOUND, "Actual " + id + ": Line property " + label
                    + " doesn't exist: no billing type default of legal entity " + entity + " maps billing type "
                    + label + " (" + billing + ") to a line property. " + VALIDATE_WRITE, id));
        }
    }

    private static Set<String> values(List<StagingRow> rows, Function<StagingRow, String> field) {
        Set<String> values = new TreeSet<>();
        for (StagingRow r : rows) {
            String value = field.apply(r);
            if (value != null) {
                values.add(value);
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
