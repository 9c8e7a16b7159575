package dev.tandem.finance.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceError;
import org.junit.jupiter.api.Test;

/** Tax groups on lines, totals, and the approval workflow (§4.8, §5 step 13, §11 items 21–22). */
class ProposalEditingTest extends ProposalTestBase {

    private static final String INV = "INV-000301";

    private String importOneLine(String quantity, String price) {
        header(INV, "USD");
        readyBilled(INV, "USD", quantity, price, TIME, "1");
        proposals.lineImport().importForProposal(LE, INV);
        return proposals.lines().lines(INV).get(0).lineTransId();
    }

    @Test
    void changingALinesTaxGroupsRecalculatesItsTaxAndTheTotals() {
        tax.defaultGroup("VAT10");
        String line = importOneLine("3", "333.33");
        assertThat(proposals.headers().header(LE, INV).sumTax()).isEqualByComparingTo("100.00");

        ProposalLine vat20 = proposals.editing().setLineTaxGroups(LE, INV, line, "VAT20", null);
        assertThat(vat20.taxAmount()).isEqualByComparingTo("200.00");
        assertThat(proposals.headers().header(LE, INV).invoiceAmount()).isEqualByComparingTo("1199.99");

        ProposalLine exempt = proposals.editing().setLineTaxGroups(LE, INV, line, "VAT20", "EXEMPT");
        assertThat(exempt.taxAmount()).isZero();
        assertThat(exempt.itemTaxGroup()).isEqualTo("EXEMPT");
        assertThat(exempt.lineAmount()).isEqualByComparingTo("999.99");
        assertThat(proposals.headers().header(LE, INV).sumTax()).isZero();
    }

    @Test
    void anUnknownLineIsNotFound() {
        importOneLine("1", "1");
        assertThatThrownBy(() -> proposals.editing().setLineTaxGroups(LE, INV, "nope", "VAT10", null))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FinanceError.NOT_FOUND));
    }

    @Test
    void theWorkflowRunsSubmitRequestChangeRejectResetApprove() {
        jdbc.update("UPDATE legal_entity SET proposalworkflow = TRUE");
        header(INV, "USD");
        assertThatThrownBy(() -> proposals.workflow().submit(LE, INV)).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.detail()).contains("no lines"));
        readyBilled(INV, "USD", "1", "100", TIME, "1");
        proposals.lineImport().importForProposal(LE, INV);
        String line = proposals.lines().lines(INV).get(0).lineTransId();

        ProposalHeader submitted = proposals.workflow().submit(LE, INV);
        assertThat(submitted.status()).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(submitted.workflowStatus()).isEqualTo(WorkflowStatus.SUBMITTED);
        assertThatThrownBy(() -> proposals.editing().setLineTaxGroups(LE, INV, line, "VAT10", null))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(FinanceError.STATE);
                    assertThat(e.detail()).contains("Submitted");
                });
        assertThatThrownBy(() -> proposals.editing().deleteAllLines(LE, INV))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FinanceError.STATE));

        ProposalHeader changeRequested = proposals.workflow().requestChange(LE, INV);
        assertThat(changeRequested.status()).isEqualTo(ProposalStatus.OPEN);
        assertThat(changeRequested.workflowStatus()).isEqualTo(WorkflowStatus.CHANGE_REQUESTED);
        proposals.editing().setLineTaxGroups(LE, INV, line, "VAT10", null);

        proposals.workflow().submit(LE, INV);
        assertThat(proposals.workflow().reject(LE, INV).status()).isEqualTo(ProposalStatus.REJECTED);
        assertThatThrownBy(() -> proposals.workflow().approve(LE, INV)).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.detail()).contains("Rejected"));
        assertThat(proposals.workflow().reset(LE, INV).workflowStatus()).isEqualTo(WorkflowStatus.DRAFT);

        proposals.workflow().submit(LE, INV);
        ProposalHeader approved = proposals.workflow().approve(LE, INV);
        assertThat(approved.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(approved.workflowStatus()).isEqualTo(WorkflowStatus.APPROVED);
        assertThatThrownBy(() -> proposals.editing().setLineTaxGroups(LE, INV, line, "VAT20", null))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FinanceError.STATE));
        assertThat(proposals.posting().post(LE, INV).invoiceAmount()).isEqualByComparingTo("110");
    }

    @Test
    void withoutTheWorkflowThereIsNothingToSubmit() {
        importOneLine("1", "100");

        assertThatThrownBy(() -> proposals.workflow().submit(LE, INV)).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(FinanceError.STATE);
            assertThat(e.detail()).contains("doesn't process invoice proposals in workflow");
        });
        assertThat(proposals.headers().header(LE, INV).status()).isEqualTo(ProposalStatus.OPEN);
    }
}
