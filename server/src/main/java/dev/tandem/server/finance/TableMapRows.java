package dev.tandem.server.finance;

import dev.tandem.server.ServerError;
import dev.tandem.server.api.MethodRefusedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;

/**
 * The Finance rows that only table maps create (DESIGN §1: only table maps cross between the apps): invoice proposal
 * headers (§3.9, §11 item 16), actuals staging (§3.7), on-account transactions (§3.10) and transaction relationships
 * (§3.6). The API reads them, and keeps the accountant's actions the specification allows on them (tax groups,
 * "Import lines", "Delete all lines", workflow, posting), but refuses every create, replace or delete with 405
 * {@link ServerError#TABLE_MAP_ONLY}: the detail states the rule and where to correct the row (in Project
 * Operations, which the map then carries over), and nothing is read from the request or written. The maps write these
 * rows in-process, through the Finance data entities, never through this API.
 */
final class TableMapRows {

    static final String PROPOSALS_MAP = "invoices";
    static final String PROPOSALS_MAP_NAME = "Project invoice proposals V2 (invoices)";
    static final String ACTUALS_MAP = "msdyn_actuals";
    static final String ACTUALS_MAP_NAME = "Project Operations integration actuals (msdyn_actuals)";
    static final String MILESTONES_MAP = "msdyn_contractlinescheduleofvalues";
    static final String MILESTONES_MAP_NAME =
            "Project Operations integration contract line milestones (msdyn_contractlinescheduleofvalues)";
    static final String CONNECTIONS_MAP = "msdyn_transactionconnections";
    static final String CONNECTIONS_MAP_NAME =
            "Integration entity for project transaction relationships (msdyn_transactionconnections)";

    /** What {@code /v3/api-docs} says of each refused operation. */
    static final String OPENAPI_DESCRIPTION = "Always refused with 405 TABLE_MAP_ONLY and nothing written: only a "
            + "table map creates, changes or deletes these rows (DESIGN §1, §11 item 16). Correct the source row in "
            + "Project Operations; the map carries the correction over.";

    /** The problem+json answer of a refused operation in {@code /v3/api-docs}. */
    static final String PROBLEM_REF = "#/components/schemas/Problem";

    private TableMapRows() {
    }

    /** Creating, replacing or deleting invoice proposal {@code proposalId} (§11 item 16). */
    static MethodRefusedException proposal(HttpMethod method, String dataAreaId, String proposalId) {
        String what = proposalId == null ? "An invoice proposal can't be created here"
                : "Invoice proposal " + proposalId + " of legal entity " + dataAreaId + " can't be "
                        + (method == HttpMethod.DELETE ? "deleted" : "created or changed") + " here";
        return refusal("invoice proposal", proposalId, PROPOSALS_MAP, PROPOSALS_MAP_NAME, what
                + ": invoice proposals are created by the table map '" + PROPOSALS_MAP_NAME + "' when Project "
                + "Operations confirms a proforma invoice; creating or deleting them in Finance isn't supported (§11 "
                + "item 16). Correct the proforma invoice in Project Operations.",
                List.of(HttpMethod.GET));
    }

    /** Delivering rows to actuals staging ({@code ProjCDSActualsImport}, §3.7). */
    static MethodRefusedException stagedActuals() {
        return refusal("staged actual", null, ACTUALS_MAP, ACTUALS_MAP_NAME, "Actuals staging (ProjCDSActualsImport) "
                + "can't be written here: staged actuals are created by the table map '" + ACTUALS_MAP_NAME + "' from "
                + "the actuals Project Operations creates on approval and invoice confirmation, and actuals are never "
                + "created manually (only table maps cross, DESIGN §1; §11 rule 8). Correct the work entry or the "
                + "invoice in Project Operations.", List.of());
    }

    /** Creating, replacing or deleting on-account transaction {@code transactionId} (§3.10). */
    static MethodRefusedException onAccount(HttpMethod method, String dataAreaId, Object transactionId) {
        String what = transactionId == null ? "An on-account transaction can't be created here"
                : "On-account transaction " + transactionId + " of legal entity " + dataAreaId + " can't be "
                        + (method == HttpMethod.DELETE ? "deleted" : "created or replaced") + " here";
        return refusal("on-account transaction", transactionId == null ? null : transactionId.toString(),
                MILESTONES_MAP, MILESTONES_MAP_NAME, what + ": on-account transactions are created by the table map '"
                        + MILESTONES_MAP_NAME + "' from the billing milestones of Project Operations (§3.10, §7.2); "
                        + "Finance edits only their sales tax groups (PATCH), until an invoice proposal uses them. "
                        + "Correct the milestone in Project Operations.",
                transactionId == null ? List.of(HttpMethod.GET) : List.of(HttpMethod.PATCH));
    }

    /** Delivering transaction relationships (§3.6). */
    static MethodRefusedException relationships() {
        return refusal("transaction relationship", null, CONNECTIONS_MAP, CONNECTIONS_MAP_NAME, "Transaction "
                + "relationships can't be written here: they are created by the table map '" + CONNECTIONS_MAP_NAME
                + "' from the transaction connections Project Operations records on approval, invoicing and "
                + "confirmation (§3.6, §7.2; only table maps cross, DESIGN §1). Correct the transactions in Project "
                + "Operations.", List.of());
    }

    private static MethodRefusedException refusal(String entity, String id, String map, String mapName, String detail,
            List<HttpMethod> allow) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("entity", entity);
        if (id != null) {
            properties.put("id", id);
        }
        properties.put("map", map);
        properties.put("mapName", mapName);
        return new MethodRefusedException(ServerError.TABLE_MAP_ONLY, detail, properties, allow);
    }
}
