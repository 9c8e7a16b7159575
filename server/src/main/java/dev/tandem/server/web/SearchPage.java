package dev.tandem.server.web;

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
 * Search by number (the header's search box): a proforma invoice ({@code INV-…}), a contract, a project or a customer
 * account whose number is exactly what was typed (case as stored). One match opens it; several are listed.
 */
@Controller
class SearchPage {

    private final ProjectOperations operations;

    SearchPage(ProjectOperations operations) {
        this.operations = operations;
    }

    /** One thing found: what it is, its number, where it opens. */
    record Match(String kind, String number, String href) {
    }

    @GetMapping("/search")
    @PreAuthorize("hasAuthority('operations:read')")
    String search(@RequestParam(required = false) String q, Model model) {
        String number = q == null ? "" : q.strip();
        List<Match> matches = new ArrayList<>();
        if (!number.isEmpty() && number.length() <= 100) {
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
        if (matches.size() == 1) {
            return "redirect:" + matches.getFirst().href();
        }
        model.addAttribute("q", number);
        model.addAttribute("matches", matches);
        return "search";
    }
}
