package dev.tandem.finance.proposal;

import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.journal.JournalStatus;
import dev.tandem.finance.staging.StagingRow;
import dev.tandem.finance.staging.StagingWrites;
import dev.tandem.finance.staging.StagingWrites.OnProposal;
import dev.tandem.finance.staging.StagingWrites.Posted;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What invoice proposals read from and write to the actuals staging table (§3.7, §10): the billed-sales rows of a
 * proposal, the unbilled-sales rows behind them, and the write-back of §10 items 2 and 3. Writes go through the
 * data-entity writer's edge of the staging entity ({@link StagingWrites}), so the actuals map carries them to
 * Project Operations.
 */
final class ProposalStaging {

    /**
     * An unbilled sales staging row behind a billed one: amount in {@code currency} (the transaction currency), the
     * exchange rate the integration journal wrote back, and whether its journal line booked WIP ({@code wipAccrued},
     * §9), which is what invoice posting reverses.
     */
    record UnbilledRow(UUID actualId, String currency, BigDecimal amount, String voucher, BigDecimal exchangeRate,
                       boolean wipAccrued) {

        /** Journalized: the integration journal posted it and wrote its voucher back. */
        boolean posted() {
            return voucher != null;
        }
    }

    private final FinanceContext ctx;
    private final StagingWrites writes;

    ProposalStaging(FinanceContext ctx) {
        this.ctx = ctx;
        this.writes = new StagingWrites(ctx);
    }

    /**
     * The billed-sales rows of a proforma invoice not yet on a proposal: same legal entity and invoice id, not
     * processed, not flagged duplicate.
     */
    List<StagingRow> pendingBilledRows(String dataAreaId, String proposalId) {
        return ctx.jdbc().query("SELECT * FROM projcdsactualsimport WHERE invoiceid = ? AND projectdataareaid = ? AND "
                + "transtype = ? AND isprocessed = FALSE AND isduplicate = FALSE AND invoiceproposalid IS NULL "
                + "ORDER BY documentdate, actualid", StagingRow::map, proposalId, dataAreaId, StagingRow.BILLED_SALES);
    }

    /** The unbilled-sales staging rows of these actuals, by actual id; actuals not staged are absent. */
    Map<UUID, UnbilledRow> unbilledRows(Collection<UUID> actualIds) {
        Map<UUID, UnbilledRow> rows = new HashMap<>();
        List<UUID> ids = new ArrayList<>(actualIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            List<Object> args = new ArrayList<>();
            args.add(JournalStatus.POSTED.name());
            args.add(StagingRow.UNBILLED_SALES);
            args.addAll(chunk);
            ctx.jdbc().query("SELECT s.actualid, s.transactioncurrencyid, s.amount, s.vouchernumber, s.exchangerate, "
                    + "COALESCE(j.wipaccrued, FALSE) AS wipaccrued FROM projcdsactualsimport s LEFT JOIN "
                    + "projintegrationjournalline j ON j.actualid = s.actualid AND j.status = ? WHERE s.transtype = ? "
                    + "AND s.actualid IN (" + FinanceContext.placeholders(chunk) + ")",
                    rs -> {
                        UUID id = rs.getObject("actualid", UUID.class);
                        rows.put(id, new UnbilledRow(id, rs.getString("transactioncurrencyid").trim(),
                                rs.getBigDecimal("amount"), rs.getString("vouchernumber"),
                                rs.getBigDecimal("exchangerate"), rs.getBoolean("wipaccrued")));
                    }, args.toArray());
        }
        return rows;
    }

    /** §10 item 2: the rows are on a proposal line now, and processed. */
    void writeImported(Map<UUID, String> lineTransIdByActual, String proposalId, String fundingSource, String customer) {
        Map<UUID, OnProposal> values = new LinkedHashMap<>();
        lineTransIdByActual.forEach((actualId, lineTransId) -> values.put(actualId,
                new OnProposal(proposalId, lineTransId, fundingSource, customer, true)));
        writes.writeOnProposal(values);
    }

    /** "Delete all lines": the rows are free to be imported again. */
    void release(Collection<UUID> actualIds) {
        writes.writeOnProposal(actualIds, OnProposal.NONE);
    }

    /**
     * §10 item 3: voucher, accounting amount (accounting currency), exchange rate (1 transaction currency in the
     * accounting currency), line sales tax (transaction currency) and the voucher's accounting date of each posted
     * billed row; the actuals map writes them back to the billed-sales actual.
     */
    void writePosted(Map<UUID, Posted> byActual) {
        writes.writeInvoicePosted(byActual);
    }
}
