package dev.tandem.monthend;

import dev.tandem.finance.Finance;
import dev.tandem.finance.journal.ImportFromStaging.ImportResult;
import dev.tandem.finance.journal.IntegrationJournal.PostResult;
import dev.tandem.finance.proposal.ProposalStatus;
import java.util.List;

/**
 * The accountant's month end in Finance (§5 steps 10–15): Import from staging into integration journals, post the
 * journals (cost and unbilled sales: WIP and accrued revenue), Import from staging again so the billed sales of the
 * now-posted unbilled sales reach their invoice proposals, then post every open proposal as a customer invoice.
 * Posting writes the voucher, amounts, exchange rate, tax and invoice number back to Project Operations through the
 * maps, in the same transaction.
 */
final class FinancePostingStep {

    private final Finance finance;

    FinancePostingStep(Finance finance) {
        this.finance = finance;
    }

    /**
     * Counts of the step. {@code importErrors}: staging rows Import from staging refused (logged in Finance);
     * {@code proposalIssues}: open proposals that could not be posted, with Finance's reason.
     */
    record Outcome(int journalLines, int importErrors, int journalsPosted, int journalLinesFailed,
                   int proposalsPosted, List<String> proposalIssues) {
    }

    Outcome run(String legalEntity, Progress progress) {
        int[] counts = new int[5];
        progress.step("Import and post journals", 3, bar -> {
            ImportResult first = finance.importFromStaging().run(legalEntity);
            counts[0] += first.lines();
            counts[1] += first.errors();
            bar.step();
            for (PostResult posted : finance.integrationJournal().postAll(legalEntity)) {
                counts[2]++;
                counts[3] += posted.failedLines();
            }
            bar.step();
            ImportResult second = finance.importFromStaging().run(legalEntity);
            counts[0] += second.lines();
            counts[1] += second.errors();
            bar.step();
        });
        List<String> open = finance.context().jdbc().queryForList("SELECT proposalid FROM projproposaljour WHERE "
                + "dataareaid = ? AND status = ? ORDER BY proposalid", String.class, legalEntity,
                ProposalStatus.OPEN.value());
        List<String> issues = new java.util.ArrayList<>();
        progress.step("Post invoice proposals", open.size(), bar -> {
            for (String proposal : open) {
                try {
                    finance.proposals().posting().post(legalEntity, proposal);
                    counts[4]++;
                } catch (dev.tandem.common.TandemException e) {
                    // The proposal stays open with nothing posted; the summary and report list it.
                    issues.add(proposal + ": " + e.getMessage());
                }
                bar.step();
            }
        });
        return new Outcome(counts[0], counts[1], counts[2], counts[3], counts[4], List.copyOf(issues));
    }
}
