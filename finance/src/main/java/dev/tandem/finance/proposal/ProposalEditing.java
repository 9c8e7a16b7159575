package dev.tandem.finance.proposal;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.onaccount.OnAccountTransactions;
import java.util.List;

/**
 * What the accountant may change on an imported proposal (§5 step 13, §11 items 16 and 21): the sales tax group and
 * item sales tax group of a line — nothing else on lines (amounts, quantities and dimensions are Project Operations'
 * or need "Delete all lines" and a new import) — and "Delete all lines", which releases the staging rows so that the
 * next Import from staging (or "Import lines") creates the lines again. Both need the proposal Open (§4.8) and
 * update its totals.
 */
public final class ProposalEditing {

    private final FinanceContext ctx;
    private final ProposalHeaders headers;
    private final ProposalLines lines;
    private final ProposalStaging staging;
    private final OnAccountTransactions onAccount;
    private final ProposalTaxes taxes;

    ProposalEditing(FinanceContext ctx, ProposalHeaders headers, ProposalLines lines, ProposalStaging staging,
                    OnAccountTransactions onAccount, ProposalTaxes taxes) {
        this.ctx = ctx;
        this.headers = headers;
        this.lines = lines;
        this.staging = staging;
        this.onAccount = onAccount;
        this.taxes = taxes;
    }

    /**
     * Sets a line's sales tax group and item sales tax group ({@code null} = none) and recalculates its tax (line
     * currency, minor units) and the proposal's totals.
     *
     * @return the line as stored
     * @throws TandemException NOT_FOUND for the proposal or line; POSTED_READ_ONLY; STATE when not Open
     */
    public ProposalLine setLineTaxGroups(String dataAreaId, String proposalId, String lineTransId, String taxGroup,
                                         String itemTaxGroup) {
        return ctx.inTransaction(() -> {
            ProposalHeader h = headers.lock(dataAreaId, proposalId);
            ProposalRules.requireEditable(h, "changing tax groups");
            ProposalLine line = lines.line(proposalId, lineTransId);
            ProposalLine changed = line.withTax(taxGroup, itemTaxGroup,
                    taxes.taxOf(line, taxGroup, itemTaxGroup, h.invoiceDate()));
            lines.updateTax(List.of(changed));
            headers.refreshTotals(proposalId, lines.lines(proposalId));
            return lines.line(proposalId, lineTransId);
        });
    }

    /**
     * "Delete all lines" (§5 step 13, §11 item 16): removes every line, frees their staging rows for a new import
     * (the §10 item 2 fields cleared, not processed) and their on-account transactions' tax groups for editing.
     *
     * @return the number of lines deleted
     * @throws TandemException NOT_FOUND; POSTED_READ_ONLY; STATE when not Open
     */
    public int deleteAllLines(String dataAreaId, String proposalId) {
        return ctx.inTransaction(() -> {
            ProposalHeader h = headers.lock(dataAreaId, proposalId);
            ProposalRules.requireEditable(h, "deleting its lines");
            List<ProposalLine> existing = lines.lines(proposalId);
            staging.release(existing.stream().map(ProposalLine::actualId).toList());
            onAccount.release(proposalId);
            int deleted = lines.deleteAll(proposalId);
            headers.refreshTotals(proposalId, List.of());
            return deleted;
        });
    }
}
