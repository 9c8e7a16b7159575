package dev.tandem.operations.work;

import dev.tandem.operations.OperationsContext;
import java.util.List;
import java.util.UUID;

/**
 * Work entries created from a source (a time-tracker export, an expense file: {@code tdm_sourcekey} set, see
 * {@link WorkEntries#createFromSources}) whose creator did not finish with them: a batch load that creates, submits
 * and approves its entries in separate transactions (as loads before {@link WorkEntries#approveFromSources} did, which
 * does all three in one) and stops in between leaves Draft or Submitted entries that only it knows to approve (§5
 * steps 2–4).
 */
public final class SourcedWork {

    private final OperationsContext ctx;
    private final WorkEntries entries;

    public SourcedWork(OperationsContext ctx, WorkEntries entries) {
        this.ctx = ctx;
        this.entries = entries;
    }

    /** What {@link #approvePending} did: the entries approved, and of them those it had to submit first. */
    public record PendingApproved(List<UUID> approved, List<UUID> submitted) {

        public PendingApproved {
            approved = List.copyOf(approved);
            submitted = List.copyOf(submitted);
        }
    }

    /**
     * Submits the Draft entries created from a source and approves them with the Submitted ones, in entry-date order;
     * approval creates their actuals as for any approval (§5 steps 3–4, NTE evaluated on approval §4.5).
     *
     * @return the entries approved and submitted; empty lists when none was pending
     * @throws dev.tandem.common.TandemException as {@link WorkEntries#submitAll} and {@link WorkEntries#approveAll}
     */
    public PendingApproved approvePending() {
        List<UUID> pending = ctx.jdbc().queryForList("SELECT tdm_workentryid FROM tdm_workentry WHERE "
                + "tdm_sourcekey IS NOT NULL AND tdm_status IN (?, ?) ORDER BY msdyn_date, tdm_workentryid", UUID.class,
                WorkEntryStatus.DRAFT.name(), WorkEntryStatus.SUBMITTED.name());
        List<UUID> drafts = ctx.jdbc().queryForList("SELECT tdm_workentryid FROM tdm_workentry WHERE "
                + "tdm_sourcekey IS NOT NULL AND tdm_status = ?", UUID.class, WorkEntryStatus.DRAFT.name());
        if (!drafts.isEmpty()) {
            entries.submitAll(drafts);
        }
        if (!pending.isEmpty()) {
            entries.approveAll(pending);
        }
        return new PendingApproved(pending, drafts);
    }
}
