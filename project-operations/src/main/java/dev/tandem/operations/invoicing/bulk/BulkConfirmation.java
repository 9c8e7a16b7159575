package dev.tandem.operations.invoicing.bulk;

import static dev.tandem.operations.OperationsError.INVALID_INPUT;
import static dev.tandem.operations.OperationsError.INVOICE_STATUS;
import static dev.tandem.operations.OperationsError.NOT_FOUND;

import dev.tandem.common.Ids;
import dev.tandem.common.TandemException;
import dev.tandem.common.claim.Claims;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.OptionValue;
import dev.tandem.operations.invoicing.BulkConfirmationStatus;
import dev.tandem.operations.invoicing.InvoiceConfirmation;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceStore;
import dev.tandem.operations.invoicing.bulk.BulkConfirmJob.JobInvoice;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bulk confirmation of proforma invoices (§8 "Bulk confirm", §3.2, §4.1, §11 rule 14, [D:BULK]).
 *
 * <p>{@link #schedule} takes at most {@value #MAX_INVOICES} invoices per action and schedules them all or none:
 * each gets bulk confirmation status Scheduled while its project invoice status stays as it is (Draft or In
 * Review, §4.1), and a job row records them. {@link #process} (run by {@link BulkConfirmWorker} in the background,
 * or directly) claims the job for this process ({@link Claims}: owner id, host:pid, last renewal; a job whose owner
 * is gone is taken over at once, issue 14) and takes the invoices one by one: Processing (committed, so it is visible), then confirmation and
 * Complete in one transaction; when confirmation fails, that transaction is rolled back and the invoice becomes
 * Failed with the error in {@code tdm_bulkconfirmationdetail} (the original shows it on the timeline). One failed
 * invoice does not stop the others. The job ends Complete when every invoice was confirmed, Failed otherwise, with
 * both counts.
 *
 * <p>The invoice status changes go through the data-entity writer, so they reach the outbox like every other
 * invoice change. The job tables are the app's own bookkeeping and are not synced.
 *
 * <p>Where the original schedules only the selected invoices that "meet the invoice validation criteria" and
 * leaves the others out silently, Tandem refuses the whole action and names every invoice that doesn't qualify,
 * so nobody believes an invoice is being confirmed when it is not.
 */
public final class BulkConfirmation {

    /** Most invoices one bulk confirmation takes (§8, §11 rule 14). */
    public static final int MAX_INVOICES = 250;

    /** Longest detail stored on an invoice ({@code tdm_bulkconfirmationdetail}). */
    static final int DETAIL_LENGTH = 1000;

    private static final String JOBS = "tdm_bulkconfirmjob";
    private static final String JOB_INVOICES = "tdm_bulkconfirmjobinvoice";

    private final OperationsContext ctx;
    private final InvoiceStore store;
    private final InvoiceConfirmation confirmation;

    public BulkConfirmation(OperationsContext ctx, InvoiceStore store, InvoiceConfirmation confirmation) {
        this.ctx = ctx;
        this.store = store;
        this.confirmation = confirmation;
    }

    /**
     * Schedules invoices for bulk confirmation. Repeated ids count once.
     *
     * @return the new job's id; the job is Scheduled and waits for {@link #process}
     * @throws TandemException INVALID_INPUT for no ids or more than {@value #MAX_INVOICES} invoices; NOT_FOUND naming
     *                         the unknown ids; INVOICE_STATUS naming each invoice that is not Draft or In Review or is
     *                         already Scheduled or Processing. Nothing is written then.
     */
    public UUID schedule(List<UUID> invoiceIds) {
        if (invoiceIds == null || invoiceIds.isEmpty() || invoiceIds.stream().anyMatch(Objects::isNull)) {
            throw new TandemException(INVALID_INPUT, "Bulk confirmation needs a list of invoice ids, none of them empty");
        }
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(invoiceIds));
        if (ids.size() > MAX_INVOICES) {
            throw new TandemException(INVALID_INPUT, "Bulk confirmation takes at most " + MAX_INVOICES
                    + " invoices per action (§8, §11 rule 14); " + ids.size() + " were given",
                    Map.of("maximum", MAX_INVOICES, "given", ids.size()));
        }
        return ctx.inTransaction(() -> {
            requireKnown(ids);
            List<String> refusals = new ArrayList<>();
            // Locked in id order, so two actions over overlapping invoices can't deadlock; the second then sees the
            // first one's Scheduled and is refused.
            for (UUID id : ids.stream().sorted().toList()) {
                refusal(store.lock(id)).ifPresent(refusals::add);
            }
            if (!refusals.isEmpty()) {
                throw new TandemException(INVOICE_STATUS, "Only Draft or In Review invoices that are not already "
                        + "scheduled can be bulk-confirmed (§11 rule 14): " + String.join("; ", refusals),
                        Map.of("invoices", List.copyOf(refusals)));
            }
            UUID jobId = Ids.newId();
            Map<String, Object> audit = ctx.created();
            ctx.jdbc().update("INSERT INTO " + JOBS + " (tdm_bulkconfirmjobid, tdm_status, tdm_invoicecount, "
                    + "tdm_confirmedcount, tdm_failedcount, createdon, createdby, modifiedon, modifiedby) "
                    + "VALUES (?, ?, ?, 0, 0, ?, ?, ?, ?)", jobId, BulkConfirmationStatus.SCHEDULED.value(), ids.size(),
                    audit.get("createdon"), audit.get("createdby"), audit.get("modifiedon"), audit.get("modifiedby"));
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                rows.add(new Object[] {jobId, ids.get(i), i});
            }
            ctx.jdbc().batchUpdate("INSERT INTO " + JOB_INVOICES + " (tdm_bulkconfirmjobid, invoiceid, tdm_sequence) "
                    + "VALUES (?, ?, ?)", rows);
            setStatus(ids, BulkConfirmationStatus.SCHEDULED, null);
            return jobId;
        });
    }

    /**
     * Processes a Scheduled job: confirms its invoices one by one, each in its own transaction, and finishes the
     * job. A job that is not Scheduled (already taken by a worker, or finished) is left alone, so processing a job
     * twice, or from two workers, confirms nothing twice.
     *
     * <p>Must be called outside a transaction: each invoice commits on its own.
     *
     * @return the job as it is afterwards
     * @throws TandemException NOT_FOUND for an unknown job
     * @throws IllegalStateException inside a transaction
     */
    public BulkConfirmJob process(UUID jobId) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Bulk confirmation commits each invoice on its own; process it outside a "
                    + "transaction");
        }
        Claims claims = ctx.claims();
        claims.hold();
        UUID owner = claims.owner().id();
        boolean claimed = ctx.inTransaction(() -> {
            JobClaim claim = lockClaim(jobId);
            boolean abandoned = claim.status() == BulkConfirmationStatus.PROCESSING
                    && claims.isGone(claim.owner(), claim.renewedOn(), ctx.now());
            if (claim.status() != BulkConfirmationStatus.SCHEDULED && !abandoned) {
                return false;
            }
            Map<String, Object> audit = ctx.modified();
            // A job taken over from a gone owner keeps its start; the invoices that owner finished keep their outcome.
            ctx.jdbc().update("UPDATE " + JOBS + " SET tdm_status = ?, tdm_startedon = COALESCE(tdm_startedon, ?), "
                    + "tdm_claimowner = ?, tdm_claimedby = ?, tdm_claimrenewedon = ?, modifiedon = ?, modifiedby = ? "
                    + "WHERE tdm_bulkconfirmjobid = ?", BulkConfirmationStatus.PROCESSING.value(), ctx.now(), owner,
                    claims.owner().label(), ctx.now(), audit.get("modifiedon"), audit.get("modifiedby"), jobId);
            return true;
        });
        if (claimed) {
            try {
                for (JobInvoice invoice : job(jobId).invoices()) {
                    if (invoice.outcome() == null) {
                        confirmOne(jobId, invoice.invoiceId(), owner);
                    }
                }
                ctx.inTransaction(() -> {
                    requireClaim(jobId, owner);
                    finish(jobId);
                });
            } catch (ClaimLost lost) {
                // Another process took the job over (it thought this one gone); it finishes the job.
            }
        }
        return job(jobId);
    }

    /**
     * A job in Processing and its claim: the processing process's id and host:pid, when it last renewed the claim
     * (UTC), and whether that process is gone ({@link Claims}), in which case the next worker takes the job over.
     */
    public record JobClaim(UUID jobId, BulkConfirmationStatus status, UUID owner, String claimedBy,
                           OffsetDateTime renewedOn, boolean ownerGone) {
    }

    /** The claims of the jobs in Processing, oldest job first. */
    public List<JobClaim> claims() {
        Claims claims = ctx.claims();
        OffsetDateTime now = ctx.now();
        return ctx.jdbc().query("SELECT * FROM " + JOBS + " WHERE tdm_status = ? ORDER BY createdon, "
                + "tdm_bulkconfirmjobid", (rs, n) -> claim(rs, claims, now), BulkConfirmationStatus.PROCESSING.value());
    }

    /** Ids of the jobs a worker should take now: those still Scheduled and those whose owner is gone, oldest first. */
    public List<UUID> resumableJobs() {
        ctx.claims().hold();
        List<UUID> ids = new ArrayList<>(scheduledJobs());
        claims().stream().filter(JobClaim::ownerGone).map(JobClaim::jobId).forEach(ids::add);
        return ids;
    }

    private JobClaim lockClaim(UUID jobId) {
        Claims claims = ctx.claims();
        OffsetDateTime now = ctx.now();
        return ctx.jdbc().query("SELECT * FROM " + JOBS + " WHERE tdm_bulkconfirmjobid = ? FOR UPDATE",
                (rs, n) -> claim(rs, claims, now), jobId).stream().findFirst().orElseThrow(() -> unknownJob(jobId));
    }

    private static JobClaim claim(java.sql.ResultSet rs, Claims claims, OffsetDateTime now)
            throws java.sql.SQLException {
        BulkConfirmationStatus status = OptionValue.of(BulkConfirmationStatus.class, rs.getInt("tdm_status"));
        UUID owner = rs.getObject("tdm_claimowner", UUID.class);
        OffsetDateTime renewed = rs.getObject("tdm_claimrenewedon", OffsetDateTime.class);
        return new JobClaim(rs.getObject("tdm_bulkconfirmjobid", UUID.class), status, owner,
                rs.getString("tdm_claimedby"), renewed,
                status == BulkConfirmationStatus.PROCESSING && claims.isGone(owner, renewed, now));
    }

    /**
     * Fencing: renews the owner's claim on the job in the caller's transaction (locking the job row until it ends),
     * or throws {@link ClaimLost} when another process took the job over, so nothing of the transaction is written.
     */
    private void requireClaim(UUID jobId, UUID owner) {
        if (ctx.jdbc().update("UPDATE " + JOBS + " SET tdm_claimrenewedon = ? WHERE tdm_bulkconfirmjobid = ? AND "
                + "tdm_status = ? AND tdm_claimowner = ?", ctx.now(), jobId, BulkConfirmationStatus.PROCESSING.value(),
                owner) != 1) {
            throw new ClaimLost();
        }
    }

    /** This process no longer holds the claim of the job it was processing. */
    private static final class ClaimLost extends RuntimeException {
        ClaimLost() {
            super(null, null, false, false);
        }
    }

    /** @throws TandemException NOT_FOUND for an unknown job */
    public BulkConfirmJob job(UUID jobId) {
        List<JobInvoice> invoices = ctx.jdbc().query("SELECT invoiceid, tdm_outcome FROM " + JOB_INVOICES
                + " WHERE tdm_bulkconfirmjobid = ? ORDER BY tdm_sequence", (rs, n) -> {
            int value = rs.getInt(2);
            BulkConfirmationStatus outcome = rs.wasNull() ? null : OptionValue.of(BulkConfirmationStatus.class, value);
            return new JobInvoice(rs.getObject(1, UUID.class), outcome);
        }, jobId);
        return ctx.jdbc().query("SELECT * FROM " + JOBS + " WHERE tdm_bulkconfirmjobid = ?", (rs, n) ->
                new BulkConfirmJob(jobId, OptionValue.of(BulkConfirmationStatus.class, rs.getInt("tdm_status")),
                        rs.getInt("tdm_invoicecount"), rs.getInt("tdm_confirmedcount"), rs.getInt("tdm_failedcount"),
                        rs.getObject("createdon", OffsetDateTime.class), rs.getString("createdby"),
                        rs.getObject("tdm_startedon", OffsetDateTime.class),
                        rs.getObject("tdm_finishedon", OffsetDateTime.class), invoices), jobId)
                .stream().findFirst().orElseThrow(() -> unknownJob(jobId));
    }

    /** Ids of the jobs still Scheduled, oldest first: what a worker picks up after a restart. */
    public List<UUID> scheduledJobs() {
        return ctx.jdbc().queryForList("SELECT tdm_bulkconfirmjobid FROM " + JOBS + " WHERE tdm_status = ? "
                + "ORDER BY createdon, tdm_bulkconfirmjobid", UUID.class, BulkConfirmationStatus.SCHEDULED.value());
    }

    /**
     * Processing, then confirmation and Complete in one transaction; Failed with the reason when either fails. Each
     * transaction first renews the job's claim ({@link #requireClaim}). An invoice already Processing was left so by
     * this job's gone owner (scheduling refuses an invoice that is Scheduled or Processing, so no other job has it),
     * and is confirmed now.
     */
    private void confirmOne(UUID jobId, UUID invoiceId, UUID owner) {
        try {
            ctx.inTransaction(() -> {
                requireClaim(jobId, owner);
                Invoice invoice = store.lock(invoiceId);
                if (invoice.bulkConfirmationStatus() != BulkConfirmationStatus.SCHEDULED
                        && invoice.bulkConfirmationStatus() != BulkConfirmationStatus.PROCESSING) {
                    throw new TandemException(INVOICE_STATUS, "Invoice " + invoice.number()
                            + " is no longer scheduled for bulk confirmation", Map.of("invoiceId", invoiceId.toString()));
                }
                setStatus(List.of(invoiceId), BulkConfirmationStatus.PROCESSING, null);
            });
            ctx.inTransaction(() -> {
                requireClaim(jobId, owner);
                confirmation.confirm(invoiceId);
                setStatus(List.of(invoiceId), BulkConfirmationStatus.COMPLETE, null);
                setOutcome(jobId, invoiceId, BulkConfirmationStatus.COMPLETE);
            });
        } catch (ClaimLost lost) {
            throw lost;
        } catch (RuntimeException e) {
            String detail = describe(e);
            ctx.inTransaction(() -> {
                requireClaim(jobId, owner);
                // A draft deleted after it was scheduled has no row left to carry the detail; the job still counts it.
                if (store.find(invoiceId).isPresent()) {
                    setStatus(List.of(invoiceId), BulkConfirmationStatus.FAILED, detail);
                }
                setOutcome(jobId, invoiceId, BulkConfirmationStatus.FAILED);
            });
        }
    }

    private void finish(UUID jobId) {
        lockJob(jobId);
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        ctx.jdbc().query("SELECT tdm_outcome, COUNT(*) FROM " + JOB_INVOICES + " WHERE tdm_bulkconfirmjobid = ? "
                + "AND tdm_outcome IS NOT NULL GROUP BY tdm_outcome", rs -> {
            counts.put(rs.getInt(1), rs.getInt(2));
        }, jobId);
        int confirmed = counts.getOrDefault(BulkConfirmationStatus.COMPLETE.value(), 0);
        int failed = counts.getOrDefault(BulkConfirmationStatus.FAILED.value(), 0);
        BulkConfirmationStatus status = failed == 0 ? BulkConfirmationStatus.COMPLETE : BulkConfirmationStatus.FAILED;
        Map<String, Object> audit = ctx.modified();
        ctx.jdbc().update("UPDATE " + JOBS + " SET tdm_status = ?, tdm_confirmedcount = ?, tdm_failedcount = ?, "
                + "tdm_finishedon = ?, tdm_claimowner = NULL, tdm_claimedby = NULL, tdm_claimrenewedon = NULL, "
                + "modifiedon = ?, modifiedby = ? WHERE tdm_bulkconfirmjobid = ?", status.value(),
                confirmed, failed, ctx.now(), audit.get("modifiedon"), audit.get("modifiedby"), jobId);
    }

    private BulkConfirmationStatus lockJob(UUID jobId) {
        return ctx.jdbc().queryForList("SELECT tdm_status FROM " + JOBS + " WHERE tdm_bulkconfirmjobid = ? FOR UPDATE",
                Integer.class, jobId).stream().findFirst().map(v -> OptionValue.of(BulkConfirmationStatus.class, v))
                .orElseThrow(() -> unknownJob(jobId));
    }

    private void setStatus(List<UUID> invoiceIds, BulkConfirmationStatus status, String detail) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("tdm_bulkconfirmationstatus", status.value());
        values.put("tdm_bulkconfirmationdetail", detail);
        values.putAll(ctx.modified());
        ctx.writer().update(OperationsDataEntities.INVOICES, invoiceIds, values);
    }

    private void setOutcome(UUID jobId, UUID invoiceId, BulkConfirmationStatus outcome) {
        ctx.jdbc().update("UPDATE " + JOB_INVOICES + " SET tdm_outcome = ? WHERE tdm_bulkconfirmjobid = ? AND invoiceid = ?",
                outcome.value(), jobId, invoiceId);
    }

    private void requireKnown(List<UUID> ids) {
        Set<UUID> known = new HashSet<>(ctx.jdbc().queryForList("SELECT invoiceid FROM invoice WHERE invoiceid IN ("
                + OperationsContext.placeholders(ids) + ")", UUID.class, ids.toArray()));
        List<UUID> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new TandemException(NOT_FOUND, "Unknown invoices " + unknown,
                    Map.of("entity", "invoice", "ids", unknown.stream().map(UUID::toString).toList()));
        }
    }

    /** Why an invoice does not meet the criteria of bulk confirmation, naming it; empty when it does. */
    private static Optional<String> refusal(Invoice invoice) {
        if (!invoice.status().editable()) {
            return Optional.of(invoice.number() + " is " + invoice.status().label());
        }
        BulkConfirmationStatus bulk = invoice.bulkConfirmationStatus();
        if (bulk == BulkConfirmationStatus.SCHEDULED || bulk == BulkConfirmationStatus.PROCESSING) {
            return Optional.of(invoice.number() + " is already " + bulk.label() + " for bulk confirmation");
        }
        return Optional.empty();
    }

    /** The detail stored on a failed invoice: the error code and sentence, cut to the column's length. */
    static String describe(RuntimeException e) {
        String text = e instanceof TandemException t ? t.errorCode().code() + ": " + t.detail()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() <= DETAIL_LENGTH ? text : text.substring(0, DETAIL_LENGTH - 1) + "…";
    }

    private static TandemException unknownJob(UUID jobId) {
        return new TandemException(NOT_FOUND, "Unknown bulk confirmation job " + jobId,
                Map.of("entity", "bulk confirmation job", "id", String.valueOf(jobId)));
    }
}
