package dev.tandem.finance.journal;

import static dev.tandem.finance.FinanceError.INVALID_INPUT;
import static dev.tandem.finance.FinanceError.NOT_FOUND;
import static dev.tandem.finance.FinanceError.POSTED_READ_ONLY;
import static dev.tandem.finance.FinanceError.STATE;

import dev.tandem.common.Page;
import dev.tandem.common.TandemException;
import dev.tandem.common.claim.Claims;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.ledger.Ledger;
import dev.tandem.finance.setup.NumberSequences;
import dev.tandem.finance.setup.PostingSetup;
import dev.tandem.finance.staging.StagingWrites;
import dev.tandem.finance.tax.SalesTax;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Project Operations integration journal (§3.8, §4.7): reading journals and lines, the few edits a user may make,
 * and posting ({@link JournalPosting}).
 *
 * <p>Edits (§11 item 21): only {@code taxgroup} (billing sales tax group), {@code itemtaxgroup} (billing item sales
 * tax group) and {@code dimensions} (financial dimensions, free text) of a DRAFT or ERROR line; any other field is
 * refused. An unposted line may be deleted; its staged actual becomes unprocessed again, so the next Import from
 * staging re-inserts it (§3.8). POSTED lines are never changed: corrections are reversal vouchers
 * ({@link Ledger#reverse}).
 *
 * <p>"Update to draft" ({@link #resetToDraft}) sets an ERROR journal and its lines back to DRAFT so they can be posted
 * again (§4.7); it also frees a journal left in PROCESSING by a posting whose process is gone (issue 14: where the
 * original waits 24 hours, Tandem knows at once, {@link dev.tandem.common.claim.Claims}), never one whose posting
 * process is live. Nobody needs to: the next posting takes such a journal over by itself.
 */
public final class IntegrationJournal {

    /** The fields of a journal line a user may change (§11 item 21). */
    public static final Set<String> EDITABLE = Set.of("taxgroup", "itemtaxgroup", "dimensions");

    private static final Map<String, Integer> LENGTHS = Map.of("taxgroup", 20, "itemtaxgroup", 20, "dimensions", 500);

    private final FinanceContext ctx;
    private final JournalStore store;
    private final JournalPosting posting;
    private final StagingWrites staging;

    public IntegrationJournal(FinanceContext ctx, PostingSetup setup, Ledger ledger, NumberSequences numbers,
                              SalesTax salesTax) {
        this.ctx = ctx;
        this.staging = new StagingWrites(ctx);
        this.store = new JournalStore(ctx, numbers);
        this.posting = new JournalPosting(ctx, store, setup, ledger, numbers, salesTax);
    }

    /**
     * What posting a journal did: its final status (POSTED, or ERROR when no line posted), the journal's posted and
     * failed lines (a posting taken over from a gone process counts the lines that process posted too), and the
     * error journal the failed lines moved to ({@code null} when none moved).
     */
    public record PostResult(String journalId, JournalStatus status, int postedLines, int failedLines,
                             String errorJournalId) {
    }

    /** @throws TandemException NOT_FOUND naming the journal */
    public Journal journal(String dataAreaId, String journalId) {
        return store.header(dataAreaId, journalId);
    }

    /** The legal entity's journals in a status ({@code null}: all), by journal number. */
    public List<Journal> journals(String dataAreaId, JournalStatus status) {
        return status == null ? store.headers(dataAreaId, "") : store.headers(dataAreaId, " AND j.status = ?",
                status.name());
    }

    /** The error journals whose lines came from {@code originalJournalId} (the "Original journal" filter, §4.7). */
    public List<Journal> journalsFromOriginal(String dataAreaId, String originalJournalId) {
        return store.headers(dataAreaId, " AND j.originaljournalid = ?", originalJournalId);
    }

    /** One page of a journal's lines, ordered by transaction date and actual. */
    public Page<JournalLine> lines(String dataAreaId, String journalId, int page, int size) {
        int clamped = Page.clampSize(size);
        Journal journal = store.header(dataAreaId, journalId);
        List<JournalLine> items = ctx.jdbc().query("SELECT * FROM projintegrationjournalline WHERE dataareaid = ? AND "
                + "journalid = ? ORDER BY transdate, actualid LIMIT ? OFFSET ?", JournalLine::map, dataAreaId, journalId,
                clamped, Page.offset(Math.max(page, 0), clamped));
        return new Page<>(items, Math.max(page, 0), clamped, journal.lines());
    }

    /** @throws TandemException NOT_FOUND naming the line */
    public JournalLine line(UUID lineId) {
        return store.line(lineId, false);
    }

    /** The journal line made from a staged actual, if there is one. */
    public Optional<JournalLine> lineOfActual(UUID actualId) {
        return ctx.jdbc().query("SELECT * FROM projintegrationjournalline WHERE actualid = ?", JournalLine::map, actualId)
                .stream().findFirst();
    }

    /**
     * Changes the editable fields of an unposted line; {@code null} clears one.
     *
     * @param changes field → new value, fields among {@link #EDITABLE}
     * @throws TandemException INVALID_INPUT naming a field that is not editable or a value too long (nothing changes);
     *                         POSTED_READ_ONLY for a posted line; STATE for a line being posted; NOT_FOUND
     */
    public JournalLine update(UUID lineId, Map<String, Object> changes) {
        List<String> refused = changes.keySet().stream().filter(f -> !EDITABLE.contains(f)).sorted().toList();
        if (!refused.isEmpty()) {
            throw new TandemException(INVALID_INPUT, "Only the sales tax group, the item sales tax group and the financial "
                    + "dimensions of an integration journal line can be changed (§11 item 21); " + refused + " can't",
                    Map.of("fields", refused));
        }
        for (Map.Entry<String, Object> e : changes.entrySet()) {
            if (e.getValue() != null && (!(e.getValue() instanceof String s) || s.length() > LENGTHS.get(e.getKey()))) {
                throw new TandemException(INVALID_INPUT, "Field '" + e.getKey() + "' takes text of at most "
                        + LENGTHS.get(e.getKey()) + " characters", Map.of("field", e.getKey()));
            }
        }
        return ctx.inTransaction(() -> {
            JournalLine line = store.line(lineId, true);
            requireUnposted(line, "changed");
            if (!changes.isEmpty()) {
                Map<String, Object> values = new LinkedHashMap<>(changes);
                values.putAll(ctx.modified());
                List<String> all = new ArrayList<>(values.keySet());
                List<Object> args = new ArrayList<>(values.values());
                args.add(lineId);
                ctx.jdbc().update("UPDATE projintegrationjournalline SET " + String.join(" = ?, ", all) + " = ? WHERE "
                        + "lineid = ?", args.toArray());
            }
            return store.line(lineId, false);
        });
    }

    /**
     * Deletes an unposted line and sets its staged actual back to unprocessed (and not duplicate), so the next Import
     * from staging re-inserts it (§3.8).
     *
     * @throws TandemException POSTED_READ_ONLY for a posted line; STATE for a line being posted; NOT_FOUND
     */
    public void deleteLine(UUID lineId) {
        ctx.inTransaction(() -> {
            JournalLine line = store.line(lineId, true);
            requireUnposted(line, "deleted");
            ctx.jdbc().update("DELETE FROM projintegrationjournalline WHERE lineid = ?", lineId);
            staging.unlinkJournalLine(line.actualId());
        });
    }

    /**
     * "Update to draft" (§4.7): an ERROR journal, or one PROCESSING whose posting process is gone, and its unposted
     * lines go back to DRAFT. Posted lines stay posted.
     *
     * @throws TandemException STATE for a journal in any other status, or PROCESSING by a process that is live;
     *                         NOT_FOUND
     */
    public void resetToDraft(String dataAreaId, String journalId) {
        Claims claims = ctx.claims();
        claims.hold();
        ctx.inTransaction(() -> {
            JournalStore.Claim claim = store.lockClaim(dataAreaId, journalId).orElseThrow(() -> new TandemException(
                    NOT_FOUND, "Integration journal " + journalId + " doesn't exist in legal entity " + dataAreaId));
            JournalStatus status = claim.status();
            boolean abandoned = status == JournalStatus.PROCESSING
                    && claims.isGone(claim.owner(), claim.renewedOn(), ctx.now());
            if (status != JournalStatus.ERROR && !abandoned) {
                throw new TandemException(STATE, "Integration journal " + journalId + " is " + status
                        + (status == JournalStatus.PROCESSING ? " by " + claim.claimedBy() + ", which is still running"
                        : "") + "; only an ERROR journal, or one left PROCESSING by a process that is gone, can be set "
                        + "back to DRAFT", Map.of("journalId", journalId, "status", status.name()));
            }
            store.moveLines(dataAreaId, journalId, status, JournalStatus.DRAFT);
            store.moveHeader(dataAreaId, journalId, status, JournalStatus.DRAFT);
        });
    }

    /**
     * A journal in PROCESSING and its claim: the posting process's id and host:pid, when it last renewed the claim
     * (UTC), and whether that process is gone ({@link dev.tandem.common.claim.Claims}), in which case the next posting
     * takes the journal over.
     */
    public record JournalClaim(String dataAreaId, String journalId, UUID owner, String claimedBy,
                               OffsetDateTime renewedOn, boolean ownerGone) {
    }

    /** The claims of the journals in PROCESSING of every legal entity, by legal entity and number. */
    public List<JournalClaim> claims() {
        return claims(null);
    }

    /** The journals of every legal entity left PROCESSING by a process that is gone, by legal entity and number. */
    public List<JournalClaim> abandonedClaims() {
        return claims(null).stream().filter(JournalClaim::ownerGone).toList();
    }

    private List<JournalClaim> claims(String dataAreaId) {
        Claims claims = ctx.claims();
        OffsetDateTime now = ctx.now();
        return store.processing(dataAreaId).stream().map(c -> new JournalClaim(c.dataAreaId(), c.journalId(),
                c.owner(), c.claimedBy(), c.renewedOn(), claims.isGone(c.owner(), c.renewedOn(), now))).toList();
    }

    /**
     * Posts a DRAFT journal (see {@link JournalPosting} for the accounting and the error journal).
     *
     * @throws TandemException STATE when the journal is not DRAFT (e.g. posted, or being posted by someone else);
     *                         NOT_FOUND
     */
    public PostResult post(String dataAreaId, String journalId) {
        return posting.post(dataAreaId, journalId);
    }

    /**
     * Posts every DRAFT journal of the legal entity, and takes over every journal left PROCESSING by a process that
     * is gone, in journal-number order; journals a live process took are skipped.
     */
    public List<PostResult> postAll(String dataAreaId) {
        List<PostResult> results = new ArrayList<>();
        java.util.TreeSet<String> ids = new java.util.TreeSet<>();
        journals(dataAreaId, JournalStatus.DRAFT).forEach(j -> ids.add(j.journalId()));
        ctx.claims().hold();
        claims(dataAreaId).stream().filter(JournalClaim::ownerGone).forEach(c -> ids.add(c.journalId()));
        for (String journalId : ids) {
            try {
                results.add(post(dataAreaId, journalId));
            } catch (TandemException e) {
                if (e.errorCode() != STATE) {
                    throw e;
                }
            }
        }
        return results;
    }

    private static void requireUnposted(JournalLine line, String action) {
        if (line.status() == JournalStatus.POSTED) {
            throw new TandemException(POSTED_READ_ONLY, "Integration journal line of actual " + line.actualId() + " is "
                    + "posted (voucher " + line.voucher() + ") and can't be " + action + "; correct it with a reversal",
                    Map.of("lineId", line.lineId().toString(), "voucher", line.voucher()));
        }
        if (line.status() == JournalStatus.PROCESSING) {
            throw new TandemException(STATE, "Integration journal line of actual " + line.actualId() + " is being posted "
                    + "and can't be " + action, Map.of("lineId", line.lineId().toString()));
        }
    }
}
