package dev.tandem.operations.sync;

import static dev.tandem.operations.OperationsError.INVOICE_STATUS;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.AppContext;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.spi.InboundRow;
import dev.tandem.dualwrite.spi.InboundRule;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.OptionValue;
import dev.tandem.operations.invoicing.InvoiceStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The business rules of {@code invoices} for the map msdyn_customerinvoices ("Project Operations integration invoice
 * proposal export entity", §7, §10 item 5): Finance posts the invoice proposal of a confirmed proforma invoice and
 * writes the posted customer invoice back onto it.
 *
 * <p>Accepts (after the inbound pipeline's checks, {@link dev.tandem.dualwrite.spi.InboundPipeline}): upserts by {@code invoicenumber} (the
 * proposal id, §3.2) — or by {@code invoiceid} — of existing invoices, each row carrying the key and any of
 * {@code msdyn_projectinvoicestatus} (only Posted, 690970000), {@code tdm_customerinvoicenumber},
 * {@code tdm_customerinvoicedate}, {@code tdm_customerinvoicetax}, {@code tdm_customerinvoiceamount}, onto an invoice
 * that is Confirmed or Posted. A confirmed invoice whose customer invoice number arrives becomes Posted: the status is
 * Project Operations' consequence of the write-back, the map msdyn_customerinvoices does not carry it (a status
 * delivered by an older map version is still accepted, Posted only). Changed fields are written with
 * {@code modifiedon/modifiedby}; a row equal to the stored invoice writes nothing and adds no outbox row (idempotent).
 * An invoice marked Invoice Paid takes the write-back as well, before or after it was posted: the customer invoice is
 * stored and it stays Paid, since Paid comes after Posted (§4.1).
 *
 * <p>Refuses (the whole call): an invoice number Project Operations doesn't have ({@code NOT_FOUND}); a status other
 * than Posted, or any write-back onto an invoice that is not Confirmed or Posted ({@code INVOICE_STATUS} naming the
 * invoice and its status: Finance only ever has confirmed invoices, §7.3). The pipeline refuses any other field
 * ("field … of invoices is not written by Finance"), a value that doesn't fit its column, and every delete (a
 * confirmed invoice can't be deleted, §4.1).
 */
final class InvoiceWriteBack implements InboundRule {

    private static final DataEntityDefinition INVOICES = OperationsDataEntities.INVOICES;
    private static final String STATUS = "msdyn_projectinvoicestatus";
    private static final String POSTED_NUMBER = "tdm_customerinvoicenumber";
    /** The fields the msdyn_customerinvoices map writes, besides the key (§10 item 5). */
    static final List<String> WRITE_BACK = List.of(STATUS, POSTED_NUMBER, "tdm_customerinvoicedate",
            "tdm_customerinvoicetax", "tdm_customerinvoiceamount");

    private final OperationsContext ctx;

    InvoiceWriteBack(OperationsContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String noun() {
        return "Invoice";
    }

    @Override
    public List<String> writable(DataEntityDefinition entity, String keyField) {
        List<String> writable = new ArrayList<>(List.of(keyField));
        writable.addAll(WRITE_BACK);
        return writable;
    }

    /** Locks the invoices until the transaction ends, so a concurrent mark-Paid or revision sees the result. */
    @Override
    public void lock(String keyField, List<Object> keys) {
        for (int from = 0; from < keys.size(); from += 1000) {
            List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + 1000));
            ctx.jdbc().queryForList("SELECT invoiceid FROM invoice WHERE " + keyField + " IN ("
                    + AppContext.placeholders(chunk) + ") ORDER BY invoiceid FOR UPDATE", chunk.toArray());
        }
    }

    @Override
    public void write(String keyField, List<InboundRow> rows) {
        OperationsSyncEntities.writeBack(ctx, INVOICES, "Invoice", keyField, rows, this::changes);
    }

    /** The fields of one row to write, after the status rules. */
    private Map<String, Object> changes(InboundRow row) {
        Map<String, Object> before = row.stored();
        String number = (String) before.get("invoicenumber");
        InvoiceStatus current = OptionValue.of(InvoiceStatus.class, (Integer) before.get(STATUS));
        if (row.delivered().containsKey(STATUS)) {
            Object wanted = row.delivered().get(STATUS);
            if (!(wanted instanceof Integer value) || value != InvoiceStatus.POSTED.value()) {
                throw new TandemException(INVOICE_STATUS, "Finance may set invoice " + number + " only to "
                        + InvoiceStatus.POSTED.label() + ", not to " + label(wanted) + " (§4.1, §10 item 5)",
                        Map.of("invoiceNumber", number, "invoiceStatus", current.label()));
            }
        }
        Map<String, Object> changed = row.changes(Set.of(INVOICES.integrationKey(), "invoicenumber"));
        if (current == InvoiceStatus.INVOICE_PAID) {
            // Paid comes after Posted (§4.1): the customer invoice is stored, the status stays Paid, whether the invoice
            // was marked Paid before or after Finance posted it.
            changed.remove(STATUS);
        } else if (!current.confirmed() && !changed.isEmpty()) {
            throw new TandemException(INVOICE_STATUS, "Invoice " + number + " is " + current.label()
                    + "; Finance can post only a confirmed invoice, so its posted customer invoice can't be written "
                    + "back (§4.1, §10 item 5)", Map.of("invoiceNumber", number, "invoiceStatus", current.label()));
        } else if (current == InvoiceStatus.CONFIRMED && row.delivered().get(POSTED_NUMBER) != null) {
            // The customer invoice's arrival is what makes a confirmed invoice Posted: the status is Project
            // Operations' own consequence, not a field the map carries (so Paid, later, never differs from it).
            changed.put(STATUS, InvoiceStatus.POSTED.value());
        }
        return changed;
    }

    private static String label(Object status) {
        if (status instanceof Integer value) {
            Optional<InvoiceStatus> known = Arrays.stream(InvoiceStatus.values()).filter(s -> s.value() == value)
                    .findFirst();
            return known.map(s -> s.label() + " (" + value + ")").orElse(String.valueOf(value));
        }
        return String.valueOf(status);
    }

    @Override
    public String whyNoDeletes(DataEntityDefinition entity) {
        return "Invoices aren't deleted through dual-write: a confirmed invoice can't be deleted (§4.1)";
    }
}
