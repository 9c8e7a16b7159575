package dev.tandem.finance.setup;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.util.List;

/**
 * The setup tables Finance is master of and exposes to dual-write as data entities (DESIGN §3): legal entities and
 * customers, sources of the "Legal entities" and "Customers V3" maps (dual-write R39: prerequisites, Finance as
 * master). The runtime only reads them; every write of their tables goes through
 * {@link dev.tandem.dualwrite.entity.DataEntityWriter} ({@link FinanceSetup}), so each change reaches the outbox.
 * Fields are the tables' columns (see {@code V2__setup_and_ledger.sql}).
 */
public final class SetupDataEntities {

    /**
     * {@code legalentities} over {@code legal_entity} (F&O CompanyInfo; Dataverse cdm_company, R31): integration key
     * {@code dataareaid}. The map carries the id, name and accounting currency; the parameters (period unit, tax group
     * method, workflow, rounding account) are Finance's own.
     */
    public static final DataEntityDefinition LEGAL_ENTITIES = new DataEntityDefinition("legalentities", "legal_entity",
            "dataareaid", List.of("dataareaid", "name", "accountingcurrency", "exchangeratetype", "journalperiodunit",
                    "autoopenperiod", "salestaxgroupmethod", "proposalworkflow", "roundingaccount", "createdon",
                    "createdby", "modifiedon", "modifiedby"));

    /**
     * {@code customers} over {@code custtable} (F&O CustTable; "Customers V3" → Dataverse accounts): integration key
     * {@code accountnum}, the customer account number Dataverse keeps in {@code accountnumber} (R26).
     *
     * <p>The table's primary key is ({@code dataareaid}, {@code accountnum}): one account number may exist in several
     * legal entities. {@code accountnum} therefore identifies a row only together with the legal entity, which is the
     * company field of the map's striping (R30–R32: "updated only if the whole key, including Company, matches"), so
     * a table map over this entity stripes by {@code dataareaid}. The entity is read-only for the runtime, and Finance
     * only inserts customers: an update through the writer, which addresses rows by the integration key alone, would
     * reach the account in every legal entity.
     */
    public static final DataEntityDefinition CUSTOMERS = new DataEntityDefinition("customers", "custtable",
            "accountnum", List.of("dataareaid", "accountnum", "name", "custgroup", "paymtermdays", "currency",
                    "taxgroup", "createdon", "createdby", "modifiedon", "modifiedby"))
            .withLookup("dataareaid", "legalentities");

    /** Both, parents first. */
    public static final List<DataEntityDefinition> ALL = List.of(LEGAL_ENTITIES, CUSTOMERS);

    private SetupDataEntities() {
    }
}
