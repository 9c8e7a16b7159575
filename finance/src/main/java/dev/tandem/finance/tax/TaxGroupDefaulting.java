package dev.tandem.finance.tax;

import static dev.tandem.finance.FinanceError.CUSTOMER_NOT_FOUND;
import static dev.tandem.finance.FinanceError.NOT_FOUND;
import static dev.tandem.finance.FinanceError.PROJECT_NOT_FOUND;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import java.util.List;
import java.util.Map;

/**
 * The default sales tax group of a project transaction by the legal entity's {@link SalesTaxGroupMethod} (§3.8).
 * A project, when given, is always read (it supplies the contract and customer not given); contract and customer
 * are read only when the method reaches them, so an unknown customer does not matter to the PROJECT method. A blank
 * group counts as none.
 */
final class TaxGroupDefaulting {

    /** What Finance knows of a project: its own group and the contract and customer it defaults. */
    private record Project(String taxGroup, String contractId, String customer) {
    }

    private final FinanceContext ctx;

    TaxGroupDefaulting(FinanceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param projectId       the project, or {@code null}
     * @param contractId      the project contract (ProjInvoiceProjId), or {@code null} for the project's own
     * @param customerAccount the customer, or {@code null} for the project's own
     * @return the group, or {@code null} when the method finds none
     * @throws TandemException NOT_FOUND for an unknown legal entity, PROJECT_NOT_FOUND / CUSTOMER_NOT_FOUND for a
     *                         project or customer the method reads and that doesn't exist
     */
    String defaultTaxGroup(String dataAreaId, String projectId, String contractId, String customerAccount) {
        SalesTaxGroupMethod method = method(dataAreaId);
        Project project = projectId == null ? null : project(dataAreaId, projectId);
        String contract = contractId != null ? contractId : project == null ? null : project.contractId();
        String customer = customerAccount != null ? customerAccount : project == null ? null : project.customer();
        return switch (method) {
            case PROJECT -> project == null ? null : project.taxGroup();
            case CONTRACT -> contractGroup(dataAreaId, contract);
            case CUSTOMER -> customerGroup(dataAreaId, customer);
            case SEARCH -> {
                if (project != null && project.taxGroup() != null) {
                    yield project.taxGroup();
                }
                String group = contractGroup(dataAreaId, contract);
                yield group != null ? group : customerGroup(dataAreaId, customer);
            }
        };
    }

    private SalesTaxGroupMethod method(String dataAreaId) {
        List<String> methods = ctx.jdbc().queryForList("SELECT salestaxgroupmethod FROM legal_entity WHERE dataareaid = ?",
                String.class, dataAreaId);
        if (methods.isEmpty()) {
            throw new TandemException(NOT_FOUND, "Legal entity " + dataAreaId + " doesn't exist",
                    Map.of("dataAreaId", String.valueOf(dataAreaId)));
        }
        return SalesTaxGroupMethod.valueOf(methods.get(0));
    }

    private Project project(String dataAreaId, String projectId) {
        List<Project> projects = ctx.jdbc().query("SELECT taxgroup, projinvoiceprojid, custaccount FROM projtable "
                + "WHERE dataareaid = ? AND projid = ?", (rs, i) -> new Project(blankToNull(rs.getString(1)),
                rs.getString(2), rs.getString(3)), dataAreaId, projectId);
        if (projects.isEmpty()) {
            throw new TandemException(PROJECT_NOT_FOUND, "Project " + projectId + " doesn't exist in legal entity "
                    + dataAreaId, Map.of("projectId", projectId, "dataAreaId", dataAreaId));
        }
        return projects.get(0);
    }

    private String contractGroup(String dataAreaId, String contractId) {
        if (contractId == null) {
            return null;
        }
        List<String> groups = ctx.jdbc().queryForList("SELECT taxgroup FROM projcontracttaxgroup WHERE dataareaid = ? "
                + "AND projinvoiceprojid = ?", String.class, dataAreaId, contractId);
        return groups.isEmpty() ? null : blankToNull(groups.get(0));
    }

    private String customerGroup(String dataAreaId, String customer) {
        if (customer == null) {
            return null;
        }
        List<String> groups = ctx.jdbc().query("SELECT taxgroup FROM custtable WHERE dataareaid = ? AND accountnum = ?",
                (rs, i) -> rs.getString(1), dataAreaId, customer);
        if (groups.isEmpty()) {
            throw new TandemException(CUSTOMER_NOT_FOUND, "Customer " + customer + " doesn't exist in legal entity "
                    + dataAreaId, Map.of("customerAccount", customer, "dataAreaId", dataAreaId));
        }
        return blankToNull(groups.get(0));
    }

    private static String blankToNull(String group) {
        return group == null || group.isBlank() ? null : group;
    }
}
