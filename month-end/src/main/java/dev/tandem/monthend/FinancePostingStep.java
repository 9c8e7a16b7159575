package dev.tandem.monthend;

import dev.tandem.common.TandemException;
import dev.tandem.finance.Finance;
import dev.tandem.finance.journal.ImportFromStaging.ImportResult;
import dev.tandem.finance.journal.IntegrationJournal.PostResult;
import java.util.ArrayList;
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

    /** What the journal part did: lines imported and refused over both imports, journals posted, lines failed. */
    private record Journals(int lines, int importErrors, int posted, int linesFailed) {
    }

    Outcome run(String legalEntity, Progress progress) {
        Journals journals = progress.compute("Import and post journals", 3, bar -> {
            ImportResult first = finance.importFromStaging().run(legalEntity);
            bar.step();
            List<PostResult> posted = finance.integrationJournal().postAll(legalEntity);
            bar.step();
            ImportResult second = finance.importFromStaging().run(legalEntity);
            bar.step();
            return new Journals(first.lines() + second.lines(), first.errors() + second.errors(), posted.size(),
                    posted.stream().mapToInt(PostResult::failedLines).sum());
        });
        List<String> open = finance.proposalQueries().open(legalEntity);
        List<String> issues = new ArrayList<>();
        int postedProposals = progress.compute("Post invoice proposals", open.size(), bar -> {
            int posted = 0;
            for (String proposal : open) {
                try {
                    finance.proposals().posting().post(legalEntity, proposal);
                    posted++;
                } catch (TandemException e) {
                    // The proposal stays open with nothing posted; the summary and report list it.
                    issues.add(proposal + ": " + e.getMessage());
                }
                bar.step();
            }
            return posted;
        });
        return new Outcome(journals.lines(), journals.importErrors(), journals.posted(), journals.linesFailed(),
                postedProposals, List.copyOf(issues));
    }
}
