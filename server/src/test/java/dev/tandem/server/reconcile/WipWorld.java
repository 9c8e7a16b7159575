package dev.tandem.server.reconcile;

import dev.tandem.finance.setup.FinanceSetup.ProfileInput;
import dev.tandem.finance.setup.ProfileRuleLevel;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.invoicing.InvoiceRecords.DetailEdit;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import dev.tandem.operations.invoicing.InvoiceStatus;
import dev.tandem.operations.work.WorkEntryInput;
import dev.tandem.server.dualwrite.SyncedWorld;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The §6 worked example's world with live sync, for the WIP tests of issue 11: Finance's setup of {@link SyncedWorld}
 * (legal entity USMF, customer C-001, project P-001) with a project-level profile rule that either accrues revenue
 * (WIP sales value 140100 / accrued revenue 401100) or not, and the Project Operations T&M contract PC-001 at cost 100
 * and bill 200 USD an hour. Each step is one call, so that tests (and the property test) can compose month ends.
 */
final class WipWorld {

    static final String LE = ReconcileWorld.LE;
    static final String WIP_ACCOUNT = "140100";
    static final String ACCRUED_ACCOUNT = "401100";

    final SyncedWorld synced;
    final ProjectOperations ops;
    final JdbcTemplate opsDb;
    final JdbcTemplate financeDb;
    final Reconciliation reconciliation;

    WipWorld(DataSource operations, DataSource finance, boolean accrueRevenue) {
        synced = new SyncedWorld(operations, finance);
        ops = synced.ops;
        opsDb = ops.context().jdbc();
        financeDb = synced.finance.context().jdbc();
        synced.startSync(true);
        synced.buildFinance("C-001");
        var setup = synced.finance.setup();
        setup.createProfile(LE, new ProfileInput("WIP", accrueRevenue ? "T&M, accrue revenue" : "T&M, no WIP",
                accrueRevenue, "600100", "600900", accrueRevenue ? WIP_ACCOUNT : null,
                accrueRevenue ? ACCRUED_ACCOUNT : null, "401000", "401200", "140200", "110000", "220000"));
        setup.createProfileRule(LE, ProfileRuleLevel.PROJECT, "P-001", "WIP");
        synced.buildOperationsWithSyncedCustomer("C-001");
        reconciliation = new Reconciliation(ops, synced.finance, synced.runtime);
    }

    /** Approves one time entry of {@code hours}; returns its unbilled sales actual. */
    UUID approve(BigDecimal hours) {
        List<UUID> entries = ops.workEntries().createAll(List.of(WorkEntryInput.time(synced.project(), null,
                synced.resource(), synced.developer(), SyncedWorld.DAY, hours, "Build")));
        ops.workEntries().submitAll(entries);
        ops.workEntries().approveAll(entries);
        return ops.actuals().bySource(entries.get(0)).stream()
                .filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES).map(Actual::id).findFirst()
                .orElseThrow();
    }

    /** Marks every unbilled sales actual of the backlog Ready (those not on an invoice and not adjusted). */
    int markBacklogReady() {
        List<UUID> ids = opsDb.queryForList("SELECT msdyn_actualid FROM msdyn_actual WHERE msdyn_transactiontypecode = ?"
                + " AND msdyn_invoice IS NULL AND msdyn_adjustmentstatus IS NULL AND (msdyn_billingstatus IS NULL OR"
                + " msdyn_billingstatus = ?)", UUID.class, TransactionType.UNBILLED_SALES.value(),
                BillingStatus.UNBILLED_SALES_CREATED.value());
        if (!ids.isEmpty()) {
            ops.backlog().markActuals(ids, true);
        }
        return ids.size();
    }

    /** A draft invoice of the Ready backlog, or {@code null} when there is nothing to invoice. */
    UUID createInvoice() {
        if (markBacklogReady() == 0 && opsDb.queryForObject("SELECT COUNT(*) FROM msdyn_actual WHERE msdyn_billingstatus"
                + " = ?", Integer.class, BillingStatus.READY_TO_INVOICE.value()) == 0) {
            return null;
        }
        List<UUID> created = ops.invoicing().creation().createForContract(synced.contract(), SyncedWorld.INVOICE_DATE);
        return created.isEmpty() ? null : created.get(0);
    }

    List<LineDetail> details(UUID invoice) {
        return ops.invoicing().store().details(invoice);
    }

    void edit(UUID detail, DetailEdit edit) {
        ops.invoicing().drafts().edit(detail, edit);
    }

    void confirm(UUID invoice) {
        ops.invoicing().confirmation().confirm(invoice);
    }

    /** Import from staging and posting of every draft integration journal. */
    void importAndPostJournals() {
        importFromStaging();
        postJournals();
    }

    void importFromStaging() {
        synced.finance.importFromStaging().run(LE);
    }

    void postJournals() {
        synced.finance.integrationJournal().postAll(LE);
    }

    /**
     * Posts the proposal of a confirmed invoice, after an Import from staging that gives it its lines (they wait for
     * the unbilled sales behind them to be journalized, §5 step 12).
     */
    void postProposal(UUID invoice) {
        importFromStaging();
        synced.finance.proposals().posting().post(LE, number(invoice));
    }

    /** A corrective invoice crediting every line detail of a confirmed invoice in full (quantity 0). */
    UUID creditInFull(UUID invoice) {
        return ops.invoicing().revision().revise(invoice, details(invoice).stream().map(LineDetail::id).toList());
    }

    String number(UUID invoice) {
        return opsDb.queryForObject("SELECT invoicenumber FROM invoice WHERE invoiceid = ?", String.class, invoice);
    }

    InvoiceStatus status(UUID invoice) {
        Integer value = opsDb.queryForObject("SELECT msdyn_projectinvoicestatus FROM invoice WHERE invoiceid = ?",
                Integer.class, invoice);
        return dev.tandem.operations.OptionValue.of(InvoiceStatus.class, value);
    }

    /** Ledger balance of an account for the project, in USD (debit +). */
    BigDecimal balance(String account) {
        BigDecimal b = financeDb.queryForObject("SELECT COALESCE(SUM(amountcur), 0) FROM generaljournalentry WHERE "
                + "dataareaid = ? AND mainaccountid = ? AND projid = 'P-001'", BigDecimal.class, LE, account);
        return b.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /** The trial balance: the sum of every ledger line, in transaction and in accounting currency. */
    BigDecimal[] trialBalance() {
        return financeDb.queryForObject("SELECT COALESCE(SUM(amountcur), 0), COALESCE(SUM(accountingamount), 0) FROM "
                + "generaljournalentry WHERE dataareaid = ?", (rs, n) -> new BigDecimal[] {rs.getBigDecimal(1),
                        rs.getBigDecimal(2)}, LE);
    }

    ReconcileReport reconcile() {
        return reconciliation.check();
    }

    void close() {
        if (synced.runtime != null) {
            synced.runtime.close();
        }
    }
}
