package dev.tandem.finance.proposal;

import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.ledger.Ledger.Voucher;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a posted proposal leaves besides the voucher: the customer transaction ({@code custtrans}, accounts
 * receivable) and the customer invoice export row (§10 item 5: invoice number, date, status Posted, tax), in the
 * posting's transaction.
 */
final class CustomerInvoices {

    /** The status the export entity carries for Project Operations' proforma invoice (§10 item 5). */
    static final String POSTED = "Posted";

    private final FinanceContext ctx;

    CustomerInvoices(FinanceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param totals       the proposal totals (proposal currency)
     * @param rate         the invoice's exchange rate
     * @param receivableMst the accounting amount of the voucher's customer-balance lines, which AR must equal
     */
    void record(ProposalHeader h, String invoiceId, Voucher voucher, ProposalTotals totals, BigDecimal rate,
                BigDecimal receivableMst) {
        Map<String, Object> audit = ctx.created();
        ctx.jdbc().update("INSERT INTO custtrans (dataareaid, invoice, accountnum, transdate, duedate, currencycode, "
                + "amountcur, amountmst, exchrate, voucher, proposalid, createdon, createdby) VALUES (?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?)", h.dataAreaId(), invoiceId, h.invoiceAccount(), voucher.accountingDate(),
                h.dueDate(), h.currency(), totals.invoiceAmount(), receivableMst, rate, voucher.voucher(),
                h.proposalId(), (OffsetDateTime) audit.get("createdon"), audit.get("createdby"));
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("proposalid", h.proposalId());
        export.put("dataareaid", h.dataAreaId());
        export.put("invoiceid", invoiceId);
        export.put("invoicedate", h.invoiceDate());
        export.put("duedate", h.dueDate());
        export.put("invoiceaccount", h.invoiceAccount());
        export.put("currencyid", h.currency());
        export.put("invoiceamount", totals.invoiceAmount());
        export.put("sumtax", totals.tax());
        export.put("invoiceamountmst", receivableMst);
        export.put("status", POSTED);
        export.put("iscreditnote", totals.invoiceAmount().signum() < 0);
        export.put("ledgervoucher", voucher.voucher());
        export.putAll(audit);
        ctx.writer().insert(ProposalDataEntities.CUSTOMER_INVOICE_EXPORT, List.of(export));
    }
}
