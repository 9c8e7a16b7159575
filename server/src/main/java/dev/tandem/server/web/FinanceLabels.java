package dev.tandem.server.web;

import dev.tandem.finance.staging.StagingRow;
import dev.tandem.finance.staging.TransactionClassifications;
import org.springframework.stereotype.Component;

/**
 * The words the accountant's pages use for Finance's option values ({@code ${@labels.transType(l.transType())}} in
 * templates): transaction types and classifications as the Dataverse values the staging rows carry.
 */
@Component("labels")
public class FinanceLabels {

    /** A staging row's or journal line's transaction type (§3.7): {@code Cost}, {@code Unbilled sales}, … */
    public static String transType(int type) {
        return switch (type) {
            case StagingRow.COST -> "Cost";
            case StagingRow.PROJECT_CONTRACT -> "Project contract";
            case StagingRow.UNBILLED_SALES -> "Unbilled sales";
            case StagingRow.BILLED_SALES -> "Billed sales";
            case StagingRow.RESOURCING_UNIT_COST -> "Resourcing unit cost";
            case StagingRow.INTER_ORGANIZATIONAL_SALES -> "Inter-organizational sales";
            default -> Integer.toString(type);
        };
    }

    /** A transaction classification: {@code Time}, {@code Expense}, … */
    public static String classification(int classification) {
        return switch (classification) {
            case TransactionClassifications.TIME -> "Time";
            case TransactionClassifications.EXPENSE -> "Expense";
            case TransactionClassifications.MATERIAL -> "Material";
            case TransactionClassifications.MILESTONE -> "Milestone";
            case TransactionClassifications.FEE -> "Fee";
            case TransactionClassifications.RETAINER -> "Retainer";
            default -> Integer.toString(classification);
        };
    }

    /** {@link #transType} for templates. */
    public String type(int type) {
        return transType(type);
    }
}
