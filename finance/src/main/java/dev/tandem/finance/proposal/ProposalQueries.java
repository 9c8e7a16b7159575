package dev.tandem.finance.proposal;

import dev.tandem.finance.FinanceContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads of invoice proposals (§4.8) for batch callers: the open ones to post, and the counts by status. */
public final class ProposalQueries {

    private final FinanceContext ctx;

    public ProposalQueries(FinanceContext ctx) {
        this.ctx = ctx;
    }

    /** The ids of the legal entity's proposals in status Open, in id order (= proforma invoice number order). */
    public List<String> open(String dataAreaId) {
        return ctx.jdbc().queryForList("SELECT proposalid FROM projproposaljour WHERE dataareaid = ? AND status = ? "
                + "ORDER BY proposalid", String.class, dataAreaId, ProposalStatus.OPEN.value());
    }

    /** How many proposals of the legal entity are in each status; statuses without proposals are absent. */
    public Map<ProposalStatus, Long> countByStatus(String dataAreaId) {
        Map<ProposalStatus, Long> byStatus = new EnumMap<>(ProposalStatus.class);
        ctx.jdbc().query("SELECT status, COUNT(*) FROM projproposaljour WHERE dataareaid = ? GROUP BY status", rs -> {
            byStatus.put(ProposalStatus.of(rs.getInt(1)), rs.getLong(2));
        }, dataAreaId);
        return byStatus;
    }
}
