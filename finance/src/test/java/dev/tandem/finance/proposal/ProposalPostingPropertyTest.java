package dev.tandem.finance.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.common.Money;
import dev.tandem.finance.proposal.ProposalHeaders.HeaderInput;
import dev.tandem.finance.proposal.ProposalPosting.PostedInvoice;
import dev.tandem.finance.setup.ProfileRuleLevel;
import dev.tandem.finance.staging.StagingRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever proposals are posted — amounts, quantities, sales tax groups, currencies with market or fixed
 * rates that differ between the journal and the invoice date, profiles with or without accrued revenue, invoices
 * and credit notes, with milestones — every voucher balances per currency and in the accounting currency, the trial
 * balance is zero, accounts receivable equals the posted customer invoices, and the WIP the journal accrued is
 * fully reversed by the invoices.
 */
class ProposalPostingPropertyTest extends ProposalTestBase {

    private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY");
    private static final int[] CLASSES = {TIME, EXPENSE, MATERIAL, FEE, MILESTONE};
    private static final String[] TAX_GROUPS = {null, "VAT10", "VAT20"};

    @Test
    void randomProposalsPostBalancedVouchersAndReceivablesMatchTheInvoices() {
        world();
        // Posting reads a proposal's lines a page at a time; pages of 2 make most of these proposals span several.
        proposals.posting().pageSize(2);
        for (long seed : new long[] {20260415L, 7L, 1234567L}) {
            runProposals(seed, 12);
        }
        assertLedgerInvariants();
    }

    private void runProposals(long seed, int proposalCount) {
        Random random = new Random(seed);
        for (int p = 0; p < proposalCount; p++) {
            String proposalId = "PR-" + seed + "-" + p;
            String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            String contract = random.nextBoolean() ? CONTRACT : "PC-002";
            String project = random.nextBoolean() ? "P-WIP" : PROJECT;
            boolean credit = random.nextInt(6) == 0;
            tax.defaultGroup(TAX_GROUPS[random.nextInt(TAX_GROUPS.length)]);
            proposals.headers().upsertHeader(new HeaderInput(proposalId, LE, contract, CUSTOMER, CUSTOMER, currency,
                    INVOICE_DATE, "Random " + seed, credit, null));
            int lines = 1 + random.nextInt(5);
            for (int l = 0; l < lines; l++) {
                int classification = CLASSES[random.nextInt(CLASSES.length)];
                String quantity = (credit ? "-" : "") + (1 + random.nextInt(40)) / 4.0;
                String price = price(random, currency);
                if (credit || classification == MILESTONE) {
                    stage(StagingRow.BILLED_SALES, proposalId, currency, quantity, price, classification, CHARGEABLE,
                            project, contract);
                    continue;
                }
                UUID unbilled = stage(StagingRow.UNBILLED_SALES, null, currency, quantity, price, classification,
                        CHARGEABLE, project, contract);
                journalize(unbilled, finance.rates().rateForContract(LE, contract, "ECB", currency, "USD", WORK_DATE)
                        .toPlainString());
                connect(stage(StagingRow.BILLED_SALES, proposalId, currency, quantity, price, classification,
                        CHARGEABLE, project, contract), unbilled);
            }
            proposals.lineImport().importRows(stagingRows(proposalId));
            PostedInvoice posted = proposals.posting().post(LE, proposalId);
            assertThat(posted.creditNote()).as("seed %d proposal %d", seed, p).isEqualTo(credit);
            assertThat(posted.invoiceAmount()).as("seed %d proposal %d", seed, p)
                    .isEqualByComparingTo(proposals.headers().header(LE, proposalId).invoiceAmount());
        }
    }

    /** Rates that change between the work date and the invoice date, so WIP and revenue convert differently. */
    private void world() {
        finance.setup().createProjectGroup(LE, "WIP", "Accrued revenue");
        finance.setup().createProject(LE, "P-WIP", "With WIP", "WIP", "PC-002", CUSTOMER, null);
        finance.setup().createProfileRule(LE, ProfileRuleLevel.PROJECT_GROUP, "WIP", "TM-WIP");
        finance.rates().setFixedRate(LE, CONTRACT, "GBP", new BigDecimal("1.25"));
        finance.rates().store("ECB", "EUR", "USD", LocalDate.of(2025, 1, 1), new BigDecimal("1.0913"));
        finance.rates().store("ECB", "EUR", "GBP", LocalDate.of(2025, 1, 1), new BigDecimal("0.83717"));
        finance.rates().store("ECB", "EUR", "JPY", LocalDate.of(2025, 1, 1), new BigDecimal("161.87"));
        finance.rates().store("ECB", "EUR", "USD", LocalDate.of(2026, 3, 20), new BigDecimal("1.1252"));
        finance.rates().store("ECB", "EUR", "GBP", LocalDate.of(2026, 3, 20), new BigDecimal("0.84825"));
        finance.rates().store("ECB", "EUR", "JPY", LocalDate.of(2026, 3, 20), new BigDecimal("163.09"));
    }

    private static String price(Random random, String currency) {
        // 10.000 to 9,999.999 before rounding, so that even a quarter unit of a yen-priced line is worth something.
        BigDecimal p = BigDecimal.valueOf(10_000 + random.nextInt(9_990_000)).movePointLeft(3);
        return Money.round(p, currency).toPlainString();
    }

    private void assertLedgerInvariants() {
        List<String> vouchers = jdbc.queryForList("SELECT voucher FROM ledgervoucher", String.class);
        assertThat(vouchers).hasSizeGreaterThan(36);
        for (String voucher : vouchers) {
            for (Map<String, Object> perCurrency : jdbc.queryForList("SELECT transactioncurrency, SUM(amountcur) AS s "
                    + "FROM generaljournalentry WHERE voucher = ? GROUP BY transactioncurrency", voucher)) {
                assertThat((BigDecimal) perCurrency.get("s")).as("voucher %s in %s", voucher,
                        perCurrency.get("transactioncurrency")).isZero();
            }
            assertThat(jdbc.queryForObject("SELECT SUM(accountingamount) FROM generaljournalentry WHERE voucher = ?",
                    BigDecimal.class, voucher)).as("voucher %s in USD", voucher).isZero();
        }
        BigDecimal trialBalance = finance.ledger().trialBalance(LE).values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(trialBalance).isZero();
        BigDecimal receivables = jdbc.queryForObject("SELECT SUM(amountmst) FROM custtrans", BigDecimal.class);
        BigDecimal invoices = jdbc.queryForObject("SELECT SUM(invoiceamountmst) FROM projcustinvoiceexport",
                BigDecimal.class);
        assertThat(receivables).isEqualByComparingTo(invoices).isEqualByComparingTo(balance("110000"));
        assertThat(count("custtrans")).isEqualTo(36).isEqualTo(count("projcustinvoiceexport"));
        List<String> mismatched = new ArrayList<>();
        jdbc.query("SELECT c.invoice, c.amountcur, j.invoiceamount FROM custtrans c JOIN projproposaljour j ON "
                + "j.proposalid = c.proposalid", rs -> {
                    if (rs.getBigDecimal(2).compareTo(rs.getBigDecimal(3)) != 0) {
                        mismatched.add(rs.getString(1));
                    }
                });
        assertThat(mismatched).isEmpty();
        assertThat(balance("140100")).as("WIP sales value").isZero();
        assertThat(balance("401100")).as("accrued revenue").isZero();
    }
}
