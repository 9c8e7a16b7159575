package dev.tandem.operations.invoicing.schedule;

import static dev.tandem.operations.OperationsError.INVALID_INPUT;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.contracts.ContractStatus;
import dev.tandem.operations.contracts.MilestoneInvoiceStatus;
import dev.tandem.operations.invoicing.InvoiceCreation;
import dev.tandem.operations.invoicing.schedule.RunSummary.ContractRun;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The scheduled invoice run (§8 "Automatic invoice creation", [D:AUTO]; §3.5, §4.9): creates the drafts of every
 * contract line whose invoice run date is due. Whoever triggers it (a daily job, the CLI, a test) passes the run
 * date; the run is idempotent, so triggering it twice, or on two nodes, creates nothing twice.
 *
 * <p>Due are the schedule rows with Run Status Not Run and an invoice run date on or before the run date, of
 * confirmed contracts (rows of draft contracts wait, Not Run, until the contract is confirmed), plus the Ready
 * milestones of confirmed contracts dated on or before the run date. Rows are grouped by contract and invoice run
 * date, oldest date first: the lines of one contract with the same run date combine into one draft per contract
 * customer, dated the run date ([D:AUTO]). Each group is run in its own transaction, so one failing contract does
 * not stop the others. Each Time and Material line pulls only its own Ready actuals dated on or before the row's
 * transaction cutoff date; fixed-price lines pull their Ready milestones dated on or before the group's run date.
 *
 * <p>Outcome per row, recorded with the run time:
 * <ul>
 *   <li><b>Run Successful</b> with the invoices created;</li>
 *   <li><b>Run Successful</b> with no invoice and the detail {@link InvoiceCreation#NOTHING_TO_INVOICE_TEXT} when
 *       nothing was Ready: the original "skips invoice creation" when "there are no transactions to create invoices
 *       for" ([D:AUTO], §8). An empty period is a normal result, not an error someone has to act on, so it is not
 *       Run Failed;</li>
 *   <li><b>Run Failed</b> with the reason when creating the invoices failed (the group's transaction is rolled back,
 *       nothing of it is kept). A failed row is not run again; the actuals it would have taken stay Ready and are
 *       taken by the line's next run, whose cutoff is later, or by a manual "Create Invoice".</li>
 * </ul>
 * Rows are claimed under a row lock and only while still Not Run, so concurrent runs never run a row twice.
 */
public final class InvoiceRuns {

    /** Longest run detail stored ({@code tdm_rundetail}). */
    static final int DETAIL_LENGTH = 1000;

    /** Creates the drafts of one contract for one run: {@link InvoiceCreation#createForRun}. */
    @FunctionalInterface
    interface ContractInvoicing {
        List<UUID> create(UUID contractId, LocalDate runDate, Collection<UUID> timeAndMaterialLines, LocalDate cutoff);
    }

    private record Group(UUID contractId, LocalDate runDate) {
    }

    private record DueRow(UUID id, UUID lineId, LocalDate cutoff) {
    }

    private final OperationsContext ctx;
    private final ContractInvoicing invoicing;

    public InvoiceRuns(OperationsContext ctx, InvoiceCreation creation) {
        this(ctx, creation::createForRun);
    }

    /** With another way to create a contract's invoices: how the tests make one contract's run fail. */
    InvoiceRuns(OperationsContext ctx, ContractInvoicing invoicing) {
        this.ctx = ctx;
        this.invoicing = invoicing;
    }

    /**
     * Runs everything due on {@code runDate}.
     *
     * @return one outcome per contract and run date that had due rows, or due milestones that were invoiced or
     *         failed; a contract whose due milestones were all taken by an earlier run date is left out
     * @throws TandemException INVALID_INPUT without a run date; failures of single contracts are not thrown but
     *                         recorded on their rows and in the summary
     * @throws IllegalStateException inside a transaction: each contract's run commits on its own
     */
    public RunSummary runDue(LocalDate runDate) {
        if (runDate == null) {
            throw new TandemException(INVALID_INPUT, "A run date is required");
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A scheduled run commits each contract on its own; run it outside a "
                    + "transaction");
        }
        Map<Group, List<DueRow>> groups = dueGroups(runDate);
        List<ContractRun> runs = new ArrayList<>();
        for (var group : groups.entrySet()) {
            ContractRun run = run(group.getKey(), group.getValue());
            if (run != null) {
                runs.add(run);
            }
        }
        return new RunSummary(runDate, List.copyOf(runs));
    }

    /** Due rows grouped by contract and run date, oldest run date first; then milestone-only groups on the run date. */
    private Map<Group, List<DueRow>> dueGroups(LocalDate runDate) {
        Map<Group, List<DueRow>> groups = new LinkedHashMap<>();
        ctx.jdbc().query("SELECT s.tdm_invoicescheduleid, s.salesorderid, s.salesorderdetailid, s.tdm_invoicerundate, "
                + "s.tdm_transactioncutoffdate FROM " + InvoiceSchedules.TABLE + " s JOIN salesorder c "
                + "ON c.salesorderid = s.salesorderid WHERE s.tdm_runstatus = ? AND s.tdm_invoicerundate <= ? "
                + "AND c.tdm_contractstatus = ? ORDER BY s.tdm_invoicerundate, c.ordernumber, s.salesorderdetailid", rs -> {
            Group group = new Group(rs.getObject(2, UUID.class), rs.getObject(4, LocalDate.class));
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new DueRow(rs.getObject(1, UUID.class),
                    rs.getObject(3, UUID.class), rs.getObject(5, LocalDate.class)));
        }, RunStatus.NOT_RUN.value(), runDate, ContractStatus.CONFIRMED.value());
        // Milestones dated up to an earlier group's run date go with that group (it runs first); what is left is
        // invoiced on the run date, with the contract's lines due that day if there are any.
        ctx.jdbc().queryForList("SELECT c.salesorderid FROM salesorder c WHERE c.tdm_contractstatus = ? AND EXISTS ("
                + "SELECT 1 FROM msdyn_contractlinescheduleofvalue m WHERE m.msdyn_salescontract = c.salesorderid "
                + "AND m.msdyn_invoicestatus = ? AND m.msdyn_invoicedate <= ?) ORDER BY c.ordernumber", UUID.class,
                ContractStatus.CONFIRMED.value(), MilestoneInvoiceStatus.READY_FOR_INVOICING.value(), runDate)
                .forEach(contractId -> groups.putIfAbsent(new Group(contractId, runDate), new ArrayList<>()));
        return groups;
    }

    /** Runs one group in its own transaction; records Run Failed in a new one when that fails. */
    private ContractRun run(Group group, List<DueRow> rows) {
        List<UUID> rowIds = rows.stream().map(DueRow::id).toList();
        try {
            return ctx.inTransaction(() -> {
                List<UUID> claimed = claim(rowIds);
                if (!rows.isEmpty() && claimed.isEmpty()) {
                    return null; // another run took these rows since they were read
                }
                List<UUID> lines = rows.stream().filter(r -> claimed.contains(r.id())).map(DueRow::lineId).toList();
                LocalDate cutoff = rows.isEmpty() ? group.runDate().minusDays(1) : rows.get(0).cutoff();
                List<UUID> invoices = invoicing.create(group.contractId(), group.runDate(), lines, cutoff);
                if (claimed.isEmpty() && invoices.isEmpty()) {
                    return null; // milestones only, and an earlier run date of this contract took them
                }
                String detail = invoices.isEmpty() ? InvoiceCreation.NOTHING_TO_INVOICE_TEXT : null;
                record(claimed, RunStatus.RUN_SUCCESSFUL, detail, invoices);
                return new ContractRun(group.contractId(), group.runDate(), claimed, RunStatus.RUN_SUCCESSFUL,
                        invoices, detail);
            });
        } catch (RuntimeException e) {
            String detail = describe(e);
            List<UUID> failed = ctx.inTransaction(() -> {
                List<UUID> claimed = claim(rowIds);
                record(claimed, RunStatus.RUN_FAILED, detail, List.of());
                return claimed;
            });
            return new ContractRun(group.contractId(), group.runDate(), failed, RunStatus.RUN_FAILED, List.of(), detail);
        }
    }

    /** Locks the rows that are still Not Run and returns their ids. */
    private List<UUID> claim(List<UUID> rowIds) {
        if (rowIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(rowIds);
        args.add(RunStatus.NOT_RUN.value());
        return ctx.jdbc().queryForList("SELECT tdm_invoicescheduleid FROM " + InvoiceSchedules.TABLE
                + " WHERE tdm_invoicescheduleid IN (" + OperationsContext.placeholders(rowIds) + ") AND tdm_runstatus = ? "
                + "ORDER BY tdm_invoicescheduleid FOR UPDATE", UUID.class, args.toArray());
    }

    private void record(List<UUID> rowIds, RunStatus status, String detail, List<UUID> invoices) {
        if (rowIds.isEmpty()) {
            return;
        }
        Map<String, Object> audit = ctx.modified();
        List<Object[]> updates = rowIds.stream().map(id -> new Object[] {status.value(), detail, ctx.now(),
                audit.get("modifiedon"), audit.get("modifiedby"), id}).toList();
        ctx.jdbc().batchUpdate("UPDATE " + InvoiceSchedules.TABLE + " SET tdm_runstatus = ?, tdm_rundetail = ?, "
                + "tdm_runon = ?, modifiedon = ?, modifiedby = ? WHERE tdm_invoicescheduleid = ?", updates);
        List<Object[]> links = new ArrayList<>();
        for (UUID row : rowIds) {
            for (UUID invoice : invoices) {
                links.add(new Object[] {row, invoice});
            }
        }
        ctx.jdbc().batchUpdate("INSERT INTO tdm_invoicescheduleinvoice (tdm_invoicescheduleid, invoiceid) VALUES (?, ?)",
                links);
    }

    /** The reason stored on a failed row: the error code and sentence, cut to the column's length. */
    static String describe(RuntimeException e) {
        String text = e instanceof TandemException t ? t.errorCode().code() + ": " + t.detail()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() <= DETAIL_LENGTH ? text : text.substring(0, DETAIL_LENGTH - 1) + "…";
    }
}
