package dev.tandem.operations.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsError;
import dev.tandem.operations.contracts.BillingMethod;
import dev.tandem.operations.contracts.ContractRecords.ContractLineInput;
import dev.tandem.operations.contracts.ContractRecords.MilestoneInput;
import dev.tandem.operations.invoicing.InvoiceRecords.DetailEdit;
import dev.tandem.operations.masterdata.MasterData.ProjectInput;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** §3.4 fixed-price detail fields and §6 "Milestone partial credit: Not supported". */
class MilestoneRefusalTest extends InvoicingTestBase {

    private UUID invoiceId;

    @BeforeEach
    void invoicedMilestone() {
        UUID fpProject = ops.masterData().createProject(new ProjectInput("P-FP", "Fixed scope", unit, customer));
        UUID fixed = ops.contracts().addLine(contract, new ContractLineInput("Fixed scope", BillingMethod.FIXED_PRICE,
                fpProject, true, true, true, false, List.of(), null, new BigDecimal("10000")));
        List<UUID> milestones = ops.contracts().setMilestones(fixed, List.of(
                new MilestoneInput("Design", null, DAY, new BigDecimal("10000"), null)));
        ops.contracts().confirm(contract);
        ops.backlog().markMilestones(milestones, true);
        invoiceId = invoiceContract();
    }

    @Test
    void quantityAndPriceOfAFixedPriceDetailAreNotEditableButTaxIs() {
        UUID detail = onlyDetail(invoiceId).id();
        Map<String, Integer> before = rowCounts();

        assertThatThrownBy(() -> invoicing().drafts().edit(detail, DetailEdit.quantity(new BigDecimal("2"))))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(OperationsError.FIELD_NOT_EDITABLE);
                    assertThat(e.detail()).contains("quantity", "Fixed Price", "§3.4");
                });
        assertThat(rowCounts()).isEqualTo(before);

        invoicing().drafts().edit(detail, new DetailEdit(null, null, null, new BigDecimal("1900"), null, null, null));
        assertThat(invoicing().store().invoice(invoiceId).totalAmount()).isEqualByComparingTo("11900");
    }

    @Test
    void milestonePartialCreditIsRefusedWithTheSpecificationsReason() {
        invoicing().confirmation().confirm(invoiceId);
        UUID corrective = invoicing().revision().revise(invoiceId, null);
        UUID detail = onlyDetail(corrective).id();
        Map<String, Integer> before = rowCounts();

        assertThatThrownBy(() -> invoicing().drafts().edit(detail, DetailEdit.quantity(new BigDecimal("0.5"))))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(OperationsError.MILESTONE_PARTIAL_CREDIT);
                    assertThat(e.detail()).contains("Milestone partial credit is not supported", "§6");
                });
        assertThat(rowCounts()).isEqualTo(before);
    }
}
