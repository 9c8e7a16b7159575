package dev.tandem.server.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.common.testing.TestDatabases;
import dev.tandem.finance.FinanceSchema;
import dev.tandem.operations.OperationsSchema;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.invoicing.InvoiceRecords.DetailEdit;
import dev.tandem.operations.invoicing.InvoiceStatus;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, acceptance 1: the §6 worked example (8 h, cost 100, bill 200 USD an hour) under a profile that accrues
 * revenue, confirmed unchanged and confirmed at 6 h, then imported and posted, leaves WIP sales value and accrued
 * revenue of the project at 0.00, a trial balance of 0 and invariant 7 holding; so do a non-chargeable line and a
 * full credit followed by re-invoicing. Each test builds its own world on fresh databases. Subclasses supply the kind.
 */
abstract class WipAccountingContract {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private HikariDataSource operationsDb;
    private HikariDataSource financeDb;
    private WipWorld world;

    abstract DatabaseKind kind();

    @BeforeEach
    void createWorld() {
        operationsDb = TestDatabases.create(kind(), Arrays.asList(OperationsSchema.LOCATIONS));
        financeDb = TestDatabases.create(kind(), Arrays.asList(FinanceSchema.LOCATIONS));
        world = new WipWorld(operationsDb, financeDb, true);
    }

    @AfterEach
    void destroyWorld() {
        world.close();
        TestDatabases.destroy(kind(), operationsDb);
        TestDatabases.destroy(kind(), financeDb);
    }

    @Test
    void confirmedUnchangedTheWipOfTheEightHoursIsReversedByTheInvoice() {
        world.approve(new BigDecimal("8"));
        world.importAndPostJournals();
        // Journalized: 8 h × 200 = 1,600.00 of WIP and accrued revenue.
        assertThat(world.balance(WipWorld.WIP_ACCOUNT)).isEqualByComparingTo("1600.00");
        assertThat(world.balance(WipWorld.ACCRUED_ACCOUNT)).isEqualByComparingTo("-1600.00");
        assertLedgerAgrees();

        UUID invoice = world.createInvoice();
        world.confirm(invoice);
        assertLedgerAgrees();
        world.importAndPostJournals();
        world.postProposal(invoice);

        assertThat(world.status(invoice)).isEqualTo(InvoiceStatus.POSTED);
        assertWipIsZeroAndAllHolds();
    }

    @Test
    void confirmedAtSixHoursTheReplacedOriginalLeavesNoWip() {
        world.approve(new BigDecimal("8"));
        world.importAndPostJournals();
        UUID invoice = world.createInvoice();
        world.edit(world.details(invoice).get(0).id(), DetailEdit.quantity(new BigDecimal("6")));
        world.confirm(invoice);
        // Finance now sees the reversal of the original (-1,600.00), the 6 h chargeable (1,200.00) and the 2 h
        // non-chargeable (400.00) replacements; the 2 h accrue no WIP.
        assertThat(world.financeDb.queryForObject("SELECT COUNT(*) FROM projcdsactualsimport WHERE transtype = 192350005"
                + " AND amount < 0", Integer.class)).isEqualTo(1);
        world.importAndPostJournals();
        assertThat(world.balance(WipWorld.WIP_ACCOUNT)).isEqualByComparingTo("1200.00");
        assertLedgerAgrees();
        world.postProposal(invoice);

        assertThat(world.status(invoice)).isEqualTo(InvoiceStatus.POSTED);
        assertWipIsZeroAndAllHolds();
        // What the customer owes is the 6 h.
        assertThat(world.balance("401000")).isEqualByComparingTo("-1200.00");
    }

    @Test
    void aNonChargeableLineAccruesNoWipAndIsNotInvoiced() {
        world.approve(new BigDecimal("8"));
        world.approve(new BigDecimal("4"));
        world.importAndPostJournals();
        UUID invoice = world.createInvoice();
        var details = world.details(invoice);
        UUID nonChargeable = details.stream().filter(d -> d.quantity().compareTo(new BigDecimal("4")) == 0)
                .findFirst().orElseThrow().id();
        world.edit(nonChargeable, new DetailEdit(BillingType.NON_CHARGEABLE, null, null, null, null, null, null));
        world.confirm(invoice);
        world.importAndPostJournals();
        world.postProposal(invoice);

        assertWipIsZeroAndAllHolds();
        assertThat(world.balance("401000")).isEqualByComparingTo("-1600.00");
    }

    @Test
    void aFullCreditPutsTheWipBackAndReInvoicingTakesItOutAgain() {
        world.approve(new BigDecimal("8"));
        world.importAndPostJournals();
        UUID invoice = world.createInvoice();
        world.confirm(invoice);
        world.importAndPostJournals();
        world.postProposal(invoice);
        assertWipIsZeroAndAllHolds();

        UUID credit = world.creditInFull(invoice);
        world.confirm(credit);
        world.importAndPostJournals();
        world.postProposal(credit);
        // The 8 h are back in the backlog, journalized again: 1,600.00 of WIP, and the invariant agrees.
        assertThat(world.status(credit)).isEqualTo(InvoiceStatus.POSTED);
        assertThat(world.balance(WipWorld.WIP_ACCOUNT)).isEqualByComparingTo("1600.00");
        assertLedgerAgrees();

        UUID again = world.createInvoice();
        assertThat(again).isNotNull();
        world.confirm(again);
        world.importAndPostJournals();
        world.postProposal(again);
        assertWipIsZeroAndAllHolds();
        // Invoiced, credited, invoiced again: 1,600.00 of revenue.
        assertThat(world.balance("401000")).isEqualByComparingTo("-1600.00");
    }

    private void assertLedgerAgrees() {
        ReconcileReport report = world.reconcile();
        InvariantResult seven = report.invariants().get(6);
        assertThat(seven.number()).isEqualTo(7);
        assertThat(seven.violations()).as(seven.toString()).isZero();
        assertThat(seven.checked()).isPositive();
    }

    private void assertWipIsZeroAndAllHolds() {
        assertThat(world.balance(WipWorld.WIP_ACCOUNT)).isEqualTo(ZERO);
        assertThat(world.balance(WipWorld.ACCRUED_ACCOUNT)).isEqualTo(ZERO);
        BigDecimal[] trial = world.trialBalance();
        assertThat(trial[0]).isZero();
        assertThat(trial[1]).isZero();
        ReconcileReport report = world.reconcile();
        assertThat(report.ok()).as(report.toString()).isTrue();
    }
}
