package dev.tandem.finance.staging;

/**
 * Dataverse transaction classifications ({@code msdyn_transactionclassification}, §3.1) as staging keeps them, with
 * Tandem's Retainer value (docs/data-entities.md). Finance reads them in Import from staging (proposal line types,
 * §3.9; project category defaults, §3.8) and does not depend on Project Operations' enum.
 */
public final class TransactionClassifications {

    public static final int TIME = 192350000;
    public static final int EXPENSE = 192350001;
    public static final int MATERIAL = 192350002;
    public static final int MILESTONE = 192350003;
    public static final int FEE = 192350004;
    /** Tandem's value for a retainer/advance (not published by Dataverse). */
    public static final int RETAINER = 690970300;

    private TransactionClassifications() {
    }
}
