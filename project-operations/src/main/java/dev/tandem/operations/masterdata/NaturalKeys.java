package dev.tandem.operations.masterdata;

import dev.tandem.operations.OperationsContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds master-data rows by their natural key (name or number) in bulk, so a batch load (the month-end job's input
 * folder) creates only what is not there yet and resolves the names of thousands of rows with one query per 1,000
 * names, not one per row. Names and numbers are unique in each table (the schema says so). Project contracts are
 * found here too, by contract number, as the loads that name master data name contracts the same way.
 *
 * <p>Every method answers the ids of the keys that exist, by key; a key that does not exist is absent from the
 * map. Keys are compared exactly as stored (case-sensitive). Null keys are ignored.
 */
public final class NaturalKeys {

    /** The size of the IN lists; a driver's bind-parameter limit is far above it. */
    static final int CHUNK = 1000;

    private final OperationsContext ctx;

    public NaturalKeys(OperationsContext ctx) {
        this.ctx = ctx;
    }

    /** Organizational units by name ({@code msdyn_organizationalunit.msdyn_name}). */
    public Map<String, UUID> units(Collection<String> names) {
        return ids("msdyn_organizationalunit", "msdyn_organizationalunitid", "msdyn_name", names);
    }

    /** Customer accounts by account number ({@code account.accountnumber}), as the Customers map brings them. */
    public Map<String, UUID> accounts(Collection<String> numbers) {
        return ids("account", "accountid", "accountnumber", numbers);
    }

    /** Resource roles by name ({@code bookableresourcecategory.name}). */
    public Map<String, UUID> roles(Collection<String> names) {
        return ids("bookableresourcecategory", "bookableresourcecategoryid", "name", names);
    }

    /** Bookable resources by name ({@code bookableresource.name}). */
    public Map<String, UUID> resources(Collection<String> names) {
        return ids("bookableresource", "bookableresourceid", "name", names);
    }

    /** Transaction categories by name ({@code msdyn_transactioncategory.msdyn_name}). */
    public Map<String, UUID> categories(Collection<String> names) {
        return ids("msdyn_transactioncategory", "msdyn_transactioncategoryid", "msdyn_name", names);
    }

    /** Price lists by name ({@code pricelevel.name}). */
    public Map<String, UUID> priceLists(Collection<String> names) {
        return ids("pricelevel", "pricelevelid", "name", names);
    }

    /** Projects by project number ({@code msdyn_project.msdyn_projectnumber}). */
    public Map<String, UUID> projects(Collection<String> numbers) {
        return ids("msdyn_project", "msdyn_projectid", "msdyn_projectnumber", numbers);
    }

    /** Project contracts by contract number ({@code salesorder.ordernumber}). */
    public Map<String, UUID> contracts(Collection<String> numbers) {
        return ids("salesorder", "salesorderid", "ordernumber", numbers);
    }

    /**
     * The ids of {@code keys} in one table: one query per {@value #CHUNK} distinct keys. Table and column names are
     * this class's constants, never a caller's text.
     */
    private Map<String, UUID> ids(String table, String idColumn, String keyColumn, Collection<String> keys) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(keys.stream().filter(k -> k != null).toList()));
        Map<String, UUID> found = new LinkedHashMap<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            ctx.jdbc().query("SELECT " + keyColumn + ", " + idColumn + " FROM " + table + " WHERE " + keyColumn
                    + " IN (" + OperationsContext.placeholders(chunk) + ")", rs -> {
                        found.putIfAbsent(rs.getString(1), rs.getObject(2, UUID.class));
                    }, chunk.toArray());
        }
        return found;
    }
}
