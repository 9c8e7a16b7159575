package dev.tandem.finance.project;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.util.List;

/**
 * Project master data as Finance keeps it, exposed to dual-write as data entities (DESIGN §3): targets of the
 * "Projects V2", "Project contract headers" and "Project contract lines" maps (§7, dual-write R39), whose master is
 * Project Operations. Every write of their tables goes through {@link dev.tandem.dualwrite.entity.DataEntityWriter}
 * ({@link ProjectContracts}, {@link dev.tandem.finance.setup.FinanceSetup#createProject}), so each change reaches the
 * outbox. Fields are the tables' columns ({@code V2__setup_and_ledger.sql}, {@code V7__sync_entities.sql}).
 */
public final class ProjectDataEntities {

    private static final List<String> AUDIT = List.of("createdon", "createdby", "modifiedon", "modifiedby");

    /**
     * {@code projects} over {@code projtable} (F&O ProjTable): integration key {@code projid} = the Dataverse project
     * number, unique across legal entities in Project Operations; company field {@code dataareaid}. The table's key is
     * ({@code dataareaid}, {@code projid}), so manual setup may repeat an id in another legal entity; the sync write
     * path refuses such an id, as the data-entity writer updates by {@code projid} alone. The map writes
     * the name, project group and customer; {@code projinvoiceprojid} is set by the project's first contract line and
     * {@code taxgroup} is Finance's, so both are read-only for maps.
     */
    public static final DataEntityDefinition PROJECTS = entity("projects", "projtable", "projid",
            List.of("dataareaid", "projid", "name", "projgroupid", "projinvoiceprojid", "custaccount", "taxgroup"))
            .withLookup("dataareaid", "legalentities").withLookup("custaccount", "customers")
            .withLookup("projinvoiceprojid", "projectcontracts")
            .withReadOnly("projinvoiceprojid", "taxgroup", "createdon", "createdby", "modifiedon", "modifiedby");

    /**
     * {@code projectcontracts} over {@code projinvoicetable} (F&O ProjInvoiceTable): integration key
     * {@code projinvoiceprojid} = the Dataverse contract number ({@code salesorder.ordernumber}); company field
     * {@code dataareaid}.
     */
    public static final DataEntityDefinition CONTRACTS = entity("projectcontracts", "projinvoicetable",
            "projinvoiceprojid", List.of("projinvoiceprojid", "dataareaid", "description", "invoiceaccount",
                    "currencyid"))
            .withLookup("dataareaid", "legalentities").withLookup("invoiceaccount", "customers")
            .withReadOnly("createdon", "createdby", "modifiedon", "modifiedby");

    /**
     * {@code projectcontractlines} over {@code projcontractline}: integration key {@code contractlineid} = the Dataverse
     * {@code salesorderdetailid}; company field {@code dataareaid}; {@code billingmethod} TIME_AND_MATERIAL or
     * FIXED_PRICE.
     */
    public static final DataEntityDefinition CONTRACT_LINES = entity("projectcontractlines", "projcontractline",
            "contractlineid", List.of("contractlineid", "projinvoiceprojid", "dataareaid", "description",
                    "billingmethod", "projid"))
            .withLookup("projinvoiceprojid", "projectcontracts").withLookup("projid", "projects")
            .withReadOnly("createdon", "createdby", "modifiedon", "modifiedby");

    /** All three, parents first. */
    public static final List<DataEntityDefinition> ALL = List.of(PROJECTS, CONTRACTS, CONTRACT_LINES);

    private ProjectDataEntities() {
    }

    private static DataEntityDefinition entity(String name, String table, String key, List<String> fields) {
        List<String> all = new java.util.ArrayList<>(fields);
        all.addAll(AUDIT);
        return new DataEntityDefinition(name, table, key, all);
    }
}
