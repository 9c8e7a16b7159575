package dev.tandem.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.Actuals.Connection;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.ConnectionRole;
import dev.tandem.operations.actuals.NteStatus;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.work.WorkEntryStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** §6 worked example at approval, and §3.6 connections and origins. */
class ApprovalTest extends OperationsTestBase {

    @Test
    void workedExampleEightHoursGivesExactlyOneCostAndOneUnbilledSalesActualAndTheirConnection() {
        UUID entry = submittedTime("8", DAY);

        var result = ops.workEntries().approve(entry);

        assertThat(result.actuals()).isEqualTo(2);
        List<Actual> actuals = ops.actuals().bySource(entry);
        assertThat(actuals).hasSize(2);
        Actual cost = actuals.stream().filter(a -> a.transactionType() == TransactionType.COST).findFirst().orElseThrow();
        Actual unbilled = actuals.stream().filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES).findFirst()
                .orElseThrow();

        assertThat(cost.quantity()).isEqualByComparingTo("8");
        assertThat(cost.price()).isEqualByComparingTo("100");
        assertThat(cost.amount()).isEqualByComparingTo("800");
        assertThat(cost.currency()).isEqualTo("USD");
        assertThat(cost.classification()).isEqualTo(TransactionClassification.TIME);
        assertThat(cost.billingStatus()).isNull();

        assertThat(unbilled.quantity()).isEqualByComparingTo("8");
        assertThat(unbilled.price()).isEqualByComparingTo("200");
        assertThat(unbilled.amount()).isEqualByComparingTo("1600");
        assertThat(unbilled.billingStatus()).isEqualTo(BillingStatus.UNBILLED_SALES_CREATED);
        assertThat(unbilled.billingType()).isEqualTo(BillingType.CHARGEABLE);
        assertThat(unbilled.customerId()).isEqualTo(customer);
        assertThat(unbilled.contractLineId()).isEqualTo(line);
        assertThat(unbilled.nteStatus()).isEqualTo(NteStatus.NOT_APPLICABLE);
        assertThat(unbilled.adjustmentStatus()).isNull();

        List<Connection> connections = ops.actuals().connections(unbilled.id());
        assertThat(connections).singleElement().satisfies(c -> {
            assertThat(c.transaction1()).isEqualTo(unbilled.id());
            assertThat(c.role1()).isEqualTo(ConnectionRole.UNBILLED_SALES);
            assertThat(c.transaction2()).isEqualTo(cost.id());
            assertThat(c.role2()).isEqualTo(ConnectionRole.COST);
        });
        assertThat(count("msdyn_transactionconnection")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM msdyn_transactionorigin WHERE msdyn_origin = ? "
                + "AND msdyn_origintype = 'msdyn_timeentry'", Integer.class, entry)).isEqualTo(2);
        assertThat(ops.workEntries().entry(entry).status()).isEqualTo(WorkEntryStatus.APPROVED);
    }

    @Test
    void approvalRecordsEveryNewActualAndConnectionInTheOutboxAsOneBatch() {
        UUID entry = submittedTime("8", DAY);
        int before = count("dw_outbox");

        ops.workEntries().approve(entry);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = 'msdyn_actuals' AND operation = 'INSERT'",
                Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = 'msdyn_transactionconnections'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT batch_id) FROM dw_outbox WHERE sequence_no > ("
                + "SELECT COALESCE(MAX(sequence_no), 0) FROM dw_outbox) - 3", Integer.class)).isEqualTo(1);
        assertThat(count("dw_outbox")).isEqualTo(before + 3);
    }

    @Test
    void nonChargeableRoleGivesNonChargeableUnbilledSales() {
        UUID line2Contract = contract;
        ops.contracts().setChargeability(new dev.tandem.operations.contracts.ContractRecords.Chargeability(line,
                dev.tandem.operations.contracts.ContractRecords.ComponentType.ROLE, developer, BillingType.NON_CHARGEABLE));
        UUID entry = submittedTime("2", DAY);

        ops.workEntries().approve(entry);

        Actual unbilled = ops.actuals().bySource(entry).stream()
                .filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES).findFirst().orElseThrow();
        assertThat(unbilled.billingType()).isEqualTo(BillingType.NON_CHARGEABLE);
        assertThat(unbilled.contractId()).isEqualTo(line2Contract);
        assertThat(unbilled.amount()).isEqualByComparingTo("400");
    }

    @Test
    void workOnAProjectNoContractLineBillsGivesACostActualOnly() {
        UUID other = ops.masterData().createProject(new dev.tandem.operations.masterdata.MasterData.ProjectInput(
                "P-INT", "Internal", unit, null));
        UUID entry = ops.workEntries().create(dev.tandem.operations.work.WorkEntryInput.time(other, null, resource, developer,
                DAY, new BigDecimal("3"), "Internal"));
        ops.workEntries().submit(entry);

        ops.workEntries().approve(entry);

        assertThat(ops.actuals().bySource(entry)).singleElement().satisfies(a -> {
            assertThat(a.transactionType()).isEqualTo(TransactionType.COST);
            assertThat(a.amount()).isEqualByComparingTo("300");
            assertThat(a.billingType()).isEqualTo(BillingType.NOT_AVAILABLE);
        });
    }

    @Test
    void bulkApprovalCreatesTwoActualsPerEntry() {
        List<UUID> ids = ops.workEntries().createAll(java.util.stream.IntStream.range(0, 250)
                .mapToObj(i -> time("1.5")).toList());
        ops.workEntries().submitAll(ids);

        var result = ops.workEntries().approveAll(ids);

        assertThat(result.entries()).isEqualTo(250);
        assertThat(result.actuals()).isEqualTo(500);
        assertThat(jdbc.queryForObject("SELECT SUM(msdyn_amount) FROM msdyn_actual WHERE msdyn_transactiontypecode = ?",
                BigDecimal.class, TransactionType.UNBILLED_SALES.value())).isEqualByComparingTo("75000");
    }

    /** §3.1 msdyn_resourceorganizationalunitid: the resource's own unit, not the project's contracting unit. */
    @Test
    void everyActualOfApprovedWorkCarriesTheResourcesOrganizationalUnitAsItsResourcingUnit() {
        UUID resourcing = ops.masterData().createOrganizationalUnit(
                new dev.tandem.operations.masterdata.MasterData.OrganizationalUnitInput("Contoso Resourcing", "USD",
                        "USMF"));
        UUID bo = ops.masterData().createResource(
                new dev.tandem.operations.masterdata.MasterData.ResourceInput("Bo Berg", resourcing, List.of(developer)));
        UUID entry = ops.workEntries().create(dev.tandem.operations.work.WorkEntryInput.time(project, null, bo,
                developer, DAY, new BigDecimal("8"), "Build"));
        ops.workEntries().submit(entry);

        ops.workEntries().approve(entry);

        List<java.util.Map<String, Object>> rows = jdbc.queryForList("SELECT msdyn_transactiontypecode, "
                + "msdyn_resourceorganizationalunitid, msdyn_contractorganizationalunitid FROM msdyn_actual WHERE "
                + "tdm_sourcedocumentid = ?", entry);
        assertThat(rows).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("msdyn_resourceorganizationalunitid")).isEqualTo(resourcing);
            assertThat(r.get("msdyn_contractorganizationalunitid")).isEqualTo(unit);
        });
        // The outbox image, which the msdyn_actuals map delivers to staging, carries it too.
        assertThat(jdbc.queryForList("SELECT payload FROM dw_outbox WHERE entity = 'msdyn_actuals'", String.class))
                .hasSize(2).allSatisfy(p -> assertThat(p).contains(resourcing.toString()));
    }
}
