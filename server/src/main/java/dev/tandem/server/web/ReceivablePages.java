package dev.tandem.server.web;

import dev.tandem.finance.Finance;
import dev.tandem.finance.proposal.CustomerInvoices;
import dev.tandem.monthend.einvoice.EInvoices;
import dev.tandem.monthend.output.InvoicePdfs;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What posting leaves for the accountant (§5 steps 14–15, §10 item 5): the posted customer invoices and credit notes,
 * paged in the database, each with its PDF as {@code tandem run} renders it ({@link InvoicePdfs}), shown in the
 * browser or downloaded, and its e-invoice ({@link EInvoices}, UBL) to download; and accounts receivable: the customers' balances per currency, with totals per currency
 * over every customer, and a customer's transactions. Read-only.
 */
@Controller
class ReceivablePages {

    private final Finance finance;

    ReceivablePages(Finance finance) {
        this.finance = finance;
    }

    @GetMapping("/finance/customer-invoices")
    @PreAuthorize("hasAuthority('finance:read')")
    String invoices(@RequestParam(name = "company", required = false) String le, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Model model) {
        String id = LegalEntities.of(finance, le, model).dataAreaId();
        CustomerInvoices invoices = finance.proposals().customerInvoices();
        int pageSize = PageModel.size(size);
        int number = PageModel.page(page);
        long total = invoices.exportCount(id, null);
        model.addAttribute("rows", invoices.exports(id, null, number, pageSize));
        PageModel.paging(model, number, pageSize, total);
        return "finance-invoices";
    }

    /**
     * The PDF of a posted customer invoice or credit note, inline (the browser shows it), or as a download with
     * {@code download}.
     */
    @GetMapping("/finance/customer-invoices/{invoiceId}/pdf")
    @PreAuthorize("hasAuthority('finance:read')")
    ResponseEntity<byte[]> pdf(@PathVariable String invoiceId, @RequestParam(name = "company", required = false) String le,
            @RequestParam(required = false) String download) {
        String id = LegalEntities.of(finance, le, null).dataAreaId();
        byte[] pdf = InvoicePdfs.pdf(finance, id, invoiceId, EInvoices.pdfContent(finance, id));
        ContentDisposition disposition = (download != null ? ContentDisposition.attachment()
                : ContentDisposition.inline()).filename(InvoicePdfs.fileNameOf(invoiceId)).build();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(pdf);
    }

    /** The e-invoice of a posted customer invoice or credit note (UBL, Peppol BIS Billing 3.0), as a download. */
    @GetMapping("/finance/customer-invoices/{invoiceId}/ubl")
    @PreAuthorize("hasAuthority('finance:read')")
    ResponseEntity<byte[]> ubl(@PathVariable String invoiceId, @RequestParam(name = "company", required = false) String le) {
        String id = LegalEntities.of(finance, le, null).dataAreaId();
        byte[] xml = EInvoices.xml(finance, id, invoiceId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(EInvoices.fileNameOf(invoiceId)).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(xml);
    }

    @GetMapping("/finance/customers")
    @PreAuthorize("hasAuthority('finance:read')")
    String customers(@RequestParam(name = "company", required = false) String le, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Model model) {
        String id = LegalEntities.of(finance, le, model).dataAreaId();
        CustomerInvoices invoices = finance.proposals().customerInvoices();
        int pageSize = PageModel.size(size);
        int number = PageModel.page(page);
        long total = invoices.balanceCount(id);
        model.addAttribute("rows", invoices.balances(id, null, number, pageSize));
        model.addAttribute("totals", invoices.customerTransactionTotals(id));
        PageModel.paging(model, number, pageSize, total);
        return "finance-customers";
    }

    @GetMapping("/finance/customers/{accountNum}")
    @PreAuthorize("hasAuthority('finance:read')")
    String customer(@PathVariable String accountNum, @RequestParam(name = "company", required = false) String le,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        String id = LegalEntities.of(finance, le, model).dataAreaId();
        CustomerInvoices invoices = finance.proposals().customerInvoices();
        var balances = invoices.balances(id, accountNum, 0, PageModel.MAX_PAGE_SIZE);
        if (balances.isEmpty()) {
            throw new dev.tandem.common.TandemException(dev.tandem.finance.FinanceError.NOT_FOUND, "Customer "
                    + accountNum + " doesn't exist in legal entity " + id + ".", java.util.Map.of());
        }
        int pageSize = PageModel.size(size);
        int number = PageModel.page(page);
        long total = invoices.transactionCount(id, accountNum);
        model.addAttribute("customer", balances.getFirst());
        model.addAttribute("balances", balances);
        model.addAttribute("rows", invoices.transactions(id, accountNum, number, pageSize));
        PageModel.paging(model, number, pageSize, total);
        return "finance-customer";
    }
}
