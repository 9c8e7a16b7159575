package dev.tandem.operations.masterdata;

import static dev.tandem.operations.OperationsError.DUPLICATE;
import static dev.tandem.operations.OperationsError.INVALID_INPUT;
import static dev.tandem.operations.OperationsError.NOT_FOUND;
import static dev.tandem.dualwrite.AppContext.row;

import dev.tandem.common.Ids;
import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsDataEntities;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Master data of Project Operations (§3.5): accounts, organizational units, projects and tasks, roles, bookable
 * resources, transaction categories and products. Each create validates its input, refuses duplicates by name or
 * number with {@code DUPLICATE}, and unknown references with {@code NOT_FOUND}; nothing is written when it fails.
 * Accounts, organizational units, projects, bookable resources and transaction categories are data entities: they
 * are written through {@link dev.tandem.dualwrite.entity.DataEntityWriter}, so the outbox records them.
 */
public final class MasterData {

    private final OperationsContext ctx;

    public MasterData(OperationsContext ctx) {
        this.ctx = ctx;
    }

    /** A customer account. */
    public record AccountInput(String accountNumber, String name) {
    }

    /** A contracting or resourcing unit; cost actuals of its projects are in {@code currency}. */
    public record OrganizationalUnitInput(String name, String currency, String legalEntity) {
    }

    /** A project of a contracting unit; {@code customerId} is optional. */
    public record ProjectInput(String projectNumber, String name, UUID contractingUnitId, UUID customerId) {
    }

    public record TaskInput(UUID projectId, String wbsId, String name) {
    }

    /** A bookable resource working for a resourcing unit in one or more roles; the first role is its default. */
    public record ResourceInput(String name, UUID resourcingUnitId, List<UUID> roleIds) {
    }

    public record ProductInput(String productNumber, String name, String unit) {
    }

    public UUID createAccount(AccountInput in) {
        required(in.accountNumber(), "account number");
        required(in.name(), "account name");
        return ctx.inTransaction(() -> {
            unique("account", "accountnumber", in.accountNumber(), "account number");
            UUID id = Ids.newId();
            insert(OperationsDataEntities.ACCOUNTS, row("accountid", id, "accountnumber", in.accountNumber(), "name",
                    in.name()));
            return id;
        });
    }

    public UUID createOrganizationalUnit(OrganizationalUnitInput in) {
        required(in.name(), "organizational unit name");
        required(in.legalEntity(), "legal entity");
        currency(in.currency());
        return ctx.inTransaction(() -> {
            unique("msdyn_organizationalunit", "msdyn_name", in.name(), "organizational unit");
            UUID id = Ids.newId();
            insert(OperationsDataEntities.ORGANIZATIONAL_UNITS, row("msdyn_organizationalunitid", id, "msdyn_name",
                    in.name(), "transactioncurrency", in.currency(), "tdm_legalentity", in.legalEntity()));
            return id;
        });
    }

    public UUID createProject(ProjectInput in) {
        required(in.projectNumber(), "project number");
        required(in.name(), "project name");
        return ctx.inTransaction(() -> {
            ctx.requireExists("msdyn_organizationalunit", "msdyn_organizationalunitid", in.contractingUnitId(),
                    "organizational unit");
            if (in.customerId() != null) {
                ctx.requireExists("account", "accountid", in.customerId(), "account");
            }
            unique("msdyn_project", "msdyn_projectnumber", in.projectNumber(), "project number");
            UUID id = Ids.newId();
            insert(OperationsDataEntities.PROJECTS, row("msdyn_projectid", id, "msdyn_projectnumber",
                    in.projectNumber(), "msdyn_subject", in.name(), "msdyn_customer", in.customerId(),
                    "msdyn_contractorganizationalunitid", in.contractingUnitId()));
            return id;
        });
    }

    public UUID createTask(TaskInput in) {
        required(in.wbsId(), "task WBS id");
        required(in.name(), "task name");
        return ctx.inTransaction(() -> {
            ctx.requireExists("msdyn_project", "msdyn_projectid", in.projectId(), "project");
            Integer n = ctx.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM msdyn_projecttask WHERE msdyn_project = ? AND msdyn_wbsid = ?",
                    Integer.class, in.projectId(), in.wbsId());
            if (n != null && n > 0) {
                throw new TandemException(DUPLICATE, "Project " + in.projectId() + " already has task " + in.wbsId());
            }
            UUID id = Ids.newId();
            ctx.insertAudited("msdyn_projecttask", row("msdyn_projecttaskid", id, "msdyn_project", in.projectId(),
                    "msdyn_wbsid", in.wbsId(), "msdyn_subject", in.name()));
            return id;
        });
    }

    /** A role (resource category) such as "Developer"; role prices are per hour. */
    public UUID createRole(String name) {
        required(name, "role name");
        return ctx.inTransaction(() -> {
            unique("bookableresourcecategory", "name", name, "role");
            UUID id = Ids.newId();
            ctx.insertAudited("bookableresourcecategory", row("bookableresourcecategoryid", id, "name", name));
            return id;
        });
    }

    public UUID createResource(ResourceInput in) {
        required(in.name(), "resource name");
        return ctx.inTransaction(() -> {
            ctx.requireExists("msdyn_organizationalunit", "msdyn_organizationalunitid", in.resourcingUnitId(),
                    "organizational unit");
            List<UUID> roles = in.roleIds() == null ? List.of() : in.roleIds();
            for (UUID role : roles) {
                ctx.requireExists("bookableresourcecategory", "bookableresourcecategoryid", role, "role");
            }
            unique("bookableresource", "name", in.name(), "bookable resource");
            UUID id = Ids.newId();
            insert(OperationsDataEntities.BOOKABLE_RESOURCES,
                    row("bookableresourceid", id, "name", in.name(), "msdyn_organizationalunit",
                    in.resourcingUnitId(), "tdm_defaultrole", roles.isEmpty() ? null : roles.get(0)));
            for (UUID role : roles) {
                ctx.jdbc().update("INSERT INTO bookableresourcecategoryassn (bookableresourceid, "
                        + "bookableresourcecategoryid) VALUES (?, ?)", id, role);
            }
            return id;
        });
    }

    /** A transaction category such as "Travel"; expense prices are per category. */
    public UUID createTransactionCategory(String name) {
        required(name, "transaction category name");
        return ctx.inTransaction(() -> {
            unique("msdyn_transactioncategory", "msdyn_name", name, "transaction category");
            UUID id = Ids.newId();
            insert(OperationsDataEntities.TRANSACTION_CATEGORIES, row("msdyn_transactioncategoryid", id, "msdyn_name",
                    name));
            return id;
        });
    }

    public UUID createProduct(ProductInput in) {
        required(in.productNumber(), "product number");
        required(in.name(), "product name");
        required(in.unit(), "unit");
        return ctx.inTransaction(() -> {
            unique("product", "productnumber", in.productNumber(), "product number");
            UUID id = Ids.newId();
            ctx.insertAudited("product", row("productid", id, "productnumber", in.productNumber(), "name", in.name(),
                    "msdyn_unit", in.unit()));
            return id;
        });
    }

    /** Inserts one data-entity row with its audit fields through the write path, so the outbox records it. */
    private void insert(DataEntityDefinition entity, Map<String, Object> values) {
        Map<String, Object> row = new java.util.LinkedHashMap<>(values);
        row.putAll(ctx.created());
        ctx.writer().insert(entity, List.of(row));
    }

    /** Rows of a master-data table as field maps, ordered by name, for lists and lookups. */
    public List<Map<String, Object>> list(MasterDataTable table, int page, int size) {
        return ctx.jdbc().queryForList("SELECT * FROM " + table.table() + " ORDER BY " + table.orderBy()
                + " LIMIT ? OFFSET ?", size, (long) page * size);
    }

    public long count(MasterDataTable table) {
        Long n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM " + table.table(), Long.class);
        return n == null ? 0 : n;
    }

    /**
     * One row of a master-data table as a field map (every column, as {@link #list} gives them).
     *
     * @throws TandemException NOT_FOUND naming the kind of row and the id
     */
    public Map<String, Object> get(MasterDataTable table, UUID id) {
        List<Map<String, Object>> rows = ctx.jdbc().queryForList("SELECT * FROM " + table.table() + " WHERE "
                + table.idColumn() + " = ?", id);
        if (rows.isEmpty()) {
            throw new TandemException(NOT_FOUND, "Unknown " + table.entity() + " " + id,
                    Map.of("entity", table.entity(), "id", id.toString()));
        }
        return rows.getFirst();
    }

    /**
     * Checks that a master-data row exists, e.g. the project whose work entries or actuals are asked for.
     *
     * @throws TandemException NOT_FOUND naming the kind of row and the id; INVALID_INPUT when {@code id} is
     *                         {@code null}
     */
    public void requireExists(MasterDataTable table, UUID id) {
        ctx.requireExists(table.table(), table.idColumn(), id, table.entity());
    }

    /** Checks a currency code is ISO 4217. */
    public static void currency(String code) {
        required(code, "currency");
        try {
            Money.minorUnits(code);
        } catch (IllegalArgumentException e) {
            throw new TandemException(INVALID_INPUT, "Unknown currency " + code + " (ISO 4217 code expected)");
        }
    }

    static void required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new TandemException(INVALID_INPUT, what + " is required");
        }
    }

    private void unique(String table, String column, String value, String what) {
        Integer n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?",
                Integer.class, value);
        if (n != null && n > 0) {
            throw new TandemException(DUPLICATE, Character.toUpperCase(what.charAt(0)) + what.substring(1) + " '" + value
                    + "' already exists", Map.of("field", what, "value", value));
        }
    }

}
