package dev.tandem.server.dualwrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.TandemException;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.common.testing.TestDatabases;
import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.finance.FinanceSchema;
import dev.tandem.finance.proposal.ProposalLine;
import dev.tandem.operations.OperationsSchema;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.masterdata.MasterData.OrganizationalUnitInput;
import dev.tandem.operations.masterdata.MasterData.ResourceInput;
import dev.tandem.operations.work.WorkEntryInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The real maps between the two apps, live (issue 5 acceptance 1 and 2), on H2 and on PostgreSQL: Project
 * Operations confirms proforma invoices and Finance receives them in the same transaction, or refuses them.
 */
@ParameterizedClass(name = "[{0}]")
@EnumSource(DatabaseKind.class)
class LiveSyncEndToEndTest {

    @Parameter
    DatabaseKind kind;

    private HikariDataSource operationsDb;
    private HikariDataSource financeDb;
    private SyncedWorld world;

    @BeforeEach
    void open() {
        operationsDb = TestDatabases.create(kind, Arrays.asList(OperationsSchema.LOCATIONS));
        financeDb = TestDatabases.create(kind, Arrays.asList(FinanceSchema.LOCATIONS));
        world = new SyncedWorld(operationsDb, financeDb);
    }

    @AfterEach
    void close() {
        if (world.runtime != null) {
            world.runtime.close();
        }
        TestDatabases.destroy(kind, operationsDb);
        TestDatabases.destroy(kind, financeDb);
    }

    @Test
    void everyMapLoadsAgainstTheRealEntities() {
        DualWriteRuntime runtime = world.startSync(true);

        assertThat(runtime.maps()).extracting(m -> m.id()).contains("msdyn_actuals", "invoices",
                "msdyn_transactionconnections", "msdyn_contractlinescheduleofvalues", "msdyn_projects", "salesorders",
                "salesorderdetails", "customers", "legalentities", "exchangerates", "msdyn_customerinvoices");
    }

    /**
     * Acceptance 2: 5,000 line details reach Finance in one batch: one header, 5,000 billed-sales rows. One batch as
     * long as the transaction's changes fit in one part (issue 13: a bigger transaction is delivered in parts of
     * ChangeRecorder's part size, each its own batch; DualWriteRuntimeTest holds that): the confirmation records
     * about 15,000 changes, so this test raises the part size above them.
     */
    @Test
    void aConfirmedInvoiceWithFiveThousandDetailsReachesFinanceInOneBatch() {
        world.buildFinance("C-001");
        world.buildOperations("C-001");
        DualWriteRuntime runtime = world.startSync(true);
        world.ops.context().changeRecorder().setPartSize(100_000);
        world.readyTime(5000, "1");
        // Approval already sent cost and unbilled sales to staging (Skip Sync rows excepted).
        assertThat(world.countFinance("SELECT COUNT(*) FROM projcdsactualsimport")).isEqualTo(10_000);
        UUID invoice = world.createInvoice();
        String number = world.ops.context().jdbc().queryForObject("SELECT invoicenumber FROM invoice WHERE invoiceid = ?",
                String.class, invoice);

        // The inbox rows are read right after the source committed: once confirmed, they are deleted (issue 13).
        List<UUID> batches = new ArrayList<>();
        world.ops.context().inTransaction(() -> {
            world.ops.invoicing().confirmation().confirm(invoice);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    batches.addAll(world.finance.context().jdbc().queryForList("SELECT batch_id FROM dw_inbox WHERE "
                            + "map_id IN ('invoices', 'msdyn_actuals') AND batch_id IN (SELECT batch_id FROM dw_inbox "
                            + "WHERE map_id = 'invoices')", UUID.class));
                }
            });
        });

        assertThat(world.countFinance("SELECT COUNT(*) FROM projproposaljour WHERE proposalid = ?", number))
                .isEqualTo(1);
        assertThat(world.countFinance("SELECT COUNT(*) FROM projcdsactualsimport WHERE transtype = 192350006 AND "
                + "invoiceid = ?", number)).isEqualTo(5000);
        // One source transaction, one batch: the header and the 5,000 rows share the inbox batch id.
        assertThat(batches).hasSize(2).containsOnly(batches.get(0));
        // The negative unbilled sales of the confirmation are Skip Sync (§7.4): none reached staging.
        assertThat(world.countFinance("SELECT COUNT(*) FROM projcdsactualsimport WHERE transtype = 192350005 AND "
                + "amount < 0")).isZero();
        for (String map : List.of("invoices", "msdyn_actuals", "msdyn_transactionconnections")) {
            assertThat(runtime.reconcile(map).consistent()).as(map + ": " + runtime.reconcile(map).samples()).isTrue();
        }
    }

    /** Acceptance 1: Finance refuses the invoice; the user sees its message; neither side keeps a row of it. */
    @Test
    void confirmingWhileFinanceRefusesFailsWithFinancesMessageAndLeavesNothing() {
        world.buildFinance("C-001");
        world.buildOperations("C-404");
        DualWriteRuntime runtime = world.startSync(true);
        // Approve while the actuals map is stopped: staging would refuse the unknown customer already.
        runtime.stop("msdyn_actuals", "admin");
        world.readyTime(3, "2");
        runtime.run("msdyn_actuals", false, "admin");
        UUID invoice = world.createInvoice();
        int actualsBefore = world.countOps("SELECT COUNT(*) FROM msdyn_actual");
        int outboxBefore = world.countOps("SELECT COUNT(*) FROM dw_outbox");
        int financeOutboxBefore = world.countFinance("SELECT COUNT(*) FROM dw_outbox");
        // Approval's transaction connections did reach Finance (their map ran); nothing of the two maps the
        // confirmation carries did.
        String inboxOfConfirmation = "SELECT COUNT(*) FROM dw_inbox WHERE map_id IN ('invoices', 'msdyn_actuals')";
        assertThat(world.countFinance(inboxOfConfirmation)).isZero();

        assertThatThrownBy(() -> world.ops.invoicing().confirmation().confirm(invoice))
                .isInstanceOf(TandemException.class).hasMessageContaining("C-404");

        assertThat(world.ops.context().jdbc().queryForObject("SELECT msdyn_projectinvoicestatus FROM invoice WHERE "
                + "invoiceid = ?", Integer.class, invoice)).isEqualTo(192350000);
        assertThat(world.countOps("SELECT COUNT(*) FROM msdyn_actual")).isEqualTo(actualsBefore);
        assertThat(world.countOps("SELECT COUNT(*) FROM dw_outbox")).isEqualTo(outboxBefore);
        assertThat(world.countFinance("SELECT COUNT(*) FROM projproposaljour")).isZero();
        assertThat(world.countFinance("SELECT COUNT(*) FROM projcdsactualsimport")).isZero();
        assertThat(world.countFinance("SELECT COUNT(*) FROM dw_outbox")).isEqualTo(financeOutboxBefore);
        assertThat(world.countFinance(inboxOfConfirmation)).isZero();
    }

    /**
     * Issue 11 points 7, 8 and 9 through the real maps: the resourcing unit reaches staging on every synced actual;
     * the category reaches journal and proposal lines, directly or by the Time default; a corrective draft's
     * "ILD (Replacing) ↔ Billed sales (Original)" connection reaches relationship staging without becoming a
     * billed ↔ unbilled pair for Finance.
     */
    @Test
    void resourcingUnitCategoryAndCorrectionConnectionArriveInFinance() {
        world.buildFinance("C-001");
        var setup = world.finance.setup();
        setup.createProjectCategory("USMF", "Development", "Development");
        setup.createProjectCategory("USMF", "Hours", "Hours");
        setup.setProjectCategoryDefault("USMF", 192350000, "Hours");
        world.buildOperations("C-001");
        var md = world.ops.masterData();
        UUID resourcing = md.createOrganizationalUnit(new OrganizationalUnitInput("Contoso Resourcing", "USD", "USMF"));
        UUID bo = md.createResource(new ResourceInput("Bo Berg", resourcing, List.of(world.developer)));
        UUID development = md.createTransactionCategory("Development");
        DualWriteRuntime runtime = world.startSync(true);
        List<UUID> entries = world.ops.workEntries().createAll(List.of(
                new WorkEntryInput(TransactionClassification.TIME, world.project, null, bo, world.developer,
                        development, null, SyncedWorld.DAY, new BigDecimal("8"), null, null, "Build", null),
                WorkEntryInput.time(world.project, null, bo, world.developer, SyncedWorld.DAY, new BigDecimal("2"),
                        "Review")));
        world.ops.workEntries().submitAll(entries);
        world.ops.workEntries().approveAll(entries);
        List<UUID> unbilled = entries.stream().flatMap(e -> world.ops.actuals().bySource(e).stream())
                .filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES).map(Actual::id).toList();
        world.ops.backlog().markActuals(unbilled, true);

        // (7) Cost and unbilled sales in staging carry the resourcing unit; (8) the category's name travels along.
        assertThat(world.countFinance("SELECT COUNT(*) FROM projcdsactualsimport")).isEqualTo(4);
        assertThat(world.countFinance("SELECT COUNT(*) FROM projcdsactualsimport WHERE resourceoperationunitid = ?",
                resourcing)).isEqualTo(4);
        assertThat(world.countFinance("SELECT COUNT(*) FROM projcdsactualsimport WHERE transactioncategoryid = "
                + "'Development'")).isEqualTo(2);
        world.finance.importFromStaging().run("USMF");
        Map<UUID, String> journalCategories = new HashMap<>();
        world.finance.context().jdbc().query("SELECT actualid, categoryid FROM projintegrationjournalline", rs -> {
            journalCategories.put(rs.getObject(1, UUID.class), rs.getString(2));
        });
        assertThat(journalCategories).hasSize(4);
        for (UUID entry : entries) {
            String expected = entry.equals(entries.get(0)) ? "Development" : "Hours";
            world.ops.actuals().bySource(entry).forEach(a -> assertThat(journalCategories.get(a.id()))
                    .as("journal line of %s", a.transactionType()).isEqualTo(expected));
        }
        world.finance.integrationJournal().postAll("USMF");

        UUID invoice = world.createInvoice();
        world.ops.invoicing().confirmation().confirm(invoice);
        String number = world.ops.context().jdbc().queryForObject("SELECT invoicenumber FROM invoice WHERE invoiceid = ?",
                String.class, invoice);
        assertThat(world.countFinance("SELECT COUNT(*) FROM projcdsactualsimport WHERE transtype = 192350006 AND "
                + "resourceoperationunitid = ?", resourcing)).isEqualTo(2);
        world.finance.importFromStaging().run("USMF");
        assertThat(world.finance.proposals().lines().lines(number)).extracting(ProposalLine::categoryId)
                .containsExactlyInAnyOrder("Development", "Hours");

        // (9) Revise: the corrective draft's connection reaches relationship staging as it is in Project Operations.
        List<UUID> billed = world.ops.context().jdbc().queryForList("SELECT msdyn_actualid FROM msdyn_actual WHERE "
                + "msdyn_transactiontypecode = 192350006", UUID.class);
        Map<UUID, List<UUID>> unbilledBefore = world.finance.proposals().relationships().unbilledOf(billed);
        UUID corrective = world.ops.invoicing().revision().revise(invoice, null);
        List<UUID> copies = world.ops.context().jdbc().queryForList("SELECT msdyn_invoicelinetransactionid FROM "
                + "msdyn_invoicelinetransaction WHERE msdyn_invoice = ?", UUID.class, corrective);
        assertThat(copies).hasSize(2);
        for (UUID copy : copies) {
            UUID original = world.ops.context().jdbc().queryForObject("SELECT o.tdm_billedsalesactual FROM "
                    + "msdyn_invoicelinetransaction c JOIN msdyn_invoicelinetransaction o ON "
                    + "o.msdyn_invoicelinetransactionid = c.msdyn_originalinvoicelinedetail WHERE "
                    + "c.msdyn_invoicelinetransactionid = ?", UUID.class, copy);
            assertThat(world.countFinance("SELECT COUNT(*) FROM projcdstransactionrelationshipimport WHERE "
                    + "transaction1id = ? AND transaction1role = 690970102 AND transaction1type = "
                    + "'msdyn_invoicelinetransaction' AND transaction2id = ? AND transaction2role = 690970101 AND "
                    + "transaction2type = 'msdyn_actual'", copy, original)).isEqualTo(1);
        }
        assertThat(world.finance.proposals().relationships().unbilledOf(billed)).isEqualTo(unbilledBefore);
        assertThat(runtime.reconcile("msdyn_transactionconnections").consistent()).isTrue();

        // Deleting the draft deletes the connection in Project Operations (§4.1); relationship staging is upsert-only
        // and keeps its row, which Finance reads for nothing.
        world.ops.invoicing().drafts().deleteInvoice(corrective);
        assertThat(world.countOps("SELECT COUNT(*) FROM msdyn_transactionconnection WHERE msdyn_transaction1role = "
                + "690970102 AND msdyn_transaction1type = 'msdyn_invoicelinetransaction'")).isZero();
        assertThat(runtime.reconcile("msdyn_transactionconnections").consistent()).isTrue();
        for (String map : List.of("invoices", "msdyn_actuals")) {
            assertThat(runtime.reconcile(map).consistent()).as(map + ": " + runtime.reconcile(map).samples()).isTrue();
        }
    }
}
