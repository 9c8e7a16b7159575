package dev.tandem.server.web;

import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.contracts.ContractRecords.Contract;
import dev.tandem.operations.masterdata.MasterDataTable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The names a page shows instead of ids (contract numbers, project numbers, customer and resource names), each
 * looked up once per page. One instance per request: a page of 50 rows names a few dozen things.
 */
final class PageNames {

    private final ProjectOperations operations;
    private final Map<String, String> known = new HashMap<>();

    PageNames(ProjectOperations operations) {
        this.operations = operations;
    }

    String contract(UUID id) {
        return id == null ? "" : known.computeIfAbsent("c" + id, k -> operations.contracts().findContract(id)
                .map(Contract::contractNumber).orElse(id.toString()));
    }

    String project(UUID id) {
        return name(MasterDataTable.PROJECTS, id, "msdyn_projectnumber");
    }

    String customer(UUID id) {
        return name(MasterDataTable.ACCOUNTS, id, "name");
    }

    String resource(UUID id) {
        return name(MasterDataTable.RESOURCES, id, "name");
    }

    private String name(MasterDataTable table, UUID id, String column) {
        if (id == null) {
            return "";
        }
        return known.computeIfAbsent(table.name() + id, k -> {
            Map<String, Object> row = operations.masterData().get(table, id);
            return Objects.toString(row.get(column), id.toString());
        });
    }
}
