package dev.tandem.finance.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.FinanceTestBase;
import dev.tandem.finance.ledger.Ledger.Draft;
import dev.tandem.finance.ledger.Ledger.Line;
import dev.tandem.finance.ledger.Ledger.Voucher;
import dev.tandem.finance.setup.NumberSequences;
import dev.tandem.finance.setup.PeriodStatus;
import dev.tandem.finance.setup.ProfileRuleLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vouchers balance per currency and in accounting currency; closed periods; reversals; profile rules (§9). */
class LedgerTest extends FinanceTestBase {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private static Line line(String account, String currency, String amount, String rate) {
        return new Line(account, currency, new BigDecimal(amount), new BigDecimal(rate), "P-001", null, null);
    }

    private int gl() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM generaljournalentry", Integer.class);
    }

    @Test
    void aBalancedVoucherPostsAndTheTrialBalanceIsZero() {
        Voucher v = finance.ledger().post(new Draft(LE, DAY, "Time", "test", "1", List.of(
                line("600100", "USD", "800.00", "1"), line("600900", "USD", "-800.00", "1"))));

        assertThat(v.voucher()).isEqualTo("GJ-000001");
        assertThat(finance.ledger().voucher(LE, v.voucher()).lines()).extracting(Ledger.PostedLine::accountingAmount)
                .map(BigDecimal::toPlainString).containsExactly("800.000000", "-800.000000");
        assertThat(finance.ledger().trialBalance(LE).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isZero();
    }

    @Test
    void aBlockOfVoucherNumbersIsConsecutiveAndFollowsTheNumbersTakenOneByOne() {
        var numbers = finance.numbers();
        assertThat(numbers.next(LE, NumberSequences.VOUCHER)).isEqualTo("GJ-000001");

        assertThat(finance.context().inTransaction(() -> numbers.nextBlock(LE, NumberSequences.VOUCHER, 3)))
                .containsExactly("GJ-000002", "GJ-000003", "GJ-000004");
        assertThat(numbers.nextBlock(LE, NumberSequences.VOUCHER, 0)).isEmpty();
        assertThat(numbers.next(LE, NumberSequences.VOUCHER)).isEqualTo("GJ-000005");
        assertThatThrownBy(() -> numbers.nextBlock(LE, "nosuchsequence", 2)).isInstanceOfSatisfying(
                TandemException.class, e -> assertThat(e.errorCode()).isEqualTo(FinanceError.POSTING_SETUP_MISSING));
    }

    @Test
    void aBatchPostsVouchersUnderTheNumbersGivenAndEachBalances() {
        Voucher[] posted = finance.context().inTransaction(() -> {
            Ledger.Batch batch = finance.ledger().batch(LE);
            List<Ledger.Prepared> prepared = List.of(
                    batch.prepare(new Draft(LE, DAY, "One", "test", "b", List.of(line("600100", "USD", "1.00", "1"),
                            line("600900", "USD", "-1.00", "1")))),
                    batch.prepare(new Draft(LE, DAY, "Two", "test", "b", List.of(line("600100", "GBP", "0.01", "1.255"),
                            line("600100", "GBP", "0.01", "1.255"), line("600100", "GBP", "0.01", "1.255"),
                            line("600900", "GBP", "-0.03", "1.255")))));
            return batch.write(prepared, finance.numbers().nextBlock(LE, NumberSequences.VOUCHER, 2))
                    .toArray(Voucher[]::new);
        });

        assertThat(posted).extracting(Voucher::voucher).containsExactly("GJ-000001", "GJ-000002");
        assertThat(finance.ledger().voucher(LE, "GJ-000002").lines()).hasSize(5);
        for (Voucher v : posted) {
            assertThat(finance.ledger().voucher(LE, v.voucher()).lines().stream()
                    .map(Ledger.PostedLine::accountingAmount).reduce(BigDecimal.ZERO, BigDecimal::add)).isZero();
        }
        assertThatThrownBy(() -> finance.ledger().batch(LE).prepare(new Draft(LE, DAY, "Broken", "test", "b", List.of(
                line("600100", "USD", "1.00", "1"), line("nosuchaccount", "USD", "-1.00", "1")))))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FinanceError.POSTING_SETUP_MISSING));
        assertThat(gl()).isEqualTo(7);
    }

    @Test
    void conversionRoundingIsBookedToTheRoundingAccount() {
        // 3 × 0.01 GBP at 1.255: each line rounds to 0.01 USD, the 0.03 GBP credit to 0.04 USD.
        Voucher v = finance.ledger().post(new Draft(LE, DAY, "Rounding", "test", "2", List.of(
                line("600100", "GBP", "0.01", "1.255"), line("600100", "GBP", "0.01", "1.255"),
                line("600100", "GBP", "0.01", "1.255"), line("600900", "GBP", "-0.03", "1.255"))));

        assertThat(v.lines()).hasSize(5);
        assertThat(v.lines().get(4).mainAccount()).isEqualTo("999999");
        assertThat(v.lines().stream().map(Ledger.PostedLine::accountingAmount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isZero();
    }

    @Test
    void anUnbalancedVoucherIsRefusedAndNothingIsPosted() {
        assertThatThrownBy(() -> finance.ledger().post(new Draft(LE, DAY, "Broken", "test", "3", List.of(
                line("600100", "USD", "800.00", "1"), line("600900", "USD", "-799.99", "1")))))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(FinanceError.UNBALANCED_VOUCHER);
                    assertThat(e.detail()).contains("USD", "0.01");
                });
        assertThat(gl()).isZero();
    }

    @Test
    void aClosedPeriodIsRefusedUnlessTheEntityMovesToTheNextOpenPeriod() {
        finance.setup().setPeriodStatus(LE, LocalDate.of(2026, 3, 1), PeriodStatus.CLOSED);
        Draft draft = new Draft(LE, DAY, "Late", "test", "4", List.of(line("600100", "USD", "1.00", "1"),
                line("600900", "USD", "-1.00", "1")));

        assertThatThrownBy(() -> finance.ledger().post(draft)).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(FinanceError.PERIOD_CLOSED);
            assertThat(e.detail()).contains("No open fiscal period was found", "2026-03-02");
        });
        assertThat(gl()).isZero();

        jdbc.update("UPDATE legal_entity SET autoopenperiod = TRUE");
        assertThat(finance.ledger().post(draft).accountingDate()).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void aReversalNegatesEveryLineAndCanOnlyHappenOnce() {
        Voucher v = finance.ledger().post(new Draft(LE, DAY, "Time", "test", "5", List.of(
                line("600100", "USD", "800.00", "1"), line("600900", "USD", "-800.00", "1"))));

        Voucher r = finance.ledger().reverse(LE, v.voucher(), DAY, "Reversal");

        assertThat(r.reversesVoucher()).isEqualTo(v.voucher());
        assertThat(finance.ledger().trialBalance(LE).values()).allSatisfy(b -> assertThat(b).isZero());
        assertThatThrownBy(() -> finance.ledger().reverse(LE, v.voucher(), DAY, "Again"))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FinanceError.POSTED_READ_ONLY));
    }

    @Test
    void theMostSpecificProfileRuleWinsAndAMissingOneIsNamed() {
        assertThat(finance.postingSetup().profile(LE, PROJECT).profileId()).isEqualTo("TM");
        finance.setup().createProfileRule(LE, ProfileRuleLevel.CONTRACT, CONTRACT, "TM-WIP");
        assertThat(finance.postingSetup().profile(LE, PROJECT).accrueRevenue()).isTrue();
        finance.setup().createProfileRule(LE, ProfileRuleLevel.PROJECT, PROJECT, "TM");
        assertThat(finance.postingSetup().profile(LE, PROJECT).profileId()).isEqualTo("TM");

        finance.setup().createProjectGroup(LE, "FP", "Fixed price");
        finance.setup().createProject(LE, "P-002", "No rule", "FP", null, CUSTOMER, null);
        assertThatThrownBy(() -> finance.postingSetup().profile(LE, "P-002")).isInstanceOfSatisfying(TandemException.class,
                e -> {
                    assertThat(e.errorCode()).isEqualTo(FinanceError.POSTING_SETUP_MISSING);
                    assertThat(e.detail()).contains("P-002");
                });
    }

    @Test
    void crossRatesGoThroughEuroAndFixedRatesWinForTheirContract() {
        finance.rates().store("ECB", "EUR", "USD", LocalDate.of(2025, 5, 9), new BigDecimal("1.1252"));
        finance.rates().store("ECB", "EUR", "GBP", LocalDate.of(2025, 5, 9), new BigDecimal("0.84825"));

        assertThat(finance.rates().rate("ECB", "EUR", "USD", LocalDate.of(2025, 5, 12))).isEqualByComparingTo("1.1252");
        assertThat(finance.rates().rate("ECB", "GBP", "USD", LocalDate.of(2025, 5, 9)))
                .isEqualByComparingTo(new BigDecimal("1.1252").divide(new BigDecimal("0.84825"), 10,
                        java.math.RoundingMode.HALF_UP));
        assertThatThrownBy(() -> finance.rates().rate("ECB", "EUR", "USD", LocalDate.of(2025, 5, 8)))
                .isInstanceOfSatisfying(TandemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FinanceError.EXCHANGE_RATE_NOT_FOUND));

        finance.rates().setFixedRate(LE, CONTRACT, "GBP", new BigDecimal("1.25"));
        assertThat(finance.rates().rateForContract(LE, CONTRACT, "ECB", "GBP", "USD", LocalDate.of(2025, 5, 9)))
                .isEqualByComparingTo("1.25");
    }
}
