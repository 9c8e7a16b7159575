package dev.tandem.server.web;

import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.contracts.ContractRecords.Contract;
import dev.tandem.operations.contracts.ContractRecords.ContractLine;
import dev.tandem.operations.contracts.ContractRecords.LineCustomer;
import dev.tandem.operations.contracts.ContractRecords.Milestone;
import dev.tandem.operations.nte.NotToExceed.Standing;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Project contracts for the project manager (§2, §4.5, §4.6): the list, and a contract with its lines, each line's
 * customers and billing splits, the not-to-exceed levels with their limit and what is committed against them, and the
 * fixed-price milestones with their invoice status. Read-only: contracts are set up through the API or
 * {@code tandem run}.
 */
@Controller
class ContractPages {

    private final ProjectOperations operations;

    ContractPages(ProjectOperations operations) {
        this.operations = operations;
    }

    /** A contract of the list with its customer's name. */
    record Summary(Contract contract, String customer) {
    }

    /** A line with its project's number, its customers (name and split) and milestones. */
    record LineView(ContractLine line, String project, List<CustomerSplit> customers, List<Milestone> milestones) {
    }

    /** A customer of a line: its name, its share of the line in percent, its line-customer limit. */
    record CustomerSplit(String customer, LineCustomer split) {
    }

    /** A not-to-exceed level as the page names it. */
    record LevelView(Standing standing, String of) {
    }

    @GetMapping("/contracts")
    @PreAuthorize("hasAuthority('operations:read')")
    String contracts(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            Model model) {
        int pageSize = PageModel.size(size);
        PageNames names = new PageNames(operations);
        List<Summary> rows = operations.contracts().contracts(PageModel.page(page), pageSize).stream()
                .map(c -> new Summary(c, names.customer(c.customerId()))).toList();
        long total = operations.contracts().contractCount();
        model.addAttribute("rows", rows);
        PageModel.paging(model, PageModel.page(page), pageSize, total);
        return "contracts";
    }

    @GetMapping("/contracts/{contractId}")
    @PreAuthorize("hasAuthority('operations:read')")
    String contract(@PathVariable UUID contractId, Model model) {
        Contract contract = operations.contracts().contract(contractId);
        PageNames names = new PageNames(operations);
        List<LineView> lines = new ArrayList<>();
        for (ContractLine line : operations.contracts().lines(contractId)) {
            List<CustomerSplit> customers = operations.contracts().lineCustomers(line.id()).stream()
                    .map(c -> new CustomerSplit(names.customer(c.accountId()), c)).toList();
            lines.add(new LineView(line, names.project(line.projectId()), customers,
                    operations.contracts().milestones(line.id())));
        }
        List<LevelView> levels = new ArrayList<>();
        for (Standing s : operations.notToExceed().standings(contractId)) {
            String line = s.lineId() == null ? null : lines.stream().filter(l -> l.line().id().equals(s.lineId()))
                    .map(l -> l.line().name()).findFirst().orElse(s.lineId().toString());
            String customer = s.customerId() == null ? null : names.customer(s.customerId());
            levels.add(new LevelView(s, line == null ? (customer == null ? contract.contractNumber() : customer)
                    : customer == null ? line : line + " / " + customer));
        }
        model.addAttribute("contract", contract);
        model.addAttribute("customer", names.customer(contract.customerId()));
        model.addAttribute("lines", lines);
        model.addAttribute("levels", levels);
        return "contract";
    }
}
