package dev.tandem.operations.work;

import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.ContractRecords.Chargeability;
import dev.tandem.operations.contracts.ContractRecords.ComponentType;
import dev.tandem.operations.contracts.ContractRecords.Contract;
import dev.tandem.operations.contracts.ContractRecords.ContractLine;
import dev.tandem.operations.contracts.ContractRecords.LineCustomer;
import dev.tandem.operations.contracts.Contracts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What approval needs to know about a project and the contract line that bills a piece of work, read once per
 * project / line and cached for one bulk action.
 */
final class BillingSetup {

    /** A project with its contracting unit (cost actuals are in the unit's currency). */
    record ProjectInfo(UUID id, String number, UUID contractingUnitId, String unitName, String unitCurrency) {
    }

    /** The contract line billing some work, with its contract, customers and chargeability rules. */
    record LineInfo(ContractLine line, Contract contract, List<LineCustomer> customers, List<Chargeability> rules) {

        boolean timeAndMaterial() {
            return line.billingMethod() == BillingMethod.TIME_AND_MATERIAL;
        }

        /**
         * Billing type of work on this line: a rule for the task applies to every class, a role rule to Time and a
         * category rule to Expense (§5 step 1); the task rule wins; without a rule, Chargeable.
         */
        BillingType billingType(WorkEntry entry) {
            Optional<BillingType> task = rule(ComponentType.TASK, entry.taskId());
            if (task.isPresent()) {
                return task.get();
            }
            return switch (entry.transactionClass()) {
                case TIME -> rule(ComponentType.ROLE, entry.roleId()).orElse(BillingType.CHARGEABLE);
                case EXPENSE -> rule(ComponentType.CATEGORY, entry.categoryId()).orElse(BillingType.CHARGEABLE);
                default -> BillingType.CHARGEABLE;
            };
        }

        private Optional<BillingType> rule(ComponentType type, UUID component) {
            if (component == null) {
                return Optional.empty();
            }
            return rules.stream().filter(r -> r.componentType() == type && r.componentId().equals(component))
                    .map(Chargeability::billingType).findFirst();
        }
    }

    private final OperationsContext ctx;
    private final Contracts contracts;
    private final Map<UUID, ProjectInfo> projects = new HashMap<>();
    private final Map<String, Optional<LineInfo>> lines = new HashMap<>();

    BillingSetup(OperationsContext ctx, Contracts contracts) {
        this.ctx = ctx;
        this.contracts = contracts;
    }

    ProjectInfo project(UUID projectId) {
        return projects.computeIfAbsent(projectId, id -> ctx.jdbc().queryForObject("""
                SELECT p.msdyn_projectnumber, p.msdyn_contractorganizationalunitid, u.msdyn_name, u.transactioncurrency
                FROM msdyn_project p JOIN msdyn_organizationalunit u
                  ON u.msdyn_organizationalunitid = p.msdyn_contractorganizationalunitid
                WHERE p.msdyn_projectid = ?""", (rs, n) -> new ProjectInfo(id, rs.getString(1),
                rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4).trim()), id));
    }

    /**
     * The contract line that bills this entry: a line on the entry's project that includes its transaction class
     * and, for "selected tasks only" lines, its task. §11 rule 11 makes it unique.
     */
    Optional<LineInfo> line(WorkEntry entry) {
        String key = entry.projectId() + "|" + entry.transactionClass() + "|" + entry.taskId();
        return lines.computeIfAbsent(key, k -> {
            String include = switch (entry.transactionClass()) {
                case TIME -> "msdyn_includetime";
                case EXPENSE -> "msdyn_includeexpense";
                case MATERIAL -> "msdyn_includematerial";
                default -> "msdyn_includefee";
            };
            List<UUID> candidates = ctx.jdbc().queryForList("SELECT salesorderdetailid FROM salesorderdetail WHERE "
                    + "msdyn_project = ? AND " + include + " = TRUE ORDER BY createdon", UUID.class, entry.projectId());
            for (UUID lineId : candidates) {
                ContractLine line = contracts.line(lineId);
                if (line.taskIds().isEmpty() || line.taskIds().contains(entry.taskId())) {
                    return Optional.of(new LineInfo(line, contracts.contract(line.contractId()),
                            contracts.lineCustomers(lineId), contracts.chargeability(lineId)));
                }
            }
            return Optional.empty();
        });
    }
}
