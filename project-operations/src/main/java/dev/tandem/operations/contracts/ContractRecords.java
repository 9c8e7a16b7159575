package dev.tandem.operations.contracts;

import dev.tandem.operations.actuals.BillingType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Inputs and read models of contracts. Amounts are in the contract's currency, unrounded as entered (scale ≤ 6);
 * percentages are 0–100.
 */
public final class ContractRecords {

    private ContractRecords() {
    }

    /** A new draft contract. {@code salesPriceListId} is its default sales price list; {@code nteLimit} optional. */
    public record ContractInput(String contractNumber, String name, UUID customerId, UUID contractingUnitId,
                                String currency, UUID salesPriceListId, BigDecimal nteLimit) {
    }

    /**
     * A contract line. Included classes say which work it bills; with {@code taskIds} non-empty only those tasks
     * ("Selected project tasks only"). {@code nteLimit} is for Time and Material lines, {@code contractedAmount}
     * for Fixed Price lines (milestones must sum to it).
     */
    public record ContractLineInput(String name, BillingMethod billingMethod, UUID projectId, boolean includeTime,
                                    boolean includeExpense, boolean includeMaterial, boolean includeFee,
                                    List<UUID> taskIds, BigDecimal nteLimit, BigDecimal contractedAmount) {
    }

    /** One contract-line customer: billing split percent, optional NTE limit, and whether it takes the rounding. */
    public record LineCustomerInput(UUID accountId, BigDecimal splitPercent, BigDecimal nteLimit, boolean rounding) {
    }

    /** A fixed-price milestone; {@code amount} and {@code tax} in the contract currency. */
    public record MilestoneInput(String name, UUID taskId, LocalDate milestoneDate, BigDecimal amount, BigDecimal tax) {
    }

    public record Contract(UUID id, String contractNumber, String name, UUID customerId, UUID contractingUnitId,
                           String currency, UUID salesPriceListId, ContractStatus status, BigDecimal nteLimit) {
    }

    public record ContractLine(UUID id, UUID contractId, int lineNumber, String name, BillingMethod billingMethod,
                               UUID projectId, boolean includeTime, boolean includeExpense, boolean includeMaterial,
                               boolean includeFee, Set<UUID> taskIds, BigDecimal nteLimit, BigDecimal contractedAmount) {
    }

    public record LineCustomer(UUID id, UUID lineId, UUID accountId, BigDecimal splitPercent, BigDecimal nteLimit,
                               boolean rounding) {
    }

    /** Chargeability of one component of a contract line: a task (all classes), role (Time) or category (Expense). */
    public record Chargeability(UUID lineId, ComponentType componentType, UUID componentId, BillingType billingType) {
    }

    public enum ComponentType { TASK, ROLE, CATEGORY }

    public record Milestone(UUID id, String name, UUID lineId, UUID contractId, UUID taskId, LocalDate milestoneDate,
                            BigDecimal amount, BigDecimal tax, BigDecimal amountAfterTax, MilestoneInvoiceStatus status,
                            String currency, UUID invoiceId) {
    }
}
