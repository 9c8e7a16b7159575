package dev.tandem.monthend;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsError;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.backlog.ReadyToInvoice.ActualsMarked;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The project manager's month end in Project Operations: mark the backlog Ready to invoice as of a date, create one
 * proforma invoice per contract (and per line customer, as the app splits them) and confirm each (§5 steps 5–9).
 * Confirmation sends the invoice, its billed sales actuals and their transaction connections to Finance in the same
 * transaction.
 *
 * <p>Not-to-exceed (§4.5) is Project Operations' rule ({@code ProjectOperations.readyToInvoice()}): it marks the
 * backlog Ready up to the limit and says which actuals it held back; this step only counts them. Drafts left by an
 * interrupted earlier run are confirmed.
 */
final class InvoicingStep {

    private final ProjectOperations ops;

    InvoicingStep(ProjectOperations ops) {
        this.ops = ops;
    }

    /** Counts of the step: actuals and milestones marked Ready, NTE-held actuals, invoices created and confirmed. */
    record Outcome(int actualsReady, int milestonesReady, int nteHeld, int invoicesCreated, int invoicesConfirmed) {
    }

    /** What marking the backlog Ready did over all contracts. */
    private record Ready(int actuals, int milestones, int held) {

        Ready plus(ActualsMarked marked, int milestonesMarked) {
            return new Ready(actuals + marked.marked().size(), milestones + milestonesMarked,
                    held + marked.held().size());
        }
    }

    Outcome run(Collection<UUID> contracts, LocalDate asOf, Progress progress) {
        Ready ready = progress.compute("Ready to invoice", contracts.size(), bar -> {
            Ready sum = new Ready(0, 0, 0);
            for (UUID contract : contracts) {
                sum = sum.plus(ops.readyToInvoice().markActualsUpToLimit(contract, asOf),
                        ops.readyToInvoice().markMilestonesDue(contract, asOf).size());
                bar.step();
            }
            return sum;
        });
        List<UUID> drafts = new ArrayList<>();
        int created = progress.compute("Create invoices", contracts.size(), bar -> {
            int made = 0;
            for (UUID contract : contracts) {
                try {
                    made += ops.invoicing().creation().createForContract(contract, asOf).size();
                } catch (TandemException e) {
                    if (e.errorCode() != OperationsError.NOTHING_TO_INVOICE) {
                        throw e;
                    }
                }
                drafts.addAll(ops.invoiceQueries().draftsOfContract(contract));
                bar.step();
            }
            return made;
        });
        int confirmed = progress.compute("Confirm invoices", drafts.size(), bar -> {
            for (UUID invoice : drafts) {
                ops.invoicing().confirmation().confirm(invoice);
                bar.step();
            }
            return drafts.size();
        });
        return new Outcome(ready.actuals(), ready.milestones(), ready.held(), created, confirmed);
    }
}
