package dev.tandem.finance.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.Ids;
import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.proposal.ProposalHeaders.HeaderInput;
import dev.tandem.finance.proposal.TransactionRelationships.Relationship;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Proposal headers and relationships arriving by sync (§3.9, §5 step 10, §7.2, §7.3, §11 items 16–17). */
class ProposalHeadersTest extends ProposalTestBase {

    private int outbox(String entity, String operation) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = ? AND operation = ?", Integer.class,
                entity, operation);
    }

    @Test
    void aConfirmedProformaArrivesAsAnOpenEmptyProposalDueAfterTheCustomersPaymentDays() {
        ProposalHeader h = header("INV-000007", "GBP");

        assertThat(h.status()).isEqualTo(ProposalStatus.OPEN);
        assertThat(h.workflowStatus()).isEqualTo(WorkflowStatus.DRAFT);
        assertThat(h.contractId()).isEqualTo(CONTRACT);
        assertThat(h.invoiceAccount()).isEqualTo(CUSTOMER);
        assertThat(h.fundingSource()).isEqualTo(CUSTOMER);
        assertThat(h.dueDate()).isEqualTo(INVOICE_DATE.plusDays(30));
        assertThat(h.invoiceAmount()).isZero();
        assertThat(h.sumTax()).isZero();
        assertThat(h.customerInvoiceId()).isNull();
        assertThat(jdbc.queryForObject("SELECT status FROM projproposaljour", Integer.class)).isZero();
        assertThat(outbox("projinvoiceproposals", "INSERT")).isOne();
    }

    @Test
    void aRepeatedDeliveryChangesNothingAndANewInvoiceDateMovesTheDueDate() {
        header("INV-000007", "USD");
        header("INV-000007", "USD");

        assertThat(count("projproposaljour")).isOne();
        assertThat(outbox("projinvoiceproposals", "UPDATE")).isZero();

        ProposalHeader moved = proposals.headers().upsertHeader(new HeaderInput("INV-000007", LE, CONTRACT, CUSTOMER,
                CUSTOMER, "USD", INVOICE_DATE.plusDays(5), "Moved", false, null));
        assertThat(moved.dueDate()).isEqualTo(INVOICE_DATE.plusDays(35));
        assertThat(moved.description()).isEqualTo("Moved");
        assertThat(outbox("projinvoiceproposals", "UPDATE")).isOne();
    }

    @Test
    void anUnknownCustomerIsRefusedByNameAndNothingIsWritten() {
        assertThatThrownBy(() -> proposals.headers().upsertHeader(new HeaderInput("INV-000008", LE, CONTRACT, "C-404",
                "C-404", "USD", INVOICE_DATE, null, false, null))).isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(FinanceError.CUSTOMER_NOT_FOUND);
                    assertThat(e.detail()).contains("Invoice proposal INV-000008", "C-404");
                });
        assertThat(count("projproposaljour")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = 'projinvoiceproposals'",
                Integer.class)).isZero();
    }

    @Test
    void theProposalNumberSequenceMustAllowSuppliedNumbers() {
        jdbc.update("UPDATE numbersequencetable SET allowmanual = FALSE WHERE code = 'proposal'");

        assertThatThrownBy(() -> header("INV-000009", "USD")).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(FinanceError.POSTING_SETUP_MISSING);
            assertThat(e.detail()).contains("lower and to a higher number");
        });
        assertThat(count("projproposaljour")).isZero();
    }

    @Test
    void integratedProposalsCantBeDeletedInFinance() {
        header("INV-000010", "USD");

        assertThatThrownBy(() -> proposals.headers().delete(LE, "INV-000010"))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(FinanceError.STATE);
                    assertThat(e.detail()).contains("§11 item 16", "Delete all lines");
                });
        assertThat(count("projproposaljour")).isOne();
    }

    @Test
    void contractCustomerAndCurrencyStayOnceTheProposalHasLines() {
        header("INV-000011", "USD");
        readyBilled("INV-000011", "USD", "1", "10", TIME, "1");
        proposals.lineImport().importForProposal(LE, "INV-000011");

        assertThatThrownBy(() -> header("INV-000011", "EUR")).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.errorCode()).isEqualTo(FinanceError.STATE));
        assertThat(proposals.headers().header(LE, "INV-000011").currency()).isEqualTo("USD");
    }

    @Test
    void relationshipsAreUpsertedOnceByConnectionId() {
        UUID connection = Ids.newId();
        UUID billed = Ids.newId();
        UUID unbilled = Ids.newId();
        Relationship r = new Relationship(connection, billed, TransactionRelationships.ROLE_BILLED_SALES, "msdyn_actual",
                unbilled, TransactionRelationships.ROLE_UNBILLED_SALES, "msdyn_actual");

        proposals.relationships().upsert(List.of(r, r));
        proposals.relationships().upsert(List.of(r));

        assertThat(count("projcdstransactionrelationshipimport")).isOne();
        assertThat(outbox("projcdstransactionrelationships", "INSERT")).isOne();
        assertThat(outbox("projcdstransactionrelationships", "UPDATE")).isZero();
        assertThat(proposals.relationships().unbilledOf(List.of(billed))).containsEntry(billed, List.of(unbilled));
        // Other connections (invoice line detail ↔ actual, reversing ↔ original) are not billed ↔ unbilled.
        proposals.relationships().upsert(List.of(new Relationship(Ids.newId(), Ids.newId(),
                TransactionRelationships.ROLE_BILLED_SALES, "msdyn_invoicelinetransaction", unbilled,
                TransactionRelationships.ROLE_UNBILLED_SALES, "msdyn_actual")));
        assertThat(proposals.relationships().unbilledOf(List.of(unbilled))).isEmpty();
    }
}
