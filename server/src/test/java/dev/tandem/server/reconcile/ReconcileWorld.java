package dev.tandem.server.reconcile;

import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.ContractRecords.ContractInput;
import dev.tandem.operations.contracts.ContractRecords.ContractLineInput;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import dev.tandem.operations.masterdata.MasterData.OrganizationalUnitInput;
import dev.tandem.operations.masterdata.MasterData.ProjectInput;
import dev.tandem.operations.masterdata.MasterData.ResourceInput;
import dev.tandem.operations.pricing.PriceListContext;
import dev.tandem.operations.pricing.PriceLists.PriceListInput;
import dev.tandem.operations.work.WorkEntryInput;
import dev.tandem.server.dualwrite.SyncedWorld;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A world that went through the whole chain with live sync from the start, so every mapped row has its counterpart:
 * Finance's setup (legal entity, customer, project, posting setup) syncs to Project Operations, which builds a T&M
 * contract on the synced customer; three approved time entries reach staging, Finance imports and posts their
 * journal, the invoice INV-000001 is confirmed, imported and posted, and then its first line detail is fully
 * credited by a corrective invoice INV-000002, which is confirmed, imported and posted in turn.
 */
final class ReconcileWorld {

    static final String LE = "USMF";

    final SyncedWorld synced;
    final ProjectOperations ops;
    final JdbcTemplate opsDb;
    final JdbcTemplate financeDb;
    String invoice;
    String correctiveInvoice;
    /** The billed sales actual the corrective invoice credits. */
    UUID creditedBilled;

    ReconcileWorld(DataSource operations, DataSource finance) {
        synced = new SyncedWorld(operations, finance);
        ops = synced.ops;
        opsDb = ops.context().jdbc();
        financeDb = synced.finance.context().jdbc();
    }

    /** Builds and runs the chain; the runtime stays running. */
    ReconcileWorld build() {
        synced.startSync(true);
        synced.buildFinance("C-001");
        UUID contract = buildOperations();
        postJournals();
        UUID first = ops.invoicing().creation().createForContract(contract, SyncedWorld.INVOICE_DATE).get(0);
        invoice = confirmAndPost(first);
        LineDetail credited = ops.invoicing().store().details(first).get(0);
        creditedBilled = credited.billedSalesActualId();
        UUID corrective = ops.invoicing().revision().revise(first, List.of(credited.id()));
        correctiveInvoice = confirmAndPost(corrective);
        return this;
    }

    private UUID buildOperations() {
        var md = ops.masterData();
        UUID unit = md.createOrganizationalUnit(new OrganizationalUnitInput("Contoso US", "USD", LE));
        // The customer came from Finance through the Customers V3 map.
        UUID customer = opsDb.queryForObject("SELECT accountid FROM account WHERE accountnumber = 'C-001'", UUID.class);
        UUID project = md.createProject(new ProjectInput("P-001", "ERP rollout", unit, customer));
        UUID developer = md.createRole("Developer");
        UUID resource = md.createResource(new ResourceInput("Ana Silva", unit, List.of(developer)));
        UUID costList = ops.priceLists().create(new PriceListInput("Cost 2026", PriceListContext.COST, "USD",
                LocalDate.of(2026, 1, 1), null));
        ops.priceLists().setRolePrice(costList, developer, new BigDecimal("100"));
        ops.priceLists().attachCostPriceList(unit, costList);
        UUID salesList = ops.priceLists().create(new PriceListInput("Sales 2026", PriceListContext.SALES, "USD",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        ops.priceLists().setRolePrice(salesList, developer, new BigDecimal("200"));
        UUID contract = ops.contracts().create(new ContractInput("PC-001", "ERP rollout T&M", customer, unit, "USD",
                salesList, null));
        ops.contracts().addLine(contract, new ContractLineInput("Development", BillingMethod.TIME_AND_MATERIAL,
                project, true, true, true, true, List.of(), null, null));
        ops.contracts().confirm(contract);
        List<WorkEntryInput> inputs = new ArrayList<>();
        for (String hours : List.of("8", "6", "4")) {
            inputs.add(WorkEntryInput.time(project, null, resource, developer, SyncedWorld.DAY, new BigDecimal(hours),
                    "Build"));
        }
        List<UUID> entries = ops.workEntries().createAll(inputs);
        ops.workEntries().submitAll(entries);
        ops.workEntries().approveAll(entries);
        List<UUID> unbilled = new ArrayList<>();
        for (UUID entry : entries) {
            ops.actuals().bySource(entry).stream().filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES)
                    .map(Actual::id).forEach(unbilled::add);
        }
        ops.backlog().markActuals(unbilled, true);
        return contract;
    }

    /** Import from staging and posting of the integration journals: cost and unbilled sales get their vouchers. */
    private void postJournals() {
        synced.finance.importFromStaging().run(LE);
        synced.finance.integrationJournal().postAll(LE);
    }

    /** Confirms a proforma invoice, imports its billed sales into the proposal and posts it; answers its number. */
    private String confirmAndPost(UUID invoiceId) {
        ops.invoicing().confirmation().confirm(invoiceId);
        String number = opsDb.queryForObject("SELECT invoicenumber FROM invoice WHERE invoiceid = ?", String.class,
                invoiceId);
        postJournals();
        synced.finance.proposals().posting().post(LE, number);
        return number;
    }

    void close() {
        if (synced.runtime != null) {
            synced.runtime.close();
        }
    }
}
