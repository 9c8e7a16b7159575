package dev.tandem.operations.masterdata;

/**
 * Master-data tables that can be listed and read by id, with their natural order, their primary-key column and what
 * one of their rows is called in messages (as the NOT_FOUND refusals of the domain name it).
 */
public enum MasterDataTable {
    ACCOUNTS("account", "accountnumber", "accountid", "account"),
    ORGANIZATIONAL_UNITS("msdyn_organizationalunit", "msdyn_name", "msdyn_organizationalunitid",
            "organizational unit"),
    PROJECTS("msdyn_project", "msdyn_projectnumber", "msdyn_projectid", "project"),
    TASKS("msdyn_projecttask", "msdyn_project, msdyn_wbsid", "msdyn_projecttaskid", "task"),
    ROLES("bookableresourcecategory", "name", "bookableresourcecategoryid", "role"),
    RESOURCES("bookableresource", "name", "bookableresourceid", "bookable resource"),
    TRANSACTION_CATEGORIES("msdyn_transactioncategory", "msdyn_name", "msdyn_transactioncategoryid",
            "transaction category"),
    PRODUCTS("product", "productnumber", "productid", "product");

    private final String table;
    private final String orderBy;
    private final String idColumn;
    private final String entity;

    MasterDataTable(String table, String orderBy, String idColumn, String entity) {
        this.table = table;
        this.orderBy = orderBy;
        this.idColumn = idColumn;
        this.entity = entity;
    }

    public String table() {
        return table;
    }

    public String orderBy() {
        return orderBy;
    }

    /** The primary-key column. */
    public String idColumn() {
        return idColumn;
    }

    /** What a row is called in messages, e.g. {@code organizational unit}. */
    public String entity() {
        return entity;
    }
}
