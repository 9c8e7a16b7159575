package dev.tandem.operations.invoicing;

import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OptionValue;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads of proforma invoices (§4.1) for batch callers and the home page: the drafts of a contract, the invoices by
 * status, and those confirmed in a period.
 */
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

    /**
     * Proforma invoices confirmed in one currency within a period: how many, and their total amount including tax
     * ({@code totalamount}) in {@code currency} at scale 6 as stored. Corrective invoices count with their own
     * (possibly negative) totals.
     */
    public record ConfirmedTotal(String currency, long invoices, BigDecimal totalAmount) {
    }

    /**
     * The invoices confirmed at or after {@code from} and before {@code to} (their confirmation stamp,
     * {@code tdm_confirmedon}), per currency in currency order; currencies without any are absent.
     */
    public List<ConfirmedTotal> confirmedBetween(OffsetDateTime from, OffsetDateTime to) {
        return ctx.jdbc().query("SELECT transactioncurrency, COUNT(*), SUM(totalamount) FROM invoice "
                + "WHERE tdm_confirmedon >= ? AND tdm_confirmedon < ? GROUP BY transactioncurrency "
                + "ORDER BY transactioncurrency", (rs, n) -> new ConfirmedTotal(rs.getString(1).trim(), rs.getLong(2),
                rs.getBigDecimal(3)), from, to);
    }
}
