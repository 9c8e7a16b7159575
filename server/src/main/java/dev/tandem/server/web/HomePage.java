package dev.tandem.server.web;

import dev.tandem.finance.Finance;
import dev.tandem.finance.proposal.ProposalStatus;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.backlog.BillingBacklog.Filter;
import dev.tandem.operations.invoicing.InvoiceStatus;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: the figures a signed-in user acts on, by what the user may read — the unbilled backlog per currency
 * and the proforma invoices by status and those confirmed this calendar month (UTC, the server's clock) per currency
 * for Project Operations' readers; for Finance's readers, per legal entity, the
 * open invoice proposals and accounts receivable per currency; users and the latest security events for the
 * administrator.
 */
@Controller
class HomePage {

    private final ProjectOperations operations;
    private final Finance finance;
    private final dev.tandem.server.security.UserStore users;
    private final dev.tandem.server.security.SecurityLog securityLog;
    private final java.time.Clock clock;

    HomePage(ProjectOperations operations, Finance finance, dev.tandem.server.security.UserStore users,
            dev.tandem.server.security.SecurityLog securityLog, java.time.Clock clock) {
        this.clock = clock;
        this.operations = operations;
        this.finance = finance;
        this.users = users;
        this.securityLog = securityLog;
    }

    /** The accountant's card of one legal entity. */
    record FinanceCard(String dataAreaId, long openProposals, Map<String, java.math.BigDecimal> receivable) {
    }

    @GetMapping("/")
    String home(Model model, org.springframework.security.core.Authentication user) {
        if (PageModel.has(user, "operations:read")) {
            model.addAttribute("backlogTotals", operations.backlog().timeAndMaterial(Filter.all(), 0, 1).totals());
            Map<InvoiceStatus, Long> byStatus = operations.invoiceQueries().countByStatus();
            model.addAttribute("invoicesByStatus", byStatus);
            model.addAttribute("statuses", InvoiceStatus.values());
            java.time.YearMonth month = java.time.YearMonth.now(clock);
            java.time.ZoneOffset utc = java.time.ZoneOffset.UTC;
            model.addAttribute("confirmedMonth", month);
            model.addAttribute("confirmedThisMonth", operations.invoiceQueries().confirmedBetween(
                    month.atDay(1).atStartOfDay().atOffset(utc), month.plusMonths(1).atDay(1).atStartOfDay()
                            .atOffset(utc)));
        }
        if (PageModel.has(user, "finance:read")) {
            model.addAttribute("financeCards", finance.postingSetup().dataAreaIds().stream().sorted().map(le ->
                    new FinanceCard(le, finance.proposalQueries().countByStatus(le).getOrDefault(ProposalStatus.OPEN,
                            0L), finance.proposals().customerInvoices().customerTransactionTotals(le))).toList());
        }
        if (PageModel.has(user, "user:manage")) {
            model.addAttribute("userCount", users.count());
        }
        if (PageModel.has(user, "security:read")) {
            model.addAttribute("refusedSignIns", securityLog.count(
                    dev.tandem.server.security.SecurityEventType.SIGN_IN_FAILED));
            model.addAttribute("recentEvents", securityLog.page(null, 0, 5));
        }
        return "home";
    }
}
