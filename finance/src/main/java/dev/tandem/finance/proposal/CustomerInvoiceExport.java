package dev.tandem.finance.proposal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * A row of the customer invoice export entity ({@code projcustinvoiceexport}, map "msdyn_customerinvoices", §10 item
 * 5): what Project Operations learns of a posted invoice proposal. Amounts as stored (scale 6, already rounded to the
 * currency's minor units by posting): {@code invoiceAmount} (lines + sales tax) and {@code sumTax} in {@code currency},
 * negative for a credit note; {@code invoiceAmountMst} is the receivable in the legal entity's accounting currency.
 *
 * @param customerInvoiceId the customer invoice number posting gave it
 * @param proposalId        the invoice proposal (= proforma invoice number) it was posted from
 * @param status            the status Project Operations' proforma invoice takes, {@code Posted}
 * @param ledgerVoucher     the voucher posting wrote
 */
public record CustomerInvoiceExport(String customerInvoiceId, String proposalId, String dataAreaId,
                                    LocalDate invoiceDate, LocalDate dueDate, String invoiceAccount, String currency,
                                    BigDecimal invoiceAmount, BigDecimal sumTax, BigDecimal invoiceAmountMst,
                                    String status, boolean creditNote, String ledgerVoucher) {

    static CustomerInvoiceExport map(ResultSet rs, int n) throws SQLException {
        return new CustomerInvoiceExport(rs.getString("invoiceid"), rs.getString("proposalid"),
                rs.getString("dataareaid"), rs.getObject("invoicedate", LocalDate.class),
                rs.getObject("duedate", LocalDate.class), rs.getString("invoiceaccount"),
                rs.getString("currencyid").trim(), rs.getBigDecimal("invoiceamount"), rs.getBigDecimal("sumtax"),
                rs.getBigDecimal("invoiceamountmst"), rs.getString("status"), rs.getBoolean("iscreditnote"),
                rs.getString("ledgervoucher"));
    }
}
