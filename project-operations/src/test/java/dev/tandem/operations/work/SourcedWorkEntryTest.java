package dev.tandem.operations.work;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.operations.OperationsTestBase;
import java.util.LinkedHashMap;
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
}
