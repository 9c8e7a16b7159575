package dev.tandem.operations.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.ErrorCode;
import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsError;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.invoicing.InvoiceRecords.DetailEdit;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** §4.1, §11 rules 2, 4, 6, 12: every refusal names its rule and leaves the database unchanged. */
class InvoiceRefusalTest extends InvoicingTestBase {

    private UUID draft;

    @BeforeEach
    void draftInvoice() {
        ops.contracts().confirm(contract);
        readyTime("8");
        draft = invoiceContract();
    }

    private void refused(ThrowingCallable action, ErrorCode code, String... words) {
        Map<String, Integer> before = rowCounts();
        int outbox = count("dw_outbox");
        assertThatThrownBy(action).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.detail()).contains(words);
        });
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(count("dw_outbox")).isEqualTo(outbox);
    }

    private UUID confirmed() {
        invoicing().confirmation().confirm(draft);
        return draft;
    }

    @Test
    void editingAConfirmedInvoiceDetail() {
        UUID detail = onlyDetail(confirmed()).id();
        refused(() -> invoicing().drafts().edit(detail, DetailEdit.quantity(BigDecimal.ONE)),
                OperationsError.INVOICE_READ_ONLY, "can't be edited or deleted", "§11 rule 4");
    }

    @Test
    void deletingAConfirmedInvoiceOrItsDetail() {
        UUID invoice = confirmed();
        refused(() -> invoicing().drafts().deleteInvoice(invoice), OperationsError.INVOICE_READ_ONLY, "Confirmed");
        refused(() -> invoicing().drafts().deleteDetail(onlyDetail(invoice).id()), OperationsError.INVOICE_READ_ONLY,
                "can't be edited or deleted");
    }

    @Test
    void goingBackFromConfirmedOrPaid() {
        UUID invoice = confirmed();
        refused(() -> invoicing().drafts().setStatus(invoice, InvoiceStatus.IN_REVIEW), OperationsError.INVOICE_STATUS,
                "can't go back");
        invoicing().drafts().markPaid(invoice);
        refused(() -> invoicing().drafts().setStatus(invoice, InvoiceStatus.DRAFT), OperationsError.INVOICE_STATUS,
                "Invoice Paid", "can't go back");
    }

    @Test
    void confirmingTwice() {
        UUID invoice = confirmed();
        refused(() -> invoicing().confirmation().confirm(invoice), OperationsError.INVOICE_STATUS, "already Confirmed");
    }

    @Test
    void revisingADraft() {
        refused(() -> invoicing().revision().revise(draft, null), OperationsError.INVOICE_NOT_CONFIRMED,
                "only confirmed, posted or paid invoices can be revised", "§11 rule 12");
    }

    @Test
    void markingPaidBeforeConfirmed() {
        invoicing().drafts().setStatus(draft, InvoiceStatus.IN_REVIEW);
        refused(() -> invoicing().drafts().markPaid(draft), OperationsError.INVOICE_STATUS,
                "In Review", "Paid only after it is confirmed");
    }

    @Test
    void changingTheTransactionClassification() {
        UUID detail = onlyDetail(draft).id();
        refused(() -> invoicing().drafts().edit(detail, new DetailEdit(null, null, null, null, null, null,
                TransactionClassification.EXPENSE)), OperationsError.CLASSIFICATION_CHANGE, "Time", "§11 rule 6");
    }

    @Test
    void creatingWhenNothingIsReady() {
        refused(() -> invoicing().creation().createForContract(contract, INVOICE_DATE), OperationsError.NOTHING_TO_INVOICE,
                InvoiceCreation.NOTHING_TO_INVOICE_TEXT);
    }

    @Test
    void revisingTheSameDetailTwice() {
        UUID invoice = confirmed();
        invoicing().revision().revise(invoice, null);
        refused(() -> invoicing().revision().revise(invoice, null), OperationsError.ALREADY_CORRECTED, "already credited");
    }
}
