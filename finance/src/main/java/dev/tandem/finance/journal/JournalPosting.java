package dev.tandem.finance.journal;

import static dev.tandem.finance.FinanceError.NOT_FOUND;
import static dev.tandem.finance.FinanceError.STATE;

import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.common.claim.Claims;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.ledger.Ledger;
import dev.tandem.finance.ledger.Ledger.Draft;
import dev.tandem.finance.setup.BillingTypeDefaults;
import dev.tandem.finance.setup.NumberSequences;
import dev.tandem.finance.setup.PostingSetup;
import dev.tandem.finance.setup.PostingSetup.LegalEntity;
import dev.tandem.finance.setup.PostingSetup.Profile;
import dev.tandem.finance.staging.StagingRow;
import dev.tandem.finance.staging.StagingWrites;
import dev.tandem.finance.tax.SalesTax;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "Post Project Operations integration journal" (§5 step 6, §8, §9, §10): one voucher per line, by the project cost and
 * revenue profile of the line's project.
 *
 * <p>Posting a journal: its header and DRAFT lines move to PROCESSING in one committed transaction, and the header
 * records this process as the claim's owner ({@link Claims}: owner id, host:pid, last renewal). A second posting of
 * the same journal is refused while its owner is live; when the owner is gone (it crashed, was killed, lost its
 * database session), the next posting takes the journal over at once and posts what is left. The lines post in
 * chunks, each chunk one transaction that first renews the claim on the condition that this process still owns it
 * (fencing), so a process that lost its claim writes nothing more. Exactly once: a line's voucher, its POSTED status
 * and its write-back commit together, so a line is either POSTED with its voucher or still PROCESSING, and a
 * takeover posts exactly the PROCESSING ones. Per line (§9):
 * <ul>
 *   <li>cost: Dr the profile's cost account / Cr its cost offset (payroll allocation or expense offset);</li>
 *   <li>chargeable unbilled sales (its line property is "to be invoiced") with accrue revenue: Dr WIP sales value /
 *       Cr accrued revenue sales value, and the line is marked {@code wipaccrued}, so that invoice posting reverses
 *       exactly this WIP. A negative unbilled sales line (the synced reversal of an original replaced on a draft,
 *       §6) books the same pair negative, so it takes the original's WIP back out;</li>
 *   <li>non-chargeable, complimentary or not-available unbilled sales (a line property not to be invoiced, §4.4), and
 *       any unbilled sales without accrue revenue: no ledger lines, since nothing will ever invoice and so reverse
 *       them; the line still gets a voucher number (the project subledger's) and is POSTED, so every synced actual
 *       ends up with a voucher (§10 item 4). So does a line of amount 0.</li>
 * </ul>
 * Amounts are the line's amount rounded to its currency's minor units ({@link Money}), at the line's exchange rate;
 * the accounting amount is that amount × rate rounded once to the accounting currency. The accounting date is the
 * line's, moved to the next open period when the legal entity allows it, else refused (§11 item 20).
 *
 * <p>A posted line gets status POSTED with its voucher, accounting date, accounting amount and sales tax amount in the
 * same transaction as the voucher, and the same transaction writes them back onto the staging row (§10) through the
 * data-entity writer, with {@code isjournalized}. A line that fails (no profile rule, closed period, missing account,
 * …) is ERROR with the reason; at the end, when other lines posted, the failed lines move to a new ERROR journal whose
 * original journal is this one, and this journal is POSTED (§4.7). When no line posted, nothing moves and the journal
 * itself is ERROR; the counts are the journal's lines, including those a gone owner posted before the takeover. An
 * unexpected failure (not a refusal) puts the journal and its unposted lines back to DRAFT, so that posting again
 * retries them, and is rethrown; lines already posted stay posted.
 */
final class JournalPosting {

    /** Source type of the vouchers, with the journal id as source id ({@link Ledger#vouchersOf}). */
    static final String SOURCE_TYPE = "PROJ_INTEGRATION_JOURNAL";

    private static final int CHUNK = 1000;

    private final FinanceContext ctx;
    private final JournalStore store;
    private final PostingSetup setup;
    private final Ledger ledger;
    private final NumberSequences numbers;
    private final SalesTax salesTax;
    private final StagingWrites staging;

    JournalPosting(FinanceContext ctx, JournalStore store, PostingSetup setup, Ledger ledger, NumberSequences numbers,
                   SalesTax salesTax) {
        this.ctx = ctx;
        this.staging = new StagingWrites(ctx);
        this.store = store;
        this.setup = setup;
        this.ledger = ledger;
        this.numbers = numbers;
        this.salesTax = salesTax;
    }

    private record Posted(JournalLine line, String voucher, LocalDate date, BigDecimal accountingAmount,
                          BigDecimal taxAmount) {
    }

    IntegrationJournal.PostResult post(String dataAreaId, String journalId) {
        LegalEntity entity = setup.legalEntity(dataAreaId);
        BillingTypeDefaults lineProperties = BillingTypeDefaults.of(ctx, dataAreaId);
        Claims claims = ctx.claims();
        claims.hold();
        UUID owner = claims.owner().id();
        ctx.inTransaction(() -> {
            JournalStore.Claim claim = store.lockClaim(dataAreaId, journalId).orElseThrow(() -> new TandemException(
                    NOT_FOUND, "Integration journal " + journalId + " doesn't exist in legal entity " + dataAreaId,
                    Map.of("journalId", journalId)));
            if (claim.status() == JournalStatus.DRAFT) {
                store.moveHeader(dataAreaId, journalId, JournalStatus.DRAFT, JournalStatus.PROCESSING);
                store.moveLines(dataAreaId, journalId, JournalStatus.DRAFT, JournalStatus.PROCESSING);
            } else if (claim.status() != JournalStatus.PROCESSING
                    || !claims.isGone(claim.owner(), claim.renewedOn(), ctx.now())) {
                throw refusal(claim);
            }
            // A journal whose owner is gone is taken over as it is: its POSTED lines stay posted (each committed
            // with its voucher), its PROCESSING lines are posted now, its ERROR lines move on in finish().
            store.claim(dataAreaId, journalId, claims.owner());
        });
        try {
            UUID after = null;
            while (true) {
                UUID from = after;
                List<JournalLine> chunk = ctx.inTransaction(() -> store.lines(dataAreaId, journalId,
                        JournalStatus.PROCESSING, from, CHUNK));
                if (chunk.isEmpty()) {
                    break;
                }
                ctx.inTransaction(() -> {
                    requireClaim(dataAreaId, journalId, owner);
                    return postChunk(entity, journalId, chunk, lineProperties);
                });
                after = chunk.get(chunk.size() - 1).lineId();
            }
            return finish(dataAreaId, journalId, owner);
        } catch (ClaimLost e) {
            throw e;
        } catch (RuntimeException e) {
            ctx.inTransaction(() -> {
                if (store.moveClaimedHeader(dataAreaId, journalId, owner, JournalStatus.DRAFT)) {
                    store.moveLines(dataAreaId, journalId, JournalStatus.PROCESSING, JournalStatus.DRAFT);
                    store.moveLines(dataAreaId, journalId, JournalStatus.ERROR, JournalStatus.DRAFT);
                }
            });
            throw e;
        }
    }

    /** Why a journal can't be posted now: not DRAFT, or PROCESSING by an owner that is live. */
    private static TandemException refusal(JournalStore.Claim claim) {
        if (claim.status() == JournalStatus.PROCESSING) {
            return new TandemException(STATE, "Integration journal " + claim.journalId() + " is being posted by "
                    + claim.claimedBy() + " (claim renewed " + claim.renewedOn() + "), which is still running; it can "
                    + "be posted again once that process is gone", Map.of("journalId", claim.journalId(), "status",
                    claim.status().name(), "claimedBy", String.valueOf(claim.claimedBy())));
        }
        return new TandemException(STATE, "Integration journal " + claim.journalId() + " is " + claim.status()
                + "; only a DRAFT journal can be posted (an ERROR journal is set back to DRAFT first)",
                Map.of("journalId", claim.journalId(), "status", claim.status().name()));
    }

    /**
     * Fencing: renews the caller's claim in its transaction (locking the header until it ends), or throws when
     * another process took the journal over meanwhile, so that nothing of this transaction is written.
     */
    private void requireClaim(String dataAreaId, String journalId, UUID owner) {
        if (!store.renew(dataAreaId, journalId, owner)) {
            throw new ClaimLost(journalId);
        }
    }

    /** This process no longer holds the claim of the journal it was posting: another one took it over. */
    static final class ClaimLost extends TandemException {
        ClaimLost(String journalId) {
            super(STATE, "Integration journal " + journalId + " was taken over by another process while this one was "
                    + "posting it; that process posts the rest", Map.of("journalId", journalId));
        }
    }

    /**
     * Posts a chunk's lines in the caller's transaction, set-based: every line is checked and converted in memory
     * first (setup read once for the chunk: legal entity, fiscal periods, each project's profile, each main account),
     * a line that is refused gets ERROR with the reason, and the lines that passed take a block of consecutive
     * voucher numbers in line order (one update of the sequence; §3.8 "new number per line", and no number is lost
     * to a refused line). Then one JDBC batch each writes the vouchers, their ledger lines, the lines' POSTED status
     * and the write-back onto the staging rows. Returns how many lines posted.
     */
    private int postChunk(LegalEntity entity, String journalId, List<JournalLine> chunk,
                          BillingTypeDefaults lineProperties) {
        Ledger.Batch batch = ledger.batch(entity.dataAreaId());
        SalesTax tax = salesTax.forBatch();
        Map<String, Object> profiles = new HashMap<>();
        List<Checked> checked = new ArrayList<>(chunk.size());
        List<Object[]> failures = new ArrayList<>();
        Map<String, Object> audit = ctx.modified();
        for (JournalLine line : chunk) {
            try {
                checked.add(check(batch, tax, profiles, entity, journalId, line, lineProperties));
            } catch (TandemException e) {
                failures.add(new Object[] {JournalStatus.ERROR.name(), cut(e.errorCode().code() + ": " + e.detail()),
                    audit.get("modifiedon"), audit.get("modifiedby"), line.lineId()});
            }
        }
        if (!failures.isEmpty()) {
            ctx.jdbc().batchUpdate("UPDATE projintegrationjournalline SET status = ?, errormessage = ?, modifiedon = ?, "
                    + "modifiedby = ? WHERE lineid = ?", failures);
        }
        if (checked.isEmpty()) {
            return 0;
        }
        List<String> voucherNumbers = numbers.nextBlock(entity.dataAreaId(), NumberSequences.VOUCHER, checked.size());
        List<Ledger.Prepared> vouchers = new ArrayList<>();
        List<String> voucherNumbersWithLedger = new ArrayList<>();
        List<Posted> posted = new ArrayList<>(checked.size());
        List<Object[]> updates = new ArrayList<>(checked.size());
        for (int i = 0; i < checked.size(); i++) {
            Checked c = checked.get(i);
            String voucher = voucherNumbers.get(i);
            if (c.voucher() != null) {
                vouchers.add(c.voucher());
                voucherNumbersWithLedger.add(voucher);
            }
            posted.add(new Posted(c.line(), voucher, c.date(), c.accountingAmount(), c.taxAmount()));
            updates.add(new Object[] {JournalStatus.POSTED.name(), voucher, c.date(), c.accountingAmount(),
                c.taxAmount(), c.wipAccrued(), audit.get("modifiedon"), audit.get("modifiedby"), c.line().lineId(),
                JournalStatus.PROCESSING.name()});
        }
        batch.write(vouchers, voucherNumbersWithLedger);
        int[] counts = ctx.jdbc().batchUpdate("UPDATE projintegrationjournalline SET status = ?, voucher = ?, "
                + "postedaccountingdate = ?, accountingamount = ?, salestaxamount = ?, wipaccrued = ?, errormessage = NULL, "
                + "modifiedon = ?, modifiedby = ? WHERE lineid = ? AND status = ?", updates);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 1) {
                throw new IllegalStateException("integration journal line " + checked.get(i).line().lineId() + " left "
                        + "PROCESSING while it was being posted");
            }
        }
        writeBack(posted);
        return posted.size();
    }

    /**
     * A line that passed every check: its voucher to write ({@code null} when it books no ledger lines, §9), its
     * accounting date, accounting amount (accounting currency, at its minor units) and sales tax amount (transaction
     * currency).
     */
    private record Checked(JournalLine line, Ledger.Prepared voucher, LocalDate date, BigDecimal accountingAmount,
                           BigDecimal taxAmount, boolean wipAccrued) {
    }

    /**
     * Checks and converts a line as posting it would; writes nothing.
     *
     * @throws TandemException the refusal that makes the line ERROR (no profile rule, closed period, missing account,
     *                         no tax rate, …)
     */
    private Checked check(Ledger.Batch batch, SalesTax salesTax, Map<String, Object> profiles, LegalEntity entity, String journalId,
                          JournalLine line, BillingTypeDefaults lineProperties) {
        Profile profile = profile(profiles, entity.dataAreaId(), line.projectId());
        BigDecimal amount = Money.round(line.amount(), line.currency());
        BigDecimal accounting = Money.round(amount.multiply(line.exchangeRate()), entity.accountingCurrency());
        List<Ledger.Line> gl = ledgerLines(profile, line, amount, lineProperties.toBeInvoiced(line.linePropertyId()));
        boolean wipAccrued = line.transType() == StagingRow.UNBILLED_SALES && !gl.isEmpty();
        Ledger.Prepared voucher = null;
        LocalDate date;
        if (gl.isEmpty()) {
            date = batch.accountingDate(line.accountingDate());
        } else {
            voucher = batch.prepare(new Draft(entity.dataAreaId(), line.accountingDate(), describe(line), SOURCE_TYPE,
                    journalId, gl));
            date = voucher.accountingDate();
        }
        BigDecimal tax = BigDecimal.ZERO;
        if (line.transType() == StagingRow.UNBILLED_SALES && line.taxGroup() != null) {
            tax = salesTax.calculate(entity.dataAreaId(), line.taxGroup(), line.itemTaxGroup(), amount, line.currency(),
                    date).taxAmount();
        }
        return new Checked(line, voucher, date, accounting, tax, wipAccrued);
    }

    /** The project's profile, read once per chunk (a refusal is remembered too, and thrown afresh for each line). */
    private Profile profile(Map<String, Object> profiles, String dataAreaId, String projectId) {
        Object found = profiles.computeIfAbsent(projectId, p -> {
            try {
                return setup.profile(dataAreaId, p);
            } catch (TandemException e) {
                return e;
            }
        });
        if (found instanceof TandemException e) {
            throw new TandemException(e.errorCode(), e.detail(), e.properties());
        }
        return (Profile) found;
    }

    /**
     * The §9 ledger lines of a line: debit first; none when the profile books nothing, the amount is 0, or the line is
     * unbilled sales that will not be invoiced (§4.4: non-chargeable and complimentary lines accrue no WIP).
     */
    private static List<Ledger.Line> ledgerLines(Profile profile, JournalLine line, BigDecimal amount,
                                                 boolean chargeable) {
        String debit;
        String credit;
        if (line.transType() == StagingRow.COST) {
            debit = profile.costAccount();
            credit = profile.costOffsetAccount();
        } else if (profile.accrueRevenue() && chargeable) {
            debit = profile.wipSalesValueAccount();
            credit = profile.accruedRevenueAccount();
        } else {
            return List.of();
        }
        if (amount.signum() == 0) {
            return List.of();
        }
        String text = describe(line);
        return List.of(new Ledger.Line(debit, line.currency(), amount, line.exchangeRate(), line.projectId(),
                        line.customerAccount(), text),
                new Ledger.Line(credit, line.currency(), amount.negate(), line.exchangeRate(), line.projectId(),
                        line.customerAccount(), text));
    }

    private static String describe(JournalLine line) {
        String kind = line.transType() == StagingRow.COST ? "Cost" : "Unbilled sales";
        return kind + " of actual " + line.actualId() + ", project " + line.projectId();
    }

    /**
     * §10: the accounting details onto the staging rows, through the writer so the outbox carries them. Rows are
     * updated in staging-row-id order, the order deliveries and imports lock them in (ids are time-ordered version-7
     * UUIDs, whose Java order is the database's), so none of them waits on another in a cycle.
     */
    private void writeBack(List<Posted> posted) {
        Map<UUID, StagingWrites.Posted> values = new LinkedHashMap<>();
        List<Posted> ordered = posted.stream().sorted(Comparator.comparing(p -> p.line().actualsImportId())).toList();
        for (Posted p : ordered) {
            values.put(p.line().actualId(), new StagingWrites.Posted(p.voucher(), p.accountingAmount(),
                    p.line().exchangeRate(), p.taxAmount(), p.date()));
        }
        staging.writeJournalized(values);
    }

    /**
     * Moves failed lines to an error journal when others posted, and sets the header's final status. Counts are the
     * journal's lines as they are now, so a posting taken over from a gone owner counts the lines that owner posted.
     */
    private IntegrationJournal.PostResult finish(String dataAreaId, String journalId, UUID owner) {
        return ctx.inTransaction(() -> {
            requireClaim(dataAreaId, journalId, owner);
            int posted = (int) store.countLines(dataAreaId, journalId, JournalStatus.POSTED);
            int failed = (int) store.countLines(dataAreaId, journalId, JournalStatus.ERROR);
            String errorJournal = null;
            JournalStatus status = JournalStatus.POSTED;
            if (failed > 0 && posted == 0) {
                status = JournalStatus.ERROR;
            } else if (failed > 0) {
                Journal original = store.header(dataAreaId, journalId);
                errorJournal = store.createHeader(dataAreaId, original.periodUnit(), original.periodStart(),
                        JournalStatus.ERROR, journalId, "Lines of " + journalId + " that failed to post");
                Map<String, Object> audit = ctx.modified();
                ctx.jdbc().update("UPDATE projintegrationjournalline SET journalid = ?, modifiedon = ?, modifiedby = ? "
                        + "WHERE dataareaid = ? AND journalid = ? AND status = ?", errorJournal, audit.get("modifiedon"),
                        audit.get("modifiedby"), dataAreaId, journalId, JournalStatus.ERROR.name());
            }
            store.moveClaimedHeader(dataAreaId, journalId, owner, status);
            return new IntegrationJournal.PostResult(journalId, status, posted, failed, errorJournal);
        });
    }

    private static String cut(String message) {
        return message.length() <= 1000 ? message : message.substring(0, 999) + "…";
    }
}
