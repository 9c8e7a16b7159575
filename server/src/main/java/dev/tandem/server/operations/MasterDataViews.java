package dev.tandem.server.operations;

import dev.tandem.operations.masterdata.MasterDataTable;
import java.util.Map;
import java.util.UUID;

/**
 * Response shapes of master data (§3.5) and how a row of {@link MasterDataTable} becomes one. The API names fields
 * in its own terms ({@code accountNumber}, {@code contractingUnitId}); the Dataverse column names stay inside.
 * Audit columns are not exposed.
 */
final class MasterDataViews {

    private MasterDataViews() {
    }

    /** A customer account. */
    record AccountView(UUID id, String accountNumber, String name) {
    }

    /** A contracting or resourcing unit; {@code currency} (ISO 4217) is the currency of its cost actuals. */
    record OrganizationalUnitView(UUID id, String name, String currency, String legalEntity) {
    }

    /** A project; {@code customerId} may be {@code null}. */
    record ProjectView(UUID id, String projectNumber, String name, UUID contractingUnitId, UUID customerId) {
    }

    /** A task of a project, identified in the project by its WBS id. */
    record TaskView(UUID id, UUID projectId, String wbsId, String name) {
    }

    /** A role (resource category); role prices are per hour. */
    record RoleView(UUID id, String name) {
    }

    /** A bookable resource; {@code defaultRoleId} is the role its time is priced in when an entry names none. */
    record ResourceView(UUID id, String name, UUID resourcingUnitId, UUID defaultRoleId) {
    }

    /** A transaction category (expenses are priced per category). */
    record TransactionCategoryView(UUID id, String name) {
    }

    /** A product (materials are priced per product, per {@code unit}). */
    record ProductView(UUID id, String productNumber, String name, String unit) {
    }

    /** The response shape of one row (column names are matched case-insensitively, as JDBC returns them). */
    static Object view(MasterDataTable table, Map<String, Object> row) {
        return switch (table) {
            case ACCOUNTS -> new AccountView(id(row, "accountid"), text(row, "accountnumber"), text(row, "name"));
            case ORGANIZATIONAL_UNITS -> new OrganizationalUnitView(id(row, "msdyn_organizationalunitid"),
                    text(row, "msdyn_name"), text(row, "transactioncurrency"), text(row, "tdm_legalentity"));
            case PROJECTS -> new ProjectView(id(row, "msdyn_projectid"), text(row, "msdyn_projectnumber"),
                    text(row, "msdyn_subject"), id(row, "msdyn_contractorganizationalunitid"),
                    id(row, "msdyn_customer"));
            case TASKS -> new TaskView(id(row, "msdyn_projecttaskid"), id(row, "msdyn_project"),
                    text(row, "msdyn_wbsid"), text(row, "msdyn_subject"));
            case ROLES -> new RoleView(id(row, "bookableresourcecategoryid"), text(row, "name"));
            case RESOURCES -> new ResourceView(id(row, "bookableresourceid"), text(row, "name"),
                    id(row, "msdyn_organizationalunit"), id(row, "tdm_defaultrole"));
            case TRANSACTION_CATEGORIES -> new TransactionCategoryView(id(row, "msdyn_transactioncategoryid"),
                    text(row, "msdyn_name"));
            case PRODUCTS -> new ProductView(id(row, "productid"), text(row, "productnumber"), text(row, "name"),
                    text(row, "msdyn_unit"));
        };
    }

    private static UUID id(Map<String, Object> row, String column) {
        Object value = get(row, column);
        return value == null ? null : value instanceof UUID uuid ? uuid : UUID.fromString(value.toString());
    }

    /** Text of a column; CHAR columns (currency codes) come padded from some drivers, so values are trimmed. */
    private static String text(Map<String, Object> row, String column) {
        Object value = get(row, column);
        return value == null ? null : value.toString().trim();
    }

    private static Object get(Map<String, Object> row, String column) {
        if (row.containsKey(column)) {
            return row.get(column);
        }
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
