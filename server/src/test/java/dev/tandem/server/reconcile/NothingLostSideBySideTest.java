package dev.tandem.server.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.finance.reconcile.FinanceReconciliation.StagedActual;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The staged-once check of invariant 6 walks both apps page by page (issue 13); it must find what a set would. */
class NothingLostSideBySideTest {

    @Property(tries = 200)
    void findsEveryLostAndEveryForeignActualWhateverThePageSize(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 60) Integer> synced,
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 60) Integer> stagedNumbers,
            @ForAll @IntRange(min = 1, max = 7) int pageSize) {
        List<UUID> actuals = sortedIds(synced);
        List<UUID> stagedIds = sortedIds(stagedNumbers);
        List<StagedActual> staged = stagedIds.stream().map(id -> new StagedActual(id, 1)).toList();
        List<String> violations = new ArrayList<>();

        long checked = NothingLost.stagedOnce(pages(actuals, pageSize, id -> id),
                pages(staged, pageSize, StagedActual::actualId), pageSize, violations::add);

        assertThat(checked).isEqualTo(actuals.size());
        List<String> expected = new ArrayList<>();
        actuals.stream().filter(id -> !stagedIds.contains(id))
                .forEach(id -> expected.add("actual " + id + " is not in projcdsactualsimport"));
        stagedIds.stream().filter(id -> !actuals.contains(id))
                .forEach(id -> expected.add("staged actual " + id + " is no actual"));
        assertThat(violations).hasSameSizeAs(expected);
        expected.forEach(text -> assertThat(violations).anyMatch(v -> v.startsWith(text)));
    }

    @Test
    void anActualStagedTwiceIsNamedAndEachPageIsReadOnce() {
        List<UUID> actuals = sortedIds(IntStream.range(0, 10).boxed().toList());
        List<StagedActual> staged = actuals.stream().map(id -> new StagedActual(id, id.equals(actuals.get(4)) ? 2 : 1))
                .toList();
        AtomicInteger reads = new AtomicInteger();
        List<String> violations = new ArrayList<>();

        NothingLost.stagedOnce(counted(pages(actuals, 3, id -> id), reads), pages(staged, 3, StagedActual::actualId),
                3, violations::add);

        assertThat(violations).containsExactly("actual " + actuals.get(4) + " is staged 2 times in projcdsactualsimport");
        assertThat(reads.get()).as("pages of 3 of 10 ids: 4 reads").isEqualTo(4);
    }

    @Test
    void idsOutOfOrderStopTheWalkInsteadOfReportingFalseLosses() {
        List<UUID> descending = new ArrayList<>(sortedIds(List.of(1, 2, 3)));
        java.util.Collections.reverse(descending);

        assertThatThrownBy(() -> NothingLost.stagedOnce(pages(descending, 10, id -> id), after -> List.of(), 10,
                text -> { })).isInstanceOf(IllegalStateException.class).hasMessageContaining("msdyn_actual");
    }

    @Test
    void theIdOrderIsUnsignedLikeTheDatabases() {
        UUID low = UUID.fromString("7fffffff-0000-0000-0000-000000000000");
        UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");

        assertThat(NothingLost.ID_ORDER.compare(low, high)).isNegative();
        assertThat(low.compareTo(high)).as("java's own order is signed").isPositive();
    }

    /** Distinct ids made from small numbers, spread over the high bit, in the databases' order. */
    private static List<UUID> sortedIds(List<Integer> numbers) {
        return numbers.stream().distinct().map(n -> new UUID((long) n * 0x0fff_ffff_ffff_ffffL * 3, n))
                .sorted(NothingLost.ID_ORDER).toList();
    }

    private static <T> Function<UUID, List<T>> pages(List<T> rows, int pageSize, Function<T, UUID> id) {
        return after -> rows.stream().filter(r -> after == null || NothingLost.ID_ORDER.compare(id.apply(r), after) > 0)
                .limit(pageSize).toList();
    }

    private static <T> Function<UUID, List<T>> counted(Function<UUID, List<T>> pages, AtomicInteger reads) {
        return after -> {
            reads.incrementAndGet();
            return pages.apply(after);
        };
    }
}
