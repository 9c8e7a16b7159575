package dev.tandem.finance.project;

import static dev.tandem.finance.FinanceError.CONTRACT_NOT_FOUND;
import static dev.tandem.finance.FinanceError.CUSTOMER_NOT_FOUND;
import static dev.tandem.finance.FinanceError.INVALID_INPUT;
import static dev.tandem.finance.FinanceError.NOT_FOUND;
import static dev.tandem.finance.FinanceError.PROJECT_GROUP_NOT_FOUND;
import static dev.tandem.finance.FinanceError.PROJECT_NOT_FOUND;
import static dev.tandem.finance.FinanceError.STATE;

import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.finance.FinanceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The write paths of projects, project contracts and contract lines as Project Operations syncs them (§7: "Projects
 * V2", "Project contract headers", "Project contract lines"; Project Operations is their master). Each call takes one
 * delivery, checks it whole and either writes all of it or refuses all of it ({@link TandemException}, nothing
 * written) with a message naming every refused row and the rule. Rows are inserted when their key is new and updated
 * when a mapped value changed; an unchanged row writes nothing (so nothing syncs back). Every write goes through the
 * data-entity writer.
 *
 * <p>The legal entity is part of a row's identity (dual-write R27, R30): a project, contract or contract line that
 * exists in one legal entity is refused when it arrives for another ({@code STATE}). A project id that manual setup
 * created in several legal entities is refused too ({@code STATE}): the writer addresses projects by {@code projid}.
 */
public final class ProjectContracts {

    /** A project as the Projects V2 map delivers it; {@code customerAccount} may be {@code null}. */
    public record ProjectInput(String projectId, String dataAreaId, String name, String projectGroupId,
                               String customerAccount) {
    }

    /** A project contract as the Project contract headers map delivers it. */
    public record ContractInput(String contractId, String dataAreaId, String description, String invoiceAccount,
                                String currency) {
    }

    /**
     * A contract line as the Project contract lines map delivers it: {@code contractLineId} = the Dataverse
     * salesorderdetailid; {@code billingMethod} TIME_AND_MATERIAL or FIXED_PRICE.
     */
    public record ContractLineInput(UUID contractLineId, String dataAreaId, String contractId, String description,
                                    String billingMethod, String projectId) {
    }

    /** Billing method of a contract line (Dataverse msdyn_billingmethod 192350000 / 192350001, §3.5). */
    public enum BillingMethod {
        TIME_AND_MATERIAL,
        FIXED_PRICE
    }

    private final FinanceContext ctx;

    public ProjectContracts(FinanceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Creates or updates projects: name, project group, customer.
     *
     * @throws TandemException INVALID_INPUT (a required field is missing: project id, legal entity, name, project group;
     *                         a project twice in the delivery), NOT_FOUND (legal entity), PROJECT_GROUP_NOT_FOUND,
     *                         CUSTOMER_NOT_FOUND, STATE (the project exists in another legal entity, or in several);
     *                         nothing written
     */
    public void upsertProjects(List<ProjectInput> projects) {
        if (projects.isEmpty()) {
            return;
        }
        ctx.inTransaction(() -> {
            Refusals refusals = new Refusals();
            Set<String> seen = new HashSet<>();
            List<ProjectInput> complete = new ArrayList<>();
            for (ProjectInput p : projects) {
                String row = "Project " + name(p.projectId());
                List<String> missing = new ArrayList<>();
                require(p.projectId(), "project id (projid)", missing);
                require(p.dataAreaId(), "legal entity (dataareaid)", missing);
                require(p.name(), "name", missing);
                require(p.projectGroupId(), "project group (projgroupid): a Finance project needs one", missing);
                if (!missing.isEmpty()) {
                    refusals.add(INVALID_INPUT, name(p.projectId()), row + " lacks " + String.join(", ", missing) + ".");
                } else if (!seen.add(p.projectId())) {
                    refusals.add(INVALID_INPUT, p.projectId(), row + " appears more than once in one delivery.");
                } else {
                    complete.add(p);
                }
            }
            Map<String, Map<String, Object>> existing = lock(ProjectDataEntities.PROJECTS, "projid",
                    complete.stream().map(ProjectInput::projectId).toList());
            Set<String> ambiguous = inSeveralLegalEntities(existing.keySet());
            for (ProjectInput p : complete) {
                String row = "Project " + p.projectId();
                if (ambiguous.contains(p.projectId())) {
                    refusals.add(STATE, p.projectId(), inSeveral(row));
                    continue;
                }
                if (otherLegalEntity(existing.get(p.projectId()), p.dataAreaId(), row, p.projectId(), refusals)) {
                    continue;
                }
                if (!legalEntityExists(p.dataAreaId())) {
                    refusals.add(NOT_FOUND, p.projectId(), row + ": legal entity " + p.dataAreaId() + " doesn't exist.");
                    continue;
                }
                if (!exists("projgroup", "projgroupid", p.dataAreaId(), p.projectGroupId())) {
                    refusals.add(PROJECT_GROUP_NOT_FOUND, p.projectId(), row + ": project group " + p.projectGroupId()
                            + " doesn't exist in legal entity " + p.dataAreaId() + ".");
                }
                if (p.customerAccount() != null && !customerExists(p.dataAreaId(), p.customerAccount())) {
                    refusals.add(CUSTOMER_NOT_FOUND, p.projectId(), row + ": customer " + p.customerAccount()
                            + " doesn't exist in legal entity " + p.dataAreaId() + ".");
                }
            }
            refusals.throwIfAny();
            write(ProjectDataEntities.PROJECTS, "projid", complete, existing, ProjectInput::projectId, p -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("name", p.name());
                v.put("projgroupid", p.projectGroupId());
                v.put("custaccount", p.customerAccount());
                return v;
            }, p -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("dataareaid", p.dataAreaId());
                v.put("projid", p.projectId());
                v.put("projinvoiceprojid", null);
                v.put("taxgroup", null);
                return v;
            });
        });
    }

    /**
     * Creates or updates project contracts: description, customer, currency.
     *
     * @throws TandemException INVALID_INPUT (a required field is missing: contract id, legal entity, customer,
     *                         currency; an unknown currency; a contract twice in the delivery), NOT_FOUND (legal
     *                         entity), CUSTOMER_NOT_FOUND, STATE (the contract exists in another legal entity); nothing
     *                         written
     */
    public void upsertContracts(List<ContractInput> contracts) {
        if (contracts.isEmpty()) {
            return;
        }
        ctx.inTransaction(() -> {
            Refusals refusals = new Refusals();
            Set<String> seen = new HashSet<>();
            List<ContractInput> complete = new ArrayList<>();
            for (ContractInput c : contracts) {
                String row = "Project contract " + name(c.contractId());
                List<String> missing = new ArrayList<>();
                require(c.contractId(), "contract id (projinvoiceprojid)", missing);
                require(c.dataAreaId(), "legal entity (dataareaid)", missing);
                require(c.invoiceAccount(), "customer (invoiceaccount)", missing);
                require(c.currency(), "currency (currencyid)", missing);
                if (!missing.isEmpty()) {
                    refusals.add(INVALID_INPUT, name(c.contractId()), row + " lacks " + String.join(", ", missing) + ".");
                } else if (!Money.isCurrencyCode(c.currency())) {
                    refusals.add(INVALID_INPUT, c.contractId(), row + ": currency code '" + c.currency()
                            + "' is not valid (an ISO 4217 code such as USD is expected).");
                } else if (!seen.add(c.contractId())) {
                    refusals.add(INVALID_INPUT, c.contractId(), row + " appears more than once in one delivery.");
                } else {
                    complete.add(c);
                }
            }
            Map<String, Map<String, Object>> existing = lock(ProjectDataEntities.CONTRACTS, "projinvoiceprojid",
                    complete.stream().map(ContractInput::contractId).toList());
            for (ContractInput c : complete) {
                String row = "Project contract " + c.contractId();
                if (otherLegalEntity(existing.get(c.contractId()), c.dataAreaId(), row, c.contractId(), refusals)) {
                    continue;
                }
                if (!legalEntityExists(c.dataAreaId())) {
                    refusals.add(NOT_FOUND, c.contractId(), row + ": legal entity " + c.dataAreaId() + " doesn't exist.");
                    continue;
                }
                if (!customerExists(c.dataAreaId(), c.invoiceAccount())) {
                    refusals.add(CUSTOMER_NOT_FOUND, c.contractId(), row + ": customer " + c.invoiceAccount()
                            + " doesn't exist in legal entity " + c.dataAreaId() + ".");
                }
            }
            refusals.throwIfAny();
            write(ProjectDataEntities.CONTRACTS, "projinvoiceprojid", complete, existing, ContractInput::contractId,
                    c -> {
                        Map<String, Object> v = new LinkedHashMap<>();
                        v.put("description", c.description());
                        v.put("invoiceaccount", c.invoiceAccount());
                        v.put("currencyid", c.currency());
                        return v;
                    }, c -> {
                        Map<String, Object> v = new LinkedHashMap<>();
                        v.put("projinvoiceprojid", c.contractId());
                        v.put("dataareaid", c.dataAreaId());
                        return v;
                    });
        });
    }

    /**
     * Creates or updates contract lines: description, billing method, project. A Finance project belongs to one
     * contract (its ProjInvoiceProjId): a project without one takes the contract of its first line; a line of another
     * contract is refused.
     *
     * @throws TandemException INVALID_INPUT (a required field is missing: line id, legal entity, contract, billing
     *                         method, project; an unknown billing method; a line twice in the delivery; a project
     *                         already on another contract), NOT_FOUND (legal entity), CONTRACT_NOT_FOUND,
     *                         PROJECT_NOT_FOUND, STATE (the line exists in another legal entity or contract); nothing
     *                         written
     */
    public void upsertContractLines(List<ContractLineInput> lines) {
        if (lines.isEmpty()) {
            return;
        }
        ctx.inTransaction(() -> {
            Refusals refusals = new Refusals();
            Set<UUID> seen = new HashSet<>();
            List<ContractLineInput> complete = new ArrayList<>();
            for (ContractLineInput l : lines) {
                String id = l.contractLineId() == null ? "(no id)" : l.contractLineId().toString();
                String row = "Contract line " + id;
                List<String> missing = new ArrayList<>();
                if (l.contractLineId() == null) {
                    missing.add("contract line id (contractlineid)");
                }
                require(l.dataAreaId(), "legal entity (dataareaid)", missing);
                require(l.contractId(), "contract (projinvoiceprojid)", missing);
                require(l.billingMethod(), "billing method (billingmethod)", missing);
                require(l.projectId(), "project (projid)", missing);
                if (!missing.isEmpty()) {
                    refusals.add(INVALID_INPUT, id, row + " lacks " + String.join(", ", missing) + ".");
                } else if (!isBillingMethod(l.billingMethod())) {
                    refusals.add(INVALID_INPUT, id, row + ": billing method '" + l.billingMethod()
                            + "' is not TIME_AND_MATERIAL or FIXED_PRICE.");
                } else if (!seen.add(l.contractLineId())) {
                    refusals.add(INVALID_INPUT, id, row + " appears more than once in one delivery.");
                } else {
                    complete.add(l);
                }
            }
            Map<String, Map<String, Object>> existing = lock(ProjectDataEntities.CONTRACT_LINES, "contractlineid",
                    complete.stream().map(ContractLineInput::contractLineId).toList());
            Map<String, Map<String, Object>> projects = lock(ProjectDataEntities.PROJECTS, "projid",
                    complete.stream().map(ContractLineInput::projectId).distinct().toList());
            Set<String> ambiguous = inSeveralLegalEntities(projects.keySet());
            Map<String, String> contractOfProject = new HashMap<>();
            projects.forEach((id, p) -> contractOfProject.put(id, (String) p.get("projinvoiceprojid")));
            Map<Object, Map<String, Object>> projectContracts = new LinkedHashMap<>();
            for (ContractLineInput l : complete) {
                String id = l.contractLineId().toString();
                String row = "Contract line " + id;
                Map<String, Object> before = existing.get(id);
                if (otherLegalEntity(before, l.dataAreaId(), row, id, refusals)) {
                    continue;
                }
                if (before != null && !l.contractId().equals(before.get("projinvoiceprojid"))) {
                    refusals.add(STATE, id, row + " belongs to project contract " + before.get("projinvoiceprojid")
                            + "; it can't move to " + l.contractId() + ".");
                    continue;
                }
                if (!legalEntityExists(l.dataAreaId())) {
                    refusals.add(NOT_FOUND, id, row + ": legal entity " + l.dataAreaId() + " doesn't exist.");
                    continue;
                }
                if (!exists("projinvoicetable", "projinvoiceprojid", l.dataAreaId(), l.contractId())) {
                    refusals.add(CONTRACT_NOT_FOUND, id, row + ": project contract " + l.contractId()
                            + " doesn't exist in legal entity " + l.dataAreaId() + ".");
                }
                Map<String, Object> project = projects.get(l.projectId());
                if (ambiguous.contains(l.projectId())) {
                    refusals.add(STATE, id, inSeveral(row + ": project " + l.projectId()));
                } else if (project == null || !l.dataAreaId().equals(project.get("dataareaid"))) {
                    refusals.add(PROJECT_NOT_FOUND, id, row + ": project " + l.projectId() + " doesn't exist in legal "
                            + "entity " + l.dataAreaId() + ".");
                } else {
                    String contract = contractOfProject.get(l.projectId());
                    if (contract == null) {
                        contractOfProject.put(l.projectId(), l.contractId());
                        projectContracts.put(l.projectId(), contractValues(l.contractId()));
                    } else if (!contract.equals(l.contractId())) {
                        refusals.add(INVALID_INPUT, id, row + ": project " + l.projectId() + " belongs to project "
                                + "contract " + contract + " in Finance (ProjInvoiceProjId), not to " + l.contractId()
                                + "; a project is on the lines of one contract.");
                    }
                }
            }
            refusals.throwIfAny();
            ctx.writer().updateEach(ProjectDataEntities.PROJECTS, projectContracts);
            write(ProjectDataEntities.CONTRACT_LINES, "contractlineid", complete, existing,
                    l -> l.contractLineId().toString(), l -> {
                        Map<String, Object> v = new LinkedHashMap<>();
                        v.put("description", l.description());
                        v.put("billingmethod", l.billingMethod());
                        v.put("projid", l.projectId());
                        return v;
                    }, l -> {
                        Map<String, Object> v = new LinkedHashMap<>();
                        v.put("contractlineid", l.contractLineId());
                        v.put("projinvoiceprojid", l.contractId());
                        v.put("dataareaid", l.dataAreaId());
                        return v;
                    });
        });
    }

    private Map<String, Object> contractValues(String contractId) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("projinvoiceprojid", contractId);
        v.putAll(ctx.modified());
        return v;
    }

    /**
     * Inserts the new rows and updates those whose mapped values changed, through the writer.
     *
     * @param mapped the values a delivery sets, on insert and update
     * @param fixed  the values set on insert only (key, legal entity, Finance's own fields)
     */
    private <T> void write(DataEntityDefinition entity, String key, List<T> inputs,
                           Map<String, Map<String, Object>> existing, Function<T, String> keyOf,
                           Function<T, Map<String, Object>> mapped, Function<T, Map<String, Object>> fixed) {
        List<Map<String, Object>> inserts = new ArrayList<>();
        Map<Object, Map<String, Object>> updates = new LinkedHashMap<>();
        Map<String, Object> created = ctx.created();
        Map<String, Object> modified = ctx.modified();
        for (T input : inputs) {
            Map<String, Object> values = mapped.apply(input);
            Map<String, Object> before = existing.get(keyOf.apply(input));
            if (before == null) {
                Map<String, Object> row = new LinkedHashMap<>(fixed.apply(input));
                row.putAll(values);
                row.putAll(created);
                inserts.add(row);
            } else if (values.entrySet().stream().anyMatch(e -> !same(before.get(e.getKey()), e.getValue()))) {
                Map<String, Object> update = new LinkedHashMap<>(values);
                update.putAll(modified);
                updates.put(before.get(key), update);
            }
        }
        ctx.writer().insert(entity, inserts);
        ctx.writer().updateEach(entity, updates);
    }

    /**
     * The existing rows of these keys, locked in key order ({@code FOR UPDATE}), by the key's text. Rows come back
     * as the writer reads them (UUIDs, trimmed CHAR values compared with {@link #same}).
     */
    private Map<String, Map<String, Object>> lock(DataEntityDefinition entity, String key, List<?> keys) {
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        List<Object> sorted = new ArrayList<>(keys);
        sorted.sort((a, b) -> a.toString().compareTo(b.toString()));
        for (int from = 0; from < sorted.size(); from += 1000) {
            List<Object> chunk = sorted.subList(from, Math.min(sorted.size(), from + 1000));
            ctx.jdbc().query("SELECT " + String.join(", ", entity.fields()) + " FROM " + entity.table() + " WHERE " + key
                    + " IN (" + FinanceContext.placeholders(chunk) + ") ORDER BY " + key + " FOR UPDATE", rs -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (String f : entity.fields()) {
                            Object v = rs.getObject(f);
                            row.put(f, v instanceof String s ? s.trim() : v);
                        }
                        rows.put(String.valueOf(row.get(key)), row);
                    }, chunk.toArray());
        }
        return rows;
    }

    /**
     * Project ids that exist in more than one legal entity (only manual setup makes them): sync can't address such a
     * project, because the data-entity writer updates by the integration key {@code projid} alone.
     */
    private Set<String> inSeveralLegalEntities(Set<String> projectIds) {
        Set<String> found = new HashSet<>();
        List<String> ids = new ArrayList<>(projectIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            found.addAll(ctx.jdbc().queryForList("SELECT projid FROM projtable WHERE projid IN ("
                    + FinanceContext.placeholders(chunk) + ") GROUP BY projid HAVING COUNT(*) > 1", String.class,
                    chunk.toArray()));
        }
        return found;
    }

    private static String inSeveral(String what) {
        return what + " exists in more than one legal entity in Finance; sync keys projects by the project number "
                + "alone, so it can't tell them apart.";
    }

    /** Whether the stored row belongs to another legal entity; if so, the row is refused for that alone. */
    private static boolean otherLegalEntity(Map<String, Object> before, String dataAreaId, String row, String id,
                                            Refusals refusals) {
        if (before != null && !dataAreaId.equals(before.get("dataareaid"))) {
            refusals.add(STATE, id, row + " belongs to legal entity " + before.get("dataareaid") + ", not " + dataAreaId
                    + "; the legal entity is part of its key and can't change.");
            return true;
        }
        return false;
    }

    private static boolean same(Object stored, Object delivered) {
        if (stored == null || delivered == null) {
            return stored == delivered;
        }
        return Objects.equals(stored.toString().trim(), delivered.toString().trim());
    }

    private boolean legalEntityExists(String dataAreaId) {
        Integer n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM legal_entity WHERE dataareaid = ?", Integer.class,
                dataAreaId);
        return n != null && n > 0;
    }

    private boolean customerExists(String dataAreaId, String account) {
        return exists("custtable", "accountnum", dataAreaId, account);
    }

    private boolean exists(String table, String column, String dataAreaId, String value) {
        Integer n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM " + table + " WHERE dataareaid = ? AND " + column
                + " = ?", Integer.class, dataAreaId, value);
        return n != null && n > 0;
    }

    private static boolean isBillingMethod(String value) {
        for (BillingMethod m : BillingMethod.values()) {
            if (m.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static void require(String value, String what, List<String> missing) {
        if (value == null || value.isBlank()) {
            missing.add(what);
        }
    }

    private static String name(String id) {
        return id == null || id.isBlank() ? "(no id)" : id;
    }
}
