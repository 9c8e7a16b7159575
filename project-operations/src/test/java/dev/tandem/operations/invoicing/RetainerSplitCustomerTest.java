package dev.tandem.operations.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.operations.contracts.ContractRecords.LineCustomerInput;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import dev.tandem.operations.invoicing.retainer.RetainerRecords.InvoiceRetainer;
import dev.tandem.operations.invoicing.retainer.RetainerRecords.RetainerInput;
import dev.tandem.operations.invoicing.retainer.RetainerRole;
import dev.tandem.operations.invoicing.retainer.RetainerType;
import dev.tandem.operations.masterdata.MasterData.AccountInput;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A retainer belongs to one contract customer (§3.5; [D:create-ad-hoc-advance] "Project Contract Customer"): only
 * that customer's invoices invoice and apply it.
 */
class RetainerSplitCustomerTest extends RetainerTestBase {

    private UUID northwind;

    @Override
    protected void setUpContract() {
        northwind = ops.masterData().createAccount(new AccountInput("C-002", "Northwind"));
        ops.contracts().setLineCustomers(line, List.of(new LineCustomerInput(customer, dec("50"), null, true),
                new LineCustomerInput(northwind, dec("50"), null, false)));
        ops.contracts().confirm(contract);
    }

    @Test
    void aRetainerIsInvoicedAndAppliedOnlyOnItsCustomersInvoices() {
        UUID r = retainers().create(new RetainerInput(contract, northwind, RetainerType.RETAINER, "Northwind retainer",
                dec("500"), "USD", DAY));
        retainers().markReady(List.of(r), true);
        readyTime("10"); // 2,000 split 1,000 / 1,000

        Map<UUID, UUID> first = invoicesByCustomer(invoicing().creation().createForContract(contract, INVOICE_DATE));

        assertThat(retainers().onInvoice(first.get(customer))).isEmpty();
        assertThat(retainers().onInvoice(first.get(northwind))).extracting(InvoiceRetainer::role)
                .containsExactly(RetainerRole.INVOICE);
        first.values().forEach(invoicing().confirmation()::confirm);
        assertThat(retainer(r).availableAmount()).isEqualByComparingTo("500");

        readyTime("10");
        Map<UUID, UUID> second = invoicesByCustomer(invoicing().creation().createForContract(contract, INVOICE_DATE));

        assertThat(retainers().onInvoice(second.get(customer))).isEmpty();
        assertThat(invoicing().store().invoice(second.get(customer)).totalAmount()).isEqualByComparingTo("1000");
        assertThat(retainerDetail(second.get(northwind), RetainerRole.APPLY).extendedAmount())
                .isEqualByComparingTo("500");
        assertThat(invoicing().store().invoice(second.get(northwind)).totalAmount()).isEqualByComparingTo("500");
    }

    private Map<UUID, UUID> invoicesByCustomer(List<UUID> invoiceIds) {
        return invoiceIds.stream().map(id -> invoicing().store().invoice(id))
                .collect(Collectors.toMap(Invoice::customerId, Invoice::id));
    }
}
