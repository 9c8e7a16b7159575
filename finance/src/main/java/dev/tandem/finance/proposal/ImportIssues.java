package dev.tandem.finance.proposal;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Why the last import of a proposal's lines did not happen ({@code projproposalimportissue}), for the integration
 * workspace's "Troubleshoot" (§5 step 12, §11 item 18, §13 "Empty proposal (0.00) until the integration journal is
 * posted"). One issue per proposal: each import attempt replaces it, a successful import removes it.
 */
public final class ImportIssues {

    /** An import refusal: the error code of {@link dev.tandem.finance.FinanceError} and the sentence naming the rows. */
    public record ImportIssue(String proposalId, String errorCode, String message, OffsetDateTime loggedOn) {
    }

    private final FinanceContext ctx;

    public ImportIssues(FinanceContext ctx) {
        this.ctx = ctx;
    }

    public Optional<ImportIssue> issue(String proposalId) {
        return ctx.jdbc().query("SELECT * FROM projproposalimportissue WHERE proposalid = ?", (rs, n) -> new ImportIssue(
                rs.getString("proposalid"), rs.getString("errorcode"), rs.getString("message"),
                rs.getObject("loggedon", OffsetDateTime.class)), proposalId).stream().findFirst();
    }

    ImportIssue record(String dataAreaId, String proposalId, TandemException refusal) {
        clear(proposalId);
        OffsetDateTime now = ctx.now();
        String message = refusal.detail().length() > 4000 ? refusal.detail().substring(0, 3997) + "..." : refusal.detail();
        ctx.jdbc().update("INSERT INTO projproposalimportissue (proposalid, dataareaid, errorcode, message, loggedon) "
                + "VALUES (?, ?, ?, ?, ?)", proposalId, dataAreaId, refusal.errorCode().code(), message, now);
        return new ImportIssue(proposalId, refusal.errorCode().code(), message, now);
    }

    void clear(String proposalId) {
        ctx.jdbc().update("DELETE FROM projproposalimportissue WHERE proposalid = ?", proposalId);
    }
}
