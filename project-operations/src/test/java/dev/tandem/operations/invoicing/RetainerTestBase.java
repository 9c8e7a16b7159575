package dev.tandem.operations.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.ErrorCode;
import dev.tandem.common.TandemException;
import dev.tandem.operations.actuals.Actual;
import dev.tandem.operations.actuals.TransactionClassification;
import dev.tandem.operations.invoicing.retainer.RetainerRecords.InvoiceRetainer;
import dev.tandem.operations.invoicing.retainer.RetainerRecords.Retainer;
import dev.tandem.operations.invoicing.retainer.RetainerRecords.RetainerInput;
import dev.tandem.operations.invoicing.retainer.RetainerRole;
import dev.tandem.operations.invoicing.retainer.RetainerType;
import dev.tandem.operations.invoicing.retainer.Retainers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;

/** The §6 world with a confirmed contract, plus retainers: create, read, and the actuals an invoice created. */
abstract class RetainerTestBase extends InvoicingTestBase {

    @BeforeEach
    void prepareContract() {
        setUpContract();
    }

    /** Confirms the draft contract; suites that need more contract terms set them first. */
    protected void setUpContract() {
        ops.contracts().confirm(contract);
    }

    protected Retainers retainers() {
        return invoicing().retainers();
    }

    /** A retainer of {@code amount} USD for the contract's customer, dated DAY, marked Ready to invoice. */
    protected UUID readyRetainer(String amount) {
        UUID id = retainers().create(new RetainerInput(contract, customer, RetainerType.RETAINER, "Q1 retainer",
                dec(amount), "USD", DAY));
        retainers().markReady(List.of(id), true);
        return id;
    }

    /** A retainer of {@code amount} invoiced on its own confirmed invoice; returns the retainer. */
    protected UUID invoicedRetainer(String amount) {
        UUID id = readyRetainer(amount);
        invoicing().confirmation().confirm(invoiceContract());
        return id;
    }

    protected Retainer retainer(UUID id) {
        return retainers().retainer(id);
    }

    /** The actuals that confirming {@code invoiceId} created (its transaction origins). */
    protected List<Actual> createdBy(UUID invoiceId) {
        List<UUID> ids = jdbc.queryForList("SELECT DISTINCT msdyn_transaction FROM msdyn_transactionorigin "
                + "WHERE msdyn_origin = ?", UUID.class, invoiceId);
        return ops.actuals().actuals(ids);
    }

    /** Actuals of classification Retainer on the contract. */
    protected List<Actual> retainerActuals() {
        return actuals(a -> a.classification() == TransactionClassification.RETAINER);
    }

    /** The single retainer detail of {@code role} on an invoice. */
    protected InvoiceRetainer retainerDetail(UUID invoiceId, RetainerRole role) {
        List<InvoiceRetainer> found = retainers().onInvoice(invoiceId).stream().filter(r -> r.role() == role).toList();
        assertThat(found).as("%s details on the invoice", role).hasSize(1);
        return found.get(0);
    }

    /** Row counts of every table the app writes, the retainer tables included. */
    protected Map<String, Integer> allRowCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>(rowCounts());
        counts.put("tdm_retainer", count("tdm_retainer"));
        counts.put("tdm_retainerdetail", count("tdm_retainerdetail"));
        return counts;
    }

    /** Every retainer row as stored, to prove an action changed none. */
    protected List<Map<String, Object>> retainerRows() {
        return jdbc.queryForList("SELECT * FROM tdm_retainer ORDER BY tdm_retainerid");
    }

    /** Asserts the action is refused with {@code code}, names {@code words}, and writes nothing anywhere. */
    protected void refused(ThrowingCallable action, ErrorCode code, String... words) {
        Map<String, Integer> before = allRowCounts();
        List<Map<String, Object>> retainersBefore = retainerRows();
        List<Map<String, Object>> detailsBefore = detailAmounts();
        assertThatThrownBy(action).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.detail()).contains(words);
        });
        assertThat(allRowCounts()).isEqualTo(before);
        assertThat(retainerRows()).isEqualTo(retainersBefore);
        assertThat(detailAmounts()).isEqualTo(detailsBefore);
    }

    private List<Map<String, Object>> detailAmounts() {
        return jdbc.queryForList("SELECT msdyn_invoicelinetransactionid, msdyn_amount "
                + "FROM msdyn_invoicelinetransaction ORDER BY msdyn_invoicelinetransactionid");
    }
}
