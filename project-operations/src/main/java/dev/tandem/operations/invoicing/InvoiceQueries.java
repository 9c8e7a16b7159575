package dev.tandem.operations.invoicing;

import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OptionValue;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads of proforma invoices (§4.1) for batch callers: the drafts of a contract, and the invoices by status. */
public final class InvoiceQueries {

    private final OperationsContext ctx;

    public InvoiceQueries(OperationsContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The contract's proforma invoices in status Draft, by invoice number: those just created and those an interrupted
     * earlier run created but did not confirm.
     */
    public List<UUID> draftsOfContract(UUID contract) {
        return ctx.jdbc().queryForList("SELECT invoiceid FROM invoice WHERE salesorderid = ? AND "
                + "msdyn_projectinvoicestatus = ? ORDER BY invoicenumber", UUID.class, contract,
                InvoiceStatus.DRAFT.value());
    }

    /**
     * How many proforma invoices there are in each status (all contracts); statuses without invoices are absent.
     *
     * @throws IllegalArgumentException when the table holds a status value {@link InvoiceStatus} does not know
     */
    public Map<InvoiceStatus, Long> countByStatus() {
        Map<InvoiceStatus, Long> byStatus = new EnumMap<>(InvoiceStatus.class);
        ctx.jdbc().query("SELECT msdyn_projectinvoicestatus, COUNT(*) FROM invoice GROUP BY msdyn_projectinvoicestatus",
                rs -> {
                    byStatus.put(OptionValue.of(InvoiceStatus.class, rs.getInt(1)), rs.getLong(2));
                });
        return byStatus;
    }
}
