package dev.tandem.server.web;

import dev.tandem.common.TandemException;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.NteStatus;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.backlog.BillingBacklog.Filter;
import dev.tandem.operations.contracts.ContractRecords.Contract;
import dev.tandem.operations.masterdata.MasterDataTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The billing backlog (§4.2, §5 step 7) for the project manager: unbilled sales actuals not yet invoiced, filtered by
 * contract, project, customer, document date, transaction class and not-to-exceed status, paged in the database with totals per currency over every page, and
 * the bulk actions Ready / Not ready to invoice. Each chosen row is marked on its own, so one refused row (e.g.
 * {@code NTE_FAILED}, §11 rule 3) does not hold back the others, and each refusal is shown beside its row.
 */
@Controller
class BacklogPages {

    private final ProjectOperations operations;

    BacklogPages(ProjectOperations operations) {
        this.operations = operations;
    }

    /** One row of the page, with names instead of ids; {@code amount} and {@code price} in {@code currency}. */
    record Row(UUID id, LocalDate date, String contract, String project, String customer, String resource,
               String classification, BigDecimal quantity, BigDecimal price, BigDecimal amount, String currency,
               String billingStatus, boolean ready, String billingType, String nteStatus, String nteDetail) {
    }

    /** A contract, project or customer to filter by: id and what the list shows. */
    record Choice(UUID id, String label) {
    }

    /**
     * The backlog's filter as the page's form and links send it (bound from the query string), shared by the page and
     * its totals; a date range that ends before it starts is shown as a problem and its end ignored.
     */
    record BacklogQuery(UUID contractId, UUID projectId, UUID customerId,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Boolean readyOnly,
                        TransactionClassification classification, NteStatus nteStatus) {

        boolean backwards() {
            return from != null && to != null && to.isBefore(from);
        }

        Filter filter() {
            return new Filter(contractId, projectId, customerId, from, backwards() ? null : to,
                    Boolean.TRUE.equals(readyOnly), classification, nteStatus);
        }
    }

    @GetMapping("/backlog")
    @PreAuthorize("hasAuthority('operations:read')")
    String backlog(BacklogQuery query, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Model model, jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("here", request.getRequestURI() + (request.getQueryString() == null ? ""
                : "?" + request.getQueryString()));
        if (query.backwards()) {
            model.addAttribute("filterError", "The date range ends (" + query.to() + ") before it starts ("
                    + query.from() + ").");
        }
        Filter filter = query.filter();
        int pageSize = PageModel.size(size);
        int pageNumber = PageModel.page(page);
        // The rows first; the totals over every page scan the whole filter, so the page asks for them after it has
        // shown (htmx, /backlog/totals): a backlog of 100,000 actuals opens as fast as one of 100 (issue 16).
        List<Actual> found = operations.backlog().timeAndMaterialRows(filter, pageNumber, pageSize);
        boolean hasNext = found.size() > pageSize;
        PageNames names = new PageNames(operations);
        List<Row> rows = new ArrayList<>();
        for (Actual a : found.subList(0, Math.min(found.size(), pageSize))) {
            rows.add(new Row(a.id(), a.documentDate(), names.contract(a.contractId()), names.project(a.projectId()),
                    names.customer(a.customerId()), names.resource(a.resourceId()), label(a.classification()),
                    a.quantity(), a.price(), a.amount(), a.currency(), label(a.billingStatus()),
                    a.billingStatus() == BillingStatus.READY_TO_INVOICE, label(a.billingType()), label(a.nteStatus()),
                    a.nteDetail()));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("page", pageNumber);
        model.addAttribute("hasNext", hasNext);
        model.addAttribute("query", request.getQueryString() == null ? "" : request.getQueryString());
        model.addAttribute("filter", filter);
        model.addAttribute("classifications", TransactionClassification.values());
        model.addAttribute("nteStatuses", NteStatus.values());
        model.addAttribute("size", pageSize);
        model.addAttribute("contracts", operations.contracts().contracts(0, PageModel.MAX_PAGE_SIZE).stream()
                .map(c -> new Choice(c.id(), c.contractNumber() + " " + c.name())).toList());
        model.addAttribute("projects", projectChoices(operations));
        model.addAttribute("customers", choices(operations, MasterDataTable.ACCOUNTS, "accountid", "accountnumber",
                "name"));
        return "backlog";
    }

    /**
     * The totals per currency over every page of a filter, and the number of actuals: a fragment the backlog page
     * loads after it has shown its rows.
     */
    @GetMapping("/backlog/totals")
    @PreAuthorize("hasAuthority('operations:read')")
    String totals(BacklogQuery query, @RequestParam(required = false) Integer size, Model model) {
        List<dev.tandem.operations.backlog.BillingBacklog.CurrencyTotal> totals = operations.backlog()
                .timeAndMaterialTotals(query.filter());
        long total = totals.stream().mapToLong(t -> t.count()).sum();
        int pageSize = PageModel.size(size);
        model.addAttribute("totals", totals);
        model.addAttribute("total", total);
        model.addAttribute("pageCount", PageModel.pageCount(total, pageSize));
        return "backlog :: totals";
    }

    /** Marks the chosen actuals Ready to invoice, each on its own; refusals come back per row. */
    @PostMapping("/backlog/ready")
    @PreAuthorize("hasAuthority('backlog:ready')")
    String ready(@RequestParam(name = "id", required = false) List<UUID> ids,
            @RequestParam(required = false) String back, RedirectAttributes flash) {
        return mark(ids, true, back, flash);
    }

    /** Marks the chosen actuals back to not ready, each on its own. */
    @PostMapping("/backlog/not-ready")
    @PreAuthorize("hasAuthority('backlog:ready')")
    String notReady(@RequestParam(name = "id", required = false) List<UUID> ids,
            @RequestParam(required = false) String back, RedirectAttributes flash) {
        return mark(ids, false, back, flash);
    }

    private String mark(List<UUID> ids, boolean ready, String back, RedirectAttributes flash) {
        if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute(PageMessages.REFUSED, "Choose the actuals to mark first.");
            return "redirect:" + backTo(back);
        }
        Map<UUID, String> refusals = new LinkedHashMap<>();
        int marked = 0;
        for (UUID id : ids.stream().distinct().limit(PageModel.MAX_PAGE_SIZE).toList()) {
            try {
                operations.backlog().markActuals(List.of(id), ready);
                marked++;
            } catch (TandemException e) {
                refusals.put(id, e.errorCode().code() + ": " + e.detail());
            }
        }
        flash.addFlashAttribute(PageMessages.DONE, marked + (marked == 1 ? " actual" : " actuals") + " marked "
                + (ready ? "Ready to invoice" : "not ready") + (refusals.isEmpty() ? "." : "; " + refusals.size()
                + " refused (see the rows)."));
        flash.addFlashAttribute("rowRefusals", refusals);
        return "redirect:" + backTo(back);
    }

    /** Only a path of this site's backlog page is a place to go back to (never another site). */
    static String backTo(String back) {
        return back != null && back.startsWith("/backlog") && !back.startsWith("//") ? back : "/backlog";
    }

    /** The projects a page lets the user pick (number and name), the first {@link PageModel#MAX_PAGE_SIZE}. */
    static List<Choice> projectChoices(ProjectOperations operations) {
        return choices(operations, MasterDataTable.PROJECTS, "msdyn_projectid", "msdyn_projectnumber",
                "msdyn_subject");
    }

    private static List<Choice> choices(ProjectOperations operations, MasterDataTable table, String idColumn,
            String number, String name) {
        List<Choice> choices = new ArrayList<>();
        for (Map<String, Object> row : operations.masterData().list(table, 0, PageModel.MAX_PAGE_SIZE)) {
            Object label = row.get(name);
            choices.add(new Choice((UUID) row.get(idColumn), row.get(number) + (label == null ? "" : " " + label)));
        }
        return choices;
    }

    static String label(dev.tandem.operations.OptionValue option) {
        return option == null ? "" : option.label();
    }
}
