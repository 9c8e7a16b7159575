package dev.tandem.finance.proposal;

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
    static final int TIME = 192350000;
    static final int EXPENSE_CLASS = 192350001;
    static final int MATERIAL = 192350002;
    static final int MILESTONE = 192350003;
    static final int FEE_CLASS = 192350004;
    static final int RETAINER = 690970300;

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
