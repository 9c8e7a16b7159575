package dev.tandem.operations.invoicing;

import static dev.tandem.operations.OperationsError.ALREADY_CORRECTED;
import static dev.tandem.operations.OperationsError.INVALID_INPUT;
import static dev.tandem.operations.OperationsError.INVOICE_NOT_CONFIRMED;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.actuals.AdjustmentStatus;
import dev.tandem.operations.actuals.ConnectionRole;
import dev.tandem.operations.actuals.TransactionLinks;
import dev.tandem.operations.contracts.ContractRecords.Contract;
import dev.tandem.operations.contracts.Contracts;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import dev.tandem.operations.rows.Audit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * "Revise" a confirmed, posted or paid invoice (§6 second table, §11 rule 12): a new draft, the corrective invoice, copies
 * the selected (or all) line details with quantity 0 — a full credit until the user enters the quantity to
 * invoice. The corrected billed sales actuals become In Process (§4.3) until the corrective invoice is confirmed
 * or deleted. "Has corrections" is set on the corrective invoice; confirming it creates the actuals of the second
 * table of §6 ({@link InvoiceConfirmation}) and marks a net-negative document as a credit note.
 *
 * <p>Each copied detail is connected to the billed sales actual it corrects, "Draft invoice correction: Invoice line
 * transaction (Replacing) ↔ Billed sales (Original)" (§3.6): transaction 1 is the new detail (role Replacing, type
 * {@code msdyn_invoicelinetransaction}), transaction 2 the billed sales (role Original, type {@code msdyn_actual}).
 * The connection is written in the revision's transaction, so it syncs to Finance's relationship staging with the
 * draft; deleting the detail or the draft deletes it with the other ILD ↔ actual connections ({@link DraftInvoices},
 * §4.1).
 */
public final class InvoiceRevision {

    private final OperationsContext ctx;
    private final Contracts contracts;
    private final InvoiceStore store;
    private final InvoiceWriter writer;

    public InvoiceRevision(OperationsContext ctx, Contracts contracts, InvoiceStore store, InvoiceWriter writer) {
        this.ctx = ctx;
        this.contracts = contracts;
        this.store = store;
        this.writer = writer;
    }

    /**
     * @param detailIds line details of the invoice to correct; {@code null} or empty for all of them
     * @return the corrective draft's id
     * @throws TandemException INVOICE_NOT_CONFIRMED for a draft (only Confirmed, Posted or Paid invoices are revised);
     *                         ALREADY_CORRECTED when a detail is already credited or on another corrective draft;
     *                         INVALID_INPUT for a detail of another invoice
     */
    public UUID revise(UUID invoiceId, List<UUID> detailIds) {
        return ctx.inTransaction(() -> {
            Invoice original = store.lock(invoiceId);
            if (!original.status().confirmed() && original.status() != InvoiceStatus.INVOICE_PAID) {
                throw new TandemException(INVOICE_NOT_CONFIRMED, "Invoice " + original.number() + " is "
                        + original.status().label() + "; only confirmed, posted or paid invoices can be revised "
                        + "(§11 rule 12)",
                        Map.of("invoiceId", invoiceId.toString(), "invoiceStatus", original.status().label()));
            }
            List<LineDetail> all = store.details(invoiceId).stream().filter(d -> d.billedSalesActualId() != null).toList();
            List<LineDetail> chosen = all;
            if (detailIds != null && !detailIds.isEmpty()) {
                Set<UUID> wanted = Set.copyOf(detailIds);
                chosen = all.stream().filter(d -> wanted.contains(d.id())).toList();
                if (chosen.size() != wanted.size()) {
                    throw new TandemException(INVALID_INPUT, "Only confirmed line details of invoice " + original.number()
                            + " can be corrected on its corrective invoice");
                }
            }
            if (chosen.isEmpty()) {
                throw new TandemException(INVALID_INPUT, "Invoice " + original.number() + " has no line detail to correct");
            }
            List<UUID> billed = chosen.stream().map(LineDetail::billedSalesActualId).toList();
            Set<UUID> live = new java.util.HashSet<>(ctx.idsIn("SELECT msdyn_actualid FROM msdyn_actual WHERE "
                    + "msdyn_adjustmentstatus IS NULL AND msdyn_actualid IN (:in)", billed));
            for (LineDetail d : chosen) {
                if (!live.contains(d.billedSalesActualId())) {
                    throw new TandemException(ALREADY_CORRECTED, "Line detail " + d.id() + " of invoice " + original.number()
                            + " is already credited or on another corrective invoice", Map.of("detailId", d.id().toString()));
                }
            }
            Contract contract = contracts.contract(original.contractId());
            UUID corrective = writer.newInvoice(contract, original.customerId(), LocalDate.now(ctx.clock()),
                    "Correction of " + original.number(), original.id());
            Map<UUID, UUID> lines = writer.lineIds(corrective);
            List<InvoiceLineDetailRow> copies = new ArrayList<>();
            TransactionLinks links = new TransactionLinks(ctx);
            Audit audit = Audit.created(ctx);
            for (LineDetail d : chosen) {
                InvoiceLineDetailRow copy = InvoiceLineDetailRow.ROWS.read(ctx.writer(), List.of(d.id())).get(0)
                        .fullCredit(corrective, lines.get(d.contractLineId()), audit);
                copies.add(copy);
                links.connect(copy.id(), ConnectionRole.REPLACING,
                        TransactionLinks.INVOICE_LINE_DETAIL, d.billedSalesActualId(), ConnectionRole.ORIGINAL,
                        TransactionLinks.ACTUAL);
            }
            InvoiceLineDetailRow.ROWS.insert(ctx.writer(), copies);
            links.flush();
            Map<String, Object> inProcess = new LinkedHashMap<>();
            inProcess.put("msdyn_adjustmentstatus", AdjustmentStatus.IN_PROCESS.value());
            inProcess.putAll(ctx.modified());
            ctx.writer().update(OperationsDataEntities.ACTUALS, billed, inProcess);
            store.recalculate(corrective);
            return corrective;
        });
    }
}
