package dev.tandem.operations.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.operations.OperationsError;
import dev.tandem.operations.OperationsTestBase;
import dev.tandem.operations.actuals.TransactionClassification;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Work entries loaded from an outside source are created once per source key (tandem run's idempotency). */
class SourcedWorkEntryTest extends OperationsTestBase {

    @Test
    void loadingTheSameSourceKeysAgainCreatesOnlyTheNewOnes() {
        Map<String, WorkEntryInput> first = new LinkedHashMap<>();
        first.put("harvest:aaa#1", time("2"));
        first.put("harvest:bbb#1", time("3"));

        Map<String, UUID> created = ops.workEntries().createFromSources(first);

        assertThat(created).containsOnlyKeys("harvest:aaa#1", "harvest:bbb#1");
        Map<String, WorkEntryInput> second = new LinkedHashMap<>(first);
        second.put("harvest:ccc#1", time("4"));
        Map<String, UUID> again = ops.workEntries().createFromSources(second);
        assertThat(again).containsOnlyKeys("harvest:ccc#1");
        assertThat(count("tdm_workentry")).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT tdm_sourcekey FROM tdm_workentry WHERE tdm_workentryid = ?",
                String.class, again.get("harvest:ccc#1"))).isEqualTo("harvest:ccc#1");
    }

    @Test
    void entriesWithoutASourceKeyAreNotConstrainedByIt() {
        ops.workEntries().createAll(java.util.List.of(time("1"), time("1")));

        assertThat(count("tdm_workentry")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tdm_workentry WHERE tdm_sourcekey IS NULL",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void approvingFromSourcesWritesTheEntryOnceApprovedWithTheActualsAnApprovalGives() {
        UUID approvedInTheApp = submittedTime("7.5", DAY);
        ops.workEntries().approve(approvedInTheApp);

        WorkEntries.SourcedApproval result = ops.workEntries().approveFromSources(Map.of("harvest:aaa#1",
                time("7.5")));

        UUID entry = result.approved().get("harvest:aaa#1");
        assertThat(result.approved()).containsOnlyKeys("harvest:aaa#1");
        assertThat(result.actuals()).isEqualTo(2);
        assertThat(ops.workEntries().entry(entry).status()).isEqualTo(WorkEntryStatus.APPROVED);
        Map<String, Object> stamps = jdbc.queryForMap("SELECT tdm_submittedon, tdm_approvedon, tdm_approvedby "
                + "FROM tdm_workentry WHERE tdm_workentryid = ?", entry);
        assertThat(stamps.get("tdm_submittedon")).isNotNull();
        assertThat(stamps.get("tdm_approvedon")).isNotNull();
        assertThat(stamps.get("tdm_approvedby")).isEqualTo("pm@example.test");
        assertThat(figures(entry)).isEqualTo(figures(approvedInTheApp));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM msdyn_transactionorigin WHERE msdyn_origin = ?",
                Integer.class, entry)).isEqualTo(2);
        assertThat(count("msdyn_transactionconnection")).isEqualTo(2);
    }

    @Test
    void approvingFromSourcesSkipsKeysLoadedBeforeApprovedOrNot() {
        ops.workEntries().createFromSources(Map.of("harvest:aaa#1", time("2")));
        ops.workEntries().approveFromSources(Map.of("harvest:bbb#1", time("3")));
        Map<String, WorkEntryInput> again = new LinkedHashMap<>();
        again.put("harvest:aaa#1", time("2"));
        again.put("harvest:bbb#1", time("3"));
        again.put("harvest:ccc#1", time("4"));

        WorkEntries.SourcedApproval result = ops.workEntries().approveFromSources(again);

        assertThat(result.approved()).containsOnlyKeys("harvest:ccc#1");
        assertThat(result.actuals()).isEqualTo(2);
        assertThat(count("tdm_workentry")).isEqualTo(3);
        assertThat(count("msdyn_actual")).isEqualTo(4);
        assertThat(ops.workEntries().approveFromSources(again).approved()).isEmpty();
    }

    @Test
    void aRefusedApprovalFromSourcesWritesNothing() {
        Map<String, Integer> before = rowCounts();
        Map<String, WorkEntryInput> rows = new LinkedHashMap<>();
        rows.put("harvest:aaa#1", time("2"));
        // No cost price before 2026: the second entry can't be approved, so neither is written.
        rows.put("harvest:bbb#1", new WorkEntryInput(TransactionClassification.TIME, project, null, resource,
                developer, null, null, LocalDate.of(2025, 12, 1), new BigDecimal("3"), null, null, "Build", null));

        assertThatThrownBy(() -> ops.workEntries().approveFromSources(rows)).isInstanceOfSatisfying(
                TandemException.class, e -> assertThat(e.errorCode()).isNotEqualTo(OperationsError.INVALID_INPUT));

        assertThat(rowCounts()).isEqualTo(before);
    }

    /** Type, quantity, price, amount and currency of the actuals of an entry, in a stable order. */
    private List<String> figures(UUID entry) {
        return ops.actuals().bySource(entry).stream()
                .map(a -> a.transactionType() + " " + a.quantity().stripTrailingZeros().toPlainString() + " x "
                        + a.price().stripTrailingZeros().toPlainString() + " = "
                        + a.amount().stripTrailingZeros().toPlainString() + " " + a.currency())
                .sorted(Comparator.naturalOrder()).toList();
    }
}
