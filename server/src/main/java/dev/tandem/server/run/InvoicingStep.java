package dev.tandem.server.run;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsError;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.backlog.BillingBacklog.Filter;
import dev.tandem.operations.contracts.ContractRecords.Milestone;
import dev.tandem.operations.contracts.MilestoneInvoiceStatus;
import dev.tandem.operations.invoicing.InvoiceStatus;
import dev.tandem.operations.actuals.NteStatus;
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
 * <p>Not-to-exceed (§4.5): actuals whose NTE validation failed at approval stay in the backlog; the others are marked
 * Ready in date order, and when marking one would pass the limit it stays Not ready with the rest of the contract's
 * backlog after it (the app refuses it with NTE_FAILED). Drafts left by an interrupted earlier run are confirmed.
 */
final class InvoicingStep {

    private final ProjectOperations ops;

    InvoicingStep(ProjectOperations ops) {
        this.ops = ops;
    }

    /** Counts of the step: actuals and milestones marked Ready, NTE-held actuals, invoices created and confirmed. */
    record Outcome(int actualsReady, int milestonesReady, int nteHeld, int invoicesCreated, int invoicesConfirmed) {
    }

    Outcome run(Collection<UUID> contracts, LocalDate asOf, Progress progress) {
        int[] counts = new int[5];
        progress.step("Ready to invoice", contracts.size(), bar -> {
            for (UUID contract : contracts) {
                int[] ready = markReady(contract, asOf);
                counts[0] += ready[0];
                counts[2] += ready[1];
                counts[1] += markMilestones(contract, asOf);
                bar.step();
            }
        });
        List<UUID> drafts = new ArrayList<>();
        for (UUID contract : contracts) {
            try {
                List<UUID> created = ops.invoicing().creation().createForContract(contract, asOf);
                counts[3] += created.size();
            } catch (TandemException e) {
                if (e.errorCode() != OperationsError.NOTHING_TO_INVOICE) {
                    throw e;
                }
            }
            drafts.addAll(ops.context().jdbc().queryForList("SELECT invoiceid FROM invoice WHERE salesorderid = ? "
                    + "AND msdyn_projectinvoicestatus = ? ORDER BY invoicenumber", UUID.class, contract,
                    InvoiceStatus.DRAFT.value()));
        }
        progress.step("Confirm invoices", drafts.size(), bar -> {
            for (UUID invoice : drafts) {
                ops.invoicing().confirmation().confirm(invoice);
                counts[4]++;
                bar.step();
            }
        });
        return new Outcome(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    /** @return {marked Ready, held by NTE} */
    private int[] markReady(UUID contract, LocalDate asOf) {
        List<Actual> candidates = new ArrayList<>();
        int held = 0;
        for (int page = 0; ; page++) {
            var backlog = ops.backlog().timeAndMaterial(new Filter(contract, null, null, null, asOf, false), page, 1000);
            for (Actual a : backlog.items()) {
                if (a.billingStatus() == BillingStatus.READY_TO_INVOICE) {
                    continue;
                }
                if (a.nteStatus() == NteStatus.FAILED) {
                    held++;
                } else {
                    candidates.add(a);
                }
            }
            if (backlog.items().size() < 1000) {
                break;
            }
        }
        if (candidates.isEmpty()) {
            return new int[] {0, held};
        }
        List<UUID> ids = candidates.stream().map(Actual::id).toList();
        try {
            ops.backlog().markActuals(ids, true);
            return new int[] {ids.size(), held};
        } catch (TandemException e) {
            if (e.errorCode() != OperationsError.NTE_FAILED) {
                throw e;
            }
        }
        // The limit is reached within this backlog: mark in date order until the first refusal.
        int marked = 0;
        for (UUID id : ids) {
            try {
                ops.backlog().markActuals(List.of(id), true);
                marked++;
            } catch (TandemException e) {
                if (e.errorCode() != OperationsError.NTE_FAILED) {
                    throw e;
                }
                return new int[] {marked, held + ids.size() - marked};
            }
        }
        return new int[] {marked, held};
    }

    private int markMilestones(UUID contract, LocalDate asOf) {
        List<UUID> due = ops.backlog().milestones(new Filter(contract, null, null, null, asOf, false), 0,
                10_000).items().stream()
                .filter(m -> m.status() == MilestoneInvoiceStatus.NOT_READY_FOR_INVOICING).map(Milestone::id).toList();
        if (!due.isEmpty()) {
            ops.backlog().markMilestones(due, true);
        }
        return due.size();
    }
}
