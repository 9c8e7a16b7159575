package dev.tandem.operations.nte;

import static dev.tandem.operations.OperationsError.INVALID_INPUT;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.ActualRow;
import dev.tandem.operations.actuals.Actuals;
import dev.tandem.operations.actuals.BillingStatus;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.actuals.NteStatus;
import dev.tandem.operations.actuals.TransactionType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Not-to-exceed validation of unbilled sales actuals (§4.5).
 *
 * <p>An unbilled sales actual is <b>Not Applicable</b> when it is not chargeable or no level has a limit;
 * otherwise it is <b>Committed</b> when its amount fits under every level's limit net of what is already committed,
 * and <b>Failed</b> at the first level (contract-line customer, contract line, contract customer, contract) whose
 * limit it would overrun. Failed actuals can't be marked Ready to invoice (§11 rule 3).
 */
public final class NotToExceed {

    private final OperationsContext ctx;
    private final Actuals actuals;

    /**
     * Where one not-to-exceed level of a contract stands (§4.5): the limit ({@code null}: none), the amount committed
     * against it (backlog with NTE status Committed not yet confirmed, plus what was invoiced and not credited), both
     * in the contract's {@code currency}. {@code lineId} is set for the two line levels, {@code customerId} for the
     * two customer levels.
     */
    public record Standing(NteLevel level, UUID contractId, UUID lineId, UUID customerId, BigDecimal limit,
                           BigDecimal committed, String currency) {

        /** What is left under the limit (negative when overrun), or null without a limit. */
        public BigDecimal remaining() {
            return limit == null ? null : limit.subtract(committed);
        }
    }

    /**
     * The standing of every level of a contract that has a limit, read without locking (for pages; an approval
     * evaluates under the contract's lock).
     */
    public List<Standing> standings(UUID contractId) {
        return NteLedger.read(ctx, contractId).standings(false);
    }

    public NotToExceed(OperationsContext ctx, Actuals actuals) {
        this.ctx = ctx;
        this.actuals = actuals;
    }

    /**
     * Evaluates new unbilled sales actual rows in order (before they are inserted), setting {@code tdm_ntestatus}
     * and {@code tdm_ntedetail} on each row. Must run in the transaction that inserts the rows.
     *
     * @param rows new unbilled sales actuals (amounts in the contract's currency), evaluated in this order
     * @return the rows with their not-to-exceed status and detail set, in the same order
     */
    public List<ActualRow> evaluateNew(List<ActualRow> rows) {
        Set<UUID> contracts = new LinkedHashSet<>();
        rows.forEach(r -> contracts.add(r.contractId()));
        NteLedger ledger = NteLedger.load(ctx, contracts);
        List<ActualRow> evaluated = new ArrayList<>(rows.size());
        for (ActualRow row : rows) {
            Outcome outcome = evaluate(ledger, row.contractId(), row.contractLineId(), row.customerId(),
                    row.billingType(), row.amount());
            evaluated.add(row.withNte(outcome.status(), outcome.detail()));
        }
        return evaluated;
    }

    /**
     * Resets the NTE status of eligible actuals to Not Evaluated; ineligible ones are ignored (§4.5).
     *
     * @return the ids that were reset
     */
    public List<UUID> reset(List<UUID> actualIds) {
        return ctx.inTransaction(() -> {
            List<UUID> eligible = eligible(actualIds).stream().map(Actual::id).toList();
            setStatus(eligible, NteStatus.NOT_EVALUATED, null, null);
            return eligible;
        });
    }

    /**
     * Re-evaluates eligible actuals (chargeable unbilled sales not invoiced and not on a draft invoice) against the
     * current limits, oldest document date first; ineligible ones are ignored (§4.5). An actual that now fails and
     * was Ready to invoice goes back to Unbilled Sales Created.
     *
     * @return the new status of each re-evaluated actual
     */
    public Map<UUID, NteStatus> reevaluate(List<UUID> actualIds) {
        return ctx.inTransaction(() -> {
            List<Actual> eligible = new ArrayList<>(eligible(actualIds));
            eligible.sort(Comparator.comparing(Actual::documentDate).thenComparing(Actual::id));
            setStatus(eligible.stream().map(Actual::id).toList(), NteStatus.NOT_EVALUATED, null, null);
            NteLedger ledger = NteLedger.load(ctx, eligible.stream().map(Actual::contractId).distinct().toList());
            Map<UUID, NteStatus> result = new LinkedHashMap<>();
            for (Actual a : eligible) {
                Outcome o = evaluate(ledger, a.contractId(), a.contractLineId(), a.customerId(), a.billingType(),
                        a.amount());
                BillingStatus billing = o.status() == NteStatus.FAILED ? BillingStatus.UNBILLED_SALES_CREATED : null;
                setStatus(List.of(a.id()), o.status(), o.detail(), billing);
                result.put(a.id(), o.status());
            }
            return result;
        });
    }

    /**
     * Why a Failed actual fails now: the first level it would overrun given what is committed today. Empty when it
     * would fit now (then re-evaluating it commits it).
     */
    public Optional<NteBreach> breach(Actual actual) {
        if (actual.contractId() == null) {
            return Optional.empty();
        }
        NteLedger ledger = NteLedger.load(ctx, List.of(actual.contractId()));
        return ledger.breach(actual.contractId(), actual.contractLineId(), actual.customerId(), actual.amount());
    }

    private record Outcome(NteStatus status, String detail) {
    }

    private static Outcome evaluate(NteLedger ledger, UUID contract, UUID line, UUID customer, BillingType billingType,
                                    BigDecimal amount) {
        if (billingType != BillingType.CHARGEABLE || !ledger.hasLimit(contract, line, customer)) {
            return new Outcome(NteStatus.NOT_APPLICABLE, null);
        }
        Optional<NteBreach> breach = ledger.breach(contract, line, customer, amount);
        if (breach.isPresent()) {
            return new Outcome(NteStatus.FAILED, breach.get().describe());
        }
        ledger.commit(contract, line, customer, amount);
        return new Outcome(NteStatus.COMMITTED, null);
    }

    private List<Actual> eligible(List<UUID> actualIds) {
        if (actualIds == null || actualIds.isEmpty()) {
            throw new TandemException(INVALID_INPUT, "No actuals given");
        }
        return actuals.actuals(actualIds).stream()
                .filter(a -> a.transactionType() == TransactionType.UNBILLED_SALES)
                .filter(a -> a.adjustmentStatus() == null)
                .filter(a -> a.billingType() == BillingType.CHARGEABLE)
                .filter(a -> a.invoiceId() == null)
                .filter(a -> a.billingStatus() == BillingStatus.UNBILLED_SALES_CREATED
                        || a.billingStatus() == BillingStatus.READY_TO_INVOICE)
                .toList();
    }

    private void setStatus(List<UUID> ids, NteStatus status, String detail, BillingStatus billing) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("tdm_ntestatus", status.value());
        values.put("tdm_ntedetail", detail);
        if (billing != null) {
            values.put("msdyn_billingstatus", billing.value());
        }
        values.putAll(ctx.modified());
        ctx.writer().update(OperationsDataEntities.ACTUALS, ids, values);
    }
}
