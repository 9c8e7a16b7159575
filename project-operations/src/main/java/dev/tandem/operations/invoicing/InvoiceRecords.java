package dev.tandem.operations.invoicing;

import dev.tandem.operations.OptionValue;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.contracts.BillingMethod;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Read models of proforma invoices (§3.2–§3.4). Amounts are in the invoice's currency, at scale 6, rounded to
 * the currency's minor units; quantities in hours or units.
 */
public final class InvoiceRecords {

    private InvoiceRecords() {
    }

    /**
     * A proforma invoice header. {@code detailAmount} is the sum of the chargeable line-detail amounts (for a
     * corrective invoice, the net of new minus previously invoiced amounts), {@code totalAmount} that plus tax.
     */
    public record Invoice(UUID id, String number, String name, String description, UUID contractId, UUID customerId,
                          String currency, LocalDate invoiceDate, InvoiceStatus status, boolean hasCorrections,
                          boolean creditNote, UUID correctedInvoiceId, BigDecimal detailAmount, BigDecimal totalTax,
                          BigDecimal totalAmount, BulkConfirmationStatus bulkConfirmationStatus, String bulkConfirmationDetail) {

        static Invoice map(ResultSet rs, int n) throws SQLException {
            int bulk = rs.getInt("tdm_bulkconfirmationstatus");
            BulkConfirmationStatus bulkStatus = rs.wasNull() ? null : OptionValue.of(BulkConfirmationStatus.class, bulk);
            return new Invoice(rs.getObject("invoiceid", UUID.class), rs.getString("invoicenumber"), rs.getString("name"),
                    rs.getString("description"), rs.getObject("salesorderid", UUID.class),
                    rs.getObject("customerid", UUID.class), rs.getString("transactioncurrency").trim(),
                    rs.getObject("msdyn_invoicedate", LocalDate.class),
                    OptionValue.of(InvoiceStatus.class, rs.getInt("msdyn_projectinvoicestatus")),
                    rs.getBoolean("msdyn_hascorrections"), rs.getBoolean("tdm_iscreditnote"),
                    rs.getObject("tdm_correctedinvoice", UUID.class), rs.getBigDecimal("totallineitemamount"),
                    rs.getBigDecimal("totaltax"), rs.getBigDecimal("totalamount"), bulkStatus,
                    rs.getString("tdm_bulkconfirmationdetail"));
        }
    }

    /** An invoice line: one per contract line. {@code amount} = chargeable details, {@code extendedAmount} = + tax. */
    public record InvoiceLine(UUID id, UUID invoiceId, UUID contractLineId, String name, BillingMethod billingMethod,
                              UUID projectId, BigDecimal amount, BigDecimal tax, BigDecimal extendedAmount) {

        static InvoiceLine map(ResultSet rs, int n) throws SQLException {
            return new InvoiceLine(rs.getObject("invoicedetailid", UUID.class), rs.getObject("invoiceid", UUID.class),
                    rs.getObject("msdyn_contractlineid", UUID.class), rs.getString("productdescription"),
                    OptionValue.of(BillingMethod.class, rs.getInt("msdyn_billingmethod")),
                    rs.getObject("msdyn_project", UUID.class), rs.getBigDecimal("baseamount"), rs.getBigDecimal("tax"),
                    rs.getBigDecimal("extendedamount"));
        }
    }

    /**
     * An invoice line detail. It bills one unbilled sales actual ({@code sourceActualId}), one milestone
     * ({@code milestoneId}), or was added by hand ({@code manual}); a correction detail points at the detail it
     * corrects and carries what was invoiced before.
     */
    public record LineDetail(UUID id, UUID invoiceId, UUID lineId, UUID contractId, UUID contractLineId, UUID projectId,
                             UUID customerId, TransactionClassification classification, BillingType billingType,
                             BigDecimal quantity, BigDecimal price, BigDecimal amount, BigDecimal tax, String currency,
                             LocalDate documentDate, boolean correction, UUID originalDetailId, BigDecimal previousAmount,
                             BigDecimal previousQuantity, UUID sourceActualId, UUID milestoneId, UUID billedSalesActualId,
                             boolean manual, String description, String externalDescription) {

        static LineDetail map(ResultSet rs, int n) throws SQLException {
            return new LineDetail(rs.getObject("msdyn_invoicelinetransactionid", UUID.class),
                    rs.getObject("msdyn_invoice", UUID.class), rs.getObject("msdyn_invoicelineid", UUID.class),
                    rs.getObject("msdyn_salescontract", UUID.class), rs.getObject("msdyn_salescontractlineid", UUID.class),
                    rs.getObject("msdyn_project", UUID.class), rs.getObject("tdm_customer", UUID.class),
                    OptionValue.of(TransactionClassification.class, rs.getInt("msdyn_transactionclassification")),
                    OptionValue.of(BillingType.class, rs.getInt("msdyn_billingtype")), rs.getBigDecimal("msdyn_quantity"),
                    rs.getBigDecimal("msdyn_price"), rs.getBigDecimal("msdyn_amount"), rs.getBigDecimal("msdyn_tax"),
                    rs.getString("transactioncurrency").trim(), rs.getObject("msdyn_documentdate", LocalDate.class),
                    rs.getBoolean("msdyn_correction"), rs.getObject("msdyn_originalinvoicelinedetail", UUID.class),
                    rs.getBigDecimal("msdyn_previousamount"), rs.getBigDecimal("tdm_previousquantity"),
                    rs.getObject("tdm_sourceactual", UUID.class), rs.getObject("tdm_milestone", UUID.class),
                    rs.getObject("tdm_billedsalesactual", UUID.class), rs.getBoolean("tdm_manual"),
                    rs.getString("msdyn_description"), rs.getString("msdyn_externaldescription"));
        }
    }

    /**
     * A line detail added by hand to a draft ([D:ADD], §6 "Manually added ILD"): {@code quantity} hours or units at
     * {@code price} per unit in the invoice currency; {@code tax} optional. Role, category and product are optional
     * references for the invoice text and the actuals.
     */
    public record ManualDetailInput(UUID contractLineId, TransactionClassification classification, LocalDate date,
                                    BigDecimal quantity, BigDecimal price, BigDecimal tax,
                                    dev.tandem.operations.actuals.BillingType billingType, UUID roleId, UUID categoryId,
                                    UUID productId, String description, String externalDescription) {
    }

    /**
     * Changes to a draft invoice line detail; {@code null} fields are left as they are. Which fields a detail
     * accepts depends on its line's billing method (§3.4).
     */
    public record DetailEdit(BillingType billingType, BigDecimal quantity, BigDecimal price, BigDecimal tax,
                             String description, String externalDescription,
                             TransactionClassification transactionClassification) {

        public static DetailEdit quantity(BigDecimal quantity) {
            return new DetailEdit(null, quantity, null, null, null, null, null);
        }
    }
}
