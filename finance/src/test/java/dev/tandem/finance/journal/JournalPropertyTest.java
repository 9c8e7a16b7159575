package dev.tandem.finance.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.common.Money;
import dev.tandem.finance.StagedActuals;
import dev.tandem.finance.setup.PeriodStatus;
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
 * Property test (DESIGN §4 invariant 3): random streams of staged cost and unbilled sales actuals — random amounts in
 * USD, EUR, GBP and JPY (market cross rates through EUR, and a contract with a fixed rate), projects whose profile does
 * or does not accrue revenue, redeliveries, deleted lines, periods closed and reopened — interleaved with imports and
 * postings. After every step: every voucher balances per currency and in the accounting currency, the trial balance
 * is zero, each actual has at most one line, a staging row is processed exactly when its line exists, and each posted
 * line's voucher, accounting amount and rate are written back on its staging row.
 *
 * <p>Each run is seeded and names its seed on failure, so a failing stream can be replayed.
 */
class JournalPropertyTest extends JournalTestBase {

    private static final int SEQUENCES = 3;
    private static final int STEPS = 30;
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "JPY"};
    private static final String[] PROJECTS = {PROJECT, "P-WIP", "P-FIX"};

    private final List<Map<String, Object>> delivered = new ArrayList<>();

    @Test
    void randomStreamsOfImportsAndPostingsKeepTheLedgerBalanced() {
        LocalDate from = LocalDate.of(2025, 12, 1);
        finance.rates().store("ECB", "EUR", "USD", from, new BigDecimal("1.0850000000"));
        finance.rates().store("ECB", "EUR", "GBP", from, new BigDecimal("0.8450000000"));
        finance.rates().store("ECB", "EUR", "JPY", from, new BigDecimal("162.3500000000"));
        finance.setup().createProject(LE, "P-WIP", "Accrues revenue", "TM", "PC-WIP", CUSTOMER, null);
        finance.setup().createProfileRule(LE, ProfileRuleLevel.PROJECT, "P-WIP", "TM-WIP");
        finance.setup().createProject(LE, "P-FIX", "Fixed rate", "TM", "PC-FIX", CUSTOMER, null);
        finance.setup().createProfileRule(LE, ProfileRuleLevel.CONTRACT, "PC-FIX", "TM-WIP");
        finance.rates().setFixedRate(LE, "PC-FIX", "GBP", new BigDecimal("1.2734"));
        long base = new Random().nextLong();
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            long seed = base + sequence;
            Random random = new Random(seed);
            for (int step = 0; step < STEPS; step++) {
                String action = step(random);
                checkInvariants("seed " + seed + ", step " + step + " (" + action + ")");
            }
        }
        // The streams are long enough to post through every path; a vacuous run would prove nothing.
        assertThat(count("generaljournalentry")).as("seed %d", base).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM projintegrationjournalline WHERE status = 'POSTED'",
                Integer.class)).as("seed %d", base).isPositive();
    }

    private String step(Random random) {
        switch (random.nextInt(10)) {
            case 0, 1, 2 -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = 1 + random.nextInt(6); i > 0; i--) {
                    rows.add(randomActual(random));
                }
                finance.staging().upsert(rows);
                delivered.addAll(rows);
                return "stage " + rows.size();
            }
            case 3, 4 -> {
                return "import " + importAll().lines();
            }
            case 5, 6 -> {
                return "post " + journal().postAll(LE).size();
            }
            case 7 -> {
                List<UUID> drafts = jdbc.queryForList("SELECT lineid FROM projintegrationjournalline WHERE status IN "
                        + "('DRAFT', 'ERROR') ORDER BY lineid", UUID.class);
                if (drafts.isEmpty()) {
                    return "delete (none)";
                }
                journal().deleteLine(drafts.get(random.nextInt(drafts.size())));
                return "delete line";
            }
            case 8 -> {
                if (delivered.isEmpty()) {
                    return "redeliver (none)";
                }
                Map<String, Object> again = new java.util.LinkedHashMap<>(delivered.get(random.nextInt(delivered.size())));
                again.put("amount", ((BigDecimal) again.get("amount")).add(BigDecimal.ONE));
                finance.staging().upsert(List.of(again));
                return "redeliver";
            }
            default -> {
                LocalDate month = LocalDate.of(2026, 1 + random.nextInt(4), 1);
                boolean close = random.nextBoolean();
                finance.setup().setPeriodStatus(LE, month, close ? PeriodStatus.CLOSED : PeriodStatus.OPEN);
                if (!close) {
                    journal().journals(LE, JournalStatus.ERROR).forEach(j -> journal().resetToDraft(LE, j.journalId()));
                }
                return (close ? "close " : "open ") + month;
            }
        }
    }

    private static Map<String, Object> randomActual(Random random) {
        String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
        int units = Money.minorUnits(currency);
        // Mostly at minor units, sometimes with more decimals (posting rounds them), sometimes negative (reversals).
        int scale = random.nextInt(5) == 0 ? units + 1 + random.nextInt(2) : units;
        BigDecimal amount = BigDecimal.valueOf(random.nextInt(2_000_000) - 200_000L, scale);
        LocalDate day = LocalDate.of(2026, 1 + random.nextInt(4), 1 + random.nextInt(28));
        Map<String, Object> row = random.nextBoolean() ? StagedActuals.cost("0", currency, day)
                : StagedActuals.unbilled("0", currency, day);
        String project = PROJECTS[random.nextInt(PROJECTS.length)];
        row.put("projectid", project);
        row.put("contractid", project.equals(PROJECT) ? CONTRACT : "PC-" + project.substring(2));
        row.put("amount", amount);
        row.put("unitprice", amount);
        return row;
    }

    private void checkInvariants(String where) {
        assertThat(jdbc.queryForList("SELECT voucher || ' ' || transactioncurrency FROM generaljournalentry GROUP BY "
                + "voucher, transactioncurrency HAVING SUM(amountcur) <> 0", String.class))
                .as("vouchers unbalanced per currency after %s", where).isEmpty();
        assertThat(jdbc.queryForList("SELECT voucher FROM generaljournalentry GROUP BY voucher HAVING "
                + "SUM(accountingamount) <> 0", String.class))
                .as("vouchers unbalanced in USD after %s", where).isEmpty();
        assertThat(trialBalanceTotal()).as("trial balance after %s", where).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM projcdsactualsimport s WHERE s.transtype IN (?, ?) AND "
                + "s.isprocessed <> (EXISTS (SELECT 1 FROM projintegrationjournalline l WHERE l.actualid = s.actualid "
                + "AND l.lineid = s.projadvancedjournalline))", Integer.class, StagingRow.COST, StagingRow.UNBILLED_SALES))
                .as("staging rows processed without their line, or the reverse, after %s", where).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM projintegrationjournalline WHERE status = 'PROCESSING'",
                Integer.class)).as("lines left processing after %s", where).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM projintegrationjournalline l JOIN projintegrationjournal j "
                + "ON j.journalid = l.journalid WHERE l.status = 'ERROR' AND j.status = 'POSTED'", Integer.class))
                .as("failed lines left in a posted journal after %s", where).isZero();
        jdbc.query("SELECT l.*, s.vouchernumber AS s_voucher, s.accountingamount AS s_accounting, s.exchangerate AS "
                + "s_rate, s.isjournalized AS s_journalized FROM projintegrationjournalline l JOIN projcdsactualsimport s "
                + "ON s.actualid = l.actualid WHERE l.status = 'POSTED'", rs -> {
                    JournalLine line = JournalLine.map(rs, 0);
                    BigDecimal expected = Money.round(Money.round(line.amount(), line.currency())
                            .multiply(line.exchangeRate()), "USD");
                    assertThat(line.accountingAmount()).as("accounting amount of %s after %s", line.actualId(), where)
                            .isEqualByComparingTo(expected);
                    assertThat(rs.getString("s_voucher")).as("voucher written back after %s", where)
                            .isEqualTo(line.voucher());
                    assertThat(rs.getBigDecimal("s_accounting")).isEqualByComparingTo(expected);
                    assertThat(rs.getBigDecimal("s_rate")).isEqualByComparingTo(line.exchangeRate());
                    assertThat(rs.getBoolean("s_journalized")).isTrue();
                });
    }
}
