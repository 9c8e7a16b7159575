package dev.tandem.operations.invoicing;

import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.contracts.Contracts;
import dev.tandem.operations.invoicing.bulk.BulkConfirmation;
import dev.tandem.operations.invoicing.retainer.RetainerInvoicing;
import dev.tandem.operations.invoicing.retainer.Retainers;
import dev.tandem.operations.invoicing.schedule.InvoiceRuns;
import dev.tandem.operations.invoicing.schedule.InvoiceSchedules;
import dev.tandem.operations.nte.NotToExceed;

/**
 * Proforma invoicing of Project Operations (§3.2–§3.4, §4.1, §5 steps 8–9, §6), with invoice schedules and
 * scheduled runs (§3.5, §8), bulk confirmation (§8, §11 rule 14) and retainers and advances (§3.5, §4.9, §6): the
 * services, wired.
 */
public final class Invoicing {

    private final InvoiceStore store;
    private final InvoiceCreation creation;
    private final DraftInvoices drafts;
    private final InvoiceConfirmation confirmation;
    private final InvoiceRevision revision;
    private final InvoiceSchedules schedules;
    private final InvoiceRuns runs;
    private final BulkConfirmation bulkConfirmation;
    private final Retainers retainers;

    public Invoicing(OperationsContext ctx, Contracts contracts, NotToExceed nte) {
        this.store = new InvoiceStore(ctx);
        RetainerInvoicing retainerInvoicing = new RetainerInvoicing(ctx, contracts, store);
        this.creation = new InvoiceCreation(ctx, contracts, store, retainerInvoicing);
        this.drafts = new DraftInvoices(ctx, store);
        this.confirmation = new InvoiceConfirmation(ctx, contracts, store, nte, retainerInvoicing);
        this.revision = new InvoiceRevision(ctx, contracts, store, creation.writer());
        this.schedules = new InvoiceSchedules(ctx, contracts);
        this.runs = new InvoiceRuns(ctx, creation);
        this.bulkConfirmation = new BulkConfirmation(ctx, store, confirmation);
        this.retainers = new Retainers(ctx, contracts, store);
    }

    public InvoiceStore store() {
        return store;
    }

    public InvoiceCreation creation() {
        return creation;
    }

    public DraftInvoices drafts() {
        return drafts;
    }

    public InvoiceConfirmation confirmation() {
        return confirmation;
    }

    public InvoiceRevision revision() {
        return revision;
    }

    public InvoiceSchedules schedules() {
        return schedules;
    }

    public InvoiceRuns runs() {
        return runs;
    }

    public BulkConfirmation bulkConfirmation() {
        return bulkConfirmation;
    }

    /** Retainers and advances of contracts (§3.5, §4.9). */
    public Retainers retainers() {
        return retainers;
    }
}
