package dev.tandem.server.operations;

/** Where the Project Operations API lives: every path of this package is under {@value #BASE}. */
final class OperationsApi {

    /** Base path of the Project Operations endpoints. */
    static final String BASE = "/api/operations";

    private OperationsApi() {
    }
}
