package dev.tandem.finance.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.finance.ledger.Ledger;
import dev.tandem.finance.proposal.ProposalPosting.PostedInvoice;
import dev.tandem.finance.reconcile.FinanceReconciliation;
import dev.tandem.finance.reconcile.FinanceReconciliation.InvoiceAmount;
import dev.tandem.finance.reconcile.FinanceReconciliation.ProjectAccountBalance;
import dev.tandem.finance.reconcile.FinanceReconciliation.ProposalState;
import dev.tandem.finance.reconcile.FinanceReconciliation.StagedActual;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation port of Finance ({@link FinanceReconciliation}) on both databases: what it answers about a posted
 * invoice proposal — the facts DESIGN §4's invariants 2, 3, 4, 6 and 7 are checked on — and that it lists what a
 * defect would leave behind.
 */
class FinanceReconciliationTest extends ProposalTestBase {

    private FinanceReconciliation port;
    private PostedInvoice posted;

    @BeforeEach
    void postOneInvoice() {
        port = finance.reconciliation();
        tax.defaultGroup("VAT10");
        header("INV-000201", "USD");
        readyBilled("INV-000201", "USD", "8", "125.55", TIME, "1");
        proposals.lineImport().importForProposal(LE, "INV-000201");
        posted = proposals.posting().post(LE, "INV-000201");
    }

    @Test
    void aPostedProposalIsInvoicedWithItsCustomerInvoiceAndItsAmountsOnBothSides() {
        assertThat(port.proposals()).containsExactly(new ProposalState("INV-000201", LE,
                ProposalStatus.INVOICED, posted.customerInvoiceId()));
        assertThat(port.customerInvoiceTotals()).singleElement().satisfies(i -> invoiceAmount(i));
        assertThat(port.customerTransactions()).singleElement().satisfies(i -> invoiceAmount(i));
    }

    @Test
    void postedVouchersBalanceUntilALineIsChanged() {
        assertThat(port.voucherCount()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM ledgervoucher",
                Long.class)).isPositive();
        assertThat(port.unbalancedVouchers()).isEmpty();

        jdbc.update("UPDATE generaljournalentry SET amountcur = amountcur + 1 WHERE voucher = ? AND lineno = 1",
                posted.voucher());

        assertThat(port.unbalancedVouchers()).singleElement().satisfies(v -> {
            assertThat(v.dataAreaId()).isEqualTo(LE);
            assertThat(v.voucher()).isEqualTo(posted.voucher());
            assertThat(v.transactionCurrencySums()).singleElement().satisfies(m -> {
                assertThat(m.currency()).isEqualTo("USD");
                assertThat(m.amount()).isEqualByComparingTo("1");
            });
            assertThat(v.accountingSum()).isNull();
        });

        jdbc.update("UPDATE generaljournalentry SET amountcur = amountcur - 1, accountingamount = accountingamount + 2"
                + " WHERE voucher = ? AND lineno = 1", posted.voucher());

        assertThat(port.unbalancedVouchers()).singleElement().satisfies(v -> {
            assertThat(v.transactionCurrencySums()).isEmpty();
            assertThat(v.accountingSum()).isEqualByComparingTo("2");
        });
    }

    @Test
    void stagedActualsAndProposalLinesAreCountedPerActual() {
        List<UUID> staged = jdbc.queryForList("SELECT actualid FROM projcdsactualsimport ORDER BY actualid",
                UUID.class);
        assertThat(port.stagedActuals()).extracting(StagedActual::actualId).containsExactlyElementsOf(staged);
        assertThat(port.stagedActuals()).extracting(StagedActual::rows).containsOnly(1L);
        assertThat(port.proposalLineCount()).isEqualTo(proposals.lines().lines("INV-000201").size()).isPositive();
        assertThat(port.actualsOnSeveralProposalLines()).isEmpty();
    }

    @Test
    void projectBalancesAreThoseOnTheProfilesWipSalesValueAndAccruedRevenueAccounts() {
        // TM-WIP's accounts (FinanceTestBase): WIP sales value 140100, accrued revenue 401100; TM names none.
        finance.ledger().post(new Ledger.Draft(LE, WORK_DATE, "Unbilled sales", "test", "wip", List.of(
                new Ledger.Line("140100", "USD", new BigDecimal("100.00"), BigDecimal.ONE, PROJECT, null, "WIP"),
                new Ledger.Line("401100", "USD", new BigDecimal("-100.00"), BigDecimal.ONE, PROJECT, null,
                        "Accrued revenue"))));

        assertThat(port.wipAndAccruedRevenueBalances())
                .extracting(ProjectAccountBalance::dataAreaId, ProjectAccountBalance::projectId,
                        ProjectAccountBalance::mainAccountId, b -> b.amount().currency(),
                        b -> b.amount().amount().stripTrailingZeros(), b -> b.accountingAmount().stripTrailingZeros())
                .containsExactlyInAnyOrder(
                        tuple(LE, PROJECT, "140100", "USD", new BigDecimal("1E+2"), new BigDecimal("1E+2")),
                        tuple(LE, PROJECT, "401100", "USD", new BigDecimal("-1E+2"), new BigDecimal("-1E+2")));
    }

    private void invoiceAmount(InvoiceAmount i) {
        assertThat(i.dataAreaId()).isEqualTo(LE);
        assertThat(i.proposalId()).isEqualTo("INV-000201");
        assertThat(i.customerInvoiceId()).isEqualTo(posted.customerInvoiceId());
        assertThat(i.amount().currency()).isEqualTo("USD");
        assertThat(i.amount().amount()).isEqualByComparingTo(posted.invoiceAmount());
    }
}
