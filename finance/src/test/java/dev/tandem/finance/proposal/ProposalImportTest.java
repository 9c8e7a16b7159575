package dev.tandem.finance.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.common.Ids;
import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.onaccount.OnAccountTransactions.Milestone;
import dev.tandem.finance.proposal.ImportIssues.ImportIssue;
import dev.tandem.finance.proposal.ProposalHeaders.HeaderInput;
import dev.tandem.finance.proposal.ProposalImport.Outcome;
import dev.tandem.finance.proposal.ProposalPosting.PostedInvoice;
import dev.tandem.finance.proposal.TransactionRelationships.Relationship;
import dev.tandem.finance.staging.StagingRow;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Import from staging into proposal lines (§3.9, §5 step 12, §10 item 2, §11 items 16, 18, 20, §13). */
class ProposalImportTest extends ProposalTestBase {

    private static final String INV = "INV-000201";

    @Test
    void billedSalesBecomeLinesOfTheirTypeAndTheRowsLearnTheirProposal() {
        tax.defaultGroup("VAT10");
        header(INV, "USD");
        UUID hour = readyBilled(INV, "USD", "8", "150", TIME, "1");
        UUID expense = readyBilled(INV, "USD", "1", "80.10", EXPENSE, "1");
        UUID item = readyBilled(INV, "USD", "3", "20", MATERIAL, "1");
        UUID fee = readyBilled(INV, "USD", "1", "50", FEE, "1");
        UUID milestone = stageBilled(INV, "USD", "1", "1000", MILESTONE);

        Outcome outcome = proposals.lineImport().importForProposal(LE, INV);

        assertThat(outcome.linesImported()).isEqualTo(5);
        assertThat(outcome.issue()).isEmpty();
        List<ProposalLine> lines = proposals.lines().lines(INV);
        assertThat(lines).extracting(ProposalLine::actualId, ProposalLine::type, l -> l.lineAmount().stripTrailingZeros()
                        .toPlainString(), l -> l.taxAmount().stripTrailingZeros().toPlainString(), ProposalLine::taxGroup)
                .containsExactlyInAnyOrder(tuple(hour, ProposalLineType.HOUR, "1200", "120", "VAT10"),
                        tuple(expense, ProposalLineType.EXPENSE, "80.1", "8.01", "VAT10"),
                        tuple(item, ProposalLineType.ITEM, "60", "6", "VAT10"),
                        tuple(fee, ProposalLineType.FEE, "50", "5", "VAT10"),
                        tuple(milestone, ProposalLineType.ON_ACCOUNT, "1000", "100", "VAT10"));
        ProposalHeader h = proposals.headers().header(LE, INV);
        assertThat(h.invoiceAmount()).isEqualByComparingTo("2629.11");
        assertThat(h.sumTax()).isEqualByComparingTo("239.01");
        assertThat(h.onAccountAmount()).isEqualByComparingTo("1000");
        for (ProposalLine l : lines) {
            Map<String, Object> row = staging(l.actualId());
            assertThat(row).containsEntry("invoiceproposalid", INV).containsEntry("invoiceproposallinetransid",
                    l.lineTransId()).containsEntry("fundingsourceid", CUSTOMER)
                    .containsEntry("customeraccountnumber", CUSTOMER).containsEntry("isprocessed", true);
        }
        // The write-back travels to Project Operations through the outbox, one update per row.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = 'ProjCDSActualsImportEntity' AND "
                + "operation = 'UPDATE'", Integer.class)).isEqualTo(5);
    }

    @Test
    void aProposalStaysEmptyWithTheErrorUntilItsUnbilledSalesArePosted() {
        header(INV, "USD");
        UUID unbilled = stageUnbilled("USD", "4", "250", TIME);
        UUID billed = stageBilled(INV, "USD", "4", "250", TIME);
        connect(billed, unbilled);

        proposals.lineImport().importRows(stagingRows(INV));

        ImportIssue issue = proposals.importIssues().issue(INV).orElseThrow();
        assertThat(issue.errorCode()).isEqualTo("UNBILLED_NOT_POSTED");
        assertThat(issue.message()).startsWith("Project transaction hasn't been posted yet")
                .contains(unbilled.toString(), billed.toString());
        assertThat(proposals.lines().lines(INV)).isEmpty();
        assertThat(proposals.headers().header(LE, INV).invoiceAmount()).isEqualByComparingTo("0.00");
        assertThat(staging(billed)).containsEntry("isprocessed", false).containsEntry("invoiceproposalid", null);
        assertThatThrownBy(() -> proposals.posting().post(LE, INV)).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(FinanceError.STATE);
            assertThat(e.detail()).contains("no lines yet (0.00)", "Project transaction hasn't been posted yet");
        });
        assertThat(count("ledgervoucher")).isZero();

        journalize(unbilled, "1");
        proposals.lineImport().importRows(stagingRows(INV));

        assertThat(proposals.lines().lines(INV)).hasSize(1);
        assertThat(proposals.importIssues().issue(INV)).isEmpty();
        assertThat(proposals.headers().header(LE, INV).invoiceAmount()).isEqualByComparingTo("1000");
    }

    @Test
    void unbilledSalesNotYetInStagingAlsoHoldTheProposalBack() {
        header(INV, "USD");
        UUID billed = stageBilled(INV, "USD", "1", "100", TIME);
        UUID missing = Ids.newId();
        connect(billed, missing);

        Outcome outcome = proposals.lineImport().importForProposal(LE, INV);

        assertThat(outcome.linesImported()).isZero();
        assertThat(outcome.issue()).get().satisfies(i -> {
            assertThat(i.errorCode()).isEqualTo("UNBILLED_NOT_POSTED");
            assertThat(i.message()).contains("Not in actuals staging yet", missing.toString());
        });
    }

    @Test
    void allLinesOfAProposalAreImportedTogetherOrNotAtAll() {
        header(INV, "USD");
        readyBilled(INV, "USD", "1", "100", TIME, "1");
        UUID waiting = stageUnbilled("USD", "2", "100", TIME);
        connect(stageBilled(INV, "USD", "2", "100", TIME), waiting);
        stageBilled(INV, "USD", "1", "500", MILESTONE);

        assertThat(proposals.lineImport().importForProposal(LE, INV).linesImported()).isZero();
        assertThat(proposals.lines().lines(INV)).isEmpty();

        journalize(waiting, "1");
        assertThat(proposals.lineImport().importForProposal(LE, INV).linesImported()).isEqualTo(3);
    }

    @Test
    void milestonesNeedNoJournalAndTakeTheTaxGroupsOfTheirOnAccountTransaction() {
        tax.defaultGroup("VAT10");
        UUID first = Ids.newId();
        UUID second = Ids.newId();
        for (UUID id : List.of(first, second)) {
            proposals.onAccountTransactions().upsert(new Milestone(id, LE, PROJECT, CONTRACT, CONTRACT_LINE, "USD",
                    "Phase", INVOICE_DATE, new BigDecimal("500.00"), 192350001));
        }
        assertThat(proposals.onAccountTransactions().get(first).taxGroup()).isEqualTo("VAT10");
        proposals.onAccountTransactions().setTaxGroups(first, "VAT20", null);
        header(INV, "USD");
        stageBilled(INV, "USD", "1", "500", MILESTONE);
        stageBilled(INV, "USD", "1", "500", MILESTONE);

        proposals.lineImport().importForProposal(LE, INV);

        // Two equal milestones of one line: each billed row takes a different one.
        assertThat(proposals.lines().lines(INV)).extracting(ProposalLine::onAccountTransactionId)
                .containsExactlyInAnyOrder(first, second);
        assertThat(proposals.lines().lines(INV)).extracting(ProposalLine::taxGroup)
                .containsExactlyInAnyOrder("VAT20", "VAT10");
        assertThat(proposals.headers().header(LE, INV).sumTax()).isEqualByComparingTo("150");
        assertThatThrownBy(() -> proposals.onAccountTransactions().setTaxGroups(first, "VAT10", null))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(FinanceError.STATE);
                    assertThat(e.detail()).contains(INV);
                });

        proposals.editing().deleteAllLines(LE, INV);
        assertThat(proposals.onAccountTransactions().setTaxGroups(first, "VAT10", "EXEMPT").itemTaxGroup())
                .isEqualTo("EXEMPT");
    }

    @Test
    void importingAgainChangesNothingAndRowsWaitForTheirHeader() {
        UUID billed = readyBilled(INV, "USD", "1", "100", TIME, "1");
        proposals.lineImport().importRows(stagingRows(INV));
        assertThat(count("projproposalline")).isZero();
        assertThat(staging(billed)).containsEntry("isprocessed", false);

        header(INV, "USD");
        proposals.lineImport().importRows(stagingRows(INV));
        proposals.lineImport().importRows(stagingRows(INV));
        assertThat(proposals.lineImport().importForProposal(LE, INV).linesImported()).isZero();

        assertThat(count("projproposalline")).isOne();
        assertThat(proposals.headers().header(LE, INV).invoiceAmount()).isEqualByComparingTo("100");
    }

    @Test
    void concurrentRunsOverTheSameRowsImportEachRowOnce() throws Exception {
        header(INV, "USD");
        for (int i = 0; i < 20; i++) {
            readyBilled(INV, "USD", "1", String.valueOf(100 + i), TIME, "1");
        }
        List<StagingRow> rows = stagingRows(INV).stream().filter(r -> r.transType() == StagingRow.BILLED_SALES).toList();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    proposals.lineImport().importRows(rows);
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

        List<ProposalLine> lines = proposals.lines().lines(INV);
        assertThat(lines).hasSize(20);
        assertThat(lines).extracting(ProposalLine::stagingId).doesNotHaveDuplicates();
        for (ProposalLine l : lines) {
            assertThat(staging(l.actualId())).containsEntry("invoiceproposallinetransid", l.lineTransId());
        }
        assertThat(proposals.headers().header(LE, INV).invoiceAmount()).isEqualByComparingTo("2190");
    }

    @Test
    void deleteAllLinesReleasesTheRowsForTheNextImport() {
        tax.defaultGroup("VAT10");
        header(INV, "USD");
        UUID billed = readyBilled(INV, "USD", "2", "100", TIME, "1");
        proposals.lineImport().importForProposal(LE, INV);
        String firstLine = proposals.lines().lines(INV).get(0).lineTransId();

        assertThat(proposals.editing().deleteAllLines(LE, INV)).isOne();

        assertThat(proposals.lines().lines(INV)).isEmpty();
        assertThat(proposals.headers().header(LE, INV).invoiceAmount()).isZero();
        assertThat(staging(billed)).containsEntry("isprocessed", false).containsEntry("invoiceproposalid", null)
                .containsEntry("invoiceproposallinetransid", null);
        tax.defaultGroup("VAT20");
        proposals.lineImport().importRows(stagingRows(INV));
        ProposalLine again = proposals.lines().lines(INV).get(0);
        assertThat(again.lineTransId()).isNotEqualTo(firstLine);
        assertThat(again.taxAmount()).isEqualByComparingTo("40");
        assertThat(staging(billed)).containsEntry("invoiceproposallinetransid", again.lineTransId());
    }

    @Test
    void rowsTheProposalCantTakeAreNamedInTheIssue() {
        header(INV, "USD");
        UUID euro = stageBilled(INV, "EUR", "1", "100", FEE);
        Outcome currency = proposals.lineImport().importForProposal(LE, INV);
        assertThat(currency.issue()).get().satisfies(i -> {
            assertThat(i.errorCode()).isEqualTo("INVALID_INPUT");
            assertThat(i.message()).contains(euro.toString(), "EUR");
        });

        jdbc.update("UPDATE projcdsactualsimport SET transactioncurrencyid = 'USD', billingtype = 192350003");
        Outcome property = proposals.lineImport().importForProposal(LE, INV);
        assertThat(property.issue()).get().satisfies(i -> {
            assertThat(i.errorCode()).isEqualTo("LINE_PROPERTY_NOT_FOUND");
            assertThat(i.message()).contains(euro.toString(), "192350003");
        });

        jdbc.update("UPDATE projcdsactualsimport SET billingtype = 192350001, transactionclassification = 690970002");
        assertThat(proposals.lineImport().importForProposal(LE, INV).issue()).get()
                .satisfies(i -> assertThat(i.message()).contains("690970002", "§3.9"));
        assertThat(count("projproposalline")).isZero();
    }

    @Test
    void billedSalesThatDontAddUpToTheProformaWaitForTheMissingOnes() {
        proposals.headers().upsertHeader(new HeaderInput(INV, LE, CONTRACT, CUSTOMER, CUSTOMER, "USD", INVOICE_DATE,
                null, false, new BigDecimal("300.00")));
        readyBilled(INV, "USD", "1", "100", TIME, "1");

        Outcome partial = proposals.lineImport().importForProposal(LE, INV);

        assertThat(partial.linesImported()).isZero();
        assertThat(partial.issue()).get().satisfies(i -> {
            assertThat(i.errorCode()).isEqualTo("STATE");
            assertThat(i.message()).contains("mismatched billed sales actuals with Dataverse", "300 USD", "100 USD",
                    "§11 item 19");
        });
        readyBilled(INV, "USD", "2", "100", TIME, "1");
        assertThat(proposals.lineImport().importForProposal(LE, INV).linesImported()).isEqualTo(2);
        assertThat(proposals.importIssues().issue(INV)).isEmpty();
    }

    @Test
    void aProposalBeyondTheRealTimeLimitOfAThousandLinesImportsAndPosts() {
        // §11 item 24: real-time dual-write stops at 1,000 lines per invoice; Finance itself has no such limit.
        header(INV, "USD");
        int n = 1200;
        List<Object[]> rows = new ArrayList<>();
        List<Relationship> links = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.parse("2026-04-01T08:00:00Z");
        for (int i = 0; i < n; i++) {
            UUID unbilled = Ids.newId();
            UUID billed = Ids.newId();
            BigDecimal amount = BigDecimal.valueOf(100 + i % 7);
            rows.add(new Object[] {Ids.newId(), unbilled, amount, StagingRow.UNBILLED_SALES, null, "JV-" + i, now});
            rows.add(new Object[] {Ids.newId(), billed, amount, StagingRow.BILLED_SALES, INV, null, now});
            links.add(new Relationship(Ids.newId(), billed, TransactionRelationships.ROLE_BILLED_SALES, "msdyn_actual",
                    unbilled, TransactionRelationships.ROLE_UNBILLED_SALES, "msdyn_actual"));
        }
        jdbc.batchUpdate("INSERT INTO projcdsactualsimport (actualsimportid, actualid, amount, quantity, unitprice, "
                + "documentdate, projectid, projectdataareaid, contractid, transactioncurrencyid, transtype, "
                + "transactionclassification, billingtype, invoiceid, vouchernumber, exchangerate, createdon, createdby, "
                + "modifiedon, modifiedby) VALUES (?, ?, ?, 1, ?, '2026-03-10', 'P-001', 'USMF', 'PC-001', 'USD', ?, "
                + "192350000, 192350001, ?, ?, 1, ?, 'dual-write', ?, 'dual-write')", rows.stream().map(r -> new Object[] {
                        r[0], r[1], r[2], r[2], r[3], r[4], r[5], r[6], r[6]}).toList());
        proposals.relationships().upsert(links);

        proposals.lineImport().importRows(stagingRows(INV));
        PostedInvoice posted = proposals.posting().post(LE, INV);

        assertThat(proposals.lines().lines(INV)).hasSize(n);
        BigDecimal expected = jdbc.queryForObject("SELECT SUM(amount) FROM projcdsactualsimport WHERE invoiceid = ?",
                BigDecimal.class, INV);
        assertThat(posted.invoiceAmount()).isEqualByComparingTo(expected);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM projcdsactualsimport WHERE invoiceid = ? AND "
                + "vouchernumber = ?", Integer.class, INV, posted.voucher())).isEqualTo(n);
    }

    @Test
    void importLinesOnAnUnknownProposalIsNotFound() {
        assertThatThrownBy(() -> proposals.lineImport().importForProposal(LE, "INV-404"))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FinanceError.NOT_FOUND));
    }

    /** §3.8 Category on proposal lines: the billed actual's project category, else its classification's default. */
    @Test
    void aLineGetsItsBilledActualsProjectCategoryElseTheDefaultOfItsClassification() {
        finance.setup().createProjectCategory(LE, "Hours", "Hours");
        finance.setup().createProjectCategory(LE, "Travel", "Travel");
        finance.setup().setProjectCategoryDefault(LE, TIME, "Hours");
        header(INV, "USD");
        UUID hour = readyBilled(INV, "USD", "8", "150", TIME, "1");
        UUID development = readyBilled(INV, "USD", "2", "150", TIME, "1");
        UUID expense = readyBilled(INV, "USD", "1", "80", EXPENSE, "1");
        UUID item = readyBilled(INV, "USD", "3", "20", MATERIAL, "1");
        category(development, "Development");
        category(expense, "Travel");
        category(item, "Cables");

        Outcome outcome = proposals.lineImport().importForProposal(LE, INV);

        assertThat(outcome.issue()).isEmpty();
        assertThat(proposals.lines().lines(INV)).extracting(ProposalLine::actualId, ProposalLine::categoryId)
                .containsExactlyInAnyOrder(tuple(hour, "Hours"), tuple(development, "Development"),
                        tuple(expense, "Travel"), tuple(item, null));
    }

    private void category(UUID actual, String categoryId) {
        jdbc.update("UPDATE projcdsactualsimport SET transactioncategoryid = ? WHERE actualid = ?", categoryId, actual);
    }
}
