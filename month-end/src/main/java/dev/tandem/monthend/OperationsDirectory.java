package dev.tandem.monthend;

import dev.tandem.operations.ProjectOperations;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds Project Operations rows by their natural key (name or number), so a run creates only what is not there yet.
 * Names are unique in each table (the schema says so).
 */
final class OperationsDirectory {

    private final ProjectOperations ops;

    OperationsDirectory(ProjectOperations ops) {
        this.ops = ops;
    }

    Optional<UUID> unit(String name) {
        return id("SELECT msdyn_organizationalunitid FROM msdyn_organizationalunit WHERE msdyn_name = ?", name);
    }

    Optional<UUID> account(String number) {
        return id("SELECT accountid FROM account WHERE accountnumber = ?", number);
    }

    Optional<UUID> role(String name) {
        return id("SELECT bookableresourcecategoryid FROM bookableresourcecategory WHERE name = ?", name);
    }

    Optional<UUID> resource(String name) {
        return id("SELECT bookableresourceid FROM bookableresource WHERE name = ?", name);
    }

    Optional<UUID> category(String name) {
        return id("SELECT msdyn_transactioncategoryid FROM msdyn_transactioncategory WHERE msdyn_name = ?", name);
    }

    Optional<UUID> priceList(String name) {
        return id("SELECT pricelevelid FROM pricelevel WHERE name = ?", name);
    }

    Optional<UUID> project(String number) {
        return id("SELECT msdyn_projectid FROM msdyn_project WHERE msdyn_projectnumber = ?", number);
    }

    Optional<UUID> contract(String number) {
        return id("SELECT salesorderid FROM salesorder WHERE ordernumber = ?", number);
    }

    private Optional<UUID> id(String sql, String key) {
        List<UUID> ids = ops.context().jdbc().queryForList(sql, UUID.class, key);
        return ids.stream().findFirst();
    }
}
