package dev.tandem.operations.masterdata;

/** Master-data tables that can be listed, with their natural order. */
public enum MasterDataTable {
    ACCOUNTS("account", "accountnumber"),
    ORGANIZATIONAL_UNITS("msdyn_organizationalunit", "msdyn_name"),
    PROJECTS("msdyn_project", "msdyn_projectnumber"),
    TASKS("msdyn_projecttask", "msdyn_project, msdyn_wbsid"),
    ROLES("bookableresourcecategory", "name"),
    RESOURCES("bookableresource", "name"),
    TRANSACTION_CATEGORIES("msdyn_transactioncategory", "msdyn_name"),
    PRODUCTS("product", "productnumber");

    private final String table;
    private final String orderBy;

    MasterDataTable(String table, String orderBy) {
        this.table = table;
        this.orderBy = orderBy;
    }

    public String table() {
        return table;
    }

    public String orderBy() {
        return orderBy;
    }
}
