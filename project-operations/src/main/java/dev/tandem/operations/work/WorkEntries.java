package dev.tandem.operations.work;

import static dev.tandem.operations.OperationsError.ENTRY_STATE;
import static dev.tandem.operations.OperationsError.INVALID_INPUT;
import static dev.tandem.operations.OperationsError.NEGATIVE_QUANTITY;
import static dev.tandem.operations.OperationsError.NOT_FOUND;

import dev.tandem.common.Ids;
import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.Reversals;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.masterdata.MasterData;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Work capture (§5 steps 2–3): time, expense, material and fee entries and their lifecycle — submit, approve or
 * reject, recall, cancel approval. Approval creates the actuals ({@link ApprovalPosting}); cancel approval reverses
 * them ({@link Reversals}). Bulk calls are all-or-nothing: one refused entry refuses the whole call and writes
 * nothing.
 */
public final class WorkEntries {

    private static final int CHUNK = 1000;
    /** The scale of {@code msdyn_quantity} and {@code msdyn_price} (NUMERIC(19,6)). */
    private static final int AMOUNT_SCALE = 6;
    private static final Set<TransactionClassification> CLASSES = EnumSet.of(TransactionClassification.TIME,
            TransactionClassification.EXPENSE, TransactionClassification.MATERIAL, TransactionClassification.FEE);

    private final OperationsContext ctx;
    private final ApprovalPosting posting;
    private final Reversals reversals;

    public WorkEntries(OperationsContext ctx, ApprovalPosting posting, Reversals reversals) {
        this.ctx = ctx;
        this.posting = posting;
        this.reversals = reversals;
    }

    /** Creates a draft entry. @throws TandemException INVALID_INPUT, NEGATIVE_QUANTITY, NOT_FOUND */
    public UUID create(WorkEntryInput in) {
        return createAll(List.of(in)).get(0);
    }

    /**
     * Creates draft entries with batched inserts.
     *
     * @return ids in input order
     * @throws TandemException naming the first bad entry by its position (row 1 = first)
     */
    public List<UUID> createAll(List<WorkEntryInput> inputs) {
        return insert(inputs, null);
    }

    /**
     * Creates draft entries that come from an outside source (a time-tracker export, an expense file), each with a
     * stable source key. Keys that were loaded before are skipped, so loading the same source twice creates nothing
     * the second time; the database's unique index on the key keeps it so under concurrent loads too.
     *
     * @param bySourceKey entries by source key (at most 100 characters), in the order to create them
     * @return the ids of the entries created, by source key, in input order; skipped keys are absent
     * @throws TandemException as {@link #createAll}, naming the entry by its position among those created
     */
    public Map<String, UUID> createFromSources(Map<String, WorkEntryInput> bySourceKey) {
        return ctx.inTransaction(() -> {
            List<String> fresh = unknownKeys(bySourceKey.keySet());
            List<UUID> ids = insert(fresh.stream().map(bySourceKey::get).toList(), fresh);
            Map<String, UUID> created = new LinkedHashMap<>();
            for (int i = 0; i < fresh.size(); i++) {
                created.put(fresh.get(i), ids.get(i));
            }
            return created;
        });
    }

    /** What {@link #approveFromSources} did: the entries created and approved, by source key, and their actuals. */
    public record SourcedApproval(Map<String, UUID> approved, int actuals) {

        public SourcedApproval {
            approved = Collections.unmodifiableMap(new LinkedHashMap<>(approved));
        }
    }

    /**
     * Creates entries from an outside source already approved, with their actuals, in one transaction: the batch
     * form of {@link #createFromSources}, {@link #submitAll} and {@link #approveAll} for a source whose rows were
     * approved where they were entered (a time-tracker export, an expense file). The entry is written once, in its
     * final state, with the submitted-on, approved-on and approved-by stamps an approval in the app gives it; its
     * actuals, transaction connections and origins are those {@link #approveAll} creates (§5 steps 2–3, §3.6),
     * not-to-exceed evaluated on approval (§4.5). Nothing is read back: the entries are posted from what was written.
     * Keys loaded before are skipped, as in {@link #createFromSources}.
     *
     * @param bySourceKey entries by source key (at most 100 characters), in the order to create and approve them
     * @return the entries created now by source key, in input order (skipped keys absent), and the actuals created
     * @throws TandemException as {@link #createAll} and {@link #approveAll}; nothing is written then
     */
    public SourcedApproval approveFromSources(Map<String, WorkEntryInput> bySourceKey) {
        return ctx.inTransaction(() -> {
            List<String> fresh = unknownKeys(bySourceKey.keySet());
            if (fresh.isEmpty()) {
                return new SourcedApproval(Map.of(), 0);
            }
            List<WorkEntry> entries = insert(fresh.stream().map(bySourceKey::get).toList(), fresh,
                    WorkEntryStatus.APPROVED);
            int actuals = posting.post(entries);
            Map<String, UUID> approved = new LinkedHashMap<>();
            for (int i = 0; i < fresh.size(); i++) {
                approved.put(fresh.get(i), entries.get(i).id());
            }
            return new SourcedApproval(approved, actuals);
        });
    }

    /** The keys of {@code keys} no entry has yet, in their order; one query per {@value #CHUNK} keys. */
    private List<String> unknownKeys(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        Set<String> known = new HashSet<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            known.addAll(ctx.jdbc().queryForList("SELECT tdm_sourcekey FROM tdm_workentry WHERE tdm_sourcekey IN ("
                    + OperationsContext.placeholders(chunk) + ")", String.class, chunk.toArray()));
        }
        return all.stream().filter(k -> !known.contains(k)).toList();
    }

    private List<UUID> insert(List<WorkEntryInput> inputs, List<String> sourceKeys) {
        return insert(inputs, sourceKeys, WorkEntryStatus.DRAFT).stream().map(WorkEntry::id).toList();
    }

    /**
     * Inserts entries in one batch with status {@code status} (Draft, or Approved for {@link #approveFromSources}).
     *
     * @return the entries as written, in input order (quantity and price at the column's scale, as a read gives them)
     */
    private List<WorkEntry> insert(List<WorkEntryInput> inputs, List<String> sourceKeys, WorkEntryStatus status) {
        for (int i = 0; i < inputs.size(); i++) {
            validateShape(inputs.get(i), i + 1);
        }
        return ctx.inTransaction(() -> {
            Map<UUID, UUID> defaultRoles = new HashMap<>();
            ReferenceCheck refs = new ReferenceCheck(ctx);
            List<Object[]> rows = new ArrayList<>(inputs.size());
            List<WorkEntry> entries = new ArrayList<>(inputs.size());
            OffsetDateTime now = ctx.now();
            String user = ctx.user();
            boolean approved = status == WorkEntryStatus.APPROVED;
            for (int i = 0; i < inputs.size(); i++) {
                WorkEntryInput in = inputs.get(i);
                String row = "entry " + (i + 1);
                refs.require("msdyn_project", "msdyn_projectid", in.projectId(), "project", row);
                if (in.taskId() != null) {
                    refs.requireTaskOfProject(in.taskId(), in.projectId(), row);
                }
                UUID role = in.roleId();
                if (in.resourceId() != null) {
                    refs.require("bookableresource", "bookableresourceid", in.resourceId(), "bookable resource", row);
                    if (role == null) {
                        role = defaultRoles.computeIfAbsent(in.resourceId(), r -> ctx.jdbc().queryForObject(
                                "SELECT tdm_defaultrole FROM bookableresource WHERE bookableresourceid = ?", UUID.class, r));
                    }
                }
                if (in.transactionClass() == TransactionClassification.TIME && role == null) {
                    throw new TandemException(INVALID_INPUT, row + ": a time entry needs a role (or a resource with a default role)");
                }
                if (role != null) {
                    refs.require("bookableresourcecategory", "bookableresourcecategoryid", role, "role", row);
                }
                if (in.categoryId() != null) {
                    refs.require("msdyn_transactioncategory", "msdyn_transactioncategoryid", in.categoryId(),
                            "transaction category", row);
                }
                if (in.productId() != null) {
                    refs.require("product", "productid", in.productId(), "product", row);
                }
                WorkEntry entry = new WorkEntry(Ids.newId(), in.transactionClass(), status, in.projectId(),
                        in.taskId(), in.resourceId(), role, in.categoryId(), in.productId(), in.date(),
                        in.quantity().setScale(AMOUNT_SCALE, RoundingMode.HALF_UP),
                        in.price() == null ? null : in.price().setScale(AMOUNT_SCALE, RoundingMode.HALF_UP),
                        in.currency(), in.description(), in.externalDescription(), null, in.billingType());
                entries.add(entry);
                rows.add(new Object[] {entry.id(), in.transactionClass().value(), status.name(), in.projectId(),
                        in.taskId(), in.resourceId(), role, in.categoryId(), in.productId(), in.date(), entry.quantity(),
                        entry.price(), in.currency(), in.description(), in.externalDescription(),
                        sourceKeys == null ? null : sourceKeys.get(i),
                        in.billingType() == null ? null : in.billingType().value(), approved ? now : null,
                        approved ? now : null, approved ? user : null, now, user, now, user});
            }
            ctx.jdbc().batchUpdate("INSERT INTO tdm_workentry (tdm_workentryid, tdm_transactionclass, tdm_status, "
                    + "msdyn_project, msdyn_task, msdyn_bookableresource, msdyn_resourcecategory, msdyn_transactioncategory, "
                    + "msdyn_product, msdyn_date, msdyn_quantity, msdyn_price, transactioncurrency, msdyn_description, "
                    + "msdyn_externaldescription, tdm_sourcekey, msdyn_billingtype, tdm_submittedon, tdm_approvedon, "
                    + "tdm_approvedby, createdon, createdby, modifiedon, modifiedby) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            return entries;
        });
    }

    /** Draft or Rejected → Submitted. */
    public void submit(UUID id) {
        submitAll(List.of(id));
    }

    public void submitAll(List<UUID> ids) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("tdm_submittedon", ctx.now());
        values.put("tdm_rejectionreason", null); // a resubmitted entry is no longer rejected
        transition(ids, EnumSet.of(WorkEntryStatus.DRAFT, WorkEntryStatus.REJECTED), WorkEntryStatus.SUBMITTED, "submitted",
                values);
    }

    /** Submitted or Rejected → Draft. */
    public void recall(UUID id) {
        transition(List.of(id), EnumSet.of(WorkEntryStatus.SUBMITTED, WorkEntryStatus.REJECTED), WorkEntryStatus.DRAFT,
                "recalled", Map.of());
    }

    /** Submitted → Rejected, with the approver's reason. */
    public void reject(UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new TandemException(INVALID_INPUT, "A rejection needs a reason");
        }
        transition(List.of(id), EnumSet.of(WorkEntryStatus.SUBMITTED), WorkEntryStatus.REJECTED, "rejected",
                Map.of("tdm_rejectionreason", reason));
    }

    /** Result of an approval: entries approved and actuals created. */
    public record ApprovalResult(int entries, int actuals) {
    }

    /** Submitted → Approved, creating the actuals (§5 step 3). */
    public ApprovalResult approve(UUID id) {
        return approveAll(List.of(id));
    }

    /**
     * Approves submitted entries in one transaction, creating their actuals with batched statements.
     *
     * @throws TandemException ENTRY_STATE naming the first entry that is not Submitted; any pricing or contract
     *                         error of {@link ApprovalPosting}, naming the entry. Nothing is written then.
     */
    public ApprovalResult approveAll(List<UUID> ids) {
        return ctx.inTransaction(() -> {
            List<WorkEntry> entries = load(ids);
            requireStatus(entries, EnumSet.of(WorkEntryStatus.SUBMITTED), "approved");
            int actuals = posting.post(entries);
            update(ids, WorkEntryStatus.APPROVED, Map.of("tdm_approvedon", ctx.now(), "tdm_approvedby", ctx.user()));
            return new ApprovalResult(entries.size(), actuals);
        });
    }

    /**
     * Approved → Draft, reversing the entry's actuals: originals become Adjusted, reversals Unadjustable (§4.3).
     *
     * @throws TandemException ENTRY_STATE; ACTUAL_INVOICED when an actual is already on an invoice
     */
    public void cancelApproval(UUID id) {
        ctx.inTransaction(() -> {
            List<WorkEntry> entries = load(List.of(id));
            requireStatus(entries, EnumSet.of(WorkEntryStatus.APPROVED), "approval-cancelled");
            reversals.reverseSource(entries.get(0).id(), entries.get(0).documentType());
            update(List.of(id), WorkEntryStatus.DRAFT, Map.of());
        });
    }

    /** @throws TandemException NOT_FOUND */
    public WorkEntry entry(UUID id) {
        return load(List.of(id)).get(0);
    }

    /** Entries of a project, newest first, one page; optionally only one status. */
    public List<WorkEntry> entries(UUID projectId, WorkEntryStatus status, int page, int size) {
        String where = status == null ? "" : " AND tdm_status = '" + status.name() + "'";
        return ctx.jdbc().query("SELECT * FROM tdm_workentry WHERE msdyn_project = ?" + where
                + " ORDER BY msdyn_date DESC, tdm_workentryid LIMIT ? OFFSET ?", WorkEntry::map, projectId, size,
                (long) page * size);
    }

    /** How many entries a project has, of one status or ({@code status == null}) all: the total of {@link #entries}. */
    public long count(UUID projectId, WorkEntryStatus status) {
        Long n = status == null
                ? ctx.jdbc().queryForObject("SELECT COUNT(*) FROM tdm_workentry WHERE msdyn_project = ?", Long.class,
                        projectId)
                : ctx.jdbc().queryForObject("SELECT COUNT(*) FROM tdm_workentry WHERE msdyn_project = ? AND "
                        + "tdm_status = ?", Long.class, projectId, status.name());
        return n == null ? 0 : n;
    }

    private void transition(List<UUID> ids, Set<WorkEntryStatus> from, WorkEntryStatus to, String verb,
                            Map<String, Object> extra) {
        ctx.inTransaction(() -> {
            requireStatus(load(ids), from, verb);
            update(ids, to, extra);
        });
    }

    private void update(List<UUID> ids, WorkEntryStatus to, Map<String, Object> extra) {
        Map<String, Object> values = new LinkedHashMap<>(extra);
        values.put("tdm_status", to.name());
        values.putAll(ctx.modified());
        List<String> columns = new ArrayList<>(values.keySet());
        String set = "UPDATE tdm_workentry SET " + String.join(" = ?, ", columns) + " = ? WHERE tdm_workentryid IN (";
        // One statement per CHUNK entries: all get the same values, so the update is set-based.
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<Object> args = new ArrayList<>(values.values());
            args.addAll(chunk);
            ctx.jdbc().update(set + OperationsContext.placeholders(chunk) + ")", args.toArray());
        }
    }

    private List<WorkEntry> load(List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new TandemException(INVALID_INPUT, "No work entries given");
        }
        Map<UUID, WorkEntry> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            ctx.jdbc().query("SELECT * FROM tdm_workentry WHERE tdm_workentryid IN (" + OperationsContext.placeholders(chunk)
                    + ")", WorkEntry::map, chunk.toArray()).forEach(e -> byId.put(e.id(), e));
        }
        List<WorkEntry> entries = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            WorkEntry e = byId.get(id);
            if (e == null) {
                throw new TandemException(NOT_FOUND, "Unknown work entry " + id, Map.of("entity", "work entry", "id", String.valueOf(id)));
            }
            entries.add(e);
        }
        return entries;
    }

    private static void requireStatus(List<WorkEntry> entries, Set<WorkEntryStatus> allowed, String verb) {
        for (WorkEntry e : entries) {
            if (!allowed.contains(e.status())) {
                throw new TandemException(ENTRY_STATE, "Work entry " + e.id() + " is " + e.status()
                        + " and can't be " + verb + " (allowed from " + allowed + ")",
                        Map.of("entryId", e.id().toString(), "entryStatus", e.status().name()));
            }
        }
    }

    private static void validateShape(WorkEntryInput in, int row) {
        String at = "entry " + row;
        if (in == null || in.transactionClass() == null || !CLASSES.contains(in.transactionClass())) {
            throw new TandemException(INVALID_INPUT, at + ": transaction class must be Time, Expense, Material or Fee");
        }
        if (in.date() == null) {
            throw new TandemException(INVALID_INPUT, at + ": a date is required");
        }
        if (in.quantity() == null) {
            throw new TandemException(INVALID_INPUT, at + ": a quantity is required");
        }
        if (in.quantity().signum() < 0) {
            throw new TandemException(NEGATIVE_QUANTITY, at + ": quantity " + in.quantity().toPlainString()
                    + " is negative; corrections are made by cancelling the approval, not with negative entries",
                    Map.of("row", row, "quantity", in.quantity().toPlainString()));
        }
        if (in.billingType() == BillingType.NOT_AVAILABLE) {
            throw new TandemException(INVALID_INPUT, at + ": a work entry's billing type is Chargeable, Non Chargeable "
                    + "or Complimentary");
        }
        if (in.price() != null && in.price().signum() < 0) {
            throw new TandemException(INVALID_INPUT, at + ": price must not be negative");
        }
        if (in.currency() != null) {
            MasterData.currency(in.currency());
        }
        switch (in.transactionClass()) {
            case EXPENSE -> {
                if (in.categoryId() == null) {
                    throw new TandemException(INVALID_INPUT, at + ": an expense needs a transaction category");
                }
                if (in.price() != null && in.currency() == null) {
                    throw new TandemException(INVALID_INPUT, at + ": an expense with a price needs its currency");
                }
            }
            case MATERIAL -> {
                if (in.productId() == null) {
                    throw new TandemException(INVALID_INPUT, at + ": a material entry needs a product");
                }
            }
            case FEE -> {
                if (in.price() == null || in.currency() == null) {
                    throw new TandemException(INVALID_INPUT, at + ": a fee needs a price and a currency");
                }
            }
            default -> {
                // time: role checked against the resource in createAll
            }
        }
    }
}
