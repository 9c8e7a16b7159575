package dev.tandem.finance.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.common.Ids;
import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.ledger.Ledger;
import dev.tandem.finance.onaccount.OnAccountTransactions.Milestone;
import dev.tandem.finance.proposal.ProposalPosting.PostedInvoice;
import dev.tandem.finance.setup.PeriodStatus;
import dev.tandem.finance.setup.ProfileRuleLevel;
import dev.tandem.finance.staging.StagingRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Posting proposals (§9, §10 items 3 and 5, §11 items 20 and 22, §13 credit notes). */
class ProposalPostingTest extends ProposalTestBase {

    private static final String INV = "INV-000101";

    private List<Ledger.PostedLine> voucherLines(String voucher) {
        return finance.ledger().voucher(LE, voucher).lines();
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    @Test
    void theFixedRateExampleReversesWipAtTheJournalsRateAndBooksRevenueAndArAtIt() {
        // §9: contract PC-001 in GBP with a fixed rate of 1.25; 4 h × 250 GBP = 1,000 GBP = 1,250 USD.
        useWipProfile();
        finance.rates().setFixedRate(LE, CONTRACT, "GBP", bd("1.25"));
        UUID unbilled = stageUnbilled("GBP", "4", "250", TIME);
        String journalVoucher = journalize(unbilled, "1.25");
        header(INV, "GBP");
        UUID billed = stageBilled(INV, "GBP", "4", "250", TIME);
        connect(billed, unbilled);

        assertThat(proposals.lineImport().importForProposal(LE, INV).linesImported()).isOne();
        PostedInvoice posted = proposals.posting().post(LE, INV);

        assertThat(posted.customerInvoiceId()).isEqualTo("CI-000001");
        assertThat(posted.exchangeRate()).isEqualByComparingTo("1.25");
        assertThat(voucherLines(posted.voucher()))
                .extracting(l -> l.mainAccount(), l -> l.currency(), l -> l.amount().stripTrailingZeros().toPlainString(),
                        l -> l.accountingAmount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(
                        tuple("110000", "GBP", "1000", "1250"),
                        tuple("401000", "GBP", "-1000", "-1250"),
                        tuple("140100", "GBP", "-1000", "-1250"),
                        tuple("401100", "GBP", "1000", "1250"));
        assertThat(voucherLines(posted.voucher())).filteredOn(l -> l.mainAccount().equals("110000"))
                .singleElement().satisfies(l -> assertThat(l.customerAccount()).isEqualTo(CUSTOMER));
        // The journal's WIP and accrued revenue are reversed exactly.
        assertThat(voucherLines(journalVoucher)).hasSize(2);
        assertThat(balance("140100")).isZero();
        assertThat(balance("401100")).isZero();
        assertThat(balance("110000")).isEqualByComparingTo("1250");
        assertThat(balance("401000")).isEqualByComparingTo("-1250");
        assertThat(balance("999999")).isZero();

        Map<String, Object> row = staging(billed);
        assertThat(row.get("vouchernumber")).isEqualTo(posted.voucher());
        assertThat((BigDecimal) row.get("accountingamount")).isEqualByComparingTo("1250");
        assertThat((BigDecimal) row.get("exchangerate")).isEqualByComparingTo("1.25");
        assertThat((BigDecimal) row.get("salestaxamount")).isZero();
        // §10 item 3: the accounting date of the invoice voucher goes back too (msdyn_accountingdate).
        assertThat(jdbc.queryForObject("SELECT accountingdate FROM projcdsactualsimport WHERE actualid = ?",
                LocalDate.class, billed)).isEqualTo(posted.accountingDate());
        Map<String, Object> ar = jdbc.queryForMap("SELECT * FROM custtrans WHERE invoice = ?", "CI-000001");
        assertThat((BigDecimal) ar.get("amountcur")).isEqualByComparingTo("1000");
        assertThat((BigDecimal) ar.get("amountmst")).isEqualByComparingTo("1250");
        assertThat(ar).containsEntry("accountnum", CUSTOMER).containsEntry("voucher", posted.voucher());
        assertThat(jdbc.queryForObject("SELECT duedate FROM custtrans", LocalDate.class))
                .isEqualTo(INVOICE_DATE.plusDays(30));
        ProposalHeader h = proposals.headers().header(LE, INV);
        assertThat(h.status()).isEqualTo(ProposalStatus.INVOICED);
        assertThat(h.customerInvoiceId()).isEqualTo("CI-000001");
        assertThat(h.ledgerVoucher()).isEqualTo(posted.voucher());
        assertThat(h.invoiceAmount()).isEqualByComparingTo("1000");
        Map<String, Object> export = jdbc.queryForMap("SELECT * FROM projcustinvoiceexport WHERE proposalid = ?", INV);
        assertThat(export).containsEntry("invoiceid", "CI-000001").containsEntry("status", "Posted")
                .containsEntry("iscreditnote", false);
        assertThat(export.get("invoicedate")).isNotNull();
        assertThat((BigDecimal) export.get("invoiceamount")).isEqualByComparingTo("1000");
        assertThat((BigDecimal) export.get("sumtax")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = 'projcustomerinvoiceexports'",
                Integer.class)).isOne();
    }

    /**
     * Issue 13: posting reads a proposal's lines a page at a time (a contract's proposal of tens of thousands of
     * lines ran a 1 GB heap out when held whole). The same proposal posted in pages of 3 and in one page is the same
     * invoice: each line's tax, with the rounding cents of the totals' tax on the same lines; the totals; the
     * write-back to staging; the voucher's lines with their WIP reversals.
     */
    @Test
    void aProposalPostedInPagesIsTheSameInvoiceAsInOnePage() {
        useWipProfile();
        tax.defaultGroup("VAT20");
        String[] prices = {"11.11", "11.11", "12.34", "11.11", "5.02", "11.11", "1.01", "11.11", "11.11", "0.07", "11.11"};
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal ownTaxes = BigDecimal.ZERO;
        for (String price : prices) {
            sum = sum.add(new BigDecimal(price));
            ownTaxes = ownTaxes.add(dev.tandem.common.Money.round(new BigDecimal(price).multiply(new BigDecimal("0.2")),
                    "USD"));
        }
        BigDecimal invoiceTax = dev.tandem.common.Money.round(sum.multiply(new BigDecimal("0.2")), "USD");
        assertThat(ownTaxes).as("the lines' own taxes leave cents to spread").isNotEqualByComparingTo(invoiceTax);

        Map<String, Object> onePage = postedAs("INV-ONE", prices, 1_000);
        Map<String, Object> inPages = postedAs("INV-PAGES", prices, 3);

        assertThat(inPages).isEqualTo(onePage);
        assertThat((BigDecimal) onePage.get("sumTax")).isEqualByComparingTo(invoiceTax);
        assertThat((BigDecimal) onePage.get("invoiceAmount")).isEqualByComparingTo(sum.add(invoiceTax));
        assertThat((List<?>) onePage.get("voucher")).hasSize(3 + 2 * prices.length);
    }

    /** Posts a proposal of one hour at each price, in pages of {@code pageSize}; what it posted, ids left out. */
    private Map<String, Object> postedAs(String proposalId, String[] prices, int pageSize) {
        header(proposalId, "USD");
        List<UUID> billed = new ArrayList<>();
        for (String price : prices) {
            billed.add(readyBilled(proposalId, "USD", "1", price, TIME, "1"));
        }
        proposals.lineImport().importForProposal(LE, proposalId);
        proposals.posting().pageSize(pageSize);
        PostedInvoice posted = proposals.posting().post(LE, proposalId);
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("invoiceAmount", posted.invoiceAmount().stripTrailingZeros());
        result.put("sumTax", posted.sumTax().stripTrailingZeros());
        result.put("receivableMst", posted.receivableMst().stripTrailingZeros());
        result.put("lineTaxes", jdbc.queryForList("SELECT taxamount FROM projproposalline WHERE proposalid = ? ORDER BY "
                + "lineamount, taxamount", BigDecimal.class, proposalId).stream().map(BigDecimal::stripTrailingZeros)
                .toList());
        result.put("writeBack", billed.stream().map(this::staging).map(row -> ((BigDecimal) row.get("salestaxamount"))
                .stripTrailingZeros() + " " + ((BigDecimal) row.get("accountingamount")).stripTrailingZeros() + " "
                + (posted.voucher().equals(row.get("vouchernumber")))).toList());
        result.put("voucher", voucherLines(posted.voucher()).stream().map(l -> l.mainAccount() + " "
                + l.amount().stripTrailingZeros() + " " + l.accountingAmount().stripTrailingZeros() + " "
                + l.description()).sorted().toList());
        return result;
    }

    @Test
    void salesTaxIsCreditedToTaxPayableAndWrittenBackPerLine() {
        tax.defaultGroup("VAT10");
        header(INV, "USD");
        UUID hours = readyBilled(INV, "USD", "8", "125.55", TIME, "1");
        UUID expense = readyBilled(INV, "USD", "1", "99.99", EXPENSE, "1");
        proposals.lineImport().importForProposal(LE, INV);

        PostedInvoice posted = proposals.posting().post(LE, INV);

        // 8 × 125.55 = 1,004.40, tax 100.44; 99.99, tax 10.00 (9.999 rounded half-up).
        assertThat(posted.invoiceAmount()).isEqualByComparingTo("1214.83");
        assertThat(posted.sumTax()).isEqualByComparingTo("110.44");
        assertThat(voucherLines(posted.voucher()))
                .extracting(l -> l.mainAccount(), l -> l.amount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(tuple("110000", "1214.83"), tuple("401000", "-1104.39"),
                        tuple("220000", "-110.44"));
        assertThat((BigDecimal) staging(hours).get("salestaxamount")).isEqualByComparingTo("100.44");
        assertThat((BigDecimal) staging(expense).get("salestaxamount")).isEqualByComparingTo("10.00");
        assertThat((BigDecimal) jdbc.queryForObject("SELECT sumtax FROM projcustinvoiceexport", BigDecimal.class))
                .isEqualByComparingTo("110.44");
        assertThat(balance("220000")).isEqualByComparingTo("-110.44");
    }

    @Test
    void aNetNegativeProposalPostsAsACreditNoteOnTheSameAccountsMirrored() {
        tax.defaultGroup("VAT10");
        proposals.headers().upsertHeader(new ProposalHeaders.HeaderInput("INV-000102", LE, CONTRACT, CUSTOMER, CUSTOMER,
                "USD", INVOICE_DATE, "Corrective invoice", true, null));
        // A full credit: the billed-sales reversal of the corrected invoice; it has no unbilled sales to wait for.
        UUID reversal = stage(StagingRow.BILLED_SALES, "INV-000102", "USD", "-4", "100", TIME, CHARGEABLE, PROJECT);
        assertThat(proposals.lineImport().importForProposal(LE, "INV-000102").linesImported()).isOne();

        PostedInvoice posted = proposals.posting().post(LE, "INV-000102");

        assertThat(posted.creditNote()).isTrue();
        assertThat(posted.invoiceAmount()).isEqualByComparingTo("-440");
        assertThat(voucherLines(posted.voucher()))
                .extracting(l -> l.mainAccount(), l -> l.amount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(tuple("110000", "-440"), tuple("401000", "400"), tuple("220000", "40"));
        assertThat(finance.ledger().voucher(LE, posted.voucher()).description()).startsWith("Credit note CI-000001");
        assertThat(proposals.headers().header(LE, "INV-000102").creditNote()).isTrue();
        assertThat((BigDecimal) jdbc.queryForObject("SELECT amountmst FROM custtrans", BigDecimal.class))
                .isEqualByComparingTo("-440");
        assertThat(jdbc.queryForObject("SELECT iscreditnote FROM projcustinvoiceexport", Boolean.class)).isTrue();
        assertThat((BigDecimal) staging(reversal).get("accountingamount")).isEqualByComparingTo("-400");
    }

    @Test
    void onAccountLinesCreditOnAccountRevenueOrWipInvoicedOnAccountPerProfile() {
        UUID milestone = Ids.newId();
        proposals.onAccountTransactions().upsert(new Milestone(milestone, LE, PROJECT, CONTRACT, CONTRACT_LINE, "USD",
                "Go-live", INVOICE_DATE, bd("5000.00"), 192350001));
        header(INV, "USD");
        stage(StagingRow.BILLED_SALES, INV, "USD", "1", "5000", MILESTONE, CHARGEABLE, PROJECT);
        proposals.lineImport().importForProposal(LE, INV);

        PostedInvoice noWip = proposals.posting().post(LE, INV);

        assertThat(voucherLines(noWip.voucher())).extracting(l -> l.mainAccount(),
                l -> l.amount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(tuple("110000", "5000"), tuple("401200", "-5000"));
        assertThat(proposals.headers().header(LE, INV).onAccountAmount()).isEqualByComparingTo("5000");

        useWipProfile();
        header("INV-000103", "USD");
        stage(StagingRow.BILLED_SALES, "INV-000103", "USD", "1", "700", MILESTONE, CHARGEABLE, PROJECT);
        proposals.lineImport().importForProposal(LE, "INV-000103");
        PostedInvoice wip = proposals.posting().post(LE, "INV-000103");
        assertThat(voucherLines(wip.voucher())).extracting(l -> l.mainAccount(),
                l -> l.amount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(tuple("110000", "700"), tuple("140200", "-700"));
    }

    @Test
    void aClosedPeriodIsRefusedAndLeavesNothingPostedUntilTheEntityMovesTheDate() {
        header(INV, "USD");
        UUID billed = readyBilled(INV, "USD", "2", "100", TIME, "1");
        proposals.lineImport().importForProposal(LE, INV);
        finance.setup().setPeriodStatus(LE, LocalDate.of(2026, 3, 1), PeriodStatus.CLOSED);
        Counts before = counts();

        assertThatThrownBy(() -> proposals.posting().post(LE, INV)).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(FinanceError.PERIOD_CLOSED);
            assertThat(e.detail()).contains("No open fiscal period was found", "2026-03-31");
        });

        assertThat(counts()).isEqualTo(before);
        assertThat(proposals.headers().header(LE, INV).status()).isEqualTo(ProposalStatus.OPEN);
        assertThat(staging(billed).get("vouchernumber")).isNull();
        jdbc.update("UPDATE legal_entity SET autoopenperiod = TRUE");
        PostedInvoice posted = proposals.posting().post(LE, INV);
        assertThat(posted.accountingDate()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(posted.customerInvoiceId()).isEqualTo("CI-000001");
    }

    @Test
    void missingPostingSetupIsRefusedAndLeavesNothingPosted() {
        finance.setup().createProjectGroup(LE, "FP", "Fixed price");
        finance.setup().createProject(LE, "P-002", "No rule", "FP", CONTRACT, CUSTOMER, null);
        header(INV, "USD");
        stage(StagingRow.BILLED_SALES, INV, "USD", "1", "300", FEE, CHARGEABLE, "P-002");
        proposals.lineImport().importForProposal(LE, INV);
        Counts before = counts();

        assertThatThrownBy(() -> proposals.posting().post(LE, INV)).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(FinanceError.POSTING_SETUP_MISSING);
            assertThat(e.detail()).contains("P-002");
        });
        assertThat(counts()).isEqualTo(before);

        finance.setup().createProfileRule(LE, ProfileRuleLevel.PROJECT, "P-002", "TM");
        jdbc.update("DELETE FROM numbersequencetable WHERE code = 'custinvoice'");
        Counts withoutSequence = counts();
        assertThatThrownBy(() -> proposals.posting().post(LE, INV)).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(FinanceError.POSTING_SETUP_MISSING);
            assertThat(e.detail()).contains("custinvoice");
        });
        assertThat(counts()).isEqualTo(withoutSequence);
        assertThat(proposals.headers().header(LE, INV).status()).isEqualTo(ProposalStatus.OPEN);
    }

    @Test
    void aMissingExchangeRateIsRefusedAndLeavesNothingPosted() {
        header(INV, "EUR");
        stage(StagingRow.BILLED_SALES, INV, "EUR", "1", "300", FEE, CHARGEABLE, PROJECT);
        proposals.lineImport().importForProposal(LE, INV);
        Counts before = counts();

        assertThatThrownBy(() -> proposals.posting().post(LE, INV)).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.errorCode()).isEqualTo(FinanceError.EXCHANGE_RATE_NOT_FOUND));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aPostedProposalCantBeChangedOrPostedAgain() {
        header(INV, "USD");
        readyBilled(INV, "USD", "1", "100", TIME, "1");
        proposals.lineImport().importForProposal(LE, INV);
        String line = proposals.lines().lines(INV).get(0).lineTransId();
        proposals.posting().post(LE, INV);
        Counts after = counts();

        assertThatThrownBy(() -> proposals.posting().post(LE, INV)).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.errorCode()).isEqualTo(FinanceError.POSTED_READ_ONLY));
        assertThatThrownBy(() -> proposals.editing().setLineTaxGroups(LE, INV, line, "VAT20", null))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FinanceError.POSTED_READ_ONLY));
        assertThatThrownBy(() -> proposals.editing().deleteAllLines(LE, INV))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FinanceError.POSTED_READ_ONLY));
        assertThatThrownBy(() -> proposals.headers().upsertHeader(new ProposalHeaders.HeaderInput(INV, LE, CONTRACT,
                CUSTOMER, CUSTOMER, "USD", INVOICE_DATE.plusDays(1), "Changed", false, null)))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FinanceError.POSTED_READ_ONLY));
        // The same delivery again is harmless.
        assertThat(header(INV, "USD").status()).isEqualTo(ProposalStatus.INVOICED);
        assertThat(counts()).isEqualTo(after);
    }

    @Test
    void aNonChargeableLineIsNeitherInvoicedNorTaxedButGetsTheVoucher() {
        tax.defaultGroup("VAT10");
        header(INV, "USD");
        readyBilled(INV, "USD", "6", "200", TIME, "1");
        UUID unbilled = stage(StagingRow.UNBILLED_SALES, null, "USD", "2", "200", TIME, NON_CHARGEABLE, PROJECT);
        journalize(unbilled, "1");
        UUID nonChargeable = stage(StagingRow.BILLED_SALES, INV, "USD", "2", "200", TIME, NON_CHARGEABLE, PROJECT);
        connect(nonChargeable, unbilled);
        proposals.lineImport().importForProposal(LE, INV);

        PostedInvoice posted = proposals.posting().post(LE, INV);

        assertThat(posted.invoiceAmount()).isEqualByComparingTo("1320");
        assertThat(proposals.lines().lines(INV)).extracting(ProposalLine::linePropertyId, ProposalLine::toBeInvoiced)
                .containsExactlyInAnyOrder(tuple("Chargeable", true), tuple("NonChargeable", false));
        assertThat(staging(nonChargeable)).containsEntry("vouchernumber", posted.voucher());
        assertThat((BigDecimal) staging(nonChargeable).get("accountingamount")).isZero();
    }

    @Test
    void withTheWorkflowOnlyAnApprovedProposalIsPosted() {
        jdbc.update("UPDATE legal_entity SET proposalworkflow = TRUE");
        header(INV, "USD");
        readyBilled(INV, "USD", "1", "100", TIME, "1");
        proposals.lineImport().importForProposal(LE, INV);
        Counts before = counts();

        assertThatThrownBy(() -> proposals.posting().post(LE, INV)).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(FinanceError.STATE);
            assertThat(e.detail()).contains("§11 item 22");
        });
        proposals.workflow().submit(LE, INV);
        assertThatThrownBy(() -> proposals.posting().post(LE, INV)).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.errorCode()).isEqualTo(FinanceError.STATE));
        assertThat(counts()).isEqualTo(before);

        proposals.workflow().approve(LE, INV);
        assertThat(proposals.posting().post(LE, INV).customerInvoiceId()).isEqualTo("CI-000001");
        assertThatThrownBy(() -> proposals.workflow().reset(LE, INV)).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.errorCode()).isEqualTo(FinanceError.POSTED_READ_ONLY));
    }

    /** What the periodic "Post invoice proposals" (§8) posts: only proposals with all their lines, as §5 step 14. */
    @Test
    void readyToPostListsTheProposalsWithAllTheirLinesInTheStatusPostingNeeds() {
        String waiting = "INV-000201";
        String ready = "INV-000202";
        String partly = "INV-000203";
        // Waiting for the integration journal: its billed sales are refused, it has no lines (0.00, §13).
        header(waiting, "USD");
        connect(stageBilled(waiting, "USD", "1", "100", TIME), stageUnbilled("USD", "1", "100", TIME));
        assertThat(proposals.lineImport().importForProposal(LE, waiting).issue()).isPresent();
        header(ready, "USD");
        readyBilled(ready, "USD", "2", "100", TIME, "1");
        proposals.lineImport().importForProposal(LE, ready);
        // Has lines, but a billed sales row of it arrived since and is not imported yet.
        header(partly, "USD");
        readyBilled(partly, "USD", "3", "100", TIME, "1");
        proposals.lineImport().importForProposal(LE, partly);
        readyBilled(partly, "USD", "1", "100", TIME, "1");

        assertThat(proposals.posting().readyToPost(LE)).containsExactly(ready);

        // Under the workflow, only once approved (§4.8, §11 item 22).
        jdbc.update("UPDATE legal_entity SET proposalworkflow = TRUE");
        assertThat(proposals.posting().readyToPost(LE)).isEmpty();
        proposals.workflow().submit(LE, ready);
        assertThat(proposals.posting().readyToPost(LE)).isEmpty();
        proposals.workflow().approve(LE, ready);
        assertThat(proposals.posting().readyToPost(LE)).containsExactly(ready);
        proposals.posting().post(LE, ready);
        assertThat(proposals.posting().readyToPost(LE)).isEmpty();
    }

    @Test
    void ofTwoConcurrentPostingsOfOneProposalExactlyOneSucceeds() throws Exception {
        header(INV, "USD");
        readyBilled(INV, "USD", "3", "100", TIME, "1");
        proposals.lineImport().importForProposal(LE, INV);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Object> results = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    try {
                        results.add(proposals.posting().post(LE, INV));
                    } catch (TandemException e) {
                        results.add(e.errorCode());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results).hasSize(2).filteredOn(r -> r instanceof PostedInvoice).hasSize(1);
        assertThat(results).contains(FinanceError.POSTED_READ_ONLY);
        assertThat(count("custtrans")).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledgervoucher WHERE sourcetype = ?", Integer.class,
                ProposalPosting.SOURCE_TYPE)).isOne();
    }

    private record Counts(int vouchers, int glLines, int custTrans, int exports, long nextInvoice, int written) {
    }

    private Counts counts() {
        Long next = jdbc.queryForList("SELECT nextrec FROM numbersequencetable WHERE code = 'custinvoice'", Long.class)
                .stream().findFirst().orElse(-1L);
        return new Counts(count("ledgervoucher"), count("generaljournalentry"), count("custtrans"),
                count("projcustinvoiceexport"), next, jdbc.queryForObject("SELECT COUNT(*) FROM projcdsactualsimport "
                + "WHERE transtype = 192350006 AND vouchernumber IS NOT NULL", Integer.class));
    }
}
