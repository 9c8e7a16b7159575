package dev.tandem.operations.invoicing.retainer;

import static dev.tandem.operations.OperationsError.INVALID_INPUT;
import static dev.tandem.operations.OperationsError.RETAINER_OVER_AVAILABLE;

import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import java.math.BigDecimal;
import java.util.Map;

/** Checks and refusals shared by the retainer actions and the confirmation (§11 rule 13). */
final class RetainerRules {

    private RetainerRules() {
    }

    /**
     * §11 rule 13: what an invoice applies and refunds stays within what the retainer has available, less what is
     * reserved elsewhere (applied on other drafts, Ready to refund).
     *
     * @param where the invoice asking, e.g. "invoice INV-000002" or "the next invoice"
     */
    static TandemException overAvailable(RetainerStore.Row r, BigDecimal reserved, BigDecimal requested,
                                         String where) {
        String currency = r.currency();
        String of = reserved.signum() > 0 ? ", of which " + amount(reserved, currency)
                + " is applied on other drafts or Ready to refund" : "";
        return new TandemException(RETAINER_OVER_AVAILABLE, "Retainer '" + r.name() + "' has "
                + amount(r.available(), currency) + " " + currency + " available" + of + "; " + where
                + " can't apply or refund " + amount(requested, currency) + " of it (§11 rule 13: extended amount ≤ "
                + "available, refund ≤ available balance)", Map.of("retainerId", r.id().toString(), "available",
                amount(r.available(), currency), "reserved", amount(reserved, currency), "requested",
                amount(requested, currency), "currency", currency));
    }

    /**
     * An amount as a refusal names it, in its sentence and its properties: plain, at the currency's minor units
     * ({@code 5000.00}), not at the scale amounts are stored at ({@code 5000.000000}). The amounts named are at minor
     * units already ({@link #requireMinorUnits}), so nothing is rounded away.
     */
    static String amount(BigDecimal value, String currency) {
        return Money.round(value, currency).toPlainString();
    }

    /** Amounts are entered as the customer pays them: no finer than the currency's minor units (cents for USD). */
    static void requireMinorUnits(BigDecimal amount, String currency, String what) {
        if (Money.round(amount, currency).compareTo(amount) != 0) {
            throw new TandemException(INVALID_INPUT, what + ": " + amount.toPlainString() + " has more decimals than "
                    + currency + " has minor units (" + Money.minorUnits(currency) + ")",
                    Map.of("amount", amount.toPlainString(), "currency", currency));
        }
    }
}
