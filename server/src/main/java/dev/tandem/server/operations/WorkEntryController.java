package dev.tandem.server.operations;

import dev.tandem.common.Page;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.masterdata.MasterData;
import dev.tandem.operations.masterdata.MasterDataTable;
import dev.tandem.operations.work.WorkEntries;
import dev.tandem.operations.work.WorkEntries.ApprovalResult;
import dev.tandem.operations.work.WorkEntryInput;
import dev.tandem.operations.work.WorkEntryStatus;
import dev.tandem.server.api.Created;
import dev.tandem.server.api.IdList;
import dev.tandem.server.api.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Work capture (§5 steps 2–3): time, expense, material and fee entries and their lifecycle Draft → Submitted →
 * Approved | Rejected, recall and cancel approval. Approval creates the actuals (Cost, and Unbilled Sales for work
 * billed Time and Material); cancel approval reverses them (§4.3). A negative quantity is refused with 422
 * {@code NEGATIVE_QUANTITY}; an action the entry's status does not allow with 409 {@code ENTRY_STATE}. Bulk calls are
 * all-or-nothing.
 */
@RestController
@RequestMapping(OperationsApi.BASE)
public class WorkEntryController {

    private final WorkEntries workEntries;
    private final MasterData masterData;

    public WorkEntryController(ProjectOperations operations) {
        this.workEntries = operations.workEntries();
        this.masterData = operations.masterData();
    }

    /**
     * A new entry. {@code transactionClass} is {@code TIME}, {@code EXPENSE}, {@code MATERIAL} or {@code FEE};
     * {@code quantity} hours (time) or units; time needs {@code resourceId} or {@code roleId}, an expense
     * {@code categoryId}, material {@code productId}, a fee {@code price} and {@code currency}.
     */
    record WorkEntryRequest(@NotNull TransactionClassification transactionClass, @NotNull UUID projectId,
                            UUID taskId, UUID resourceId, UUID roleId, UUID categoryId, UUID productId,
                            @NotNull LocalDate date, @NotNull @Digits(integer = 13, fraction = 6) BigDecimal quantity,
                            @Digits(integer = 13, fraction = 6) BigDecimal price, String currency,
                            @Size(max = 500) String description, @Size(max = 500) String externalDescription) {

        WorkEntryInput input() {
            return new WorkEntryInput(transactionClass, projectId, taskId, resourceId, roleId, categoryId, productId,
                    date, quantity, price, currency, description, externalDescription);
        }
    }

    /** Why an approver rejects an entry. */
    record RejectRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** Ids of the entries a bulk create made, in input order. */
    record Ids(List<UUID> ids) {
    }

    /** What an approval did: entries approved and actuals created. */
    record ApprovalView(int entries, int actuals) {

        static ApprovalView of(ApprovalResult result) {
            return new ApprovalView(result.entries(), result.actuals());
        }
    }

    @PostMapping("/work-entries")
    ResponseEntity<Created> create(@Valid @RequestBody WorkEntryRequest body) {
        return Created.at(OperationsApi.BASE + "/work-entries/{id}", workEntries.create(body.input()));
    }

    /** Creates draft entries, all or none; a refusal names the entry by its position (entry 1 = first). */
    @PostMapping("/work-entries/bulk")
    ResponseEntity<Ids> createAll(@RequestBody @NotEmpty List<@Valid WorkEntryRequest> body) {
        List<UUID> ids = workEntries.createAll(body.stream().map(WorkEntryRequest::input).toList());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Ids(ids));
    }

    @GetMapping("/work-entries/{entryId}")
    WorkEntryView entry(@PathVariable UUID entryId) {
        return WorkEntryView.of(workEntries.entry(entryId));
    }

    /** A project's entries, newest date first, optionally of one {@code status}. */
    @GetMapping("/projects/{projectId}/work-entries")
    Page<WorkEntryView> entries(@PathVariable UUID projectId,
            @RequestParam(required = false) WorkEntryStatus status, PageRequest page) {
        masterData.requireExists(MasterDataTable.PROJECTS, projectId);
        List<WorkEntryView> items = workEntries.entries(projectId, status, page.page(), page.size()).stream()
                .map(WorkEntryView::of).toList();
        return page.toPage(items, workEntries.count(projectId, status));
    }

    @PostMapping("/work-entries/{entryId}/submit")
    WorkEntryView submit(@PathVariable UUID entryId) {
        workEntries.submit(entryId);
        return entry(entryId);
    }

    @PostMapping("/work-entries/{entryId}/recall")
    WorkEntryView recall(@PathVariable UUID entryId) {
        workEntries.recall(entryId);
        return entry(entryId);
    }

    @PostMapping("/work-entries/{entryId}/reject")
    WorkEntryView reject(@PathVariable UUID entryId, @Valid @RequestBody RejectRequest body) {
        workEntries.reject(entryId, body.reason());
        return entry(entryId);
    }

    @PostMapping("/work-entries/{entryId}/approve")
    ApprovalView approve(@PathVariable UUID entryId) {
        return ApprovalView.of(workEntries.approve(entryId));
    }

    /** Approved → Draft, reversing the entry's actuals; refused with 409 once an actual is on an invoice. */
    @PostMapping("/work-entries/{entryId}/cancel-approval")
    WorkEntryView cancelApproval(@PathVariable UUID entryId) {
        workEntries.cancelApproval(entryId);
        return entry(entryId);
    }

    @PostMapping("/work-entries/submit")
    ResponseEntity<Void> submitAll(@Valid @RequestBody IdList body) {
        workEntries.submitAll(body.ids());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/work-entries/approve")
    ApprovalView approveAll(@Valid @RequestBody IdList body) {
        return ApprovalView.of(workEntries.approveAll(body.ids()));
    }
}
