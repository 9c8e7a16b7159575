package dev.tandem.operations.invoicing;

import dev.tandem.common.Ids;
import dev.tandem.operations.actuals.ActualRow;
import dev.tandem.operations.actuals.AmountMethod;
import dev.tandem.operations.actuals.CustomerType;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.contracts.ContractRecords.Contract;
import dev.tandem.operations.contracts.ContractRecords.ContractLine;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import java.util.UUID;

/** The actuals of invoice line details that no earlier actual backs: milestones, manual details, retainers (§6). */
public final class DetailActuals {

    private DetailActuals() {
    }

    /**
     * What such an actual takes from its detail and contract: a new id, the detail's texts and document date (also
     * start and end date), the contract line's project, the contract's contracting unit and sales price list, the
     * account {@code customerId}, amounts in {@code currency} (the invoice's); not journalized, synced. The caller
     * sets the transaction type, amounts, source document and audit (usually through {@link ActualRow#billed} or
     * {@link ActualRow#replacement}).
     *
     * @param unit {@code hour} or {@code each}
     */
    public static ActualRow.Builder template(Contract contract, ContractLine line, LineDetail d, UUID customerId,
                                             String currency, TransactionClassification classification,
                                             AmountMethod method, String unit) {
        return new ActualRow.Builder()
                .id(Ids.newId())
                .description(d.description())
                .externalDescription(d.externalDescription())
                .classification(classification)
                .amountMethod(method)
                .currency(currency)
                .documentDate(d.documentDate())
                .startDate(d.documentDate())
                .endDate(d.documentDate())
                .projectId(line.projectId())
                .contractId(contract.id())
                .contractLineId(line.id())
                .customerId(customerId)
                .customerType(CustomerType.ACCOUNT)
                .contractingUnitId(contract.contractingUnitId())
                .priceListId(contract.salesPriceListId())
                .unit(unit)
                .journalized(false)
                .skipSync(false);
    }
}
