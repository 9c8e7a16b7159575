package dev.tandem.monthend;

import dev.tandem.finance.Finance;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.monthend.input.RunInput;
import dev.tandem.monthend.report.RunReport;
import dev.tandem.monthend.report.RunReport.ThisRun;
import dev.tandem.monthend.report.RunReport.WorkCount;
import dev.tandem.monthend.report.RunReportBuilder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The main job (issue 6, DESIGN §1): load a checked input folder into both apps, approve the work, mark the backlog
 * Ready as of a date, create and confirm proforma invoices, let the maps carry them to Finance, import from staging,
 * post the integration journals and the invoice proposals (the maps write the results back), then write the PDFs,
 * the ledger CSV and the report, and reconcile both databases.
 *
 * <p>Every step is idempotent on the same input (rows are found by key, work rows by source key), so running again
 * after a failure or on purpose bills nothing twice.
 */
public final class MonthEndRun {

    /**
     * The steps of the month end in order, as the progress output names them (each one shows a bar when it starts;
     * the crash test of issue 14 aims its kills at them).
     */
    public static final java.util.List<String> STEPS = java.util.List.of("Load setup and contracts", "Approve time",
            "Approve expenses", "Ready to invoice", "Create invoices", "Confirm invoices", "Import and post journals",
            "Post invoice proposals", "Write invoice PDFs", "Write general ledger", "Reconcile and write report");

    private static final String LOAD_STEP = STEPS.get(0);
    private static final String REPORT_STEP = STEPS.getLast();

    private final ProjectOperations ops;
    private final Finance finance;
    private final ReconcileCheck reconciliation;
    private final Progress progress;

    /**
     * @param ops            the Project Operations app (its published API only)
     * @param finance        the Finance app (its published API only)
     * @param reconciliation the check of both databases after the run (the server wires it)
     * @param progress       where the long steps report progress
     */
    public MonthEndRun(ProjectOperations ops, Finance finance, ReconcileCheck reconciliation, Progress progress) {
        this.ops = ops;
        this.finance = finance;
        this.reconciliation = reconciliation;
        this.progress = progress;
    }

    /**
     * Runs the month end.
     *
     * @param input the checked input folder
     * @param asOf  the date to invoice as of: work and milestones dated on or before it are invoiced, on an invoice
     *              of this date
     * @param out   the folder for PDFs, {@code report.json} and {@code general-ledger.csv} (created if missing)
     * @return the report (also written to {@code out/report.json})
     * @throws dev.tandem.common.TandemException when an app refuses a step (the message names the rule and the row)
     */
    public RunReport run(RunInput input, LocalDate asOf, Path out) {
        String le = input.company().legalEntity();
        Loaded loaded = progress.compute(LOAD_STEP, 3, bar -> {
            int loadedCustomers = new FinanceSetupLoader(finance).load(input);
            bar.step();
            Map<String, UUID> loadedContracts = new OperationsLoader(ops).load(input);
            bar.step();
            new WorkLoader(ops).approvePending();
            bar.step();
            return new Loaded(loadedCustomers, loadedContracts);
        });
        int customers = loaded.customers();
        Map<String, UUID> contracts = loaded.contracts();
        WorkLoader work = new WorkLoader(ops);
        WorkLoader.Loaded time = work.load(input.time(), progress, "Approve time");
        WorkLoader.Loaded expenses = work.load(input.expenses(), progress, "Approve expenses");
        InvoicingStep.Outcome invoicing = new InvoicingStep(ops).run(contracts.values(), asOf, progress);
        FinancePostingStep.Outcome posting = new FinancePostingStep(finance).run(le, progress);
        RunOutputs.Written written = new RunOutputs(finance).write(le, out, progress);
        ThisRun thisRun = new ThisRun(customers, count(time), count(expenses), invoicing.actualsReady(),
                invoicing.milestonesReady(), invoicing.nteHeld(), invoicing.invoicesCreated(),
                invoicing.invoicesConfirmed(), posting.journalLines(), posting.importErrors(),
                posting.journalsPosted(), posting.proposalsPosted(), posting.proposalIssues(), written.pdfs().size(),
                written.eInvoices().files().size(), written.eInvoices().skipped(), written.ledgerRows());
        return progress.compute(REPORT_STEP, 1, bar -> {
            RunReport report = new RunReportBuilder(ops, finance).build(input, asOf, thisRun, written.pdfs(),
                    reconciliation.check());
            RunOutputs.writeReport(report, out.resolve("report.json"));
            bar.step();
            return report;
        });
    }

    /** The first step's results: customers loaded into Finance, and the contracts by their number. */
    private record Loaded(int customers, Map<String, UUID> contracts) {
    }

    private static WorkCount count(WorkLoader.Loaded loaded) {
        return new WorkCount(loaded.rows(), loaded.created(), loaded.loadedBefore(), loaded.nonBillable());
    }

}
