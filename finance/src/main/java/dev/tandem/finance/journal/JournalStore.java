package dev.tandem.finance.journal;

import static dev.tandem.finance.FinanceError.NOT_FOUND;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.rows.RowRecords;
import dev.tandem.finance.setup.NumberSequences;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of integration journal headers and lines ({@code V4__integration_journal.sql}); the services decide, this
 * class reads and writes. Callers hold the transaction.
 */
final class JournalStore {

    private static final String HEADER_SELECT = "SELECT j.*, (SELECT COUNT(*) FROM projintegrationjournalline l WHERE "
            + "l.dataareaid = j.dataareaid AND l.journalid = j.journalid) AS lines FROM projintegrationjournal j ";

    /** Every column of a line: the components of {@link JournalLine}, then the audit columns. */
    private static final String INSERT_LINE = RowRecords.insert("projintegrationjournalline", JournalLine.class);

    private final FinanceContext ctx;
    private final NumberSequences numbers;

    JournalStore(FinanceContext ctx, NumberSequences numbers) {
        this.ctx = ctx;
        this.numbers = numbers;
    }

    /** A new header with the next number of the legal entity's journal sequence. */
    String createHeader(String dataAreaId, PeriodUnit unit, LocalDate periodStart, JournalStatus status,
                        String originalJournalId, String description) {
        String journalId = numbers.next(dataAreaId, NumberSequences.JOURNAL);
        Map<String, Object> audit = ctx.created();
        ctx.jdbc().update("INSERT INTO projintegrationjournal (dataareaid, journalid, periodunit, periodstart, status, "
                + "originaljournalid, description, createdon, createdby, modifiedon, modifiedby) VALUES (?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?)", dataAreaId, journalId, unit.name(), periodStart, status.name(), originalJournalId,
                description, audit.get("createdon"), audit.get("createdby"), audit.get("modifiedon"),
                audit.get("modifiedby"));
        return journalId;
    }

    /** Inserts new lines, as they are (new lines are DRAFT), in JDBC batches of 1,000. */
    void insertLines(List<JournalLine> lines) {
        Object[] audit = RowRecords.auditValues(ctx.created());
        ctx.jdbc().batchUpdate(INSERT_LINE, lines, 1000, (ps, l) -> RowRecords.bind(ps, l, audit));
    }

    /** The header's status, row-locked until the caller's transaction ends; empty when there is no such journal. */
    Optional<JournalStatus> lockStatus(String dataAreaId, String journalId) {
        return ctx.jdbc().queryForList("SELECT status FROM projintegrationjournal WHERE dataareaid = ? AND journalid = ? "
                + "FOR UPDATE", String.class, dataAreaId, journalId).stream().map(JournalStatus::valueOf).findFirst();
    }

    /**
     * Sets the header's status when it is {@code from}, and clears its claim (a journal moved into PROCESSING is
     * claimed next, {@link #claim}); false when it was not {@code from}.
     */
    boolean moveHeader(String dataAreaId, String journalId, JournalStatus from, JournalStatus to) {
        Map<String, Object> audit = ctx.modified();
        return ctx.jdbc().update("UPDATE projintegrationjournal SET status = ?, claimowner = NULL, claimedby = NULL, "
                + "claimrenewedon = NULL, modifiedon = ?, modifiedby = ? WHERE dataareaid = ? AND journalid = ? AND "
                + "status = ?", to.name(), audit.get("modifiedon"), audit.get("modifiedby"), dataAreaId, journalId,
                from.name()) == 1;
    }

    /**
     * Moves a PROCESSING header that {@code owner} still claims to {@code to} and clears the claim; false when the
     * owner lost the claim (someone took the journal over).
     */
    boolean moveClaimedHeader(String dataAreaId, String journalId, UUID owner, JournalStatus to) {
        Map<String, Object> audit = ctx.modified();
        return ctx.jdbc().update("UPDATE projintegrationjournal SET status = ?, claimowner = NULL, claimedby = NULL, "
                + "claimrenewedon = NULL, modifiedon = ?, modifiedby = ? WHERE dataareaid = ? AND journalid = ? AND "
                + "status = ? AND claimowner = ?", to.name(), audit.get("modifiedon"), audit.get("modifiedby"),
                dataAreaId, journalId, JournalStatus.PROCESSING.name(), owner) == 1;
    }

    /** The claim of a header: its status, owner (id and host:pid) and last renewal; owner fields null unless claimed. */
    record Claim(String dataAreaId, String journalId, JournalStatus status, UUID owner, String claimedBy,
                 java.time.OffsetDateTime renewedOn) {
    }

    /** The header's claim, row-locked until the caller's transaction ends; empty when there is no such journal. */
    Optional<Claim> lockClaim(String dataAreaId, String journalId) {
        return ctx.jdbc().query("SELECT dataareaid, journalid, status, claimowner, claimedby, claimrenewedon FROM "
                + "projintegrationjournal WHERE dataareaid = ? AND journalid = ? FOR UPDATE", JournalStore::claim,
                dataAreaId, journalId).stream().findFirst();
    }

    /** The claims of the PROCESSING journals (of one legal entity, or of all when {@code dataAreaId} is null). */
    List<Claim> processing(String dataAreaId) {
        String sql = "SELECT dataareaid, journalid, status, claimowner, claimedby, claimrenewedon FROM "
                + "projintegrationjournal WHERE status = ?";
        return dataAreaId == null
                ? ctx.jdbc().query(sql + " ORDER BY dataareaid, journalid", JournalStore::claim,
                        JournalStatus.PROCESSING.name())
                : ctx.jdbc().query(sql + " AND dataareaid = ? ORDER BY journalid", JournalStore::claim,
                        JournalStatus.PROCESSING.name(), dataAreaId);
    }

    private static Claim claim(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Claim(rs.getString("dataareaid"), rs.getString("journalid"),
                JournalStatus.valueOf(rs.getString("status")), rs.getObject("claimowner", UUID.class),
                rs.getString("claimedby"), rs.getObject("claimrenewedon", java.time.OffsetDateTime.class));
    }

    /** Records {@code owner} as the claim's owner of a PROCESSING header, renewed now. */
    void claim(String dataAreaId, String journalId, dev.tandem.common.claim.ClaimOwner owner) {
        ctx.jdbc().update("UPDATE projintegrationjournal SET claimowner = ?, claimedby = ?, claimrenewedon = ? WHERE "
                + "dataareaid = ? AND journalid = ? AND status = ?", owner.id(), owner.label(), ctx.now(), dataAreaId,
                journalId, JournalStatus.PROCESSING.name());
    }

    /**
     * Renews the claim of {@code owner} on a PROCESSING header, which also row-locks the header until the caller's
     * transaction ends (so a takeover waits for it); false when the owner no longer holds the claim.
     */
    boolean renew(String dataAreaId, String journalId, UUID owner) {
        return ctx.jdbc().update("UPDATE projintegrationjournal SET claimrenewedon = ? WHERE dataareaid = ? AND "
                + "journalid = ? AND status = ? AND claimowner = ?", ctx.now(), dataAreaId, journalId,
                JournalStatus.PROCESSING.name(), owner) == 1;
    }

    /** Sets the status of the journal's lines that are {@code from}; returns how many. */
    int moveLines(String dataAreaId, String journalId, JournalStatus from, JournalStatus to) {
        Map<String, Object> audit = ctx.modified();
        return ctx.jdbc().update("UPDATE projintegrationjournalline SET status = ?, modifiedon = ?, modifiedby = ? WHERE "
                + "dataareaid = ? AND journalid = ? AND status = ?", to.name(), audit.get("modifiedon"),
                audit.get("modifiedby"), dataAreaId, journalId, from.name());
    }

    /** @throws TandemException NOT_FOUND naming the journal */
    Journal header(String dataAreaId, String journalId) {
        return ctx.jdbc().query(HEADER_SELECT + "WHERE j.dataareaid = ? AND j.journalid = ?", Journal::map, dataAreaId,
                journalId).stream().findFirst().orElseThrow(() -> new TandemException(NOT_FOUND, "Integration journal "
                + journalId + " doesn't exist in legal entity " + dataAreaId, Map.of("journalId", journalId)));
    }

    List<Journal> headers(String dataAreaId, String where, Object... args) {
        List<Object> all = new ArrayList<>();
        all.add(dataAreaId);
        all.addAll(List.of(args));
        return ctx.jdbc().query(HEADER_SELECT + "WHERE j.dataareaid = ?" + where + " ORDER BY j.journalid", Journal::map,
                all.toArray());
    }

    /** @throws TandemException NOT_FOUND naming the line */
    JournalLine line(UUID lineId, boolean lock) {
        return ctx.jdbc().query("SELECT * FROM projintegrationjournalline WHERE lineid = ?" + (lock ? " FOR UPDATE" : ""),
                JournalLine::map, lineId).stream().findFirst().orElseThrow(() -> new TandemException(NOT_FOUND,
                "Integration journal line " + lineId + " doesn't exist", Map.of("lineId", lineId.toString())));
    }

    /**
     * The order of a page of a journal's lines: by line id, spelled as the whole index
     * {@code projintegrationjournalline_journal} although its first three columns are fixed by the page's condition,
     * so that H2 reads the page in index order and stops after it instead of sorting every line of the journal for
     * each page (issue 13; see {@code ImportFromStaging.PENDING_ORDER}).
     */
    static final String LINES_ORDER = "dataareaid, journalid, status, lineid";

    /** Up to {@code limit} lines of a journal in a status, after {@code afterLineId} (keyset, by line id). */
    List<JournalLine> lines(String dataAreaId, String journalId, JournalStatus status, UUID afterLineId, int limit) {
        List<Object> args = new ArrayList<>(List.of(dataAreaId, journalId, status.name()));
        String after = "";
        if (afterLineId != null) {
            after = " AND lineid > ?";
            args.add(afterLineId);
        }
        args.add(limit);
        return ctx.jdbc().query("SELECT * FROM projintegrationjournalline WHERE dataareaid = ? AND journalid = ? AND "
                + "status = ?" + after + " ORDER BY " + LINES_ORDER + " LIMIT ?", JournalLine::map, args.toArray());
    }

    long countLines(String dataAreaId, String journalId, JournalStatus status) {
        Long n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM projintegrationjournalline WHERE dataareaid = ? AND "
                + "journalid = ? AND status = ?", Long.class, dataAreaId, journalId, status.name());
        return n == null ? 0 : n;
    }
}
