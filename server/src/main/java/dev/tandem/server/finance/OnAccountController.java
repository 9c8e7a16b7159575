package dev.tandem.server.finance;

import dev.tandem.common.Page;
import dev.tandem.finance.Finance;
import dev.tandem.finance.onaccount.OnAccountTransactions;
import dev.tandem.finance.onaccount.OnAccountTransactions.OnAccountTransaction;
import dev.tandem.server.api.PageRequest;
import dev.tandem.server.database.FinanceDatabase;
import dev.tandem.server.finance.FinanceViews.OnAccountView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * On-account transactions (billing milestones, §3.10) under
 * {@code /api/finance/legal-entities/{dataAreaId}/on-account-transactions}: the list, and the tax groups, editable
 * "up until the Project invoice proposal is created" — afterwards 409 {@code STATE}. Amounts are in the transaction's
 * currency. The transactions themselves are created and changed only by the contract line milestones map
 * (in-process, through the Finance data entities), so creating, replacing or deleting one here is 405
 * {@code TABLE_MAP_ONLY} ({@link TableMapRows}).
 */
@RestController
@RequestMapping(FinanceApi.BASE + "/legal-entities/{dataAreaId}/on-account-transactions")
public class OnAccountController {

    private final Finance finance;
    private final OnAccountTransactions onAccount;
    private final TransactionTemplate transaction;

    public OnAccountController(Finance finance, @FinanceDatabase TransactionTemplate transaction) {
        this.finance = finance;
        this.onAccount = finance.proposals().onAccountTransactions();
        this.transaction = transaction;
    }

    /**
     * Creating an on-account transaction: refused, the contract line milestones map creates them (§3.10, §7.2).
     * Nothing of the request is read.
     */
    @Operation(summary = "Refused: on-account transactions are created by the contract line milestones table map", description = TableMapRows.OPENAPI_DESCRIPTION, responses = @ApiResponse(
            responseCode = "405", description = "TABLE_MAP_ONLY: only the table map writes these rows",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = TableMapRows.PROBLEM_REF))))
    @PostMapping
    void create(@PathVariable String dataAreaId) {
        throw TableMapRows.onAccount(HttpMethod.POST, dataAreaId, null);
    }

    /**
     * Creating or replacing (the map's upsert) or deleting one on-account transaction: refused, only the map writes
     * it; Finance edits its tax groups with PATCH. Nothing of the request is read.
     */
    @Operation(summary = "Refused: on-account transactions are created, changed and kept by their table map", description = TableMapRows.OPENAPI_DESCRIPTION, responses = @ApiResponse(
            responseCode = "405", description = "TABLE_MAP_ONLY: only the table map writes these rows",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = TableMapRows.PROBLEM_REF))))
    @RequestMapping(path = "/{transactionId}", method = {RequestMethod.PUT, RequestMethod.DELETE})
    void replaceOrDelete(@PathVariable String dataAreaId, @PathVariable UUID transactionId, HttpMethod method) {
        throw TableMapRows.onAccount(method, dataAreaId, transactionId);
    }

    /** The legal entity's on-account transactions by milestone date, of one contract if given. */
    @GetMapping
    Page<OnAccountView> list(@PathVariable String dataAreaId, @RequestParam(required = false) String contractId,
            PageRequest page) {
        finance.postingSetup().legalEntity(dataAreaId);
        return page.toPage(onAccount.page(dataAreaId, contractId, page.page(), page.size()).stream()
                .map(OnAccountView::of).toList(), onAccount.count(dataAreaId, contractId));
    }

    /** Sets the sales tax group and/or item sales tax group (§3.10); answers the transaction. */
    @PatchMapping("/{transactionId}")
    OnAccountView patch(@PathVariable String dataAreaId, @PathVariable UUID transactionId,
            @RequestBody Map<String, Object> body) {
        TaxGroupPatch patch = TaxGroupPatch.of(body, "an on-account transaction");
        OnAccountTransaction changed = transaction.execute(status -> {
            OnAccountTransaction current = onAccount.lock(dataAreaId, transactionId);
            return onAccount.setTaxGroups(transactionId, patch.taxGroup(current.taxGroup()),
                    patch.itemTaxGroup(current.itemTaxGroup()));
        });
        return OnAccountView.of(changed);
    }
}
