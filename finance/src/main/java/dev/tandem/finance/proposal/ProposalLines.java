package dev.tandem.finance.proposal;

import static dev.tandem.finance.FinanceError.NOT_FOUND;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.rows.RowRecords;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowMapper;

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

    /**
     * An order in which {@link #forEachPage} hands a proposal's lines over: the columns of the key, each with the
     * Java type it is read back as to continue after it.
     */
    enum Order {
        /** Import order, as {@link #lines}: (createdon, transdate, linetransid). */
        IMPORT(List.of("createdon", "transdate", "linetransid"), List.of(OffsetDateTime.class, LocalDate.class,
                String.class)),
        /**
         * The order of the lines' actual ids, then line ids: the order in which the data-entity writer locks the
         * staging rows it writes back ({@code DataEntityWriter.LOCK_ORDER}, the key's text, which for UUIDs is their
         * order in SQL), so that a write-back done page by page still locks the rows in one global order.
         */
        ACTUAL(List.of("actualid", "linetransid"), List.of(UUID.class, String.class));

        private final List<String> columns;
        private final List<Class<?>> types;

        Order(List<String> columns, List<Class<?>> types) {
            this.columns = columns;
            this.types = types;
        }
    }

    /**
     * Hands a proposal's lines to {@code page} in {@code order}, {@code size} at a time, read in keyset pages: a
     * proposal of 100,000 lines is never held whole (issue 13). The consumer may update the lines it is given, but
     * not their key columns.
     */
    void forEachPage(String proposalId, Order order, int size, Consumer<List<ProposalLine>> page) {
        String key = String.join(", ", order.columns);
        String first = "SELECT * FROM projproposalline WHERE proposalid = ? ORDER BY " + key + " LIMIT ?";
        String next = "SELECT * FROM projproposalline WHERE proposalid = ? AND (" + key + ") > ("
                + String.join(", ", Collections.nCopies(order.columns.size(), "?")) + ") ORDER BY " + key
                + " LIMIT ?";
        Object[] after = null;
        while (true) {
            Object[] lastKey = new Object[order.columns.size()];
            RowMapper<ProposalLine> mapper = (rs, n) -> {
                for (int i = 0; i < lastKey.length; i++) {
                    lastKey[i] = rs.getObject(order.columns.get(i), order.types.get(i));
                }
                return ProposalLine.map(rs, n);
            };
            List<ProposalLine> read;
            if (after == null) {
                read = ctx.jdbc().query(first, mapper, proposalId, size);
            } else {
                List<Object> args = new ArrayList<>();
                args.add(proposalId);
                args.addAll(List.of(after));
                args.add(size);
                read = ctx.jdbc().query(next, mapper, args.toArray());
            }
            if (read.isEmpty()) {
                return;
            }
            page.accept(read);
            if (read.size() < size) {
                return;
            }
            after = lastKey;
        }
    }

    /** Whether a proposal has a line. */
    boolean any(String proposalId) {
        return !ctx.jdbc().queryForList("SELECT 1 FROM projproposalline WHERE proposalid = ? LIMIT 1", Integer.class,
                proposalId).isEmpty();
    }

    /**
     * The invoiced lines of a proposal under one pair of tax groups (either may be null), the largest absolute line
     * amounts first, ties in import order; at most {@code limit}.
     */
    List<ProposalLine> largestInvoiced(String proposalId, String taxGroup, String itemTaxGroup, int limit) {
        return ctx.jdbc().query("SELECT * FROM projproposalline WHERE proposalid = ? AND tobeinvoiced = TRUE AND "
                + "taxgroup IS NOT DISTINCT FROM ? AND taxitemgroup IS NOT DISTINCT FROM ? ORDER BY ABS(lineamount) "
                + "DESC, createdon, transdate, linetransid LIMIT ?", ProposalLine::map, proposalId, taxGroup,
                itemTaxGroup, limit);
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
