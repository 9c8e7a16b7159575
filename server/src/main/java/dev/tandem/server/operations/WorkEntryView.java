package dev.tandem.server.operations;

import static dev.tandem.server.api.Decimals.plain;

import dev.tandem.operations.work.WorkEntry;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A time, expense, material or fee entry. {@code quantity} is hours (time) or units; {@code price} the entered unit
 * price (expense receipts, fees) in {@code currency}, {@code null} when the price list prices it. {@code status} is
 * {@code DRAFT}, {@code SUBMITTED}, {@code APPROVED} or {@code REJECTED} (Tandem's own lifecycle, no Dataverse value);
 * {@code rejectionReason} is the approver's reason while rejected.
 */
record WorkEntryView(UUID id, Option transactionClass, String status, UUID projectId, UUID taskId, UUID resourceId,
                     UUID roleId, UUID categoryId, UUID productId, LocalDate date, String quantity, String price,
                     String currency, String description, String externalDescription, String rejectionReason) {

    static WorkEntryView of(WorkEntry e) {
        return new WorkEntryView(e.id(), Option.of(e.transactionClass()), e.status().name(), e.projectId(), e.taskId(),
                e.resourceId(), e.roleId(), e.categoryId(), e.productId(), e.date(), plain(e.quantity()),
                plain(e.price()), e.currency(), e.description(), e.externalDescription(),
                e.rejectionReason() == null || e.rejectionReason().isEmpty() ? null : e.rejectionReason());
    }
}
