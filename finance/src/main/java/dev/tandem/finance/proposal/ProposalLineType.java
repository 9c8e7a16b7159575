package dev.tandem.finance.proposal;

import dev.tandem.finance.staging.TransactionClassifications;
import java.util.Optional;

/**
 * The line types of an invoice proposal (§3.9: hours, expenses, items, fees, on-account) and the Project
 * Operations transaction classification each one takes (§3.9 mapping: Time → Hour, Expense → Expense, Material →
 * Item, Fee → Fee, Milestone and retainer/advance → On-account).
 */
public enum ProposalLineType {
    HOUR,
    EXPENSE,
    ITEM,
    FEE,
    ON_ACCOUNT;

    /** msdyn_transactionclassification values (§3.1), and Tandem's retainer classification (docs/data-entities.md). */
    static final int TIME = TransactionClassifications.TIME;
    static final int EXPENSE_CLASS = TransactionClassifications.EXPENSE;
    static final int MATERIAL = TransactionClassifications.MATERIAL;
    static final int MILESTONE = TransactionClassifications.MILESTONE;
    static final int FEE_CLASS = TransactionClassifications.FEE;
    static final int RETAINER = TransactionClassifications.RETAINER;

    /** The line type of a classification; empty for those a proposal has no line for (commission, additional, tax). */
    public static Optional<ProposalLineType> of(int transactionClassification) {
        return Optional.ofNullable(switch (transactionClassification) {
            case TIME -> HOUR;
            case EXPENSE_CLASS -> EXPENSE;
            case MATERIAL -> ITEM;
            case FEE_CLASS -> FEE;
            case MILESTONE, RETAINER -> ON_ACCOUNT;
            default -> null;
        });
    }

    /**
     * Whether a billed row of this type needs its unbilled sales posted through the integration journal first
     * (§5 step 12). On-account lines have no unbilled sales behind them.
     */
    public boolean needsPostedUnbilledSales() {
        return this != ON_ACCOUNT;
    }
}
