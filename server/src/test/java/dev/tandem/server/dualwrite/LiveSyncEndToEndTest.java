package dev.tandem.server.dualwrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.TandemException;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.common.testing.TestDatabases;
import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.finance.FinanceSchema;
import dev.tandem.operations.OperationsSchema;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

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

    /** Acceptance 2: 5,000 line details reach Finance in one batch: one header, 5,000 billed-sales rows. */
    @Test
    void aConfirmedInvoiceWithFiveThousandDetailsReachesFinanceInOneBatch() {
        world.buildFinance("C-001");
        world.buildOperations("C-001");
        DualWriteRuntime runtime = world.startSync(true);
        world.readyTime(5000, "1");
        // Approval already sent cost and unbilled sales to staging (Skip Sync rows excepted).
        assertThat(world.countFinance("SELECT COUNT(*) FROM projcdsactualsimport")).isEqualTo(10_000);
        UUID invoice = world.createInvoice();
        String number = world.ops.context().jdbc().queryForObject("SELECT invoicenumber FROM invoice WHERE invoiceid = ?",
                String.class, invoice);

        world.ops.invoicing().confirmation().confirm(invoice);

        assertThat(world.countFinance("SELECT COUNT(*) FROM projproposaljour WHERE proposalid = ?", number))
                .isEqualTo(1);
        assertThat(world.countFinance("SELECT COUNT(*) FROM projcdsactualsimport WHERE transtype = 192350006 AND "
                + "invoiceid = ?", number)).isEqualTo(5000);
        // One source transaction, one batch: the header and the 5,000 rows share the inbox batch id.
        List<UUID> batches = world.finance.context().jdbc().queryForList("SELECT batch_id FROM dw_inbox WHERE map_id IN "
                + "('invoices', 'msdyn_actuals') AND batch_id IN (SELECT batch_id FROM dw_inbox WHERE map_id = "
                + "'invoices')", UUID.class);
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
        // Approval's transaction connections did reach Finance (their map ran): count what was there before.
        int inboxBefore = world.countFinance("SELECT COUNT(*) FROM dw_inbox");

        assertThatThrownBy(() -> world.ops.invoicing().confirmation().confirm(invoice))
                .isInstanceOf(TandemException.class).hasMessageContaining("C-404");

        assertThat(world.ops.context().jdbc().queryForObject("SELECT msdyn_projectinvoicestatus FROM invoice WHERE "
                + "invoiceid = ?", Integer.class, invoice)).isEqualTo(192350000);
        assertThat(world.countOps("SELECT COUNT(*) FROM msdyn_actual")).isEqualTo(actualsBefore);
        assertThat(world.countOps("SELECT COUNT(*) FROM dw_outbox")).isEqualTo(outboxBefore);
        assertThat(world.countFinance("SELECT COUNT(*) FROM projproposaljour")).isZero();
        assertThat(world.countFinance("SELECT COUNT(*) FROM projcdsactualsimport")).isZero();
        assertThat(world.countFinance("SELECT COUNT(*) FROM dw_outbox")).isEqualTo(financeOutboxBefore);
        assertThat(world.countFinance("SELECT COUNT(*) FROM dw_inbox")).isEqualTo(inboxBefore);
    }
}
