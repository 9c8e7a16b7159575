package dev.tandem.monthend;

import dev.tandem.monthend.report.RunReport;
import dev.tandem.monthend.report.RunReport.ActualCount;
import dev.tandem.monthend.report.RunReport.CurrencyTotal;
import dev.tandem.monthend.report.RunReport.CustomerTotal;
import dev.tandem.monthend.report.RunReport.Hours;
import dev.tandem.monthend.report.RunReport.Invariant;
import dev.tandem.monthend.report.RunReport.Invoices;
import dev.tandem.monthend.report.RunReport.Proposals;
import dev.tandem.monthend.report.RunReport.ThisRun;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;

/** The summary {@code tandem run} prints on the terminal: counts, totals per customer and currency, vouchers, reconcile. */
public final class RunSummary {

    private final RunReport report;
    private final Path out;

    /** @param out the output folder the run wrote to, as the last line names it */
    public RunSummary(RunReport report, Path out) {
        this.report = report;
        this.out = out;
    }

    /** Hours as the terminal shows them, to 2 decimals (report.json has them exact). */
    private static String shown(BigDecimal hours) {
        return hours.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Prints the summary to {@code w}. */
    public void print(PrintWriter w) {
        ThisRun run = report.thisRun();
        w.printf("Month end of %s as of %s%n%n", report.legalEntity(), report.asOf());
        w.println("This run");
        w.printf("  time rows      %6d read, %6d approved now, %6d loaded before, %5d of them non-billable%n",
                run.time().rows(), run.time().created(), run.time().loadedBefore(), run.time().nonBillable());
        w.printf("  expense rows   %6d read, %6d approved now, %6d loaded before%n", run.expenses().rows(),
                run.expenses().created(), run.expenses().loadedBefore());
        w.printf("  backlog        %6d actuals and %d milestones marked Ready, %d actuals held by not-to-exceed%n",
                run.actualsMarkedReady(), run.milestonesMarkedReady(), run.actualsHeldByNotToExceed());
        w.printf("  invoices       %6d proforma invoices created, %d confirmed, %d proposals posted%n",
                run.invoicesCreated(), run.invoicesConfirmed(), run.proposalsPosted());
        w.printf("  journals       %6d lines imported, %d journals posted, %d import errors%n",
                run.journalLinesImported(), run.journalsPosted(), run.importErrors());
        run.proposalIssues().forEach(issue -> w.println("  NOT POSTED     " + issue));
        w.println();
        w.println("Actuals");
        for (ActualCount a : report.actuals()) {
            w.printf("  %-15s %-10s %s %8d  %15s%n", a.transactionType(), a.transactionClass(), a.currency(),
                    a.count(), a.amount().toPlainString());
        }
        Hours hours = report.hours();
        w.printf("%nHours approved %s: %s chargeable, %s non-chargeable, %s complimentary, %s without a contract line%n",
                shown(hours.total()), shown(hours.chargeable()), shown(hours.nonChargeable()),
                shown(hours.complimentary()), shown(hours.notAvailable()));
        Invoices inv = report.invoices();
        w.printf("%nProforma invoices %d (%d posted, %d confirmed, %d in review, %d draft, %d paid)%n", inv.total(),
                inv.posted(), inv.confirmed(), inv.inReview(), inv.draft(), inv.paid());
        Proposals p = report.proposals();
        w.printf("Invoice proposals %d (%d invoiced, %d open, %d submitted, %d approved, %d rejected, %d canceled)%n",
                p.total(), p.invoiced(), p.open(), p.submitted(), p.approved(), p.rejected(), p.canceled());
        w.println();
        w.println("Invoiced per customer");
        for (CustomerTotal c : report.totalsByCustomer()) {
            w.printf("  %-8s %-28s %s %4d invoices %15s%n", c.customer(), c.name(), c.currency(), c.invoices(),
                    c.invoiced().toPlainString());
        }
        w.println("Invoiced per currency (posted invoices = AR customer transactions = PDFs)");
        for (CurrencyTotal t : report.totals()) {
            w.printf("  %s %4d invoices %15s = %15s = %15s%n", t.currency(), t.invoices(), t.invoiced().toPlainString(),
                    t.customerTransactions().toPlainString(), t.pdf().toPlainString());
        }
        w.printf("%nVouchers %d posted, %d unbalanced%n", report.vouchers().count(), report.vouchers().unbalanced());
        w.println();
        w.println("Reconcile (DESIGN §4)");
        for (Invariant i : report.reconcile().invariants()) {
            w.printf("  %-4s %d %-50s checked %d, violations %d%n", i.violations() == 0 ? "ok" : "FAIL", i.number(),
                    i.name(), i.checked(), i.violations());
        }
        w.printf("reconcile.ok = %s%n%n", report.reconcile().ok());
        w.printf("Wrote %d invoice PDFs, %d e-invoices (Peppol BIS 3.0 XML), %s (%d rows) and report.json to %s%n",
                run.pdfsWritten(), run.eInvoicesWritten(), RunOutputs.LEDGER_FILE, run.ledgerRows(),
                out.toAbsolutePath().normalize());
        for (String skipped : run.eInvoicesSkipped()) {
            w.printf("  no e-invoice: %s%n", skipped);
        }
    }
}
