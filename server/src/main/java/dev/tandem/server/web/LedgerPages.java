package dev.tandem.server.web;

import dev.tandem.finance.Finance;
import dev.tandem.finance.ledger.LedgerQueries;
import dev.tandem.finance.ledger.LedgerQueries.AccountBalance;
import dev.tandem.finance.setup.PeriodStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
 * The general ledger and the fiscal calendar for the accountant: the trial balance of a fiscal period (or any date
 * range) per main account, computed by the database in the accounting currency; the drill-down from an account and
 * period to its posted voucher lines (paged), and from a line to its whole voucher; and the fiscal periods with
 * Open, On hold and Close (the API's {@code PUT …/periods/{start}/status}, permission {@code period:manage}).
 */
@Controller
class LedgerPages {

    private final Finance finance;

    LedgerPages(Finance finance) {
        this.finance = finance;
    }

    @GetMapping("/finance/trial-balance")
    @PreAuthorize("hasAuthority('finance:read')")
    String trialBalance(@RequestParam(name = "company", required = false) String le,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        String id = LegalEntities.of(finance, le, model).dataAreaId();
        LedgerQueries ledger = finance.ledgerQueries();
        if (from != null && to != null && to.isBefore(from)) {
            model.addAttribute("filterError", "The date range ends (" + to + ") before it starts (" + from + ").");
            to = null;
        }
        List<AccountBalance> rows = ledger.trialBalance(id, from, to);
        model.addAttribute("rows", rows);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("periods", ledger.periods(id, 0, PageModel.MAX_PAGE_SIZE));
        model.addAttribute("debit", rows.stream().map(AccountBalance::debit).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("credit", rows.stream().map(AccountBalance::credit).reduce(BigDecimal.ZERO,
                BigDecimal::add));
        model.addAttribute("balance", rows.stream().map(AccountBalance::balance).reduce(BigDecimal.ZERO,
                BigDecimal::add));
        return "finance-trial-balance";
    }

    /** The drill-down: an account's posted lines in a date range. */
    @GetMapping("/finance/ledger/{account}")
    @PreAuthorize("hasAuthority('finance:read')")
    String account(@PathVariable String account, @RequestParam(name = "company", required = false) String le,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        String id = LegalEntities.of(finance, le, model).dataAreaId();
        LedgerQueries ledger = finance.ledgerQueries();
        int pageSize = PageModel.size(size);
        int number = PageModel.page(page);
        long total = ledger.entryCount(id, account, from, to);
        model.addAttribute("account", account);
        model.addAttribute("balances", ledger.trialBalance(id, from, to).stream()
                .filter(b -> b.mainAccount().equals(account)).findFirst().orElse(null));
        model.addAttribute("rows", ledger.entries(id, account, from, to, number, pageSize));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        PageModel.paging(model, number, pageSize, total);
        return "finance-ledger";
    }

    @GetMapping("/finance/vouchers/{voucher}")
    @PreAuthorize("hasAuthority('finance:read')")
    String voucher(@PathVariable String voucher, @RequestParam(name = "company", required = false) String le, Model model) {
        String id = LegalEntities.of(finance, le, model).dataAreaId();
        model.addAttribute("voucher", finance.ledger().voucher(id, voucher));
        return "finance-voucher";
    }

    @GetMapping("/finance/periods")
    @PreAuthorize("hasAuthority('finance:read')")
    String periods(@RequestParam(name = "company", required = false) String le, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Model model) {
        String id = LegalEntities.of(finance, le, model).dataAreaId();
        LedgerQueries ledger = finance.ledgerQueries();
        int pageSize = PageModel.size(size);
        int number = PageModel.page(page);
        long total = ledger.periodCount(id);
        model.addAttribute("rows", ledger.periods(id, number, pageSize));
        model.addAttribute("statuses", PeriodStatus.values());
        PageModel.paging(model, number, pageSize, total);
        return "finance-periods";
    }

    /** Opens, puts on hold or closes a period (posting is allowed into open periods only). */
    @PostMapping("/finance/periods/{start}/status")
    @PreAuthorize("hasAuthority('period:manage')")
    String periodStatus(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
            @RequestParam(name = "company", required = false) String le, @RequestParam PeriodStatus status,
            @RequestParam(required = false) Integer page, RedirectAttributes flash) {
        String id = LegalEntities.of(finance, le, null).dataAreaId();
        PageMessages.attempt(flash, () -> finance.setup().setPeriodStatus(id, start, status), "The period starting "
                + start + " is " + label(status) + ".");
        return "redirect:/finance/periods" + LegalEntities.query(id) + (page == null ? "" : "&page=" + page);
    }

    static String label(PeriodStatus status) {
        return switch (status) {
            case OPEN -> "open";
            case ON_HOLD -> "on hold";
            case CLOSED -> "closed";
        };
    }
}
