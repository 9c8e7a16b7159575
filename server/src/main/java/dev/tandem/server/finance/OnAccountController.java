package dev.tandem.server.finance;

import dev.tandem.common.Page;
import dev.tandem.finance.Finance;
import dev.tandem.finance.onaccount.OnAccountTransactions;
import dev.tandem.finance.onaccount.OnAccountTransactions.Milestone;
import dev.tandem.finance.onaccount.OnAccountTransactions.OnAccountTransaction;
import dev.tandem.server.api.PageRequest;
import dev.tandem.server.database.FinanceDatabase;
import dev.tandem.server.finance.FinanceViews.OnAccountView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * On-account transactions (billing milestones, §3.10) under
 * {@code /api/finance/legal-entities/{dataAreaId}/on-account-transactions}: the milestone as the contract line
 * milestones map delivers it (an upsert by milestone id; a new one gets its default sales tax group), the list, and
 * the tax groups, editable "up until the Project invoice proposal is created" — afterwards 409 {@code STATE}.
 * Amounts are in the transaction's currency.
 */
@RestController
@RequestMapping(FinanceApi.BASE + "/legal-entities/{dataAreaId}/on-account-transactions")
public class OnAccountController {

    private final Finance finance;
    private final OnAccountTransactions onAccount;
    private final FinanceReads reads;
    private final TransactionTemplate transaction;

    public OnAccountController(Finance finance, FinanceReads reads, @FinanceDatabase TransactionTemplate transaction) {
        this.finance = finance;
        this.onAccount = finance.proposals().onAccountTransactions();
        this.reads = reads;
        this.transaction = transaction;
    }

    /**
     * A milestone as the map delivers it (§7.2): {@code status} is its {@code msdyn_invoicestatus} value,
     * {@code amount} in {@code currency} at its minor units.
     */
    record MilestoneRequest(@NotBlank String projectId, String contractId, @NotNull UUID contractLine,
                            @NotBlank String currency, String description, @NotNull LocalDate invoiceDate,
                            @NotNull BigDecimal amount, @NotNull Integer status) {
    }

    /** Creates or updates the on-account transaction of milestone {@code transactionId}; answers it. */
    @PutMapping("/{transactionId}")
    OnAccountView upsert(@PathVariable String dataAreaId, @PathVariable UUID transactionId,
            @Valid @RequestBody MilestoneRequest r) {
        return OnAccountView.of(onAccount.upsert(new Milestone(transactionId, dataAreaId, r.projectId(), r.contractId(),
                r.contractLine(), r.currency(), r.description(), r.invoiceDate(), r.amount(), r.status())));
    }

    /** The legal entity's on-account transactions by milestone date, of one contract if given. */
    @GetMapping
    Page<OnAccountView> list(@PathVariable String dataAreaId, @RequestParam(required = false) String contractId,
            PageRequest page) {
        finance.postingSetup().legalEntity(dataAreaId);
        return page.toPage(reads.onAccountTransactions(dataAreaId, contractId, page),
                reads.onAccountCount(dataAreaId, contractId));
    }

    /** Sets the sales tax group and/or item sales tax group (§3.10); answers the transaction. */
    @PatchMapping("/{transactionId}")
    OnAccountView patch(@PathVariable String dataAreaId, @PathVariable UUID transactionId,
            @RequestBody Map<String, Object> body) {
        TaxGroupPatch patch = TaxGroupPatch.of(body, "an on-account transaction");
        OnAccountTransaction changed = transaction.execute(status -> {
            reads.lockOnAccountTransaction(dataAreaId, transactionId);
            OnAccountTransaction current = onAccount.get(transactionId);
            return onAccount.setTaxGroups(transactionId, patch.taxGroup(current.taxGroup()),
                    patch.itemTaxGroup(current.itemTaxGroup()));
        });
        return OnAccountView.of(changed);
    }
}
