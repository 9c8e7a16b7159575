package dev.tandem.server.finance;

import dev.tandem.common.Page;
import dev.tandem.finance.Finance;
import dev.tandem.finance.proposal.CustomerInvoices;
import dev.tandem.finance.proposal.InvoiceProposals;
import dev.tandem.finance.proposal.ProposalPosting.PostedInvoice;
import dev.tandem.finance.proposal.ProposalWorkflow;
import dev.tandem.server.api.Idempotency;
import dev.tandem.server.api.PageRequest;
import dev.tandem.server.database.FinanceDatabase;
import dev.tandem.server.finance.FinanceViews.CustomerInvoiceView;
import dev.tandem.server.finance.FinanceViews.PostedInvoiceView;
import dev.tandem.server.finance.FinanceViews.ProposalSummaryView;
import jakarta.servlet.http.HttpServletRequest;
import dev.tandem.monthend.einvoice.EInvoices;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The approval workflow of invoice proposals (§4.8, §11 item 22), posting (§5 steps 14–15, §9, §10) and the posted
 * customer invoices, under {@code /api/finance/legal-entities/{dataAreaId}}.
 *
 * <p>Posting honours {@value Idempotency#HEADER}: the posting and its stored answer commit in one transaction of the
 * finance database, so a client that lost the answer repeats the request and gets the same customer invoice, never a
 * second one. Without a key, a second post is refused with 409 {@code POSTED_READ_ONLY}.
 *
 * <p>Refusals: 404 {@code NOT_FOUND}; 409 {@code POSTED_READ_ONLY}; 409 {@code STATE} (workflow not enabled or the
 * status does not allow the action; posting a proposal without lines, not Approved under the workflow, not Open
 * without it); 422 {@code PERIOD_CLOSED}, {@code EXCHANGE_RATE_NOT_FOUND}, {@code POSTING_SETUP_MISSING},
 * {@code TAX_VALUE_NOT_FOUND}, {@code UNBILLED_NOT_POSTED}; an e-invoice 422 {@code EINVOICE_DATA_MISSING}. A refused posting leaves nothing posted: no number, no
 * voucher, no customer transaction, no write-back.
 */
@RestController
@RequestMapping(FinanceApi.BASE + "/legal-entities/{dataAreaId}")
public class ProposalPostingController {

    private static final String PROPOSAL = "/invoice-proposals/{proposalId}";

    private final Finance finance;
    private final InvoiceProposals proposals;
    private final ProposalWorkflow workflow;
    private final Idempotency idempotency;

    public ProposalPostingController(Finance finance, @FinanceDatabase Idempotency idempotency) {
        this.finance = finance;
        this.proposals = finance.proposals();
        this.workflow = proposals.workflow();
        this.idempotency = idempotency;
    }

    /** Open (Draft or Change requested), with lines → Submitted. */
    @PostMapping(PROPOSAL + "/submit")
    ProposalSummaryView submit(@PathVariable String dataAreaId, @PathVariable String proposalId) {
        return FinanceViews.summary(workflow.submit(dataAreaId, proposalId));
    }

    /** Submitted → Approved; only an approved proposal is posted under the workflow. */
    @PostMapping(PROPOSAL + "/approve")
    ProposalSummaryView approve(@PathVariable String dataAreaId, @PathVariable String proposalId) {
        return FinanceViews.summary(workflow.approve(dataAreaId, proposalId));
    }

    /** Submitted → Rejected. */
    @PostMapping(PROPOSAL + "/reject")
    ProposalSummaryView reject(@PathVariable String dataAreaId, @PathVariable String proposalId) {
        return FinanceViews.summary(workflow.reject(dataAreaId, proposalId));
    }

    /** Submitted → Open, Change requested: editable, to be submitted again. */
    @PostMapping(PROPOSAL + "/request-change")
    ProposalSummaryView requestChange(@PathVariable String dataAreaId, @PathVariable String proposalId) {
        return FinanceViews.summary(workflow.requestChange(dataAreaId, proposalId));
    }

    /** "Reset invoice proposal workflow status": any status but Invoiced → Open, Draft. */
    @PostMapping(PROPOSAL + "/reset")
    ProposalSummaryView reset(@PathVariable String dataAreaId, @PathVariable String proposalId) {
        return FinanceViews.summary(workflow.reset(dataAreaId, proposalId));
    }

    /**
     * Posts the proposal as a customer invoice: number, voucher, customer transaction, write-back to the billed
     * actuals' staging rows, the export row, and the proposal Invoiced. Answers the customer invoice.
     */
    @PostMapping(PROPOSAL + "/post")
    ResponseEntity<?> post(@PathVariable String dataAreaId, @PathVariable String proposalId,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key, HttpServletRequest request) {
        return idempotency.once(key, request, null, () -> {
            PostedInvoice posted = proposals.posting().post(dataAreaId, proposalId);
            // With a key this runs inside the key's transaction, so the header read here sees the posting and the
            // stored answer names exactly what was posted; without one, the posting has committed already.
            return ResponseEntity.ok(PostedInvoiceView.of(posted, proposals.headers().header(dataAreaId, proposalId)));
        });
    }

    /** The posted customer invoices (the export to Project Operations, §10 item 5) by number, of one proposal if given. */
    @GetMapping("/customer-invoices")
    Page<CustomerInvoiceView> customerInvoices(@PathVariable String dataAreaId,
            @RequestParam(required = false) String proposalId, PageRequest page) {
        finance.postingSetup().legalEntity(dataAreaId);
        CustomerInvoices invoices = proposals.customerInvoices();
        return page.toPage(invoices.exports(dataAreaId, proposalId, page.page(), page.size()).stream()
                .map(CustomerInvoiceView::of).toList(), invoices.exportCount(dataAreaId, proposalId));
    }

    /**
     * The e-invoice of a posted customer invoice or credit note (docs/e-invoicing.md): UBL 2.1, Peppol BIS Billing
     * 3.0, with the invoice's PDF embedded, as {@code application/xml}, offered for download as
     * {@code <invoice>.xml}. 404 {@code NOT_FOUND} for an unknown legal entity or invoice; 422
     * {@code EINVOICE_DATA_MISSING} when Finance lacks what the document needs (the detail says what).
     */
    @GetMapping("/customer-invoices/{invoiceId}/ubl")
    ResponseEntity<byte[]> ubl(@PathVariable String dataAreaId, @PathVariable String invoiceId) {
        finance.postingSetup().legalEntity(dataAreaId);
        byte[] xml = EInvoices.xml(finance, dataAreaId, invoiceId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(EInvoices.fileNameOf(invoiceId)).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(xml);
    }
}
