package dev.tandem.server.operations;

import static dev.tandem.server.api.Decimals.plain;

import dev.tandem.operations.actuals.Actual;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An actual ({@code msdyn_actual}, §3.1): the financial fact created by approval and invoicing, never written
 * through the API. {@code quantity} is hours (time) or units; {@code price} per hour or unit and {@code amount}
 * (rounded to the currency's minor units) are in {@code currency}. Option fields that do not apply (e.g. the billing
 * status of a Cost actual) are {@code null}; {@code nteDetail} says why not-to-exceed failed.
 */
record ActualView(UUID id, Option transactionType, Option transactionClassification, Option billingStatus,
                  Option billingType, Option adjustmentStatus, String quantity, String price, String amount,
                  String currency, LocalDate documentDate, UUID projectId, UUID taskId, UUID contractId,
                  UUID contractLineId, UUID customerId, UUID resourceId, UUID roleId, UUID categoryId, UUID productId,
                  UUID priceListId, UUID invoiceId, Option nteStatus, String nteDetail, boolean skipSync,
                  UUID sourceDocumentId, String description) {

    static ActualView of(Actual a) {
        return new ActualView(a.id(), Option.of(a.transactionType()), Option.of(a.classification()),
                Option.of(a.billingStatus()), Option.of(a.billingType()), Option.of(a.adjustmentStatus()),
                plain(a.quantity()), plain(a.price()), plain(a.amount()), a.currency(), a.documentDate(),
                a.projectId(), a.taskId(), a.contractId(), a.contractLineId(), a.customerId(), a.resourceId(),
                a.roleId(), a.categoryId(), a.productId(), a.priceListId(), a.invoiceId(), Option.of(a.nteStatus()),
                a.nteDetail(), a.skipSync(), a.sourceDocumentId(), a.description());
    }
}
