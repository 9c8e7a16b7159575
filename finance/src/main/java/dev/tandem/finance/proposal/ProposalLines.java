package dev.tandem.finance.proposal;

import static dev.tandem.finance.FinanceError.NOT_FOUND;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.rows.RowRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Storage of proposal lines ({@code projproposalline}). Lines are Finance's own rows, not a data entity: no map
 * carries them; what Project Operations learns about them is written back to the staging rows. Writes join the
 * caller's transaction, which holds the proposal's lock.
 */
public final class ProposalLines {

    /** Every column of a line: the components of {@link ProposalLine}, then the audit columns. */
    private static final String INSERT = RowRecords.insert("projproposalline", ProposalLine.class);

    private final FinanceContext ctx;

    public ProposalLines(FinanceContext ctx) {
        this.ctx = ctx;
    }

    /** The lines of a proposal, in import order. */
    public List<ProposalLine> lines(String proposalId) {
        return ctx.jdbc().query("SELECT * FROM projproposalline WHERE proposalid = ? ORDER BY createdon, transdate, "
                + "linetransid", ProposalLine::map, proposalId);
    }

    /** @throws TandemException NOT_FOUND naming the line and proposal */
    public ProposalLine line(String proposalId, String lineTransId) {
        return ctx.jdbc().query("SELECT * FROM projproposalline WHERE proposalid = ? AND linetransid = ?",
                ProposalLine::map, proposalId, lineTransId).stream().findFirst().orElseThrow(() -> new TandemException(
                NOT_FOUND, "Invoice proposal " + proposalId + " has no line " + lineTransId,
                Map.of("proposalId", proposalId, "lineTransId", lineTransId)));
    }

    /**
     * Inserts lines in one batch.
     *
     * @throws org.springframework.dao.DuplicateKeyException when a staging row already has a line (the schema's
     *                                                       guarantee against double import)
     */
    void insert(List<ProposalLine> lines) {
        Object[] audit = RowRecords.auditValues(ctx.created());
        ctx.jdbc().batchUpdate(INSERT, lines, 1000, (ps, l) -> RowRecords.bind(ps, l, audit));
    }

    /** Stores the tax groups and tax of lines (the only fields that change after import, §11 item 21). */
    void updateTax(List<ProposalLine> lines) {
        Map<String, Object> audit = ctx.modified();
        List<Object[]> rows = new ArrayList<>();
        for (ProposalLine l : lines) {
            rows.add(new Object[] {l.taxGroup(), l.itemTaxGroup(), l.taxAmount(), audit.get("modifiedon"),
                    audit.get("modifiedby"), l.lineTransId()});
        }
        ctx.jdbc().batchUpdate("UPDATE projproposalline SET taxgroup = ?, taxitemgroup = ?, taxamount = ?, "
                + "modifiedon = ?, modifiedby = ? WHERE linetransid = ?", rows);
    }

    /** Deletes all lines of a proposal; returns how many. */
    int deleteAll(String proposalId) {
        return ctx.jdbc().update("DELETE FROM projproposalline WHERE proposalid = ?", proposalId);
    }
}
