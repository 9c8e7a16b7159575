package dev.tandem.finance.proposal;

import static dev.tandem.finance.FinanceError.NOT_FOUND;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Storage of proposal lines ({@code projproposalline}). Lines are Finance's own rows, not a data entity: no map
 * carries them; what Project Operations learns about them is written back to the staging rows. Writes join the
 * caller's transaction, which holds the proposal's lock.
 */
public final class ProposalLines {

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
        Map<String, Object> audit = ctx.created();
        OffsetDateTime now = (OffsetDateTime) audit.get("createdon");
        String user = (String) audit.get("createdby");
        List<Object[]> rows = new ArrayList<>();
        for (ProposalLine l : lines) {
            rows.add(new Object[] {l.lineTransId(), l.proposalId(), l.dataAreaId(), l.type().name(), l.stagingId(),
                    l.actualId(), l.projectId(), l.contractLine(), l.onAccountTransactionId(), l.linePropertyId(),
                    l.toBeInvoiced(), l.transDate(), l.categoryId(), l.description(), l.quantity(), l.salesPrice(),
                    l.lineAmount(), l.currency(), l.taxGroup(), l.itemTaxGroup(), l.taxAmount(), now, user, now, user});
        }
        ctx.jdbc().batchUpdate("INSERT INTO projproposalline (linetransid, proposalid, dataareaid, linetype, "
                + "actualsimportid, actualid, projid, contractline, onacctransid, linepropertyid, tobeinvoiced, transdate, "
                + "categoryid, description, quantity, salesprice, lineamount, currencyid, taxgroup, taxitemgroup, "
                + "taxamount, createdon, createdby, modifiedon, modifiedby) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
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
