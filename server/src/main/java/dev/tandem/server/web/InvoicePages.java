package dev.tandem.server.web;

import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.invoicing.InvoiceRecords.DetailEdit;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import dev.tandem.operations.invoicing.InvoiceStatus;
import dev.tandem.operations.invoicing.InvoiceStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Proforma invoices for the project manager (§4.1, §3.4, §6): the list, creation per contract, the draft editor
 * (a line detail's quantity, price and chargeability as §3.4 allows, deleting a detail, refreshing the transactions;
 * the invoice's totals and tax are recomputed by the domain on each change), confirmation behind a confirmation step,
 * and revision (a corrective invoice). Each action answers with a redirect to the invoice (post/redirect/get); the
 * editor's forms post through htmx and swap the editor in place, and work without JavaScript too.
 */
@Controller
class InvoicePages {

    private final ProjectOperations operations;
    private final Formats formats;
    private final dev.tandem.server.jobs.BulkConfirmJobs bulkJobs;
    private final ProformaDocuments documents;

    InvoicePages(ProjectOperations operations, Formats formats, dev.tandem.server.jobs.BulkConfirmJobs bulkJobs,
            ProformaDocuments documents) {
        this.operations = operations;
        this.formats = formats;
        this.bulkJobs = bulkJobs;
        this.documents = documents;
    }

    /**
     * The proforma invoice's PDF ({@link ProformaDocuments}), inline (the browser shows it), or as a download with
     * {@code download}.
     */
    @GetMapping("/invoices/{invoiceId}/pdf")
    @PreAuthorize("hasAuthority('operations:read')")
    org.springframework.http.ResponseEntity<byte[]> pdf(@PathVariable UUID invoiceId,
            @RequestParam(required = false) String download) {
        Invoice invoice = operations.invoicing().store().invoice(invoiceId);
        byte[] pdf = documents.pdf(invoiceId);
        org.springframework.http.ContentDisposition disposition = (download != null
                ? org.springframework.http.ContentDisposition.attachment()
                : org.springframework.http.ContentDisposition.inline())
                .filename(dev.tandem.monthend.output.InvoicePdfs.fileNameOf(invoice.number())).build();
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "private, no-store").body(pdf);
    }

    /** One invoice of the list, with its contract's number and customer's name. */
    record Summary(Invoice invoice, String contract, String customer) {
    }

    /**
     * A line detail as the editor shows it, with the actuals it is connected to: the unbilled sales it bills and,
     * once confirmed, the billed sales of §6.
     */
    record DetailRow(LineDetail detail, String project, Actual source, Actual billed) {
    }

    @GetMapping("/invoices")
    @PreAuthorize("hasAuthority('operations:read')")
    String invoices(@RequestParam(required = false) UUID contractId,
            @RequestParam(required = false) InvoiceStatus status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Model model) {
        InvoiceStore store = operations.invoicing().store();
        int pageSize = PageModel.size(size);
        PageNames names = new PageNames(operations);
        List<Summary> rows = store.invoices(contractId, status, PageModel.page(page), pageSize).stream()
                .map(i -> new Summary(i, names.contract(i.contractId()), names.customer(i.customerId()))).toList();
        long total = store.count(contractId, status);
        model.addAttribute("status", status);
        model.addAttribute("statuses", InvoiceStatus.values());
        model.addAttribute("rows", rows);
        PageModel.paging(model, PageModel.page(page), pageSize, total);
        model.addAttribute("contractId", contractId);
        model.addAttribute("byStatus", operations.invoiceQueries().countByStatus());
        model.addAttribute("contracts", operations.contracts().contracts(0, PageModel.MAX_PAGE_SIZE));
        model.addAttribute("today", LocalDate.now());
        return "invoices";
    }

    /** "Create Invoice" on a contract (§4.1): one draft per contract customer; opens the first. */
    @PostMapping("/invoices")
    @PreAuthorize("hasAuthority('invoice:create')")
    String create(@RequestParam UUID contractId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate invoiceDate,
            RedirectAttributes flash) {
        List<UUID> created = PageMessages.attempt(flash, () -> operations.invoicing().creation()
                .createForContract(contractId, invoiceDate), ids -> ids.size() == 1 ? "Created a draft invoice."
                : "Created " + ids.size() + " draft invoices, one per contract customer.");
        return created == null || created.isEmpty() ? "redirect:/invoices" : "redirect:/invoices/" + created.getFirst();
    }

    /**
     * "Create Project Invoices" for several contracts (§4.1): each contract on its own, a contract with nothing to
     * invoice is skipped with its reason.
     */
    @PostMapping("/invoices/bulk")
    @PreAuthorize("hasAuthority('invoice:create')")
    String createBulk(@RequestParam(name = "contractId", required = false) List<UUID> contractIds,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate invoiceDate,
            RedirectAttributes flash) {
        if (contractIds == null || contractIds.isEmpty()) {
            flash.addFlashAttribute(PageMessages.REFUSED, "Choose the contracts to invoice first.");
            return "redirect:/invoices";
        }
        PageNames names = new PageNames(operations);
        PageMessages.attempt(flash, () -> operations.invoicing().creation().createBulk(
                contractIds.stream().distinct().limit(PageModel.MAX_PAGE_SIZE).toList(), invoiceDate),
                result -> "Created " + result.invoiceIds().size() + " draft invoices" + (result.skipped().isEmpty()
                        ? "." : "; skipped " + String.join("; ", result.skipped().entrySet().stream()
                        .map(e -> names.contract(e.getKey()) + ": " + e.getValue()).toList()) + "."));
        return "redirect:/invoices?status=DRAFT";
    }

    /**
     * Confirms the chosen drafts in the background (a bulk confirmation job, [D:BULK]): the job page shows its
     * progress and can be left and come back to.
     */
    @PostMapping("/invoices/bulk-confirm")
    @PreAuthorize("hasAuthority('invoice:confirm')")
    String bulkConfirm(@RequestParam(name = "id", required = false) List<UUID> ids, RedirectAttributes flash) {
        if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute(PageMessages.REFUSED, "Choose the draft invoices to confirm first.");
            return "redirect:/invoices?status=DRAFT";
        }
        UUID job = PageMessages.attempt(flash, () -> {
            UUID id = operations.invoicing().bulkConfirmation().schedule(ids.stream().distinct()
                    .limit(PageModel.MAX_PAGE_SIZE).toList());
            bulkJobs.submitAfterCommit(id); // no transaction here: the job starts at once, as the API's does
            return id;
        }, id -> "Confirmation of " + ids.size() + " invoices scheduled; this page follows it.");
        return job == null ? "redirect:/invoices?status=DRAFT" : "redirect:/invoices/bulk-confirm/" + job;
    }

    /** A bulk confirmation job: its state, counts and each invoice's outcome; refreshed by htmx while it runs. */
    @GetMapping("/invoices/bulk-confirm/{jobId}")
    @PreAuthorize("hasAuthority('operations:read')")
    String bulkConfirmJob(@PathVariable UUID jobId, Model model) {
        dev.tandem.operations.invoicing.bulk.BulkConfirmJob job = operations.invoicing().bulkConfirmation().job(jobId);
        InvoiceStore store = operations.invoicing().store();
        model.addAttribute("job", job);
        model.addAttribute("running", job.finishedOn() == null);
        model.addAttribute("invoices", job.invoices().stream().limit(PageModel.MAX_PAGE_SIZE)
                .map(i -> new JobRow(i, store.find(i.invoiceId()).orElse(null))).toList());
        return "invoice-bulk-confirm";
    }

    /** An invoice of a bulk confirmation job with the invoice as it is now (null when deleted since). */
    record JobRow(dev.tandem.operations.invoicing.bulk.BulkConfirmJob.JobInvoice outcome, Invoice invoice) {
    }

    @GetMapping("/invoices/{invoiceId}")
    @PreAuthorize("hasAuthority('operations:read')")
    String invoice(@PathVariable UUID invoiceId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Model model,
            org.springframework.security.core.Authentication user) {
        model.addAttribute("canEdit", PageModel.has(user, "invoice:edit"));
        InvoiceStore store = operations.invoicing().store();
        Invoice invoice = store.invoice(invoiceId);
        int pageSize = PageModel.size(size);
        List<LineDetail> details = store.details(invoiceId, PageModel.page(page), pageSize);
        List<UUID> actualIds = details.stream().flatMap(d -> Stream.of(d.sourceActualId(), d.billedSalesActualId()))
                .filter(Objects::nonNull).toList();
        java.util.Map<UUID, Actual> actuals = new java.util.HashMap<>();
        operations.actuals().actuals(actualIds).forEach(a -> actuals.put(a.id(), a));
        PageNames names = new PageNames(operations);
        List<DetailRow> rows = new ArrayList<>();
        for (LineDetail d : details) {
            rows.add(new DetailRow(d, names.project(d.projectId()), actuals.get(d.sourceActualId()),
                    actuals.get(d.billedSalesActualId())));
        }
        long total = store.countDetails(invoiceId);
        model.addAttribute("invoice", invoice);
        model.addAttribute("editable", invoice.status() == InvoiceStatus.DRAFT
                || invoice.status() == InvoiceStatus.IN_REVIEW);
        model.addAttribute("contract", names.contract(invoice.contractId()));
        model.addAttribute("customer", names.customer(invoice.customerId()));
        model.addAttribute("lines", store.lines(invoiceId));
        model.addAttribute("rows", rows);
        PageModel.paging(model, PageModel.page(page), pageSize, total);
        model.addAttribute("billingTypes", List.of(BillingType.CHARGEABLE, BillingType.NON_CHARGEABLE,
                BillingType.COMPLIMENTARY));
        return "invoice";
    }

    /**
     * Changes a draft's line detail (§3.4): quantity (hours or units), price per unit in the invoice's currency,
     * chargeability. The domain recomputes the amount, the line and the invoice's totals and tax.
     */
    @PostMapping("/invoices/{invoiceId}/details/{detailId}")
    @PreAuthorize("hasAuthority('invoice:edit')")
    String editDetail(@PathVariable UUID invoiceId, @PathVariable UUID detailId,
            @RequestParam(required = false) String quantity, @RequestParam(required = false) String price,
            @RequestParam(required = false) BillingType billingType, RedirectAttributes flash) {
        try {
            BigDecimal q = decimal("quantity", quantity);
            BigDecimal p = decimal("price", price);
            PageMessages.attempt(flash, () -> operations.invoicing().drafts().edit(detailId,
                    new DetailEdit(billingType, q, p, null, null, null, null)), d -> "Line detail changed: "
                    + formats.quantity(d.quantity()) + " × " + formats.price(d.price()) + " = "
                    + formats.money(d.amount(), d.currency()) + ".");
        } catch (NumberFormatException e) {
            flash.addFlashAttribute(PageMessages.REFUSED, e.getMessage());
        }
        return "redirect:/invoices/" + invoiceId;
    }

    @PostMapping("/invoices/{invoiceId}/details/{detailId}/delete")
    @PreAuthorize("hasAuthority('invoice:edit')")
    String deleteDetail(@PathVariable UUID invoiceId, @PathVariable UUID detailId, RedirectAttributes flash) {
        PageMessages.attempt(flash, () -> operations.invoicing().drafts().deleteDetail(detailId),
                "Line detail removed; what it billed is back in the backlog.");
        return "redirect:/invoices/" + invoiceId;
    }

    /** "Refresh Invoice Line Transactions": adds what became Ready since the draft was created. */
    @PostMapping("/invoices/{invoiceId}/refresh")
    @PreAuthorize("hasAuthority('invoice:edit')")
    String refresh(@PathVariable UUID invoiceId, RedirectAttributes flash) {
        PageMessages.attempt(flash, () -> operations.invoicing().creation().refresh(invoiceId),
                added -> added == 1 ? "Added 1 line detail." : "Added " + added + " line details.");
        return "redirect:/invoices/" + invoiceId;
    }

    @PostMapping("/invoices/{invoiceId}/delete")
    @PreAuthorize("hasAuthority('invoice:edit')")
    String delete(@PathVariable UUID invoiceId, RedirectAttributes flash) {
        boolean deleted = PageMessages.attempt(flash, () -> operations.invoicing().drafts().deleteInvoice(invoiceId),
                "Draft deleted; everything it billed is back in the backlog.");
        return deleted ? "redirect:/invoices" : "redirect:/invoices/" + invoiceId;
    }

    /** The confirmation step: what confirming will do, and that it can't be undone (§4.1). */
    @GetMapping("/invoices/{invoiceId}/confirm")
    @PreAuthorize("hasAuthority('invoice:confirm')")
    String confirmStep(@PathVariable UUID invoiceId, Model model) {
        Invoice invoice = operations.invoicing().store().invoice(invoiceId);
        model.addAttribute("invoice", invoice);
        model.addAttribute("customer", new PageNames(operations).customer(invoice.customerId()));
        model.addAttribute("details", operations.invoicing().store().countDetails(invoiceId));
        return "invoice-confirm";
    }

    /** Confirms the draft (one-way): the actuals of §6 are created and the invoice goes to Finance. */
    @PostMapping("/invoices/{invoiceId}/confirm")
    @PreAuthorize("hasAuthority('invoice:confirm')")
    String confirm(@PathVariable UUID invoiceId, RedirectAttributes flash) {
        PageMessages.attempt(flash, () -> operations.invoicing().confirmation().confirm(invoiceId),
                created -> "Invoice confirmed; " + created + " actuals created (§6).");
        return "redirect:/invoices/" + invoiceId;
    }

    /** "Revise": a corrective draft of every line detail at quantity 0, a full credit until quantities are entered. */
    @PostMapping("/invoices/{invoiceId}/revise")
    @PreAuthorize("hasAuthority('invoice:revise')")
    String revise(@PathVariable UUID invoiceId, RedirectAttributes flash) {
        UUID corrective = PageMessages.attempt(flash, () -> operations.invoicing().revision().revise(invoiceId, null),
                id -> "Corrective invoice created: every line detail at quantity 0 (a full credit until you enter "
                        + "the quantities to invoice).");
        return "redirect:/invoices/" + (corrective == null ? invoiceId : corrective);
    }

    /** A decimal a user typed, or null when blank; refused with the field's name when it is not a number. */
    static BigDecimal decimal(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new NumberFormatException("The " + field + " '" + text.trim() + "' is not a number (write it with a "
                    + "point for decimals and no thousands separators, e.g. 7.5).");
        }
    }
}
