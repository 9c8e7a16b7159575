package dev.tandem.finance;

import dev.tandem.common.ErrorCode;

/**
 * Error codes of the Finance app. Codes are stable: clients rely on them, as on the other modules' codes.
 */
public enum FinanceError implements ErrorCode {
    NOT_FOUND("Row not found", 404),
    DUPLICATE("Row already exists", 409),
    INVALID_INPUT("Invalid input", 400),
    PERIOD_CLOSED("No open fiscal period was found", 422),
    UNBALANCED_VOUCHER("The voucher does not balance", 422),
    EXCHANGE_RATE_NOT_FOUND("No exchange rate for the date", 422),
    TAX_VALUE_NOT_FOUND("No sales tax rate for the date", 422),
    POSTING_SETUP_MISSING("Posting setup is missing", 422),
    LINE_PROPERTY_NOT_FOUND("Line property doesn't exist", 422),
    CUSTOMER_NOT_FOUND("Customer doesn't exist", 422),
    PROJECT_NOT_FOUND("Project doesn't exist", 422),
    PROJECT_GROUP_NOT_FOUND("Project group doesn't exist", 422),
    CONTRACT_NOT_FOUND("Project contract doesn't exist", 422),
    UNBILLED_NOT_POSTED("Project transaction hasn't been posted yet", 422),
    POSTED_READ_ONLY("Posted rows can't be changed", 409),
    STATE("The row's status does not allow this action", 409),
    /**
     * A voucher that posts to a customer balance account (a posted customer invoice's or credit note's voucher) can't
     * be reversed on its own: the customer transaction it left would stay open, so the ledger would differ from AR.
     * A posted invoice is corrected by a corrective invoice (credit note) instead (spec §6).
     */
    CUSTOMER_TRANSACTION_VOUCHER("The voucher belongs to a customer transaction", 409),
    /**
     * A posted invoice has no e-invoice (docs/e-invoicing.md) because Finance lacks what EN 16931 needs: the seller's
     * or the buyer's e-invoicing details, or the VAT category of an untaxed line; or a line has two sales tax codes,
     * which EN 16931 can't express (one VAT category and rate per line, BT-151, BT-152).
     */
    EINVOICE_DATA_MISSING("E-invoice data is missing", 422);

    private final String title;
    private final int httpStatus;

    FinanceError(String title, int httpStatus) {
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
