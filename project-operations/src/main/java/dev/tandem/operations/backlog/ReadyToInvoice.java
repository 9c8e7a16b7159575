package dev.tandem.operations.backlog;

import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.backlog.BillingBacklog.Filter;
import dev.tandem.operations.contracts.ContractRecords.Milestone;
import dev.tandem.operations.contracts.MilestoneInvoiceStatus;
import dev.tandem.operations.actuals.NteStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The project manager's "mark the backlog Ready to invoice as of a date" for one contract (§5 step 5, §4.2, §4.6),
 * with the not-to-exceed rule of §4.5 and §11 rule 3 applied here rather than by the caller: an unbilled sales
 * actual whose NTE status is Failed (the limit was reached when it was approved) or Not Evaluated (reset, not
 * re-evaluated) is not marked but held back, and the answer says which and why; every other actual of the backlog
 * dated on or before the date is marked, in one transaction.
 */
public final class ReadyToInvoice {

    /** Backlog page size while collecting a contract's actuals. */
    /** At most this many milestones of one contract are marked by one call. */
    private static final int MILESTONES = 10_000;

    private final OperationsContext ctx;
    private final BillingBacklog backlog;

    public ReadyToInvoice(OperationsContext ctx, BillingBacklog backlog) {
        this.ctx = ctx;
        this.backlog = backlog;
    }

    /** Why an actual was held back instead of being marked Ready. */
    public enum HeldReason {
        /** NTE status Failed: approving it would pass a not-to-exceed limit (§4.5; "NTE Failed blocks Ready"). */
        NTE_FAILED,
        /** NTE status Not Evaluated: its limits were reset and it must be re-evaluated before it can be Ready. */
        NTE_NOT_EVALUATED
    }

    /** An actual held back: its id, document date, reason, and the NTE detail the app recorded (may be null). */
    public record Held(UUID actualId, LocalDate documentDate, HeldReason reason, String detail) {
    }

    /**
     * What {@link #markActualsUpToLimit} did: the actuals marked Ready now (in date order) and those held back; actuals
     * already Ready are in neither.
     */
    public record ActualsMarked(List<UUID> marked, List<Held> held) {

        public ActualsMarked {
            marked = List.copyOf(marked);
            held = List.copyOf(held);
        }
    }

    /**
     * Marks the contract's billing backlog of time-and-material actuals (unbilled sales, document date on or before
     * {@code asOf}) Ready to invoice up to the not-to-exceed limit: those the limits hold back (§4.5) stay Not ready
     * and are listed with their reason. One transaction: all are marked or none.
     *
     * @param contract the project contract
     * @param asOf     the last document date to mark
     * @return the actuals marked and those held back
     * @throws dev.tandem.common.TandemException as {@link BillingBacklog#markActuals} for an actual that is not
     *                                           markable for another reason than its NTE status
     */
    public ActualsMarked markActualsUpToLimit(UUID contract, LocalDate asOf) {
        return ctx.inTransaction(() -> {
            List<UUID> marked = new ArrayList<>();
            List<Held> held = new ArrayList<>();
            Filter filter = new Filter(contract, null, null, null, asOf, false);
            backlog.forEachTimeAndMaterial(filter, a -> {
                if (a.billingStatus() == BillingStatus.READY_TO_INVOICE) {
                    return;
                }
                if (a.nteStatus() == NteStatus.FAILED) {
                    held.add(new Held(a.id(), a.documentDate(), HeldReason.NTE_FAILED, a.nteDetail()));
                } else if (a.nteStatus() == NteStatus.NOT_EVALUATED) {
                    held.add(new Held(a.id(), a.documentDate(), HeldReason.NTE_NOT_EVALUATED, a.nteDetail()));
                } else {
                    marked.add(a.id());
                }
            });
            if (!marked.isEmpty()) {
                backlog.markActuals(marked, true);
            }
            return new ActualsMarked(marked, held);
        });
    }

    /**
     * Marks the contract's milestones dated on or before {@code asOf} that are Not ready for invoicing Ready for
     * invoicing (§4.6).
     *
     * @return the milestones marked now
     * @throws dev.tandem.common.TandemException as {@link BillingBacklog#markMilestones}
     */
    public List<UUID> markMilestonesDue(UUID contract, LocalDate asOf) {
        return ctx.inTransaction(() -> {
            List<UUID> due = backlog.milestones(new Filter(contract, null, null, null, asOf, false), 0, MILESTONES)
                    .items().stream().filter(m -> m.status() == MilestoneInvoiceStatus.NOT_READY_FOR_INVOICING)
                    .map(Milestone::id).toList();
            if (!due.isEmpty()) {
                backlog.markMilestones(due, true);
            }
            return due;
        });
    }
}
