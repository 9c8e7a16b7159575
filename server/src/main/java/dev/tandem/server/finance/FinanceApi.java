package dev.tandem.server.finance;

/** Base path of the Finance API. */
final class FinanceApi {

    static final String BASE = "/api/finance";

    private FinanceApi() {
    }
}
