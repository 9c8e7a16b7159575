package dev.tandem.operations;

import dev.tandem.common.ErrorCode;

/**
 * Error codes of the Project Operations app. Codes are stable: clients and the documentation
 * ({@code docs/api.md} lists them) rely on them.
 */
public enum OperationsError implements ErrorCode {
    NOT_FOUND("Row not found", 404),
    DUPLICATE("Row already exists", 409),
    INVALID_INPUT("Invalid input", 400),
    NEGATIVE_QUANTITY("Quantity must not be negative", 422),
    PRICE_NOT_FOUND("No price for the date", 422),
    PRICE_LIST_NOT_FOUND("No effective price list for the date", 422),
    CURRENCY_MISMATCH("Currency differs from the price list", 422),
    SPLIT_NOT_100("Billing split must total 100 %", 422),
    ROUNDING_CUSTOMER("Exactly one contract-line customer takes the rounding", 422),
    /** A contract-line customer referenced by actuals is removed; set its split to 0 % instead (§11 rule 10). */
    LINE_CUSTOMER_HAS_ACTUALS("A contract-line customer with actuals can't be removed", 409),
    MILESTONES_NOT_CONTRACTED_AMOUNT("Milestones must sum to the contracted amount", 422),
    MILESTONE_NOT_ON_FIXED_PRICE_LINE("Milestones exist only on fixed-price lines mapped to a project", 422),
    CONTRACT_LINE_OVERLAP("A project and transaction class may be on only one contract line", 422),
    CONTRACT_NOT_DRAFT("Only a draft contract can be changed", 409),
    CONTRACT_INCOMPLETE("The contract can't be confirmed yet", 422),
    ENTRY_STATE("The work entry is not in a state that allows this action", 409),
    NO_CONTRACT_LINE("No contract line bills this work", 422),
    ACTUAL_NOT_INVOICEABLE("Adjusted and unadjustable actuals are not invoiceable", 409),
    NTE_FAILED("Not-to-exceed validation failed", 409),
    NTE_NOT_EVALUATED("Not-to-exceed status must be evaluated first", 409),
    ACTUAL_INVOICED("The actual is already on an invoice", 409),
    MILESTONE_STATE("The milestone's invoice status does not allow this action", 409),
    CONTRACT_NOT_CONFIRMED("Only a confirmed contract can be invoiced", 409),
    NOTHING_TO_INVOICE("Nothing to invoice", 422),
    INVOICE_READ_ONLY("A confirmed invoice can't be edited or deleted", 409),
    INVOICE_STATUS("The invoice's status does not allow this action", 409),
    INVOICE_NOT_CONFIRMED("Only confirmed, posted or paid invoices can be revised", 409),
    FIELD_NOT_EDITABLE("The field is not editable on this invoice line detail", 422),
    CLASSIFICATION_CHANGE("The transaction classification of an invoice line detail can't change", 422),
    MILESTONE_PARTIAL_CREDIT("Milestone partial credit is not supported", 422),
    ALREADY_CORRECTED("The invoice line detail is already being corrected", 409),
    RETAINER_STATE("The retainer's invoice or refund status does not allow this action", 409),
    RETAINER_OVER_AVAILABLE("The amount exceeds what the retainer has available", 422),
    RETAINER_OVER_INVOICE("Applied retainers can't exceed what the invoice bills", 422);

    private final String title;
    private final int httpStatus;

    OperationsError(String title, int httpStatus) {
        this.title = title;
        this.httpStatus = httpStatus;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
