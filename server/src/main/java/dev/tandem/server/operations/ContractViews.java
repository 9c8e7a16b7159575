package dev.tandem.server.operations;

import static dev.tandem.server.api.Decimals.plain;

import dev.tandem.operations.contracts.ContractRecords.Chargeability;
import dev.tandem.operations.contracts.ContractRecords.Contract;
import dev.tandem.operations.contracts.ContractRecords.ContractLine;
import dev.tandem.operations.contracts.ContractRecords.LineCustomer;
import dev.tandem.operations.contracts.ContractRecords.Milestone;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Response shapes of contracts (§3.5): amounts are decimal strings in the contract's currency
 * ({@link dev.tandem.server.api.Decimals}), option fields are {@link Option}s.
 */
final class ContractViews {

    private ContractViews() {
    }

    /** A project contract; {@code nteLimit} is the contract-level not-to-exceed limit, {@code null} for none. */
    record ContractView(UUID id, String contractNumber, String name, UUID customerId, UUID contractingUnitId,
                        String currency, UUID salesPriceListId, Option status, String nteLimit) {

        static ContractView of(Contract c) {
            return new ContractView(c.id(), c.contractNumber(), c.name(), c.customerId(), c.contractingUnitId(),
                    c.currency(), c.salesPriceListId(), Option.of(c.status()), plain(c.nteLimit()));
        }
    }

    /**
     * A contract line: which work of which project it bills ({@code taskIds} non-empty = selected tasks only, in
     * id order), how ({@code billingMethod}), and its limits: {@code nteLimit} (Time and Material) or
     * {@code contractedAmount} (Fixed Price).
     */
    record ContractLineView(UUID id, UUID contractId, int lineNumber, String name, Option billingMethod,
                            UUID projectId, boolean includeTime, boolean includeExpense, boolean includeMaterial,
                            boolean includeFee, List<UUID> taskIds, String nteLimit, String contractedAmount) {

        static ContractLineView of(ContractLine l) {
            return new ContractLineView(l.id(), l.contractId(), l.lineNumber(), l.name(), Option.of(l.billingMethod()),
                    l.projectId(), l.includeTime(), l.includeExpense(), l.includeMaterial(), l.includeFee(),
                    l.taskIds().stream().sorted().toList(), plain(l.nteLimit()), plain(l.contractedAmount()));
        }
    }

    /** A contract-line customer: billing split in percent (0–100), optional limit, and whether it takes the rounding. */
    record LineCustomerView(UUID id, UUID accountId, String splitPercent, String nteLimit, boolean rounding) {

        static LineCustomerView of(LineCustomer c) {
            return new LineCustomerView(c.id(), c.accountId(), plain(c.splitPercent()), plain(c.nteLimit()),
                    c.rounding());
        }
    }

    /** The billing type of one component (task, role or category) of a contract line. */
    record ChargeabilityView(String componentType, UUID componentId, Option billingType) {

        static ChargeabilityView of(Chargeability c) {
            return new ChargeabilityView(c.componentType().name(), c.componentId(), Option.of(c.billingType()));
        }
    }

    /** A fixed-price milestone; amounts in {@code currency}, {@code invoiceId} set once it is on an invoice. */
    record MilestoneView(UUID id, String name, UUID contractLineId, UUID contractId, UUID taskId,
                         LocalDate milestoneDate, String amount, String tax, String amountAfterTax, Option invoiceStatus,
                         String currency, UUID invoiceId) {

        static MilestoneView of(Milestone m) {
            return new MilestoneView(m.id(), m.name(), m.lineId(), m.contractId(), m.taskId(), m.milestoneDate(),
                    plain(m.amount()), plain(m.tax()), plain(m.amountAfterTax()), Option.of(m.status()),
                    m.currency() == null ? null : m.currency().trim(), m.invoiceId());
        }
    }
}
