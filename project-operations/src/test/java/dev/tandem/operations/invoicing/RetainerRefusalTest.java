package dev.tandem.operations.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.operations.OperationsError;
import dev.tandem.operations.invoicing.InvoiceRecords.DetailEdit;
import dev.tandem.operations.invoicing.retainer.RetainerInvoicing;
import dev.tandem.operations.invoicing.retainer.RetainerRecords.RetainerInput;
import dev.tandem.operations.invoicing.retainer.RetainerRole;
import dev.tandem.operations.invoicing.retainer.RetainerType;
import dev.tandem.operations.masterdata.MasterData.AccountInput;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** §3.4, §4.9, §11 rule 13: every retainer refusal names its row and rule and leaves the database unchanged. */
class RetainerRefusalTest extends RetainerTestBase {

    private RetainerInput input(String amount, String currency) {
        return new RetainerInput(contract, customer, RetainerType.RETAINER, "Q1 retainer", amount == null ? null
                : dec(amount), currency, DAY);
    }

    @Test
    void definingARetainerWithBadInput() {
        refused(() -> retainers().create(input("0", "USD")), OperationsError.INVALID_INPUT, "Q1 retainer", "PC-001",
                "more than 0");
        refused(() -> retainers().create(input("-5", "USD")), OperationsError.INVALID_INPUT, "more than 0");
        refused(() -> retainers().create(input("100.005", "USD")), OperationsError.INVALID_INPUT, "minor units");
        refused(() -> retainers().create(input(null, "USD")), OperationsError.INVALID_INPUT, "needs");
        refused(() -> retainers().create(input("100", "EUR")), OperationsError.CURRENCY_MISMATCH, "EUR", "USD");
        UUID stranger = ops.masterData().createAccount(new AccountInput("C-009", "Stranger"));
        refused(() -> retainers().create(new RetainerInput(contract, stranger, RetainerType.RETAINER, "Q1 retainer",
                dec("100"), null, DAY)), OperationsError.INVALID_INPUT, "not a customer of the contract");
        refused(() -> retainers().create(new RetainerInput(UUID.randomUUID(), customer, RetainerType.RETAINER, "x",
                dec("100"), null, DAY)), OperationsError.NOT_FOUND, "contract");
    }

    @Test
    void appliedAmountAboveAvailable() {
        UUID r = invoicedRetainer("5000");
        readyTime("30"); // 6,000 of time: all 5,000 applied
        UUID draft = invoiceContract();
        UUID applied = retainerDetail(draft, RetainerRole.APPLY).detailId();
        assertThat(retainer(r).reservedAmount()).isEqualByComparingTo("5000");

        refused(() -> retainers().editApplied(applied, dec("5000.01")), OperationsError.RETAINER_OVER_AVAILABLE,
                "Q1 retainer", "5000", "§11 rule 13");
    }

    @Test
    void appliedAmountAboveWhatTheOtherDraftLeavesFree() {
        invoicedRetainer("5000");
        readyTime("15");
        invoiceContract(); // applies 3,000
        readyTime("20");
        UUID second = invoiceContract(); // applies the 2,000 left
        UUID applied = retainerDetail(second, RetainerRole.APPLY).detailId();

        refused(() -> retainers().editApplied(applied, dec("2500")), OperationsError.RETAINER_OVER_AVAILABLE,
                "applied on other drafts or Ready to refund", "§11 rule 13");
    }

    @Test
    void appliedAmountAboveWhatTheInvoiceBills() {
        invoicedRetainer("5000");
        readyTime("15");
        UUID draft = invoiceContract();
        UUID applied = retainerDetail(draft, RetainerRole.APPLY).detailId();

        refused(() -> retainers().editApplied(applied, dec("3000.01")), OperationsError.RETAINER_OVER_INVOICE,
                "never below");
        refused(() -> retainers().editApplied(applied, dec("-1")), OperationsError.INVALID_INPUT, "0 or more");
        refused(() -> retainers().editApplied(applied, dec("10.001")), OperationsError.INVALID_INPUT, "minor units");
    }

    @Test
    void confirmingAnInvoiceWhoseAppliedRetainerOutgrewItsWork() {
        invoicedRetainer("5000");
        readyTime("15");
        UUID draft = invoiceContract();
        UUID time = invoicing().store().details(draft).stream().filter(d -> !RetainerInvoicing.isRetainerDetail(d))
                .findFirst().orElseThrow().id();
        invoicing().drafts().deleteDetail(time);

        refused(() -> invoicing().confirmation().confirm(draft), OperationsError.RETAINER_OVER_INVOICE, "bills only 0");
        assertThat(invoicing().store().invoice(draft).status()).isEqualTo(InvoiceStatus.DRAFT);
    }

    @Test
    void editingRetainerDetailsAnyOtherWay() {
        UUID r = readyRetainer("5000");
        UUID draft = invoiceContract();
        UUID own = retainerDetail(draft, RetainerRole.INVOICE).detailId();

        refused(() -> retainers().editApplied(own, dec("1")), OperationsError.FIELD_NOT_EDITABLE, "§3.4");
        refused(() -> invoicing().drafts().edit(own, DetailEdit.quantity(BigDecimal.TEN)),
                OperationsError.FIELD_NOT_EDITABLE, "retainer", "§11 rule 13");
        refused(() -> retainers().markReady(List.of(r), false), OperationsError.RETAINER_STATE, "on draft invoice",
                draftNumber(draft));
        refused(() -> retainers().delete(r), OperationsError.RETAINER_STATE, "on draft invoice");
        invoicing().confirmation().confirm(draft);
        refused(() -> retainers().markReady(List.of(r), true), OperationsError.RETAINER_STATE,
                "Customer invoice posted");
    }

    @Test
    void refundAboveTheAvailableBalance() {
        UUID r = invoicedRetainer("5000");
        refused(() -> retainers().refund(r, dec("5000.01"), null), OperationsError.RETAINER_OVER_AVAILABLE,
                "5000", "refund ≤ available balance");

        readyTime("15");
        UUID draft = invoiceContract(); // applies 3,000: 2,000 stays free to refund
        refused(() -> retainers().refund(r, dec("2000.01"), draft), OperationsError.RETAINER_OVER_AVAILABLE,
                "§11 rule 13");
        refused(() -> retainers().refund(r, BigDecimal.ZERO, draft), OperationsError.INVALID_INPUT, "more than 0");
    }

    @Test
    void refundOfARetainerNotYetInvoiced() {
        UUID r = readyRetainer("5000");
        refused(() -> retainers().refund(r, dec("1"), null), OperationsError.RETAINER_STATE,
                "only an invoiced retainer");
        refused(() -> retainers().cancelRefund(r), OperationsError.RETAINER_STATE, "not Ready to refund");
    }

    @Test
    void refundActionsOnAConfirmedInvoice() {
        UUID r = invoicedRetainer("5000");
        UUID confirmed = retainer(r).invoiceId();

        refused(() -> retainers().refund(r, dec("100"), confirmed), OperationsError.INVOICE_READ_ONLY,
                "Refund is unavailable on confirmed invoices", "§11 rule 13");

        readyTime("1");
        UUID draft = invoiceContract();
        retainers().refund(r, dec("100"), draft);
        invoicing().confirmation().confirm(draft);
        refused(() -> retainers().cancelRefund(r), OperationsError.INVOICE_READ_ONLY,
                "Cancel refund is unavailable on confirmed invoices", draftNumber(draft));
        refused(() -> retainers().refund(r, dec("100"), null), OperationsError.RETAINER_STATE, "already Refunded");
    }

    @Test
    void secondRefundWhileOneIsReady() {
        UUID r = invoicedRetainer("5000");
        retainers().refund(r, dec("100"), null);
        refused(() -> retainers().refund(r, dec("100"), null), OperationsError.RETAINER_STATE,
                "already Ready to refund");
    }

    @Test
    void refundOfAnotherContractsRetainerOnThisDraft() {
        UUID r = invoicedRetainer("5000");
        UUID other = ops.contracts().create(new dev.tandem.operations.contracts.ContractRecords.ContractInput("PC-002",
                "Other", customer, unit, "USD", salesList, null));
        assertThat(other).isNotEqualTo(contract);
        readyTime("1");
        UUID draft = invoiceContract();
        UUID foreign = retainers().create(new RetainerInput(other, customer, RetainerType.ADVANCE, "Other advance",
                dec("10"), null, DAY));
        refused(() -> retainers().refund(foreign, dec("1"), draft), OperationsError.INVALID_INPUT, "another contract");
        assertThat(retainer(r).refundStatus()).isNull();
    }

    private String draftNumber(UUID invoiceId) {
        return invoicing().store().invoice(invoiceId).number();
    }
}
