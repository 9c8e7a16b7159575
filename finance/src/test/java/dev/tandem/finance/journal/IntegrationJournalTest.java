package dev.tandem.finance.journal;

import static dev.tandem.finance.StagedActuals.cost;
import static dev.tandem.finance.StagedActuals.unbilled;
import static dev.tandem.finance.StagedActuals.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.StagedActuals;
import dev.tandem.finance.journal.IntegrationJournal.PostResult;
import dev.tandem.finance.setup.PeriodStatus;
import dev.tandem.finance.setup.ProfileRuleLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Posting the integration journal (§9, §10, §4.7): the ledger lines of each profile, the write-back onto the staging
 * row, failed lines moved to an error journal, and the edits a user may make (§11 item 21).
 */
class IntegrationJournalTest extends JournalTestBase {

    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
    private static final LocalDate APRIL_10 = LocalDate.of(2026, 4, 10);

    private PostResult postOnly() {
        List<Journal> drafts = journal().journals(LE, JournalStatus.DRAFT);
        assertThat(drafts).hasSize(1);
        return journal().post(LE, drafts.get(0).journalId());
    }

    @Test
    void withoutAccruedRevenueCostPostsToCostAndOffsetAndUnbilledSalesPostNothingButGetAVoucher() {
        List<UUID> ids = stage(cost("800.00", "USD", MARCH_2), unbilled("1600.00", "USD", MARCH_2));
        importAll();

        PostResult result = postOnly();

        assertThat(result).isEqualTo(new PostResult("PIJ-000001", JournalStatus.POSTED, 2, 0, null));
        JournalLine cost = lineOf(ids.get(0));
        JournalLine sales = lineOf(ids.get(1));
        assertThat(gl(cost.voucher())).containsExactly("600100 800 USD / 800", "600900 -800 USD / -800");
        assertThat(sales.status()).isEqualTo(JournalStatus.POSTED);
        assertThat(sales.voucher()).isNotNull().isNotEqualTo(cost.voucher());
        assertThat(gl(sales.voucher())).isEmpty();
        assertThat(count("generaljournalentry")).isEqualTo(2);
        assertThat(finance.ledger().vouchersOf(LE, JournalPosting.SOURCE_TYPE, "PIJ-000001"))
                .containsExactly(cost.voucher());
        assertThat(journal().journal(LE, "PIJ-000001").status()).isEqualTo(JournalStatus.POSTED);
        assertThat(trialBalanceTotal()).isZero();
    }

    @Test
    void withAccruedRevenueUnbilledSalesPostToWipAndAccruedRevenue() {
        finance.setup().createProfileRule(LE, ProfileRuleLevel.PROJECT, PROJECT, "TM-WIP");
        List<UUID> ids = stage(cost("800.00", "USD", MARCH_2), unbilled("1600.00", "USD", MARCH_2));
        importAll();

        postOnly();

        assertThat(gl(lineOf(ids.get(0)).voucher())).containsExactly("600100 800 USD / 800", "600900 -800 USD / -800");
        assertThat(gl(lineOf(ids.get(1)).voucher())).containsExactly("140100 1600 USD / 1600",
                "401100 -1600 USD / -1600");
        assertThat(finance.ledger().trialBalance(LE)).containsOnlyKeys("600100", "600900", "140100", "401100");
        assertThat(trialBalanceTotal()).isZero();
    }

    @Test
    void onlyChargeableUnbilledSalesAccrueWipAndANegativeOneTakesItBackOut() {
        // §4.4, §9: non-chargeable and complimentary lines are never invoiced, so they accrue no WIP (nothing would
        // reverse it); the synced reversal of an original replaced on a draft (§6) is a negative chargeable line.
        finance.setup().createProfileRule(LE, ProfileRuleLevel.PROJECT, PROJECT, "TM-WIP");
        List<UUID> ids = stage(unbilled("1600.00", "USD", MARCH_2),
                with(unbilled("400.00", "USD", MARCH_2), "billingtype", StagedActuals.NON_CHARGEABLE),
                with(unbilled("300.00", "USD", MARCH_2), "billingtype", 192350002),
                with(with(unbilled("-1600.00", "USD", MARCH_2), "quantity", new BigDecimal("-8")), "adjustmentstatus",
                        192350002));
        importAll();

        postOnly();

        assertThat(gl(lineOf(ids.get(0)).voucher())).containsExactly("140100 1600 USD / 1600",
                "401100 -1600 USD / -1600");
        assertThat(gl(lineOf(ids.get(1)).voucher())).isEmpty();
        assertThat(gl(lineOf(ids.get(2)).voucher())).isEmpty();
        assertThat(gl(lineOf(ids.get(3)).voucher())).containsExactly("140100 -1600 USD / -1600",
                "401100 1600 USD / 1600");
        assertThat(jdbc.queryForList("SELECT wipaccrued FROM projintegrationjournalline ORDER BY amount DESC",
                Boolean.class)).containsExactly(true, false, false, true);
        assertThat(finance.ledger().trialBalance(LE).get("140100")).isEqualByComparingTo("0");
        assertThat(trialBalanceTotal()).isZero();
    }

    @Test
    void aBlankBillingTypeIsNotSpecifiedAndGetsItsDefaultLineProperty() {
        // §3.8 Billing type defaults: "Not specified" maps a blank billing type to a line property.
        List<UUID> before = stage(with(unbilled("100.00", "USD", MARCH_2), "billingtype", null));
        importAll();
        assertThat(lineOf(before.get(0)).linePropertyId()).isNull();

        finance.setup().createLineProperty(LE, "NotSpecified", "Not specified", true,
                List.of(dev.tandem.finance.setup.BillingTypes.NOT_SPECIFIED));
        List<UUID> after = stage(with(unbilled("200.00", "USD", MARCH_2), "billingtype", null));
        importAll();
        assertThat(lineOf(after.get(0)).linePropertyId()).isEqualTo("NotSpecified");
        assertThatThrownBy(() -> finance.setup().createLineProperty(LE, "Odd", "Odd", true, List.of(7)))
                .isInstanceOf(TandemException.class).hasMessageContaining("billing type 7 is none of the billing "
                        + "type defaults");
    }

    @Test
    void aFixedRateContractPostsWipAndAccruedRevenueAtItsRate() {
        // §9 example: 4 h × 250 GBP on a contract with a fixed rate of 1.25 → 1,250 USD.
        finance.setup().createProject(LE, "P-GBP", "UK rollout", "TM", "PC-GBP", CUSTOMER, null);
        finance.setup().createProfileRule(LE, ProfileRuleLevel.CONTRACT, "PC-GBP", "TM-WIP");
        finance.rates().setFixedRate(LE, "PC-GBP", "GBP", new BigDecimal("1.25"));
        Map<String, Object> row = unbilled("1000.00", "GBP", MARCH_2);
        row.put("projectid", "P-GBP");
        row.put("contractid", "PC-GBP");
        row.put("quantity", new BigDecimal("4"));
        row.put("unitprice", new BigDecimal("250"));
        UUID id = stage(row).get(0);
        importAll();

        postOnly();

        JournalLine line = lineOf(id);
        assertThat(line.exchangeRate()).isEqualByComparingTo("1.25");
        assertThat(gl(line.voucher())).containsExactly("140100 1000 GBP / 1250", "401100 -1000 GBP / -1250");
        assertThat(line.accountingAmount()).isEqualByComparingTo("1250.00");
        assertThat(staged(id).get("accountingamount")).satisfies(a -> assertThat((BigDecimal) a)
                .isEqualByComparingTo("1250.00"));
        assertThat((BigDecimal) staged(id).get("exchangerate")).isEqualByComparingTo("1.25");
    }

    @Test
    void postingWritesTheAccountingDetailsBackOntoTheStagingRowThroughTheOutbox() {
        finance.rates().store("ECB", "EUR", "USD", LocalDate.of(2026, 3, 1), new BigDecimal("1.0850000000"));
        UUID id = stage(with(cost("333.33", "EUR", MARCH_2), "accountingdate", APRIL_10)).get(0);
        importAll();

        postOnly();

        JournalLine line = lineOf(id);
        Map<String, Object> row = staged(id);
        assertThat(row).containsEntry("vouchernumber", line.voucher()).containsEntry("isjournalized", true);
        assertThat(line.postedAccountingDate()).isEqualTo(APRIL_10);
        assertThat(jdbc.queryForObject("SELECT accountingdate FROM projcdsactualsimport WHERE actualid = ?",
                LocalDate.class, id)).isEqualTo(APRIL_10);
        // 333.33 EUR × 1.085 = 361.66305 → 361.66 USD, rounded once.
        assertThat((BigDecimal) row.get("accountingamount")).isEqualByComparingTo("361.66");
        assertThat((BigDecimal) row.get("exchangerate")).isEqualByComparingTo("1.085");
        assertThat((BigDecimal) row.get("salestaxamount")).isEqualByComparingTo("0");
        assertThat(gl(line.voucher())).containsExactly("600100 333.33 EUR / 361.66", "600900 -333.33 EUR / -361.66");
        String image = jdbc.queryForObject("SELECT payload FROM dw_outbox WHERE integration_key = ? AND operation = "
                + "'UPDATE' ORDER BY sequence_no DESC LIMIT 1", String.class, id.toString());
        assertThat(image).contains("\"vouchernumber\":\"" + line.voucher() + "\"", "\"isjournalized\":true",
                "\"accountingamount\":361.66", "\"accountingdate\":\"2026-04-10\"");
    }

    @Test
    void aLineInAClosedPeriodMovesToAnErrorJournalAndTheRestPosts() {
        jdbc.update("UPDATE legal_entity SET journalperiodunit = 'YEARS'");
        UUID closed = stage(cost("500.00", "USD", MARCH_2)).get(0);
        UUID open = stage(cost("700.00", "USD", APRIL_10)).get(0);
        importAll();
        finance.setup().setPeriodStatus(LE, LocalDate.of(2026, 3, 1), PeriodStatus.CLOSED);

        PostResult result = postOnly();

        assertThat(result.status()).isEqualTo(JournalStatus.POSTED);
        assertThat(result.postedLines()).isOne();
        assertThat(result.failedLines()).isOne();
        assertThat(result.errorJournalId()).isEqualTo("PIJ-000002");
        Journal error = journal().journal(LE, "PIJ-000002");
        assertThat(error.status()).isEqualTo(JournalStatus.ERROR);
        assertThat(error.originalJournalId()).isEqualTo("PIJ-000001");
        assertThat(journal().journalsFromOriginal(LE, "PIJ-000001")).extracting(Journal::journalId)
                .containsExactly("PIJ-000002");
        JournalLine failed = lineOf(closed);
        assertThat(failed.journalId()).isEqualTo("PIJ-000002");
        assertThat(failed.status()).isEqualTo(JournalStatus.ERROR);
        assertThat(failed.errorMessage()).contains("PERIOD_CLOSED", "No open fiscal period was found", "2026-03-02");
        assertThat(failed.voucher()).isNull();
        assertThat(staged(closed)).containsEntry("vouchernumber", null).containsEntry("isjournalized", false);
        assertThat(lineOf(open).status()).isEqualTo(JournalStatus.POSTED);
        // The refused line took no voucher number: the sequence has no gap.
        assertThat(lineOf(open).voucher()).isEqualTo("GJ-000001");
        assertThat(journal().journal(LE, "PIJ-000001").lines()).isOne();
        assertThat(jdbc.queryForList("SELECT DISTINCT voucher FROM generaljournalentry", String.class))
                .containsExactly(lineOf(open).voucher());

        // Reopened and set back to draft, the error journal posts.
        finance.setup().setPeriodStatus(LE, LocalDate.of(2026, 3, 1), PeriodStatus.OPEN);
        journal().resetToDraft(LE, "PIJ-000002");
        assertThat(journal().post(LE, "PIJ-000002").status()).isEqualTo(JournalStatus.POSTED);
        assertThat(lineOf(closed).voucher()).isEqualTo("GJ-000002");
        assertThat(gl(lineOf(closed).voucher())).containsExactly("600100 500 USD / 500", "600900 -500 USD / -500");
    }

    @Test
    void aLineWithoutAProfileRuleMovesToAnErrorJournalNamingTheProject() {
        finance.setup().createProjectGroup(LE, "FP", "Fixed price");
        finance.setup().createProject(LE, "P-002", "No rule", "FP", null, CUSTOMER, null);
        UUID noRule = stage(with(cost("500.00", "USD", MARCH_2), "projectid", "P-002")).get(0);
        UUID fine = stage(cost("700.00", "USD", MARCH_2)).get(0);
        importAll();

        PostResult result = postOnly();

        assertThat(result.errorJournalId()).isNotNull();
        JournalLine failed = lineOf(noRule);
        assertThat(failed.journalId()).isEqualTo(result.errorJournalId());
        assertThat(failed.errorMessage()).contains("POSTING_SETUP_MISSING", "project P-002");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM generaljournalentry WHERE projid = 'P-002'", Integer.class))
                .isZero();
        assertThat(lineOf(fine).status()).isEqualTo(JournalStatus.POSTED);
        assertThat(trialBalanceTotal()).isZero();
    }

    @Test
    void whenNoLinePostsTheJournalItselfIsInError() {
        UUID id = stage(cost("500.00", "USD", MARCH_2)).get(0);
        importAll();
        finance.setup().setPeriodStatus(LE, LocalDate.of(2026, 3, 1), PeriodStatus.CLOSED);

        PostResult result = postOnly();

        assertThat(result).isEqualTo(new PostResult("PIJ-000001", JournalStatus.ERROR, 0, 1, null));
        assertThat(lineOf(id).journalId()).isEqualTo("PIJ-000001");
        assertThat(lineOf(id).status()).isEqualTo(JournalStatus.ERROR);
        assertThat(count("generaljournalentry")).isZero();
        assertThatThrownBy(() -> journal().post(LE, "PIJ-000001")).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.errorCode()).isEqualTo(FinanceError.STATE));
    }

    @Test
    void aJournalPostsOnceAndPostedLinesAreReadOnly() {
        UUID id = stage(cost("800.00", "USD", MARCH_2)).get(0);
        importAll();
        postOnly();

        assertThatThrownBy(() -> journal().post(LE, "PIJ-000001")).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(FinanceError.STATE);
            assertThat(e.detail()).contains("PIJ-000001 is POSTED");
        });
        JournalLine line = lineOf(id);
        assertThatThrownBy(() -> journal().update(line.lineId(), Map.of("taxgroup", "SALES-US")))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FinanceError.POSTED_READ_ONLY));
        assertThatThrownBy(() -> journal().deleteLine(line.lineId())).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.errorCode()).isEqualTo(FinanceError.POSTED_READ_ONLY));
        assertThat(count("generaljournalentry")).isEqualTo(2);
        assertThat(lineOf(id)).isEqualTo(line);
    }

    @Test
    void onlyTaxGroupsAndDimensionsOfAnUnpostedLineCanBeChanged() {
        UUID id = stage(unbilled("1600.00", "USD", MARCH_2)).get(0);
        importAll();
        JournalLine before = lineOf(id);

        JournalLine after = journal().update(before.lineId(), Map.of("taxgroup", "SALES-US", "itemtaxgroup", "SERVICES",
                "dimensions", "BusinessUnit=001-Department=022"));

        assertThat(after.taxGroup()).isEqualTo("SALES-US");
        assertThat(after.itemTaxGroup()).isEqualTo("SERVICES");
        assertThat(after.dimensions()).isEqualTo("BusinessUnit=001-Department=022");
        for (String field : List.of("amount", "quantity", "projid", "exchangerate", "accountingdate", "status")) {
            Map<String, Object> change = new HashMap<>();
            change.put("taxgroup", "OTHER");
            change.put(field, "1");
            assertThatThrownBy(() -> journal().update(before.lineId(), change))
                    .isInstanceOfSatisfying(TandemException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(FinanceError.INVALID_INPUT);
                        assertThat(e.detail()).contains("§11 item 21", field);
                    });
        }
        assertThat(lineOf(id)).isEqualTo(after);
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("dimensions", null);
        assertThat(journal().update(before.lineId(), cleared).dimensions()).isNull();
    }

    @Test
    void postAllPostsEveryDraftJournalOfTheLegalEntity() {
        stage(cost("1.00", "USD", MARCH_2), cost("2.00", "USD", APRIL_10));
        importAll();

        List<PostResult> results = journal().postAll(LE);

        assertThat(results).extracting(PostResult::journalId).containsExactly("PIJ-000001", "PIJ-000002");
        assertThat(journal().journals(LE, JournalStatus.DRAFT)).isEmpty();
        assertThat(journal().journals(LE, JournalStatus.POSTED)).hasSize(2);
    }

    @Test
    void onlyAnErrorJournalOrOneLeftProcessingByAGoneProcessGoesBackToDraft() {
        stage(cost("1.00", "USD", MARCH_2));
        importAll();

        assertThatThrownBy(() -> journal().resetToDraft(LE, "PIJ-000001")).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.errorCode()).isEqualTo(FinanceError.STATE));

        // Left PROCESSING by a posting of a process that is gone (here: no owner at all, as before claims had owners):
        // no 24-hour wait (issue 14, finding 3; JournalClaimTest has live and gone owners).
        jdbc.update("UPDATE projintegrationjournal SET status = 'PROCESSING'");
        jdbc.update("UPDATE projintegrationjournalline SET status = 'PROCESSING'");
        journal().resetToDraft(LE, "PIJ-000001");
        assertThat(journal().journal(LE, "PIJ-000001").status()).isEqualTo(JournalStatus.DRAFT);
        assertThat(journal().post(LE, "PIJ-000001").postedLines()).isOne();
    }

    @Test
    void aPostedLineIsCorrectedByAReversalVoucherNotByAnUpdate() {
        UUID id = stage(cost("800.00", "USD", MARCH_2)).get(0);
        importAll();
        postOnly();
        JournalLine line = lineOf(id);

        finance.ledger().reverse(LE, line.voucher(), APRIL_10, "Correction of " + id);

        assertThat(lineOf(id)).isEqualTo(line);
        assertThat(finance.ledger().trialBalance(LE).values()).allSatisfy(b -> assertThat(b).isZero());
    }
}
