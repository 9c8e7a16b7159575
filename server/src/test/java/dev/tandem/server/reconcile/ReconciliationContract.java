package dev.tandem.server.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceError;
import dev.tandem.server.dualwrite.SyncedWorld;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.common.testing.TestDatabases;
import dev.tandem.finance.FinanceSchema;
import dev.tandem.operations.OperationsSchema;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link Reconciliation} on a world that went through confirm → sync → import → post and a credit (see
 * {@link ReconcileWorld}): every invariant holds there, and a direct SQL corruption of each invariant makes exactly
 * that invariant report it, with a sample naming the row. Each test undoes its corruption, so the tests share one
 * world. Subclasses supply the database kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReconciliationContract {

    private HikariDataSource operationsDb;
    private HikariDataSource financeDb;
    private ReconcileWorld world;
    private Reconciliation reconciliation;

    abstract DatabaseKind kind();

    @BeforeAll
    void buildWorld() {
        operationsDb = TestDatabases.create(kind(), Arrays.asList(OperationsSchema.LOCATIONS));
        financeDb = TestDatabases.create(kind(), Arrays.asList(FinanceSchema.LOCATIONS));
        world = new ReconcileWorld(operationsDb, financeDb).build();
        reconciliation = new Reconciliation(world.ops, world.synced.finance, world.synced.runtime);
    }

    @AfterAll
    void destroyWorld() {
        world.close();
        TestDatabases.destroy(kind(), operationsDb);
        TestDatabases.destroy(kind(), financeDb);
    }

    /** Whatever a test corrupted, it is undone: the world is consistent again. */
    @AfterEach
    void consistentAgain() {
        ReconcileReport report = reconciliation.check();
        assertThat(report.ok()).as(report.toString()).isTrue();
    }

    @Test
    void everyInvariantHoldsAfterTheChainAndEachLooksAtRows() {
        ReconcileReport report = reconciliation.check();

        assertThat(report.invariants()).extracting(InvariantResult::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        for (InvariantResult i : report.invariants()) {
            assertThat(i.violations()).as(i.toString()).isZero();
            assertThat(i.samples()).as(i.toString()).isEmpty();
            if (i.number() != 9) {
                // 9 counts work claimed right now, none in a quiet world.
                assertThat(i.checked()).as(i.toString()).isPositive();
            }
        }
        assertThat(report.ok()).isTrue();
        assertThat(report.violations()).isZero();
        // Two posted invoices (the invoice and its credit note), each a key compared by invariant 4.
        assertThat(report.invariants().get(3).checked()).isEqualTo(2);
    }

    @Test
    void anUnbilledActualBilledTwiceIsInvariantOne() {
        // Both live billed sales of INV-000001 point at the first one's unbilled sales, in both databases alike
        // (so sync stays consistent and only the billing is wrong).
        UUID[] billed = world.opsDb.queryForList("SELECT a.msdyn_actualid FROM msdyn_actual a JOIN invoice i ON"
                + " i.invoiceid = a.msdyn_invoice WHERE i.invoicenumber = ? AND a.msdyn_transactiontypecode = 192350006"
                + " AND a.msdyn_adjustmentstatus IS NULL ORDER BY a.msdyn_quantity", UUID.class, world.invoice)
                .toArray(UUID[]::new);
        assertThat(billed).hasSize(2);
        UUID target = origin(billed[0]);
        UUID own = origin(billed[1]);
        repoint(billed[1], target);
        try {
            InvariantResult one = onlyViolated(1);
            assertThat(one.violations()).isEqualTo(1);
            assertThat(one.samples().get(0)).contains("unbilled sales actual " + target, "billed 2 times",
                    billed[0].toString(), billed[1].toString(), world.invoice);
        } finally {
            repoint(billed[1], own);
        }
    }

    @Test
    void aCreditThatReturnsLessToTheBacklogIsInvariantOne() {
        UUID back = world.opsDb.queryForObject("SELECT x.msdyn_transaction1 FROM msdyn_transactionconnection x WHERE"
                + " x.msdyn_transaction2 = ? AND x.msdyn_transaction1role = 690970102 AND x.msdyn_transaction1type ="
                + " 'msdyn_actual'", UUID.class,
                world.creditedBilled);
        world.opsDb.update("UPDATE msdyn_actual SET msdyn_amount = msdyn_amount - 1 WHERE msdyn_actualid = ?", back);
        try {
            InvariantResult one = onlyViolated(1);
            assertThat(one.samples()).singleElement().asString().contains("corrective invoice "
                    + world.correctiveInvoice, "billed sales actual " + world.creditedBilled, "went back to the backlog");
        } finally {
            world.opsDb.update("UPDATE msdyn_actual SET msdyn_amount = msdyn_amount + 1 WHERE msdyn_actualid = ?", back);
        }
    }

    @Test
    void aProposalWithoutAConfirmedInvoiceIsInvariantTwo() {
        world.financeDb.update("INSERT INTO projproposaljour (proposalid, dataareaid, projinvoiceprojid, fundingsource,"
                + " invoiceaccount, currencyid, invoicedate, duedate, description, status, workflowstatus, invoiceamount,"
                + " sumtax, onaccountamount, iscreditnote, createdon, createdby, modifiedon, modifiedby)"
                + " SELECT 'INV-999999', dataareaid, projinvoiceprojid, fundingsource, invoiceaccount, currencyid,"
                + " invoicedate, duedate, description, 0, 'DRAFT', 0, 0, 0, FALSE, createdon, createdby, modifiedon,"
                + " modifiedby FROM projproposaljour WHERE proposalid = ?", world.invoice);
        try {
            InvariantResult two = onlyViolated(2);
            assertThat(two.samples()).singleElement().asString().contains("invoice proposal INV-999999 (USMF) has no "
                    + "confirmed proforma invoice");
        } finally {
            world.financeDb.update("DELETE FROM projproposaljour WHERE proposalid = 'INV-999999'");
        }
    }

    @Test
    void aConfirmedInvoiceWithoutItsProposalIsInvariantTwo() {
        world.opsDb.update("UPDATE invoice SET invoicenumber = 'INV-777777' WHERE invoicenumber = ?",
                world.correctiveInvoice);
        try {
            InvariantResult two = violated(2);
            assertThat(two.samples()).anySatisfy(s -> assertThat(s).isEqualTo("confirmed proforma invoice INV-777777 "
                    + "has no invoice proposal in Finance"));
        } finally {
            world.opsDb.update("UPDATE invoice SET invoicenumber = ? WHERE invoicenumber = 'INV-777777'",
                    world.correctiveInvoice);
        }
    }

    @Test
    void anUnbalancedVoucherIsInvariantThree() {
        String voucher = world.financeDb.queryForObject("SELECT ledgervoucher FROM projproposaljour WHERE proposalid = ?",
                String.class, world.invoice);
        world.financeDb.update("UPDATE generaljournalentry SET amountcur = amountcur + 1 WHERE voucher = ? AND lineno ="
                + " (SELECT MIN(lineno) FROM generaljournalentry WHERE voucher = ?)", voucher, voucher);
        try {
            // The first line of an invoice voucher is its customer balance line: invariant 8 sees it too.
            assertThat(onlyViolated(3, 8).violations()).isEqualTo(1);
            InvariantResult three = violated(3);
            assertThat(three.violations()).isEqualTo(1);
            assertThat(three.samples()).singleElement().asString().contains("voucher " + voucher + " (USMF) does not "
                    + "balance", "USD lines sum to 1.00").doesNotContain("accounting amounts");
        } finally {
            world.financeDb.update("UPDATE generaljournalentry SET amountcur = amountcur - 1 WHERE voucher = ? AND"
                    + " lineno = (SELECT MIN(lineno) FROM generaljournalentry WHERE voucher = ?)", voucher, voucher);
        }
    }

    @Test
    void aPostedInvoiceMarkedPaidKeepsEveryInvariant() {
        UUID invoiceId = world.opsDb.queryForObject("SELECT invoiceid FROM invoice WHERE invoicenumber = ?", UUID.class,
                world.invoice);
        world.ops.invoicing().drafts().markPaid(invoiceId);
        try {
            ReconcileReport report = reconciliation.check();
            assertThat(report.ok()).as(report.toString()).isTrue();
            assertThat(report.invariants().get(4).checked()).as("invariant 5 compared rows").isPositive();
        } finally {
            world.opsDb.update("UPDATE invoice SET msdyn_projectinvoicestatus = 690970000, statecode = 0 WHERE "
                    + "invoiceid = ?", invoiceId);
        }
    }

    @Test
    void aCustomerBalanceLineThatDiffersFromArIsInvariantEight() {
        String voucher = world.financeDb.queryForObject("SELECT ledgervoucher FROM projproposaljour WHERE proposalid = ?",
                String.class, world.invoice);
        String customerBalance = "(SELECT customerbalanceaccount FROM projpostingprofile p WHERE p.dataareaid = "
                + "generaljournalentry.dataareaid)";
        // Moves 1.00 from the invoice's revenue line to its customer balance line: the voucher still balances and
        // the invoice, AR and the actuals still agree (invariant 4), but the ledger no longer equals AR.
        String tax = "mainaccountid IN (SELECT invoicedrevenueaccount FROM projpostingprofile)";
        world.financeDb.update("UPDATE generaljournalentry SET amountcur = amountcur + 1 WHERE voucher = ? AND "
                + "mainaccountid IN " + customerBalance, voucher);
        world.financeDb.update("UPDATE generaljournalentry SET amountcur = amountcur - 1 WHERE voucher = ? AND " + tax
                + " AND lineno = (SELECT MIN(lineno) FROM generaljournalentry g WHERE g.voucher = ? AND g." + tax + ")",
                voucher, voucher);
        try {
            InvariantResult eight = onlyViolated(8);
            assertThat(eight.violations()).isEqualTo(1);
            assertThat(eight.samples()).singleElement().asString().startsWith("USMF USD customer ")
                    .contains("customer balance accounts", "open customer transactions");
        } finally {
            world.financeDb.update("UPDATE generaljournalentry SET amountcur = amountcur - 1 WHERE voucher = ? AND "
                    + "mainaccountid IN " + customerBalance, voucher);
            world.financeDb.update("UPDATE generaljournalentry SET amountcur = amountcur + 1 WHERE voucher = ? AND "
                    + tax + " AND lineno = (SELECT MIN(lineno) FROM generaljournalentry g WHERE g.voucher = ? AND g."
                    + tax + ")", voucher, voucher);
        }
    }

    @Test
    void reversingAPostedCustomerInvoicesVoucherIsRefusedAndWritesNothing() {
        String voucher = world.financeDb.queryForObject("SELECT ledgervoucher FROM projproposaljour WHERE proposalid = ?",
                String.class, world.invoice);
        Long vouchers = world.financeDb.queryForObject("SELECT COUNT(*) FROM ledgervoucher", Long.class);

        assertThatThrownBy(() -> world.synced.finance.ledger().reverse(ReconcileWorld.LE, voucher,
                SyncedWorld.INVOICE_DATE, "Reverse the invoice"))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(FinanceError.CUSTOMER_TRANSACTION_VOUCHER);
                    assertThat(e.detail()).contains(voucher, "corrective invoice");
                });

        assertThat(world.financeDb.queryForObject("SELECT COUNT(*) FROM ledgervoucher", Long.class))
                .isEqualTo(vouchers);
    }

    @Test
    void receivablesThatDifferFromTheInvoiceAreInvariantFour() {
        world.financeDb.update("UPDATE custtrans SET amountcur = amountcur + 10 WHERE proposalid = ?", world.invoice);
        try {
            // AR no longer equals the ledger's customer balance either: invariant 8 sees it too.
            assertThat(onlyViolated(4, 8).violations()).isEqualTo(1);
            InvariantResult four = violated(4);
            assertThat(four.violations()).isEqualTo(1);
            assertThat(four.samples()).singleElement().asString().startsWith("USMF USD invoice " + world.invoice + ": ")
                    .contains("posted customer invoice CI-");
        } finally {
            world.financeDb.update("UPDATE custtrans SET amountcur = amountcur - 10 WHERE proposalid = ?", world.invoice);
        }
    }

    @Test
    void aSyncedFieldChangedInOneDatabaseIsInvariantFive() {
        String description = world.financeDb.queryForObject("SELECT description FROM projinvoicetable WHERE"
                + " projinvoiceprojid = 'PC-001'", String.class);
        world.financeDb.update("UPDATE projinvoicetable SET description = 'Changed in Finance only' WHERE"
                + " projinvoiceprojid = 'PC-001'");
        try {
            InvariantResult five = onlyViolated(5);
            assertThat(five.violations()).isEqualTo(1);
            assertThat(five.samples()).singleElement().asString().startsWith("salesorders: ")
                    .contains("PC-001", "Changed in Finance only", description);
        } finally {
            world.financeDb.update("UPDATE projinvoicetable SET description = ? WHERE projinvoiceprojid = 'PC-001'",
                    description);
        }
    }

    @Test
    void aStagingRowDeliveredTwiceIsInvariantSix() {
        world.financeDb.update("ALTER TABLE projcdsactualsimport DROP CONSTRAINT projcdsactualsimport_actualid");
        UUID actual = world.opsDb.queryForObject("SELECT msdyn_actualid FROM msdyn_actual WHERE"
                + " msdyn_transactiontypecode = 192350000 ORDER BY msdyn_actualid FETCH FIRST 1 ROWS ONLY", UUID.class);
        UUID copy = UUID.randomUUID();
        world.financeDb.update("INSERT INTO projcdsactualsimport (actualsimportid, actualid, amount, documentdate,"
                + " projectid, quantity, transactionclassification, transactioncurrencyid, transtype,"
                + " projectdataareaid, createdon, createdby, modifiedon, modifiedby) SELECT ?, actualid, amount,"
                + " documentdate, projectid, quantity, transactionclassification, transactioncurrencyid, transtype,"
                + " projectdataareaid, createdon, createdby, modifiedon, modifiedby FROM projcdsactualsimport WHERE"
                + " actualid = ?", copy, actual);
        try {
            InvariantResult six = onlyViolated(6);
            assertThat(six.violations()).isEqualTo(1);
            assertThat(six.samples()).containsExactly("actual " + actual + " is staged 2 times in projcdsactualsimport");
        } finally {
            world.financeDb.update("DELETE FROM projcdsactualsimport WHERE actualsimportid = ?", copy);
            world.financeDb.update("ALTER TABLE projcdsactualsimport ADD CONSTRAINT projcdsactualsimport_actualid"
                    + " UNIQUE (actualid)");
        }
    }

    @Test
    void aBatchInDoubtAndAnOpenSyncErrorAreInvariantSix() {
        UUID batch = UUID.randomUUID();
        world.financeDb.update("INSERT INTO dw_inbox (map_id, batch_id, source_app, status, applied_at) VALUES"
                + " ('invoices', ?, 'operations', 'IN_DOUBT', CURRENT_TIMESTAMP)", batch);
        world.opsDb.update("INSERT INTO dw_error (map_id, entity, integration_key, operation, error_type, cause, status,"
                + " retryable, attempts, occurred_at) VALUES ('msdyn_actuals', 'msdyn_actuals', 'k-1', 'SYNC',"
                + " 'APPLICATION', 'refused by the test', 'OPEN', TRUE, 1, CURRENT_TIMESTAMP)");
        try {
            InvariantResult six = onlyViolated(6);
            assertThat(six.violations()).isEqualTo(2);
            assertThat(six.samples()).anySatisfy(s -> assertThat(s).startsWith("batch " + batch + " of map invoices "
                    + "is in doubt in finance")).anySatisfy(s -> assertThat(s).contains("of map msdyn_actuals: "
                    + "msdyn_actuals k-1 did not sync: refused by the test"));
        } finally {
            world.financeDb.update("DELETE FROM dw_inbox WHERE batch_id = ?", batch);
            world.opsDb.update("DELETE FROM dw_error WHERE integration_key = 'k-1'");
        }
    }

    private UUID origin(UUID billed) {
        return world.opsDb.queryForObject("SELECT msdyn_transaction2 FROM msdyn_transactionconnection WHERE"
                + " msdyn_transaction1 = ? AND msdyn_transaction1role = 192350006", UUID.class, billed);
    }

    /** Points the Billed Sales connection of {@code billed} at {@code unbilled}, in both databases alike. */
    private void repoint(UUID billed, UUID unbilled) {
        world.opsDb.update("UPDATE msdyn_transactionconnection SET msdyn_transaction2 = ? WHERE msdyn_transaction1 = ?"
                + " AND msdyn_transaction1role = 192350006", unbilled, billed);
        world.financeDb.update("UPDATE projcdstransactionrelationshipimport SET transaction2id = ? WHERE"
                + " transaction1id = ? AND transaction1role = 192350006", unbilled, billed);
    }

    /** Asserts that invariant {@code number} is violated and every other one holds; answers its result. */
    @Test
    void aJournalAndABulkJobLeftByAGoneProcessAreInvariantNineAndALiveOnesClaimIsNot() {
        UUID gone = UUID.randomUUID();
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        world.financeDb.update("INSERT INTO projintegrationjournal (dataareaid, journalid, periodunit, periodstart, "
                + "status, description, claimowner, claimedby, claimrenewedon, createdon, createdby, modifiedon, "
                + "modifiedby) VALUES ('USMF', 'PIJ-999998', 'ALL', NULL, 'PROCESSING', 'killed', ?, 'gone-host:1', ?, "
                + "?, 'x', ?, 'x')", gone, now, now, now);
        world.financeDb.update("INSERT INTO projintegrationjournal (dataareaid, journalid, periodunit, periodstart, "
                + "status, description, claimowner, claimedby, claimrenewedon, createdon, createdby, modifiedon, "
                + "modifiedby) VALUES ('USMF', 'PIJ-999999', 'ALL', NULL, 'PROCESSING', 'posting', ?, 'this:2', ?, "
                + "?, 'x', ?, 'x')", dev.tandem.common.claim.ClaimOwner.current().id(), now, now, now);
        world.opsDb.update("INSERT INTO tdm_bulkconfirmjob (tdm_bulkconfirmjobid, tdm_status, tdm_invoicecount, "
                + "tdm_confirmedcount, tdm_failedcount, tdm_claimowner, tdm_claimedby, tdm_claimrenewedon, createdon, "
                + "createdby, modifiedon, modifiedby) VALUES (?, 690970301, 1, 0, 0, ?, 'gone-host:1', ?, ?, 'x', ?, "
                + "'x')", gone, gone, now, now, now);
        try {
            InvariantResult nine = onlyViolated(9);
            assertThat(nine.name()).isEqualTo("no work claimed by a gone owner");
            assertThat(nine.checked()).isEqualTo(3);
            assertThat(nine.violations()).isEqualTo(2);
            assertThat(nine.samples()).anySatisfy(sample -> assertThat(sample).contains("integration journal "
                    + "PIJ-999998", "gone-host:1")).anySatisfy(sample -> assertThat(sample).contains(
                    "bulk confirmation job " + gone, "gone-host:1"));
        } finally {
            world.financeDb.update("DELETE FROM projintegrationjournal WHERE journalid IN ('PIJ-999998', 'PIJ-999999')");
            world.opsDb.update("DELETE FROM tdm_bulkconfirmjob WHERE tdm_bulkconfirmjobid = ?", gone);
        }
    }

    private InvariantResult onlyViolated(int number) {
        ReconcileReport report = reconciliation.check();
        assertThat(report.ok()).isFalse();
        for (InvariantResult i : report.invariants()) {
            assertThat(i.ok()).as(i.toString()).isEqualTo(i.number() != number);
        }
        return violated(number, report);
    }

    /** Exactly {@code number} and {@code also} are violated; answers {@code also}'s result. */
    private InvariantResult onlyViolated(int number, int also) {
        ReconcileReport report = reconciliation.check();
        assertThat(report.ok()).isFalse();
        for (InvariantResult i : report.invariants()) {
            assertThat(i.ok()).as(i.toString()).isEqualTo(i.number() != number && i.number() != also);
        }
        return violated(also, report);
    }

    private InvariantResult violated(int number) {
        return violated(number, reconciliation.check());
    }

    private static InvariantResult violated(int number, ReconcileReport report) {
        InvariantResult result = report.invariants().stream().filter(i -> i.number() == number).findFirst()
                .orElseThrow();
        assertThat(result.violations()).as(result.toString()).isPositive();
        assertThat(result.samples()).isNotEmpty();
        return result;
    }
}
