package dev.tandem.finance.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.Ids;
import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.onaccount.OnAccountTransactions.Milestone;
import dev.tandem.finance.onaccount.OnAccountTransactions.OnAccountTransaction;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Milestones arriving as on-account transactions (§3.10, §7.2, §11 item 21). */
class OnAccountTransactionsTest extends ProposalTestBase {

    private Milestone milestone(UUID id, String amount, String description) {
        return new Milestone(id, LE, PROJECT, CONTRACT, CONTRACT_LINE, "USD", description, INVOICE_DATE,
                new BigDecimal(amount), 192350001);
    }

    @Test
    void aMilestoneArrivesWithTheDefaultTaxGroupAndLaterDeliveriesKeepFinancesTaxGroups() {
        tax.defaultGroup("VAT10");
        UUID id = Ids.newId();

        OnAccountTransaction created = proposals.onAccountTransactions().upsert(milestone(id, "2500.00", "Design"));
        assertThat(created.taxGroup()).isEqualTo("VAT10");
        assertThat(created.proposalId()).isNull();
        proposals.onAccountTransactions().setTaxGroups(id, "VAT20", "SERVICES");

        OnAccountTransaction updated = proposals.onAccountTransactions().upsert(milestone(id, "2600.00", "Design v2"));

        assertThat(updated.amount()).isEqualByComparingTo("2600");
        assertThat(updated.description()).isEqualTo("Design v2");
        assertThat(updated.taxGroup()).isEqualTo("VAT20");
        assertThat(updated.itemTaxGroup()).isEqualTo("SERVICES");
        assertThat(count("projonacctrans")).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = 'projonaccounttransactions'",
                Integer.class)).isEqualTo(3);
    }

    @Test
    void onceOnAProposalItsAmountCantChange() {
        UUID id = Ids.newId();
        proposals.onAccountTransactions().upsert(milestone(id, "500.00", "Phase"));
        header("INV-000401", "USD");
        stageBilled("INV-000401", "USD", "1", "500", MILESTONE);
        proposals.lineImport().importForProposal(LE, "INV-000401");
        assertThat(proposals.onAccountTransactions().get(id).proposalId()).isEqualTo("INV-000401");

        assertThatThrownBy(() -> proposals.onAccountTransactions().upsert(milestone(id, "600.00", "Phase")))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(FinanceError.STATE);
                    assertThat(e.detail()).contains("INV-000401");
                });
        assertThat(proposals.onAccountTransactions().upsert(milestone(id, "500.00", "Renamed")).description())
                .isEqualTo("Renamed");
    }

    @Test
    void badDeliveriesAreRefusedByName() {
        assertThatThrownBy(() -> proposals.onAccountTransactions().upsert(milestone(Ids.newId(), "10.005", "x")))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(FinanceError.INVALID_INPUT);
                    assertThat(e.detail()).contains("10.005", "USD");
                });
        assertThatThrownBy(() -> proposals.onAccountTransactions().upsert(new Milestone(Ids.newId(), LE, "P-404",
                CONTRACT, CONTRACT_LINE, "USD", "x", INVOICE_DATE, BigDecimal.TEN, 192350001)))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FinanceError.PROJECT_NOT_FOUND));
        assertThatThrownBy(() -> proposals.onAccountTransactions().setTaxGroups(Ids.newId(), "VAT10", null))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FinanceError.NOT_FOUND));
        assertThat(count("projonacctrans")).isZero();
    }
}
