package dev.tandem.operations.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.backlog.BillingBacklog.Filter;
import dev.tandem.operations.invoicing.InvoiceRecords.Invoice;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One invoice of 20,000 line details is created and confirmed: there is no 1,000-line cap (§7, [D:ASYNC]). */
class LargeInvoiceTest extends InvoicingTestBase {

    static final int DETAILS = 20_000;

    @Test
    void twentyThousandLineDetailsAreCreatedAndConfirmedInOneInvoice() {
        ops.contracts().confirm(contract);
        List<UUID> entries = ops.workEntries().createAll(IntStream.range(0, DETAILS).mapToObj(i -> time("0.5")).toList());
        ops.workEntries().submitAll(entries);
        ops.workEntries().approveAll(entries);
        assertThat(ops.backlog().timeAndMaterial(Filter.all(), 0, 1).total()).isEqualTo(DETAILS);
        List<UUID> unbilled = jdbc.queryForList("SELECT msdyn_actualid FROM msdyn_actual WHERE msdyn_transactiontypecode = ?",
                UUID.class, TransactionType.UNBILLED_SALES.value());
        ops.backlog().markActuals(unbilled, true);

        UUID invoiceId = invoiceContract();
        int created = invoicing().confirmation().confirm(invoiceId);

        Invoice invoice = invoicing().store().invoice(invoiceId);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.CONFIRMED);
        assertThat(count("msdyn_invoicelinetransaction")).isEqualTo(DETAILS);
        assertThat(created).isEqualTo(2 * DETAILS);
        assertThat(invoice.totalAmount()).isEqualByComparingTo(new BigDecimal("100").multiply(BigDecimal.valueOf(DETAILS)));
        assertThat(actuals(type(TransactionType.BILLED_SALES))).hasSize(DETAILS)
                .extracting(Actual::amount).allSatisfy(a -> assertThat(a).isEqualByComparingTo("100"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = 'msdyn_invoicelinetransactions'",
                Integer.class)).isGreaterThanOrEqualTo(2 * DETAILS);
    }
}
