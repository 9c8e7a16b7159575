package dev.tandem.server.operations;

import dev.tandem.server.api.CurrencyCode;
import dev.tandem.common.Page;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.ContractRecords.Chargeability;
import dev.tandem.operations.contracts.ContractRecords.ComponentType;
import dev.tandem.operations.contracts.ContractRecords.ContractInput;
import dev.tandem.operations.contracts.ContractRecords.ContractLineInput;
import dev.tandem.operations.contracts.ContractRecords.LineCustomerInput;
import dev.tandem.operations.contracts.ContractRecords.MilestoneInput;
import dev.tandem.operations.contracts.Contracts;
import dev.tandem.server.api.Created;
import dev.tandem.server.api.PageRequest;
import dev.tandem.server.operations.ContractViews.ChargeabilityView;
import dev.tandem.server.operations.ContractViews.ContractLineView;
import dev.tandem.server.operations.ContractViews.ContractView;
import dev.tandem.server.operations.ContractViews.LineCustomerView;
import dev.tandem.server.operations.ContractViews.MilestoneView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Project contracts and their lines (§3.5, §5 step 1, §11 rules 9–11): a contract is created Draft, gets lines,
 * contract-line customers (split must total 100 %), chargeability, fixed-price milestones (must sum to the
 * contracted amount), not-to-exceed limits and further sales price lists, and is then confirmed (one-way). Every
 * change of a confirmed contract is refused with 409 {@code CONTRACT_NOT_DRAFT}. Amounts are in the contract's
 * currency.
 */
@RestController
@RequestMapping(OperationsApi.BASE)
public class ContractController {

    private final Contracts contracts;
    private final OperationsContext context;

    public ContractController(ProjectOperations operations) {
        this.contracts = operations.contracts();
        this.context = operations.context();
    }

    /**
     * A draft contract in {@code currency} (ISO 4217) for {@code customerId}, priced from {@code salesPriceListId}
     * (its default sales price list, optional); {@code nteLimit} optional.
     */
    record ContractRequest(@NotBlank @Size(max = 30) String contractNumber, @NotBlank @Size(max = 300) String name,
                           @NotNull UUID customerId, @NotNull UUID contractingUnitId, @NotBlank @CurrencyCode String currency,
                           UUID salesPriceListId, @Digits(integer = 13, fraction = 6) BigDecimal nteLimit) {
    }

    /**
     * A contract line billing {@code projectId}'s work of the included classes ({@code taskIds} non-empty: only
     * those tasks; an absent {@code include…} flag is {@code false}). {@code nteLimit} for Time and Material
     * lines, {@code contractedAmount} for Fixed Price.
     */
    record ContractLineRequest(@NotBlank @Size(max = 300) String name, @NotNull BillingMethod billingMethod,
                               @NotNull UUID projectId, Boolean includeTime, Boolean includeExpense,
                               Boolean includeMaterial, Boolean includeFee, List<@NotNull UUID> taskIds,
                               @Digits(integer = 13, fraction = 6) BigDecimal nteLimit,
                               @Digits(integer = 13, fraction = 6) BigDecimal contractedAmount) {
    }

    /**
     * One contract-line customer: split in percent, optional limit, whether it takes the rounding difference
     * (absent = {@code false}).
     */
    record LineCustomerRequest(@NotNull UUID accountId,
                               @NotNull @Digits(integer = 3, fraction = 6) BigDecimal splitPercent,
                               @Digits(integer = 13, fraction = 6) BigDecimal nteLimit, Boolean rounding) {
    }

    /** The billing type of one task, role (time only) or transaction category (expenses only) of the line. */
    record ChargeabilityRequest(@NotNull ComponentType componentType, @NotNull UUID componentId,
                                @NotNull BillingType billingType) {
    }

    /** A fixed-price milestone on {@code milestoneDate}; {@code tax} optional (0). */
    record MilestoneRequest(@NotBlank @Size(max = 200) String name, UUID taskId, @NotNull LocalDate milestoneDate,
                            @NotNull @Digits(integer = 13, fraction = 6) BigDecimal amount,
                            @Digits(integer = 13, fraction = 6) BigDecimal tax) {
    }

    /** A not-to-exceed limit; {@code null} removes it. */
    record NteLimitRequest(@Digits(integer = 13, fraction = 6) BigDecimal nteLimit) {
    }

    /** The sales price list to add. */
    record PriceListReference(@NotNull UUID priceListId) {
    }

    /** The ids of rows created by a replace, in input order. */
    record Ids(List<UUID> ids) {
    }

    @PostMapping("/contracts")
    ResponseEntity<Created> create(@Valid @RequestBody ContractRequest body) {
        UUID id = contracts.create(new ContractInput(body.contractNumber(), body.name(), body.customerId(),
                body.contractingUnitId(), body.currency(), body.salesPriceListId(), body.nteLimit()));
        return Created.at(OperationsApi.BASE + "/contracts/{id}", id);
    }

    @GetMapping("/contracts")
    Page<ContractView> contracts(PageRequest page) {
        List<ContractView> items = contracts.contracts(page.page(), page.size()).stream().map(ContractView::of).toList();
        return page.toPage(items, contracts.contractCount());
    }

    @GetMapping("/contracts/{contractId}")
    ContractView contract(@PathVariable UUID contractId) {
        return ContractView.of(contracts.contract(contractId));
    }

    @PostMapping("/contracts/{contractId}/lines")
    ResponseEntity<Created> addLine(@PathVariable UUID contractId, @Valid @RequestBody ContractLineRequest body) {
        UUID id = contracts.addLine(contractId, new ContractLineInput(body.name(), body.billingMethod(),
                body.projectId(), flag(body.includeTime()), flag(body.includeExpense()), flag(body.includeMaterial()),
                flag(body.includeFee()), body.taskIds(), body.nteLimit(), body.contractedAmount()));
        return Created.at(OperationsApi.BASE + "/contract-lines/{id}", id);
    }

    @GetMapping("/contracts/{contractId}/lines")
    Page<ContractLineView> lines(@PathVariable UUID contractId, PageRequest page) {
        contracts.contract(contractId);
        return page.slice(contracts.lines(contractId).stream().map(ContractLineView::of).toList());
    }

    @GetMapping("/contract-lines/{lineId}")
    ContractLineView line(@PathVariable UUID lineId) {
        return ContractLineView.of(contracts.line(lineId));
    }

    /**
     * Replaces the line's customers; with none flagged {@code rounding}, the largest split takes the rounding. A
     * customer with actuals on the line can't be left out (409 {@code LINE_CUSTOMER_HAS_ACTUALS}, §11 rule 10): set
     * its split to 0 % instead.
     */
    @PutMapping("/contract-lines/{lineId}/customers")
    ResponseEntity<Void> setCustomers(@PathVariable UUID lineId,
            @RequestBody @NotEmpty List<@Valid LineCustomerRequest> body) {
        contracts.setLineCustomers(lineId, body.stream().map(c -> new LineCustomerInput(c.accountId(),
                c.splitPercent(), c.nteLimit(), flag(c.rounding()))).toList());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/contract-lines/{lineId}/customers")
    Page<LineCustomerView> customers(@PathVariable UUID lineId, PageRequest page) {
        contracts.line(lineId);
        return page.slice(contracts.lineCustomers(lineId).stream().map(LineCustomerView::of).toList());
    }

    /**
     * Sets the billing type of each listed component, all or none; components not listed keep theirs (the domain
     * has no removal of a chargeability rule).
     */
    @PutMapping("/contract-lines/{lineId}/chargeability")
    ResponseEntity<Void> setChargeability(@PathVariable UUID lineId,
            @RequestBody @NotEmpty List<@Valid ChargeabilityRequest> body) {
        context.inTransaction(() -> body.forEach(rule -> contracts.setChargeability(
                new Chargeability(lineId, rule.componentType(), rule.componentId(), rule.billingType()))));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/contract-lines/{lineId}/chargeability")
    Page<ChargeabilityView> chargeability(@PathVariable UUID lineId, PageRequest page) {
        contracts.line(lineId);
        return page.slice(contracts.chargeability(lineId).stream().map(ChargeabilityView::of).toList());
    }

    /** Replaces the milestones of a fixed-price line; answers the new milestones' ids in input order. */
    @PutMapping("/contract-lines/{lineId}/milestones")
    Ids setMilestones(@PathVariable UUID lineId, @RequestBody @NotEmpty List<@Valid MilestoneRequest> body) {
        return new Ids(contracts.setMilestones(lineId, body.stream().map(m -> new MilestoneInput(m.name(), m.taskId(),
                m.milestoneDate(), m.amount(), m.tax())).toList()));
    }

    @GetMapping("/contract-lines/{lineId}/milestones")
    Page<MilestoneView> milestones(@PathVariable UUID lineId, PageRequest page) {
        contracts.line(lineId);
        return page.slice(contracts.milestones(lineId).stream().map(MilestoneView::of).toList());
    }

    /** The "contract customer" not-to-exceed level (§4.5): one customer's limit across the whole contract. */
    @PutMapping("/contracts/{contractId}/customers/{accountId}/nte-limit")
    ResponseEntity<Void> setContractCustomerLimit(@PathVariable UUID contractId, @PathVariable UUID accountId,
            @Valid @RequestBody NteLimitRequest body) {
        contracts.setContractCustomerLimit(contractId, accountId, body.nteLimit());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/contracts/{contractId}/sales-price-lists")
    ResponseEntity<Void> addSalesPriceList(@PathVariable UUID contractId, @Valid @RequestBody PriceListReference body) {
        contracts.addSalesPriceList(contractId, body.priceListId());
        return ResponseEntity.noContent().build();
    }

    /** Draft → Confirmed; answers the confirmed contract. */
    @PostMapping("/contracts/{contractId}/confirm")
    ContractView confirm(@PathVariable UUID contractId) {
        contracts.confirm(contractId);
        return ContractView.of(contracts.contract(contractId));
    }

    /** An optional JSON boolean: absent or {@code null} is {@code false}. */
    private static boolean flag(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
