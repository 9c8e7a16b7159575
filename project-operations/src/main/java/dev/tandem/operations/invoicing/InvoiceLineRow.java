package dev.tandem.operations.invoicing;

import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.rows.Audit;
import dev.tandem.operations.rows.EntityField;
import dev.tandem.operations.rows.EntityRows;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A full row of the {@code invoicedetails} data entity: an invoice line, one per contract line (§3.3). Its amounts
 * (base, tax, extended) are roll-ups of its line details in the invoice's currency, stored at scale 6.
 * {@link #ROWS} is the writer's edge.
 */
public record InvoiceLineRow(@EntityField("invoicedetailid") UUID id,
                             @EntityField("invoiceid") UUID invoiceId,
                             @EntityField("msdyn_contractlineid") UUID contractLineId,
                             @EntityField("productdescription") String name,
                             @EntityField("msdyn_billingmethod") BillingMethod billingMethod,
                             @EntityField("msdyn_project") UUID projectId,
                             @EntityField("baseamount") BigDecimal baseAmount,
                             @EntityField("tax") BigDecimal tax,
                             @EntityField("extendedamount") BigDecimal extendedAmount,
                             Audit audit) {

    /** The writer's edge of these rows. */
    public static final EntityRows<InvoiceLineRow> ROWS = EntityRows.of(OperationsDataEntities.INVOICE_LINES, InvoiceLineRow.class);
}
