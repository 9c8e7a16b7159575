package dev.tandem.server.web;

import dev.tandem.common.TandemException;
import dev.tandem.finance.Finance;
import dev.tandem.operations.ProjectOperations;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Search by number (the header's search box), exactly as typed (case as stored). With {@code operations:read}: a
 * proforma invoice, a contract, a project or a customer account of Project Operations. With {@code finance:read}, in
 * every legal entity: a voucher, a posted customer invoice or credit note (its PDF), an invoice proposal, a customer
 * with transactions (its balance). One match opens it; several are listed; none says so.
 */
@Controller
class SearchPage {

    private final ProjectOperations operations;
    private final Finance finance;

    SearchPage(ProjectOperations operations, Finance finance) {
        this.operations = operations;
        this.finance = finance;
    }

    /** One thing found: what it is, its number, where it opens. */
    record Match(String kind, String number, String href) {
    }

    @GetMapping("/search")
    @PreAuthorize("hasAnyAuthority('operations:read', 'finance:read')")
    String search(@RequestParam(required = false) String q, Model model,
            org.springframework.security.core.Authentication user) {
        String number = q == null ? "" : q.strip();
        List<Match> matches = new ArrayList<>();
        boolean searchable = !number.isEmpty() && number.length() <= 100;
        if (searchable && PageModel.has(user, "operations:read")) {
            operations.invoicing().store().findByNumber(number).ifPresent(i -> matches.add(new Match(
                    i.creditNote() ? "Corrective invoice" : "Proforma invoice", i.number(), "/invoices/" + i.id())));
            UUID contract = operations.naturalKeys().contracts(Set.of(number)).get(number);
            if (contract != null) {
                matches.add(new Match("Contract", number, "/contracts/" + contract));
            }
            UUID project = operations.naturalKeys().projects(Set.of(number)).get(number);
            if (project != null) {
                matches.add(new Match("Project", number, "/backlog?projectId=" + project));
            }
            UUID customer = operations.naturalKeys().accounts(Set.of(number)).get(number);
            if (customer != null) {
                matches.add(new Match("Customer", number, "/backlog?customerId=" + customer));
            }
        }
        if (searchable && PageModel.has(user, "finance:read")) {
            matches.addAll(finance(number));
        }
        if (matches.size() == 1) {
            return "redirect:" + matches.getFirst().href();
        }
        model.addAttribute("q", number);
        model.addAttribute("matches", matches);
        return "search";
    }

    /** What {@code number} names in Finance, in each legal entity (there are a handful). */
    private List<Match> finance(String number) {
        List<Match> matches = new ArrayList<>();
        for (String le : finance.postingSetup().dataAreaIds().stream().sorted().toList()) {
            String company = LegalEntities.query(le);
            try {
                finance.ledger().voucher(le, number);
                matches.add(new Match("Voucher (" + le + ")", number, "/finance/vouchers/" + encoded(number) + company));
            } catch (TandemException notFound) {
                // not a voucher of this legal entity
            }
            finance.proposals().customerInvoices().posted(le, number).ifPresent(i -> matches.add(new Match(
                    (i.creditNote() ? "Credit note" : "Customer invoice") + " (" + le + ")", number,
                    "/finance/customer-invoices/" + encoded(number) + "/pdf" + company)));
            if (!finance.proposals().customerInvoices().balances(le, number, 0, 1).isEmpty()) {
                matches.add(new Match("Customer balance (" + le + ")", number, "/finance/customers/" + encoded(number)
                        + company));
            }
        }
        finance.proposals().headers().find(number).ifPresent(p -> matches.add(new Match("Invoice proposal ("
                + p.dataAreaId() + ")", number, "/finance/proposals/" + encoded(number)
                + LegalEntities.query(p.dataAreaId()))));
        return matches;
    }

    private static String encoded(String segment) {
        return org.springframework.web.util.UriUtils.encodePathSegment(segment,
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
