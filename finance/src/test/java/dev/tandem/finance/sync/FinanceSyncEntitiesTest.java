package dev.tandem.finance.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.spi.DataEntity;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.FinanceTestBase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Finance's data entities as the dual-write runtime uses them: rows arrive JSON-shaped (strings for ids, dates and
 * amounts), each target entity writes them through Finance's validating write path, and refuses a bad row with the
 * rule's error code and a message naming the row (what the Project Operations user sees when live sync refuses).
 */
class FinanceSyncEntitiesTest extends FinanceTestBase {

    private static final String LINE = "0190bbbb-0000-7000-8000-000000000001";

    private Map<String, DataEntity> entities;

    @BeforeEach
    void entities() {
        entities = new LinkedHashMap<>();
        FinanceSyncEntities.create(finance).forEach(e -> entities.put(e.definition().name(), e));
    }

    private DataEntity entity(String name) {
        return entities.get(name);
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    private int outbox(String entity) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = ?", Integer.class, entity);
    }

    private static void refused(ThrowingCallable call, FinanceError code, String... fragments) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.detail()).contains(fragments);
        });
    }

    // ---------------------------------------------------------------- the entities

    @Test
    void theEntitiesAreExposedParentsFirstAndEachTableHasExactlyTheEntitysFields() {
        assertThat(entities.keySet()).containsExactly("legalentities", "exchangerates", "customers", "projects",
                "projectcontracts", "projectcontractlines", "projinvoiceproposals", "ProjCDSActualsImportEntity",
                "projcdstransactionrelationships", "projonaccounttransactions", "projcustomerinvoiceexports");
        for (DataEntityDefinition entity : FinanceSyncEntities.DEFINITIONS) {
            List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE "
                    + "table_name = ? AND table_schema = current_schema()", String.class, entity.table());
            assertThat(columns).as(entity.table()).containsExactlyInAnyOrderElementsOf(entity.fields());
        }
        assertThat(entity("customers").definition().integrationKey()).isEqualTo("accountnum");
        assertThat(entity("exchangerates").definition().integrationKey()).isEqualTo("rateid");
    }

    @Test
    void referenceEntitiesAreReadButNeverWrittenByTheRuntime() {
        assertThat(entity("legalentities").read("dataareaid", List.of(LE))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("name", "Contoso USA").containsEntry("accountingcurrency", "USD"));
        assertThat(entity("customers").read("accountnum", List.of(CUSTOMER))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("dataareaid", LE).containsEntry("name", "Fabrikam"));
        for (String name : List.of("legalentities", "exchangerates", "customers", "projcustomerinvoiceexports")) {
            DataEntity e = entity(name);
            assertThatThrownBy(() -> e.upsert(e.definition().integrationKey(), List.of(row())))
                    .isInstanceOf(TandemException.class).hasMessageContaining(name + " is read-only for dual-write")
                    .satisfies(t -> assertThat(((TandemException) t).errorCode())
                            .isEqualTo(dev.tandem.dualwrite.DualWriteError.ENTITY_READ_ONLY));
        }
    }

    // ---------------------------------------------------------------- reference entities reach the outbox

    @Test
    void everyWriteOfAReferenceEntityReachesTheOutbox() {
        // The base world created USMF, C-001 and P-001 through FinanceSetup.
        assertThat(outbox("legalentities")).isOne();
        assertThat(outbox("customers")).isOne();
        assertThat(outbox("projects")).isOne();
        assertThat(jdbc.queryForObject("SELECT integration_key FROM dw_outbox WHERE entity = 'customers'", String.class))
                .isEqualTo(CUSTOMER);

        finance.rates().store("ECB", "EUR", "USD", LocalDate.of(2025, 5, 9), new BigDecimal("1.1252"));
        finance.rates().store("ECB", "EUR", "USD", LocalDate.of(2025, 5, 9), new BigDecimal("1.1252"));
        finance.rates().store("ECB", "EUR", "USD", LocalDate.of(2025, 5, 9), new BigDecimal("1.1253"));

        assertThat(jdbc.queryForList("SELECT integration_key, operation FROM dw_outbox WHERE entity = 'exchangerates' "
                + "ORDER BY sequence_no")).extracting(r -> r.get("integration_key"), r -> r.get("operation"))
                .containsExactly(tuple("ECB|EUR|USD|2025-05-09", "INSERT"), tuple("ECB|EUR|USD|2025-05-09", "UPDATE"));
        assertThat(entity("exchangerates").read("rateid", List.of("ECB|EUR|USD|2025-05-09"))).singleElement()
                .satisfies(r -> {
                    assertThat((BigDecimal) r.get("rate")).isEqualByComparingTo("1.1253");
                    assertThat(r).containsEntry("ratetype", "ECB").containsEntry("validfrom", LocalDate.of(2025, 5, 9));
                });
        assertThat(finance.rates().rate("ECB", "EUR", "USD", LocalDate.of(2025, 5, 12))).isEqualByComparingTo("1.1253");
    }

    @Test
    void theRateIdCantDisagreeWithTheRatesCompositeKey() {
        assertThatThrownBy(() -> jdbc.update("INSERT INTO exchangerate (rateid, ratetype, fromcurrency, tocurrency, "
                + "validfrom, rate, createdon, createdby, modifiedon, modifiedby) VALUES ('ECB|EUR|GBP|2025-05-09', "
                + "'ECB', 'EUR', 'USD', DATE '2025-05-09', 1.1, CURRENT_TIMESTAMP, 'x', CURRENT_TIMESTAMP, 'x')"))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM exchangerate", Integer.class)).isZero();
    }

    // ---------------------------------------------------------------- projects, contracts, contract lines

    @Test
    void projectsArriveJsonShapedAndAnUnchangedDeliveryWritesNothing() {
        DataEntity projects = entity("projects");
        Map<String, Object> p = row("projid", "P-100", "dataareaid", LE, "name", "Portal", "projgroupid", "TM",
                "custaccount", CUSTOMER);

        projects.upsert("projid", List.of(p));
        projects.upsert("projid", List.of(p));
        projects.upsert("projid", List.of(row("projid", "P-100", "dataareaid", LE, "name", "Portal v2")));

        assertThat(projects.read("projid", List.of("P-100"))).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("name", "Portal v2").containsEntry("projgroupid", "TM")
                .containsEntry("custaccount", CUSTOMER).containsEntry("dataareaid", LE)
                .containsEntry("projinvoiceprojid", null));
        assertThat(jdbc.queryForList("SELECT operation FROM dw_outbox WHERE entity = 'projects' AND integration_key = "
                + "'P-100' ORDER BY sequence_no", String.class)).containsExactly("INSERT", "UPDATE");
    }

    @Test
    void aProjectWithoutAGroupOrWithAnUnknownOneIsRefusedNamingIt() {
        DataEntity projects = entity("projects");
        refused(() -> projects.upsert("projid", List.of(row("projid", "P-101", "dataareaid", LE, "name", "No group"))),
                FinanceError.INVALID_INPUT, "Project P-101 lacks project group");
        refused(() -> projects.upsert("projid", List.of(row("projid", "P-102", "dataareaid", LE, "name", "Odd group",
                "projgroupid", "NOPE"))), FinanceError.PROJECT_GROUP_NOT_FOUND,
                "Project P-102: project group NOPE doesn't exist in legal entity USMF");
        refused(() -> projects.upsert("projid", List.of(row("projid", "P-103", "dataareaid", LE, "name", "Who",
                "projgroupid", "TM", "custaccount", "C-404"))), FinanceError.CUSTOMER_NOT_FOUND,
                "Project P-103: customer C-404 doesn't exist in legal entity USMF");
        refused(() -> projects.upsert("projid", List.of(row("projid", "P-106", "dataareaid", "DEMF", "name", "Nowhere",
                "projgroupid", "TM"))), FinanceError.NOT_FOUND, "Project P-106: legal entity DEMF doesn't exist");
        refused(() -> projects.upsert("projid", List.of(row("projid", "P-104", "dataareaid", LE, "name", "x".repeat(201),
                "projgroupid", "TM"))), FinanceError.INVALID_INPUT, "Project P-104: field 'name' is 201 characters long");
        refused(() -> projects.upsert("projid", List.of(row("projid", "P-105", "dataareaid", LE, "name", "Tax",
                "projgroupid", "TM", "taxgroup", "VAT"))), FinanceError.INVALID_INPUT,
                "Project P-105: field 'taxgroup' is Finance's own");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM projtable", Integer.class)).isOne();
    }

    @Test
    void aProjectOfAnotherLegalEntityIsRefused() {
        finance.setup().createLegalEntity(new dev.tandem.finance.setup.FinanceSetup.LegalEntityInput("DEMF",
                "Contoso Germany", "EUR", "ECB", "MONTHS", false, "SEARCH", false, null));
        finance.setup().createProjectGroup("DEMF", "TM", "Time and material");
        refused(() -> entity("projects").upsert("projid", List.of(row("projid", PROJECT, "dataareaid", "DEMF", "name",
                "Moved", "projgroupid", "TM"))), FinanceError.STATE, "Project P-001 belongs to legal entity USMF, not DEMF");

        // Manual setup may repeat a project id in another legal entity; sync, which keys projects by the id alone,
        // then refuses to touch either.
        finance.setup().createProject("DEMF", PROJECT, "ERP rollout (DE)", "TM", null, null, null);
        refused(() -> entity("projects").upsert("projid", List.of(row("projid", PROJECT, "dataareaid", LE, "name",
                "Renamed", "projgroupid", "TM"))), FinanceError.STATE,
                "Project P-001 exists in more than one legal entity");
        assertThat(jdbc.queryForList("SELECT name FROM projtable WHERE projid = ? ORDER BY dataareaid", String.class,
                PROJECT)).containsExactly("ERP rollout (DE)", "ERP rollout");
    }

    @Test
    void contractsAndContractLinesArriveAndTheFirstLineGivesTheProjectItsContract() {
        entity("projects").upsert("projid", List.of(row("projid", "P-200", "dataareaid", LE, "name", "Mobile app",
                "projgroupid", "TM", "custaccount", CUSTOMER)));
        entity("projectcontracts").upsert("projinvoiceprojid", List.of(row("projinvoiceprojid", "PC-200",
                "dataareaid", LE, "description", "Mobile app contract", "invoiceaccount", CUSTOMER, "currencyid", "USD")));
        entity("projectcontractlines").upsert("contractlineid", List.of(row("contractlineid", LINE,
                "projinvoiceprojid", "PC-200", "dataareaid", LE, "description", "Build", "billingmethod", "FIXED_PRICE",
                "projid", "P-200")));

        assertThat(entity("projectcontracts").read("projinvoiceprojid", List.of("PC-200"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("invoiceaccount", CUSTOMER).containsEntry("currencyid", "USD")
                        .containsEntry("description", "Mobile app contract"));
        assertThat(entity("projectcontractlines").read("contractlineid", List.of(LINE))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("contractlineid", UUID.fromString(LINE))
                        .containsEntry("billingmethod", "FIXED_PRICE").containsEntry("projid", "P-200"));
        assertThat(entity("projects").read("projid", List.of("P-200"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("projinvoiceprojid", "PC-200"));
        assertThat(outbox("projectcontracts")).isOne();
        assertThat(outbox("projectcontractlines")).isOne();
        assertThat(outbox("projects")).isEqualTo(3); // P-001, P-200 inserted, P-200 given its contract

        // A line of another contract can't use the project.
        entity("projectcontracts").upsert("projinvoiceprojid", List.of(row("projinvoiceprojid", "PC-201",
                "dataareaid", LE, "invoiceaccount", CUSTOMER, "currencyid", "USD")));
        refused(() -> entity("projectcontractlines").upsert("contractlineid", List.of(row("contractlineid",
                "0190bbbb-0000-7000-8000-000000000002", "projinvoiceprojid", "PC-201", "dataareaid", LE,
                "billingmethod", "TIME_AND_MATERIAL", "projid", "P-200"))), FinanceError.INVALID_INPUT,
                "Contract line 0190bbbb-0000-7000-8000-000000000002: project P-200 belongs to project contract PC-200");
    }

    @Test
    void badContractsAndLinesAreRefusedNamingTheRow() {
        DataEntity contracts = entity("projectcontracts");
        DataEntity lines = entity("projectcontractlines");
        refused(() -> contracts.upsert("projinvoiceprojid", List.of(row("projinvoiceprojid", "PC-300", "dataareaid", LE,
                "invoiceaccount", "C-404", "currencyid", "USD"))), FinanceError.CUSTOMER_NOT_FOUND,
                "Project contract PC-300: customer C-404 doesn't exist in legal entity USMF");
        refused(() -> contracts.upsert("projinvoiceprojid", List.of(row("projinvoiceprojid", "PC-301", "dataareaid", LE,
                "invoiceaccount", CUSTOMER, "currencyid", "ABC"))), FinanceError.INVALID_INPUT,
                "Project contract PC-301: currency code 'ABC' is not valid");
        refused(() -> lines.upsert("contractlineid", List.of(row("contractlineid", LINE, "projinvoiceprojid", "PC-404",
                "dataareaid", LE, "billingmethod", "FIXED_PRICE", "projid", PROJECT))), FinanceError.CONTRACT_NOT_FOUND,
                "Contract line " + LINE + ": project contract PC-404 doesn't exist in legal entity USMF");
        contracts.upsert("projinvoiceprojid", List.of(row("projinvoiceprojid", CONTRACT, "dataareaid", LE,
                "invoiceaccount", CUSTOMER, "currencyid", "USD")));
        refused(() -> lines.upsert("contractlineid", List.of(row("contractlineid", LINE, "projinvoiceprojid", CONTRACT,
                "dataareaid", LE, "billingmethod", "FIXED_PRICE", "projid", "P-404"))), FinanceError.PROJECT_NOT_FOUND,
                "Contract line " + LINE + ": project P-404 doesn't exist in legal entity USMF");
        refused(() -> lines.upsert("contractlineid", List.of(row("contractlineid", LINE, "projinvoiceprojid", CONTRACT,
                "dataareaid", LE, "billingmethod", "192350001", "projid", PROJECT))), FinanceError.INVALID_INPUT,
                "billing method '192350001' is not TIME_AND_MATERIAL or FIXED_PRICE");
        refused(() -> lines.upsert("contractlineid", List.of(row("contractlineid", "not-a-guid", "projinvoiceprojid",
                CONTRACT, "dataareaid", LE, "billingmethod", "FIXED_PRICE", "projid", PROJECT))), FinanceError.INVALID_INPUT,
                "Contract line not-a-guid: value 'not-a-guid' does not fit field contractlineid");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM projcontractline", Integer.class)).isZero();
        lines.upsert("contractlineid", List.of(row("contractlineid", LINE, "projinvoiceprojid", CONTRACT,
                "dataareaid", LE, "billingmethod", "FIXED_PRICE", "projid", PROJECT)));
        refused(() -> lines.delete("contractlineid", List.of(LINE)), FinanceError.STATE, "Contract line " + LINE);
    }

    // ---------------------------------------------------------------- invoice proposal headers

    @Test
    void aProposalHeaderArrivesJsonShapedAndAPartialDeliveryKeepsTheOtherFields() {
        DataEntity headers = entity("projinvoiceproposals");
        headers.upsert("proposalid", List.of(row("proposalid", "INV-000100", "dataareaid", LE, "projinvoiceprojid",
                CONTRACT, "invoiceaccount", CUSTOMER, "currencyid", "USD", "invoicedate", "2026-03-31", "description",
                "Proforma March", "iscreditnote", "false", "expectedamount", "1250.50")));
        headers.upsert("proposalid", List.of(row("proposalid", "INV-000100", "dataareaid", LE, "description",
                "Proforma March (revised)")));

        assertThat(headers.read("proposalid", List.of("INV-000100"))).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("dataareaid", LE).containsEntry("projinvoiceprojid", CONTRACT)
                    .containsEntry("invoiceaccount", CUSTOMER).containsEntry("fundingsource", CUSTOMER)
                    .containsEntry("invoicedate", LocalDate.of(2026, 3, 31))
                    .containsEntry("duedate", LocalDate.of(2026, 4, 30))
                    .containsEntry("description", "Proforma March (revised)").containsEntry("status", 0)
                    .containsEntry("iscreditnote", false);
            assertThat((BigDecimal) r.get("expectedamount")).isEqualByComparingTo("1250.5");
        });
        assertThat(outbox("projinvoiceproposals")).isEqualTo(2);
    }

    @Test
    void aProposalHeaderOfAnUnknownCustomerOrWithABadValueIsRefusedNamingTheProposal() {
        DataEntity headers = entity("projinvoiceproposals");
        Map<String, Object> header = row("proposalid", "INV-000101", "dataareaid", LE, "projinvoiceprojid", CONTRACT,
                "invoiceaccount", "C-404", "currencyid", "USD", "invoicedate", "2026-03-31");
        refused(() -> headers.upsert("proposalid", List.of(header)), FinanceError.CUSTOMER_NOT_FOUND,
                "Invoice proposal INV-000101: customer C-404 doesn't exist in legal entity USMF");
        header.put("invoiceaccount", CUSTOMER);
        header.put("invoicedate", "31.03.2026");
        refused(() -> headers.upsert("proposalid", List.of(header)), FinanceError.INVALID_INPUT,
                "Invoice proposal INV-000101: value '31.03.2026' does not fit field invoicedate");
        header.put("invoicedate", "2026-03-31");
        header.put("expectedamount", "10.1234567");
        refused(() -> headers.upsert("proposalid", List.of(header)), FinanceError.INVALID_INPUT,
                "Invoice proposal INV-000101: value '10.1234567' does not fit field expectedamount");
        header.remove("expectedamount");
        header.put("status", 3);
        refused(() -> headers.upsert("proposalid", List.of(header)), FinanceError.INVALID_INPUT,
                "Invoice proposal INV-000101: field 'status' is Finance's own");
        header.remove("status");
        header.put("dataareaid", "DEMF");
        refused(() -> headers.upsert("proposalid", List.of(header)), FinanceError.NOT_FOUND,
                "Invoice proposal INV-000101");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM projproposaljour", Integer.class)).isZero();
        assertThat(outbox("projinvoiceproposals")).isZero();
    }

    @Test
    void oneBadHeaderRefusesTheWholeDelivery() {
        DataEntity headers = entity("projinvoiceproposals");
        refused(() -> headers.upsert("proposalid", List.of(
                row("proposalid", "INV-000102", "dataareaid", LE, "projinvoiceprojid", CONTRACT, "invoiceaccount",
                        CUSTOMER, "currencyid", "USD", "invoicedate", "2026-03-31"),
                row("proposalid", "INV-000103", "dataareaid", LE, "projinvoiceprojid", CONTRACT, "invoiceaccount",
                        "C-404", "currencyid", "USD", "invoicedate", "2026-03-31"))),
                FinanceError.CUSTOMER_NOT_FOUND, "INV-000103");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM projproposaljour", Integer.class)).isZero();
        refused(() -> headers.delete("proposalid", List.of("INV-000102")), FinanceError.STATE,
                "Invoice proposal INV-000102");
    }

    // ---------------------------------------------------------------- staging, relationships, milestones

    @Test
    void actualsArriveJsonShapedInStagingAndABadOneIsRefusedNamingIt() {
        DataEntity staging = entity("ProjCDSActualsImportEntity");
        String actual = "0190cccc-0000-7000-8000-000000000001";
        staging.upsert("actualid", List.of(row("actualid", actual, "projectdataareaid", LE, "projectid", PROJECT,
                "contractid", CONTRACT, "contractline", LINE, "transtype", 192350005, "transactionclassification",
                192350000, "billingtype", 192350001, "quantity", "8", "unitprice", "125.50", "amount", "1004.00",
                "transactioncurrencyid", "USD", "documentdate", "2026-03-10", "customeraccountnumber", CUSTOMER)));

        assertThat(staging.read("actualid", List.of(actual))).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("documentdate", LocalDate.of(2026, 3, 10))
                    .containsEntry("contractline", UUID.fromString(LINE)).containsEntry("isprocessed", false);
            assertThat((BigDecimal) r.get("amount")).isEqualByComparingTo("1004");
        });
        assertThat(outbox("ProjCDSActualsImportEntity")).isOne();

        String bad = "0190cccc-0000-7000-8000-000000000002";
        refused(() -> staging.upsert("actualid", List.of(row("actualid", bad, "projectdataareaid", LE, "projectid",
                "P-404", "transtype", 192350000, "transactionclassification", 192350000, "quantity", "1", "amount", "10",
                "transactioncurrencyid", "USD", "documentdate", "2026-03-10"))), FinanceError.PROJECT_NOT_FOUND,
                "Actual " + bad + ": project P-404 doesn't exist in legal entity USMF");
        refused(() -> staging.delete("actualid", List.of(actual)), FinanceError.STATE, "Actual " + actual);
    }

    @Test
    void transactionConnectionsArriveJsonShaped() {
        DataEntity relationships = entity("projcdstransactionrelationships");
        String id = "0190dddd-0000-7000-8000-000000000001";
        relationships.upsert("connectionid", List.of(row("connectionid", id, "transaction1id",
                "0190cccc-0000-7000-8000-000000000001", "transaction1role", "192350006", "transaction1type", "msdyn_actual",
                "transaction2id", "0190cccc-0000-7000-8000-000000000002", "transaction2role", 192350005,
                "transaction2type", "msdyn_actual")));
        assertThat(relationships.read("connectionid", List.of(id))).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("transaction1role", 192350006).containsEntry("transaction2role", 192350005));
        refused(() -> relationships.upsert("connectionid", List.of(row("connectionid",
                "0190dddd-0000-7000-8000-000000000002", "transaction1id", "0190cccc-0000-7000-8000-000000000001",
                "transaction1type", "msdyn_actual", "transaction2id", "0190cccc-0000-7000-8000-000000000002",
                "transaction2role", 192350005, "transaction2type", "msdyn_actual"))), FinanceError.INVALID_INPUT,
                "Transaction relationship 0190dddd-0000-7000-8000-000000000002: field 'transaction1role' must be filled in");
    }

    @Test
    void milestonesArriveAsOnAccountTransactionsAndAnUnknownProjectIsRefusedNamingTheMilestone() {
        DataEntity onAccount = entity("projonaccounttransactions");
        String id = "0190eeee-0000-7000-8000-000000000001";
        onAccount.upsert("transactionid", List.of(row("transactionid", id, "dataareaid", LE, "projid", PROJECT,
                "projinvoiceprojid", CONTRACT, "contractlineref", LINE, "currencyid", "USD", "description", "Design",
                "invoicedate", "2026-03-31", "amount", "2500.00", "status", "192350001")));
        assertThat(onAccount.read("transactionid", List.of(id))).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("contractlineref", UUID.fromString(LINE)).containsEntry("status", 192350001)
                    .containsEntry("invoicedate", LocalDate.of(2026, 3, 31));
            assertThat((BigDecimal) r.get("amount")).isEqualByComparingTo("2500");
        });
        String other = "0190eeee-0000-7000-8000-000000000002";
        refused(() -> onAccount.upsert("transactionid", List.of(row("transactionid", other, "dataareaid", LE, "projid",
                "P-404", "contractlineref", LINE, "currencyid", "USD", "invoicedate", "2026-03-31", "amount", "10.00",
                "status", 192350001))), FinanceError.PROJECT_NOT_FOUND, "On-account transaction " + other);
        refused(() -> onAccount.upsert("transactionid", List.of(row("transactionid", other, "taxgroup", "VAT"))),
                FinanceError.INVALID_INPUT, "On-account transaction " + other + ": field 'taxgroup' is Finance's own");
    }
}
