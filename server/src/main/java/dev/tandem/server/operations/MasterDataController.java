package dev.tandem.server.operations;

import dev.tandem.server.api.CurrencyCode;
import dev.tandem.common.Page;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.masterdata.MasterData;
import dev.tandem.operations.masterdata.MasterData.AccountInput;
import dev.tandem.operations.masterdata.MasterData.OrganizationalUnitInput;
import dev.tandem.operations.masterdata.MasterData.ProductInput;
import dev.tandem.operations.masterdata.MasterData.ProjectInput;
import dev.tandem.operations.masterdata.MasterData.ResourceInput;
import dev.tandem.operations.masterdata.MasterData.TaskInput;
import dev.tandem.operations.masterdata.MasterDataTable;
import dev.tandem.server.api.Created;
import dev.tandem.server.api.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Master data (§3.5): accounts, organizational units, projects and their tasks, roles, bookable resources,
 * transaction categories and products. Creates answer 201 with the new id; lists are paged in the table's natural
 * order (number or name). Duplicates by number or name are refused with 409 {@code DUPLICATE}, unknown references
 * with 404 {@code NOT_FOUND}; nothing is written then.
 */
@RestController
@RequestMapping(OperationsApi.BASE)
public class MasterDataController {

    private final MasterData masterData;

    public MasterDataController(ProjectOperations operations) {
        this.masterData = operations.masterData();
    }

    /** A customer account; {@code accountNumber} is unique. */
    record AccountRequest(@NotBlank @Size(max = 20) String accountNumber, @NotBlank @Size(max = 160) String name) {
    }

    /** An organizational unit; {@code currency} is an ISO 4217 code, {@code legalEntity} the Finance company. */
    record OrganizationalUnitRequest(@NotBlank @Size(max = 100) String name, @NotBlank @CurrencyCode String currency,
                                     @NotBlank @Size(max = 10) String legalEntity) {
    }

    /** A project of a contracting unit; {@code customerId} optional. */
    record ProjectRequest(@NotBlank @Size(max = 30) String projectNumber, @NotBlank @Size(max = 200) String name,
                          @NotNull UUID contractingUnitId, UUID customerId) {
    }

    /** A task; {@code wbsId} is unique within the project. */
    record TaskRequest(@NotBlank @Size(max = 30) String wbsId, @NotBlank @Size(max = 200) String name) {
    }

    /** A role or a transaction category: just a unique name. */
    record NameRequest(@NotBlank @Size(max = 100) String name) {
    }

    /** A bookable resource of a resourcing unit; the first of {@code roleIds} is its default role. */
    record ResourceRequest(@NotBlank @Size(max = 160) String name, @NotNull UUID resourcingUnitId,
                           List<@NotNull UUID> roleIds) {
    }

    /** A product, priced per {@code unit} (e.g. {@code each}, {@code kg}). */
    record ProductRequest(@NotBlank @Size(max = 100) String productNumber, @NotBlank @Size(max = 200) String name,
                          @NotBlank @Size(max = 20) String unit) {
    }

    @PostMapping("/accounts")
    ResponseEntity<Created> createAccount(@Valid @RequestBody AccountRequest body) {
        UUID id = masterData.createAccount(new AccountInput(body.accountNumber(), body.name()));
        return Created.at(OperationsApi.BASE + "/accounts/{id}", id);
    }

    @GetMapping("/accounts")
    Page<Object> accounts(PageRequest page) {
        return list(MasterDataTable.ACCOUNTS, page);
    }

    @GetMapping("/accounts/{accountId}")
    Object account(@PathVariable UUID accountId) {
        return one(MasterDataTable.ACCOUNTS, accountId);
    }

    @PostMapping("/organizational-units")
    ResponseEntity<Created> createOrganizationalUnit(@Valid @RequestBody OrganizationalUnitRequest body) {
        UUID id = masterData.createOrganizationalUnit(
                new OrganizationalUnitInput(body.name(), body.currency(), body.legalEntity()));
        return Created.at(OperationsApi.BASE + "/organizational-units/{id}", id);
    }

    @GetMapping("/organizational-units")
    Page<Object> organizationalUnits(PageRequest page) {
        return list(MasterDataTable.ORGANIZATIONAL_UNITS, page);
    }

    @GetMapping("/organizational-units/{unitId}")
    Object organizationalUnit(@PathVariable UUID unitId) {
        return one(MasterDataTable.ORGANIZATIONAL_UNITS, unitId);
    }

    @PostMapping("/projects")
    ResponseEntity<Created> createProject(@Valid @RequestBody ProjectRequest body) {
        UUID id = masterData.createProject(new ProjectInput(body.projectNumber(), body.name(),
                body.contractingUnitId(), body.customerId()));
        return Created.at(OperationsApi.BASE + "/projects/{id}", id);
    }

    @GetMapping("/projects")
    Page<Object> projects(PageRequest page) {
        return list(MasterDataTable.PROJECTS, page);
    }

    @GetMapping("/projects/{projectId}")
    Object project(@PathVariable UUID projectId) {
        return one(MasterDataTable.PROJECTS, projectId);
    }

    @PostMapping("/projects/{projectId}/tasks")
    ResponseEntity<Created> createTask(@PathVariable UUID projectId, @Valid @RequestBody TaskRequest body) {
        UUID id = masterData.createTask(new TaskInput(projectId, body.wbsId(), body.name()));
        return Created.at(OperationsApi.BASE + "/tasks/{id}", id);
    }

    @GetMapping("/tasks/{taskId}")
    Object task(@PathVariable UUID taskId) {
        return one(MasterDataTable.TASKS, taskId);
    }

    @PostMapping("/roles")
    ResponseEntity<Created> createRole(@Valid @RequestBody NameRequest body) {
        return Created.at(OperationsApi.BASE + "/roles/{id}", masterData.createRole(body.name()));
    }

    @GetMapping("/roles")
    Page<Object> roles(PageRequest page) {
        return list(MasterDataTable.ROLES, page);
    }

    @GetMapping("/roles/{roleId}")
    Object role(@PathVariable UUID roleId) {
        return one(MasterDataTable.ROLES, roleId);
    }

    @PostMapping("/resources")
    ResponseEntity<Created> createResource(@Valid @RequestBody ResourceRequest body) {
        UUID id = masterData.createResource(new ResourceInput(body.name(), body.resourcingUnitId(), body.roleIds()));
        return Created.at(OperationsApi.BASE + "/resources/{id}", id);
    }

    @GetMapping("/resources")
    Page<Object> resources(PageRequest page) {
        return list(MasterDataTable.RESOURCES, page);
    }

    @GetMapping("/resources/{resourceId}")
    Object resource(@PathVariable UUID resourceId) {
        return one(MasterDataTable.RESOURCES, resourceId);
    }

    @PostMapping("/transaction-categories")
    ResponseEntity<Created> createTransactionCategory(@Valid @RequestBody NameRequest body) {
        return Created.at(OperationsApi.BASE + "/transaction-categories/{id}",
                masterData.createTransactionCategory(body.name()));
    }

    @GetMapping("/transaction-categories")
    Page<Object> transactionCategories(PageRequest page) {
        return list(MasterDataTable.TRANSACTION_CATEGORIES, page);
    }

    @GetMapping("/transaction-categories/{categoryId}")
    Object transactionCategory(@PathVariable UUID categoryId) {
        return one(MasterDataTable.TRANSACTION_CATEGORIES, categoryId);
    }

    @PostMapping("/products")
    ResponseEntity<Created> createProduct(@Valid @RequestBody ProductRequest body) {
        UUID id = masterData.createProduct(new ProductInput(body.productNumber(), body.name(), body.unit()));
        return Created.at(OperationsApi.BASE + "/products/{id}", id);
    }

    @GetMapping("/products")
    Page<Object> products(PageRequest page) {
        return list(MasterDataTable.PRODUCTS, page);
    }

    @GetMapping("/products/{productId}")
    Object product(@PathVariable UUID productId) {
        return one(MasterDataTable.PRODUCTS, productId);
    }

    private Page<Object> list(MasterDataTable table, PageRequest page) {
        List<Object> items = masterData.list(table, page.page(), page.size()).stream()
                .map(row -> MasterDataViews.view(table, row)).toList();
        return page.toPage(items, masterData.count(table));
    }

    private Object one(MasterDataTable table, UUID id) {
        return MasterDataViews.view(table, masterData.get(table, id));
    }
}
