package dev.tandem.operations.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsError;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.actuals.TransactionType;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.ContractRecords.ContractLineInput;
import dev.tandem.operations.contracts.ContractRecords.MilestoneInput;
import dev.tandem.operations.invoicing.InvoiceRecords.LineDetail;
import dev.tandem.operations.invoicing.InvoiceRecords.ManualDetailInput;
import dev.tandem.operations.masterdata.MasterData.ProjectInput;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** §6 "Manually added ILD": on a T&M line unbilled + reversal + billed sales, on a fixed-price line billed only. */
class ManualDetailTest extends InvoicingTestBase {

    private UUID fixed;
    private UUID invoiceId;

    @BeforeEach
    void draftWithTwoLines() {
        UUID fpProject = ops.masterData().createProject(new ProjectInput("P-FP", "Fixed scope", unit, customer));
        fixed = ops.contracts().addLine(contract, new ContractLineInput("Fixed scope", BillingMethod.FIXED_PRICE, fpProject,
                true, true, true, false, List.of(), null, new BigDecimal("1000")));
        ops.contracts().setMilestones(fixed, List.of(new MilestoneInput("All", null, DAY, new BigDecimal("1000"), null)));
        ops.contracts().confirm(contract);
        readyTime("8");
        invoiceId = invoiceContract();
    }

    private ManualDetailInput manual(UUID line, String hours, String price) {
        return new ManualDetailInput(line, TransactionClassification.TIME, DAY, new BigDecimal(hours), new BigDecimal(price),
                null, null, developer, null, null, "Workshop", "Workshop, March");
    }

    @Test
    void manualDetailOnATimeAndMaterialLineCreatesUnbilledReversalAndBilledSales() {
        LineDetail added = invoicing().drafts().addManualDetail(invoiceId, manual(line, "2", "200"));
        assertThat(added.manual()).isTrue();
        assertThat(added.amount()).isEqualByComparingTo("400");
        assertThat(invoicing().store().invoice(invoiceId).totalAmount()).isEqualByComparingTo("2000");

        invoicing().confirmation().confirm(invoiceId);

        List<Actual> fromManual = actuals(a -> "msdyn_invoicelinetransaction".equals(sourceType(a)));
        assertThat(fromManual).extracting(a -> a.transactionType() + " " + plain(a.amount()))
                .containsExactlyInAnyOrder("UNBILLED_SALES 400.00", "UNBILLED_SALES -400.00", "BILLED_SALES 400.00");
    }

    @Test
    void manualDetailOnAFixedPriceLineCreatesBilledSalesOnly() {
        invoicing().drafts().addManualDetail(invoiceId, manual(fixed, "1", "250"));

        invoicing().confirmation().confirm(invoiceId);

        assertThat(actuals(a -> "msdyn_invoicelinetransaction".equals(sourceType(a)))).singleElement().satisfies(a -> {
            assertThat(a.transactionType()).isEqualTo(TransactionType.BILLED_SALES);
            assertThat(a.amount()).isEqualByComparingTo("250");
        });
    }

    @Test
    void aManualDetailNeedsALineOfTheInvoiceAndCantGoOnAConfirmedOne() {
        Map<String, Integer> before = rowCounts();
        assertThatThrownBy(() -> invoicing().drafts().addManualDetail(invoiceId, manual(UUID.randomUUID(), "1", "1")))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.errorCode()).isEqualTo(OperationsError.INVALID_INPUT));
        assertThat(rowCounts()).isEqualTo(before);

        invoicing().confirmation().confirm(invoiceId);
        Map<String, Integer> confirmed = rowCounts();
        assertThatThrownBy(() -> invoicing().drafts().addManualDetail(invoiceId, manual(line, "1", "1")))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(OperationsError.INVOICE_READ_ONLY));
        assertThat(rowCounts()).isEqualTo(confirmed);
    }

    private String sourceType(Actual a) {
        return jdbc.queryForObject("SELECT tdm_sourcedocumenttype FROM msdyn_actual WHERE msdyn_actualid = ?", String.class,
                a.id());
    }
}
