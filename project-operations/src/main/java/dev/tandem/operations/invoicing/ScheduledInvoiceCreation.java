package dev.tandem.operations.invoicing;

import static dev.tandem.operations.OperationsError.CONTRACT_NOT_CONFIRMED;
import static dev.tandem.operations.OperationsError.INVALID_INPUT;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.ContractRecords.Contract;
import dev.tandem.operations.contracts.ContractRecords.Milestone;
import dev.tandem.operations.contracts.ContractStatus;
import dev.tandem.operations.contracts.Contracts;
import dev.tandem.operations.contracts.MilestoneInvoiceStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Invoice creation of a scheduled run (§8 "Automatic invoice creation", §3.5, §11 rule 2): the invoices of one
 * contract for one invoice run date. Unlike "Create Invoice" on a contract ({@link InvoiceCreation}), which takes
 * every Ready actual of the contract dated on or before the invoice date, a run takes
 * <ul>
 *   <li>from the given Time and Material lines only (the lines whose schedule has this run date), their unbilled
 *       sales actuals Ready to invoice with document date on or before the <em>transaction cutoff date</em>
 *       (the run date − 1 day, [D:SCHED]);</li>
 *   <li>from the contract's fixed-price lines, the milestones Ready for invoicing whose milestone date is on or
 *       before the run date (a milestone date is when "the automatic invoice creation process should look for the
 *       status of this milestone", [D:SCHED]).</li>
 * </ul>
 * The lines combine into one draft per contract customer (§8, [D:AUTO]), dated the run date.
 *
 * <p>This class sits in the invoicing package, next to {@link InvoiceCreation}, because it writes through the
 * package-private {@link InvoiceWriter}; that keeps the writer's contract unexposed and {@link InvoiceCreation}
 * unchanged. Like {@link InvoiceCreation} it locks the contract row while it pulls the backlog, so a run and a
 * manual creation for the same contract run one after the other and an actual lands on one draft only.
 */
public final class ScheduledInvoiceCreation {

    private final OperationsContext ctx;
    private final Contracts contracts;
    private final InvoiceWriter writer;

    /** Shares {@code creation}'s writer, so scheduled drafts get what every draft gets (e.g. applied retainers). */
    public ScheduledInvoiceCreation(OperationsContext ctx, Contracts contracts, InvoiceCreation creation) {
        this.ctx = ctx;
        this.contracts = contracts;
        this.writer = creation.writer();
    }

    /**
     * Creates the drafts of one contract for one run, in a transaction (joining the caller's, if any).
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
            List<Map<String, Object>> actuals = readyActuals(contractId, List.copyOf(timeAndMaterialLines),
                    transactionCutoffDate);
            List<Milestone> milestones = dueMilestones(contractId, runDate);
            if (actuals.isEmpty() && milestones.isEmpty()) {
                return List.of();
            }
            TreeMap<UUID, List<Map<String, Object>>> byCustomer = new TreeMap<>();
            actuals.forEach(a -> byCustomer.computeIfAbsent((UUID) a.get("msdyn_accountcustomer"),
                    c -> new ArrayList<>()).add(a));
            if (!milestones.isEmpty()) {
                // Milestones bill the contract customer, as in "Create Invoice" (InvoiceCreation).
                byCustomer.computeIfAbsent(contract.customerId(), c -> new ArrayList<>());
            }
            List<UUID> invoices = new ArrayList<>();
            for (var entry : byCustomer.entrySet()) {
                UUID customer = entry.getKey();
                UUID invoiceId = writer.newInvoice(contract, customer, runDate, contract.name(), null);
                writer.attach(invoiceId, customer, entry.getValue(),
                        customer.equals(contract.customerId()) ? milestones : List.of());
                invoices.add(invoiceId);
            }
            return invoices;
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

    private List<Map<String, Object>> readyActuals(UUID contractId, List<UUID> lines, LocalDate cutoff) {
        if (lines.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(List.of(contractId, TransactionType.UNBILLED_SALES.value(),
                BillingStatus.READY_TO_INVOICE.value(), cutoff));
        args.addAll(lines);
        List<UUID> ids = ctx.jdbc().queryForList("SELECT msdyn_actualid FROM msdyn_actual WHERE msdyn_salescontract = ? "
                + "AND msdyn_transactiontypecode = ? AND msdyn_billingstatus = ? AND msdyn_adjustmentstatus IS NULL "
                + "AND msdyn_invoice IS NULL AND msdyn_documentdate <= ? AND msdyn_salescontractlineid IN ("
                + OperationsContext.placeholders(lines) + ") ORDER BY msdyn_documentdate, msdyn_actualid",
                UUID.class, args.toArray());
        return ctx.writer().read(OperationsDataEntities.ACTUALS, ids);
    }

    private List<Milestone> dueMilestones(UUID contractId, LocalDate runDate) {
        return ctx.jdbc().query("SELECT m.* FROM msdyn_contractlinescheduleofvalue m JOIN salesorderdetail l "
                + "ON l.salesorderdetailid = m.msdyn_contractlineid WHERE m.msdyn_salescontract = ? "
                + "AND l.msdyn_billingmethod = ? AND m.msdyn_invoicestatus = ? AND m.msdyn_invoicedate <= ? "
                + "ORDER BY m.msdyn_invoicedate, m.msdyn_contractlinescheduleofvalueid", Contracts::mapMilestone,
                contractId, BillingMethod.FIXED_PRICE.value(), MilestoneInvoiceStatus.READY_FOR_INVOICING.value(),
                runDate);
    }
}
