package dev.tandem.finance.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.finance.FinanceTestBase;
import dev.tandem.finance.proposal.ProposalHeaders.HeaderInput;
import dev.tandem.finance.proposal.ProposalPosting.PostedInvoice;
import dev.tandem.finance.proposal.TransactionRelationships.Relationship;
import dev.tandem.finance.setup.ProfileRuleLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 4 acceptance 1, end to end through the real Finance code path: the §9 fixed-rate example (4 h × 250 GBP at a
 * contract rate of 1.25 = 1,250 USD). The unbilled sales are staged, imported and posted by the integration journal
 * (WIP and accrued revenue at 1.25); the billed sales and their connection arrive, the same Import from staging puts
 * them on the invoice proposal, and posting the proposal reverses WIP and accrued revenue exactly, at the same rate,
 * and books revenue and the customer balance. Every GL line is asserted.
 */
class FixedRateFlowTest extends FinanceTestBase {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private static Map<String, Object> staged(UUID actualId, int transType, String invoiceId) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("actualid", actualId);
        row.put("projectdataareaid", LE);
        row.put("projectid", PROJECT);
        row.put("contractid", CONTRACT);
        row.put("transtype", transType);
        row.put("transactionclassification", 192350000);
        row.put("billingtype", 192350001);
        row.put("quantity", "4");
        row.put("unitprice", "250");
        row.put("amount", "1000");
        row.put("transactioncurrencyid", "GBP");
        row.put("documentdate", DAY);
        row.put("customeraccountnumber", CUSTOMER);
        row.put("invoiceid", invoiceId);
        return row;
    }

    @Test
    void wipAndAccruedRevenuePostAt125AndInvoicingReversesThemExactlyAtTheSameRate() {
        finance.rates().setFixedRate(LE, CONTRACT, "GBP", new BigDecimal("1.25"));
        finance.setup().createProfileRule(LE, ProfileRuleLevel.CONTRACT, CONTRACT, "TM-WIP");
        UUID unbilled = UUID.randomUUID();
        UUID billed = UUID.randomUUID();

        finance.staging().upsert(List.of(staged(unbilled, 192350005, null)));
        finance.importFromStaging().run(LE);
        finance.integrationJournal().postAll(LE);

        String wipVoucher = jdbc.queryForObject("SELECT vouchernumber FROM projcdsactualsimport WHERE actualid = ?",
                String.class, unbilled);
        assertThat(lines(wipVoucher)).containsExactlyInAnyOrder(
                tuple("140100", "GBP", "1000.00", "1250.00"),
                tuple("401100", "GBP", "-1000.00", "-1250.00"));

        finance.proposals().headers().upsertHeader(new HeaderInput("INV-000001", LE, CONTRACT, CUSTOMER, CUSTOMER, "GBP",
                LocalDate.of(2026, 3, 31), "ERP rollout", false, null));
        finance.staging().upsert(List.of(staged(billed, 192350006, "INV-000001")));
        finance.proposals().relationships().upsert(List.of(new Relationship(UUID.randomUUID(), billed, 192350006,
                "msdyn_actual", unbilled, 192350005, "msdyn_actual")));
        var run = finance.importFromStaging().run(LE);
        assertThat(run.billedSalesRows()).isEqualTo(1);

        PostedInvoice invoice = finance.proposals().posting().post(LE, "INV-000001");

        assertThat(invoice.invoiceAmount()).isEqualByComparingTo("1000");
        assertThat(invoice.receivableMst()).isEqualByComparingTo("1250");
        assertThat(lines(invoice.voucher())).containsExactlyInAnyOrder(
                tuple("110000", "GBP", "1000.00", "1250.00"),
                tuple("401000", "GBP", "-1000.00", "-1250.00"),
                tuple("140100", "GBP", "-1000.00", "-1250.00"),
                tuple("401100", "GBP", "1000.00", "1250.00"));
        Map<String, BigDecimal> balances = finance.ledger().trialBalance(LE);
        assertThat(balances.get("140100")).as("WIP sales value fully reversed").isZero();
        assertThat(balances.get("401100")).as("accrued revenue fully reversed").isZero();
        assertThat(balances.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isZero();
        assertThat(jdbc.queryForObject("SELECT vouchernumber FROM projcdsactualsimport WHERE actualid = ?", String.class,
                billed)).isEqualTo(invoice.voucher());
    }

    /** (account, currency, amount, accounting amount) of a voucher's lines, amounts at two decimals. */
    private List<org.assertj.core.groups.Tuple> lines(String voucher) {
        return finance.ledger().voucher(LE, voucher).lines().stream()
                .filter(l -> l.amount().signum() != 0 || l.accountingAmount().signum() != 0)
                .map(l -> tuple(l.mainAccount(), l.currency(), two(l.amount()), two(l.accountingAmount()))).toList();
    }

    private static String two(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

}
