package dev.tandem.operations.invoicing;

import static dev.tandem.operations.OperationsError.ACTUAL_INVOICED;
import static dev.tandem.operations.OperationsError.ACTUAL_NOT_INVOICEABLE;
import static dev.tandem.operations.OperationsError.CONTRACT_NOT_CONFIRMED;
import static dev.tandem.operations.OperationsError.INVALID_INPUT;
import static dev.tandem.operations.OperationsError.MILESTONE_STATE;
import static dev.tandem.operations.OperationsError.NOTHING_TO_INVOICE;
import static dev.tandem.operations.OperationsError.NOT_FOUND;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.actuals.ActualRow;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.ContractRecords.Contract;
import dev.tandem.operations.contracts.ContractRecords.Milestone;
import dev.tandem.operations.contracts.ContractStatus;
import dev.tandem.operations.contracts.Contracts;
import dev.tandem.operations.contracts.MilestoneInvoiceStatus;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.retainer.RetainerInvoicing;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Creates proforma invoices from the billing backlog (§5 step 8, §11 rules 1–2): per contract, in bulk, "add to
 * invoice", and for a scheduled run (§8 "Automatic invoice creation"). Only actuals marked Ready to invoice and dated
 * on or before a cutoff are pulled, plus milestones Ready for invoicing; a contract whose lines are split gets one
 * invoice per contract customer. "Create Invoice" and a run assemble their drafts the same way
 * ({@link #draftsPerCustomer}); they differ only in what they pull (see {@link #createForRun}).
 *
 * <p>The contract row is locked while its backlog is pulled, so two creations for one contract run one after the
 * other and an actual lands on at most one draft; the unique key on a detail's actual guards the same at the
 * database level.
 */
public final class InvoiceCreation {

    /** The specification's wording when nothing can be invoiced (§11 rule 2, [3P-AP]). */
    public static final String NOTHING_TO_INVOICE_TEXT =
            "There are no past dated transactions to invoice for this project contract. No invoice was created.";

    private final OperationsContext ctx;
    private final Contracts contracts;
    private final InvoiceStore store;
    private final InvoiceWriter writer;
    private final RetainerInvoicing retainers;

    public InvoiceCreation(OperationsContext ctx, Contracts contracts, InvoiceStore store,
                           RetainerInvoicing retainers) {
        this.ctx = ctx;
        this.contracts = contracts;
        this.store = store;
        this.retainers = retainers;
        this.writer = new InvoiceWriter(ctx, contracts, store, retainers);
    }

    InvoiceWriter writer() {
        return writer;
    }

    /**
     * "Create Invoice" on a contract: one draft per contract customer with everything Ready to invoice dated on or
     * before {@code invoiceDate}, plus the contract's Ready milestones.
     *
     * @return the new invoices' ids, ordered by customer
     * @throws TandemException NOTHING_TO_INVOICE with the specification's text; CONTRACT_NOT_CONFIRMED; NOT_FOUND
     */
    public List<UUID> createForContract(UUID contractId, LocalDate invoiceDate) {
        if (invoiceDate == null) {
            throw new TandemException(INVALID_INPUT, "An invoice date is required");
        }
        return ctx.inTransaction(() -> {
            Contract contract = lockConfirmedContract(contractId);
            Backlog backlog = new Backlog(contractId, List.of(), invoiceDate);
            List<UUID> customers = readyCustomers(backlog);
            List<Milestone> milestones = readyMilestones(contractId);
            // A retainer Ready to invoice is something to invoice too; InvoiceWriter.finishDraft puts it on the draft.
            Set<UUID> retainerCustomers = retainers.customersToInvoice(contractId, invoiceDate);
            if (customers.isEmpty() && milestones.isEmpty() && retainerCustomers.isEmpty()) {
                throw new TandemException(NOTHING_TO_INVOICE, NOTHING_TO_INVOICE_TEXT,
                        Map.of("contractId", contractId.toString(), "invoiceDate", invoiceDate.toString()));
            }
            return draftsPerCustomer(contract, invoiceDate, backlog, customers, milestones, retainerCustomers);
        });
    }

    /**
     * Invoice creation of a scheduled run (§8 "Automatic invoice creation", §3.5, §11 rule 2): the drafts of one
     * contract for one invoice run date. Unlike {@link #createForContract}, which takes every Ready actual of the
     * contract dated on or before the invoice date, a run takes
     * <ul>
     *   <li>from the given Time and Material lines only (the lines whose schedule has this run date), their unbilled
     *       sales actuals Ready to invoice with document date on or before the <em>transaction cutoff date</em>
     *       (the run date − 1 day, [D:SCHED]);</li>
     *   <li>from the contract's fixed-price lines, the milestones Ready for invoicing whose milestone date is on or
     *       before the run date (a milestone date is when "the automatic invoice creation process should look for
     *       the status of this milestone", [D:SCHED]).</li>
     * </ul>
     * The lines combine into one draft per contract customer (§8, [D:AUTO]), dated the run date. A retainer Ready to
     * invoice does not by itself make a run create a draft. Like {@link #createForContract} it locks the contract row
     * while it pulls the backlog, so a run and a manual creation for the same contract run one after the other.
     *
     * @param contractId            the contract, which must be confirmed
     * @param runDate               the invoice run date: the invoices' date and the milestone cutoff
     * @param timeAndMaterialLines  the contract's Time and Material lines whose schedule has this run date; lines
     *                              of other contracts pull nothing
     * @param transactionCutoffDate actuals dated after it stay in the backlog; before {@code runDate}
     * @return the new invoices' ids ordered by customer; empty when there is nothing to invoice, and then nothing
     *         is written (the run "skips invoice creation", [D:AUTO])
     * @throws TandemException CONTRACT_NOT_CONFIRMED, NOT_FOUND for an unknown contract, INVALID_INPUT for a
     *                         missing date or a cutoff not before the run date
     */
    public List<UUID> createForRun(UUID contractId, LocalDate runDate, Collection<UUID> timeAndMaterialLines,
                                   LocalDate transactionCutoffDate) {
        if (runDate == null || transactionCutoffDate == null || !transactionCutoffDate.isBefore(runDate)) {
            throw new TandemException(INVALID_INPUT, "A run needs a run date and a transaction cutoff date before it"
                    + " (run date " + runDate + ", cutoff " + transactionCutoffDate + ")");
        }
        return ctx.inTransaction(() -> {
            Contract contract = lockConfirmedContract(contractId);
            Backlog backlog = new Backlog(contractId, List.copyOf(timeAndMaterialLines), transactionCutoffDate);
            List<UUID> customers = timeAndMaterialLines.isEmpty() ? List.of() : readyCustomers(backlog);
            List<Milestone> milestones = dueMilestones(contractId, runDate);
            if (customers.isEmpty() && milestones.isEmpty()) {
                return List.of();
            }
            return draftsPerCustomer(contract, runDate, backlog, customers, milestones, Set.of());
        });
    }

    /**
     * One new draft per customer, ordered by customer: the customers of the actuals, the contract customer when
     * there are milestones (milestones bill the contract customer), and {@code retainerCustomers}; the milestones go
     * on the contract customer's draft. Each customer's actuals of {@code backlog} are attached {@value #CHUNK} at a
     * time ({@link #attachBacklog}).
     */
    private List<UUID> draftsPerCustomer(Contract contract, LocalDate invoiceDate, Backlog backlog,
                                         List<UUID> actualCustomers, List<Milestone> milestones,
                                         Set<UUID> retainerCustomers) {
        TreeSet<UUID> customers = new TreeSet<>(actualCustomers);
        if (!milestones.isEmpty()) {
            customers.add(contract.customerId());
        }
        customers.addAll(retainerCustomers);
        List<UUID> invoices = new ArrayList<>();
        for (UUID customer : customers) {
            UUID invoiceId = writer.newInvoice(contract, customer, invoiceDate, contract.name(), null);
            if (actualCustomers.contains(customer)) {
                attachBacklog(invoiceId, backlog, customer);
            }
            writer.finishDraft(invoiceId, customer, customer.equals(contract.customerId()) ? milestones : List.of());
            invoices.add(invoiceId);
        }
        return invoices;
    }

    /** Result of a bulk creation: invoices created, and per contract that had nothing to invoice, why. */
    public record BulkResult(List<UUID> invoiceIds, Map<UUID, String> skipped) {
    }

    /**
     * "Create Project Invoices" for several contracts: one invoice per contract (and contract customer). Each
     * contract is invoiced in a nested transaction (a savepoint when the caller has a transaction, e.g. the API's
     * idempotent request); a contract with nothing to invoice is skipped and reported, the others go on.
     */
    public BulkResult createBulk(List<UUID> contractIds, LocalDate invoiceDate) {
        List<UUID> created = new ArrayList<>();
        Map<UUID, String> skipped = new TreeMap<>();
        for (UUID contractId : new LinkedHashSet<>(contractIds)) {
            try {
                created.addAll(ctx.inNestedTransaction(() -> createForContract(contractId, invoiceDate)));
            } catch (TandemException e) {
                skipped.put(contractId, e.errorCode().code() + ": " + e.detail());
            }
        }
        return new BulkResult(created, skipped);
    }

    /**
     * "Add to invoice": puts the given Ready actuals and milestones on the latest draft of the same contract and
     * contract customer, or on a new draft when there is none (§5 step 8, Billing hub).
     *
     * @return the invoices the rows went to
     * @throws TandemException ACTUAL_NOT_INVOICEABLE, ACTUAL_INVOICED, MILESTONE_STATE, NOT_FOUND; nothing is
     *                         written then
     */
    public List<UUID> addToInvoice(List<UUID> actualIds, List<UUID> milestoneIds, LocalDate invoiceDate) {
        List<UUID> actualList = actualIds == null ? List.of() : actualIds;
        List<UUID> milestoneList = milestoneIds == null ? List.of() : milestoneIds;
        if (actualList.isEmpty() && milestoneList.isEmpty()) {
            throw new TandemException(INVALID_INPUT, "No actuals or milestones given");
        }
        return ctx.inTransaction(() -> {
            List<ActualRow> actuals = ActualRow.ROWS.read(ctx.writer(), actualList);
            if (actuals.size() != new LinkedHashSet<>(actualList).size()) {
                throw new TandemException(NOT_FOUND, "Unknown actual among " + actualList);
            }
            actuals.forEach(InvoiceCreation::requireReady);
            List<Milestone> milestones = new ArrayList<>();
            for (UUID id : milestoneList) {
                Milestone m = milestone(id);
                if (m.status() != MilestoneInvoiceStatus.READY_FOR_INVOICING) {
                    throw new TandemException(MILESTONE_STATE, "Milestone '" + m.name() + "' is " + m.status().label()
                            + "; only milestones Ready for invoicing can be invoiced", Map.of("milestoneId", id.toString()));
                }
                milestones.add(m);
            }
            TreeMap<String, List<ActualRow>> groups = new TreeMap<>();
            actuals.forEach(a -> groups.computeIfAbsent(a.contractId() + "|" + a.customerId(),
                    k -> new ArrayList<>()).add(a));
            TreeMap<String, List<Milestone>> milestoneGroups = new TreeMap<>();
            for (Milestone m : milestones) {
                Contract c = contracts.contract(m.contractId());
                milestoneGroups.computeIfAbsent(c.id() + "|" + c.customerId(), k -> new ArrayList<>()).add(m);
                groups.computeIfAbsent(c.id() + "|" + c.customerId(), k -> new ArrayList<>());
            }
            Set<UUID> invoices = new LinkedHashSet<>();
            for (var group : groups.entrySet()) {
                String[] key = group.getKey().split("\\|");
                Contract contract = lockConfirmedContract(UUID.fromString(key[0]));
                UUID customer = UUID.fromString(key[1]);
                UUID invoiceId = latestDraft(contract.id(), customer)
                        .orElseGet(() -> writer.newInvoice(contract, customer,
                                invoiceDate == null ? LocalDate.now(ctx.clock()) : invoiceDate, contract.name(), null));
                writer.attach(invoiceId, customer, group.getValue(), milestoneGroups.getOrDefault(group.getKey(), List.of()));
                invoices.add(invoiceId);
            }
            return List.copyOf(invoices);
        });
    }

    /**
     * "Refresh Invoice Line Transactions": adds to a draft the past-dated Ready actuals of its contract customer
     * (dated on or before the invoice date) and the contract's Ready milestones that are not on it yet.
     *
     * @return the number of line details added
     */
    public int refresh(UUID invoiceId) {
        return ctx.inTransaction(() -> {
            Invoice invoice = store.lockEditable(invoiceId);
            Contract contract = lockConfirmedContract(invoice.contractId());
            int actuals = attachBacklog(invoiceId, new Backlog(contract.id(), List.of(), invoice.invoiceDate()),
                    invoice.customerId());
            List<Milestone> milestones = invoice.customerId().equals(contract.customerId())
                    ? readyMilestones(contract.id()) : List.of();
            if (actuals > 0 || !milestones.isEmpty()) {
                writer.finishDraft(invoiceId, invoice.customerId(), milestones);
            }
            return actuals + milestones.size();
        });
    }

    private Contract lockConfirmedContract(UUID contractId) {
        ctx.jdbc().query("SELECT salesorderid FROM salesorder WHERE salesorderid = ? FOR UPDATE", rs -> { }, contractId);
        Contract contract = contracts.contract(contractId);
        if (contract.status() != ContractStatus.CONFIRMED) {
            throw new TandemException(CONTRACT_NOT_CONFIRMED, "Contract " + contract.contractNumber() + " is "
                    + contract.status().label() + "; only confirmed contracts are invoiced",
                    Map.of("contractId", contractId.toString()));
        }
        return contract;
    }

    private java.util.Optional<UUID> latestDraft(UUID contractId, UUID customerId) {
        List<UUID> drafts = ctx.jdbc().queryForList("SELECT invoiceid FROM invoice WHERE salesorderid = ? AND customerid = ? "
                + "AND msdyn_projectinvoicestatus IN (?, ?) AND tdm_correctedinvoice IS NULL "
                + "ORDER BY createdon DESC, invoicenumber DESC", UUID.class, contractId, customerId,
                InvoiceStatus.DRAFT.value(), InvoiceStatus.IN_REVIEW.value());
        if (drafts.isEmpty()) {
            return java.util.Optional.empty();
        }
        store.lockEditable(drafts.get(0));
        return java.util.Optional.of(drafts.get(0));
    }

    /**
     * Actuals a creation reads, attaches and writes at once: one statement and one batch each, however large the
     * billing backlog, so memory does not grow with the month (issue 13; 1,000,000 time rows ran out of a 1 GB
     * heap when a contract's whole backlog was read as row images).
     */
    static final int CHUNK = 1000;

    /**
     * The order of a backlog's pages: document date, then id, named as the whole index {@code actual_backlog}
     * (Operations V14; its first three columns are fixed by {@link Backlog#where}), so that both databases read a
     * page from the index in its order and stop after it instead of sorting the contract's remaining backlog for
     * every page, which made creation grow with the square of a contract's backlog (issue 13).
     */
    static final String PAGE_ORDER = "msdyn_salescontract, msdyn_transactiontypecode, msdyn_billingstatus, "
            + "msdyn_documentdate, msdyn_actualid";

    /**
     * The billing backlog a creation takes: a contract's unbilled sales actuals Ready to invoice, not adjusted and on
     * no invoice, dated on or before {@code onOrBefore}; only of {@code lines} when not empty.
     */
    record Backlog(UUID contractId, List<UUID> lines, LocalDate onOrBefore) {

        /**
         * The query of one page of {@code customerId}'s actuals (id, document date), {@value #CHUNK} of them in
         * {@link #PAGE_ORDER}: the first page when {@code lastId} is null, else the page after that actual.
         */
        String page(UUID customerId, LocalDate lastDate, UUID lastId, List<Object> args) {
            StringBuilder sql = new StringBuilder("SELECT msdyn_actualid, msdyn_documentdate")
                    .append(where(customerId, args));
            if (lastId != null) {
                // The plain range on the date is what lets either database start the index scan at the last page's
                // date; the rest skips that date's actuals already attached.
                sql.append(" AND msdyn_documentdate >= ? AND (msdyn_documentdate > ? OR msdyn_actualid > ?)");
                args.addAll(List.of(lastDate, lastDate, lastId));
            }
            return sql.append(" ORDER BY ").append(PAGE_ORDER).append(" LIMIT ").append(CHUNK).toString();
        }

        /** The WHERE clause and its arguments, for one customer when {@code customerId} is given. */
        String where(UUID customerId, List<Object> args) {
            args.addAll(List.of(contractId, TransactionType.UNBILLED_SALES.value(),
                    BillingStatus.READY_TO_INVOICE.value(), onOrBefore));
            StringBuilder sql = new StringBuilder(" FROM msdyn_actual WHERE msdyn_salescontract = ? "
                    + "AND msdyn_transactiontypecode = ? AND msdyn_billingstatus = ? AND msdyn_adjustmentstatus IS NULL "
                    + "AND msdyn_invoice IS NULL AND msdyn_documentdate <= ?");
            if (customerId != null) {
                sql.append(" AND msdyn_accountcustomer = ?");
                args.add(customerId);
            }
            if (!lines.isEmpty()) {
                sql.append(" AND msdyn_salescontractlineid IN (").append(OperationsContext.placeholders(lines))
                        .append(')');
                args.addAll(lines);
            }
            return sql.toString();
        }
    }

    /** The customers of {@code backlog}'s actuals, ordered as {@link UUID#compareTo}. */
    private List<UUID> readyCustomers(Backlog backlog) {
        List<Object> args = new ArrayList<>();
        String where = backlog.where(null, args);
        return new TreeSet<>(ctx.jdbc().queryForList("SELECT DISTINCT msdyn_accountcustomer" + where, UUID.class,
                args.toArray())).stream().toList();
    }

    /**
     * Attaches {@code customerId}'s actuals of {@code backlog} to draft {@code invoiceId} in document date and id
     * order, {@value #CHUNK} at a time (keyset pages: each page reads on after the last actual of the one before).
     * The draft's totals are left to {@link InvoiceWriter#finishDraft}.
     *
     * @return the number of actuals attached
     */
    private int attachBacklog(UUID invoiceId, Backlog backlog, UUID customerId) {
        int attached = 0;
        LocalDate lastDate = null;
        UUID lastId = null;
        while (true) {
            List<Object> args = new ArrayList<>();
            String sql = backlog.page(customerId, lastDate, lastId, args);
            List<UUID> ids = new ArrayList<>(CHUNK);
            LocalDate[] date = new LocalDate[1];
            ctx.jdbc().query(sql, rs -> {
                ids.add(rs.getObject(1, UUID.class));
                date[0] = rs.getObject(2, LocalDate.class);
            }, args.toArray());
            if (ids.isEmpty()) {
                return attached;
            }
            writer.attachActuals(invoiceId, ActualRow.ROWS.read(ctx.writer(), ids));
            attached += ids.size();
            if (ids.size() < CHUNK) {
                return attached;
            }
            lastDate = date[0];
            lastId = ids.getLast();
        }
    }

    private List<Milestone> readyMilestones(UUID contractId) {
        return ctx.jdbc().query("SELECT * FROM msdyn_contractlinescheduleofvalue WHERE msdyn_salescontract = ? "
                + "AND msdyn_invoicestatus = ? ORDER BY msdyn_invoicedate, msdyn_contractlinescheduleofvalueid",
                Contracts::mapMilestone, contractId, MilestoneInvoiceStatus.READY_FOR_INVOICING.value());
    }

    /** A run's milestones: Ready for invoicing, of the contract's fixed-price lines, dated on or before the run. */
    private List<Milestone> dueMilestones(UUID contractId, LocalDate runDate) {
        return ctx.jdbc().query("SELECT m.* FROM msdyn_contractlinescheduleofvalue m JOIN salesorderdetail l "
                + "ON l.salesorderdetailid = m.msdyn_contractlineid WHERE m.msdyn_salescontract = ? "
                + "AND l.msdyn_billingmethod = ? AND m.msdyn_invoicestatus = ? AND m.msdyn_invoicedate <= ? "
                + "ORDER BY m.msdyn_invoicedate, m.msdyn_contractlinescheduleofvalueid", Contracts::mapMilestone,
                contractId, BillingMethod.FIXED_PRICE.value(), MilestoneInvoiceStatus.READY_FOR_INVOICING.value(),
                runDate);
    }

    private Milestone milestone(UUID id) {
        return ctx.jdbc().query("SELECT * FROM msdyn_contractlinescheduleofvalue WHERE msdyn_contractlinescheduleofvalueid = ?",
                Contracts::mapMilestone, id).stream().findFirst().orElseThrow(() -> new TandemException(NOT_FOUND,
                "Unknown milestone " + id, Map.of("entity", "milestone", "id", id.toString())));
    }

    private static void requireReady(ActualRow a) {
        UUID id = a.id();
        if (a.transactionType() != TransactionType.UNBILLED_SALES || a.adjustmentStatus() != null) {
            throw new TandemException(ACTUAL_NOT_INVOICEABLE, "Actual " + id + " is not an invoiceable unbilled sales "
                    + "actual (Adjusted and Unadjustable actuals are not invoiceable, §11 rule 3)", Map.of("actualId", id.toString()));
        }
        if (a.invoiceId() != null || a.billingStatus() != BillingStatus.READY_TO_INVOICE) {
            throw new TandemException(ACTUAL_INVOICED, "Actual " + id + " is not Ready to invoice or is already on an "
                    + "invoice", Map.of("actualId", id.toString()));
        }
    }
}
