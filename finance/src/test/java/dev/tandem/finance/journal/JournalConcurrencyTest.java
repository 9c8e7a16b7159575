package dev.tandem.finance.journal;

import static dev.tandem.finance.StagedActuals.cost;
import static dev.tandem.finance.StagedActuals.unbilled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.journal.ImportFromStaging.ImportResult;
import dev.tandem.finance.journal.IntegrationJournal.PostResult;
import dev.tandem.finance.staging.StagingEntity;
import dev.tandem.finance.tax.SalesTax;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Two users at once, on two threads with their own connections, on H2 and PostgreSQL. Two Import from staging runs
 * (§8: concurrent runs of the original duplicated proposal lines): small pages make the runs meet on the same rows
 * many times, and the claim lets exactly one of them import each actual. Two postings of one journal: one posts it,
 * the other is refused. A redelivery while an import holds the claim on its row waits, then finds it processed.
 */
class JournalConcurrencyTest extends JournalTestBase {

    private static final int ROWS = 300;

    @RepeatedTest(3)
    void twoConcurrentImportsCreateExactlyOneLinePerActual() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            LocalDate day = LocalDate.of(2026, 1 + i % 3, 1 + i % 28);
            rows.add(i % 2 == 0 ? cost((i + 1) + ".00", "USD", day) : unbilled((i + 1) + ".00", "USD", day));
        }
        finance.staging().upsert(rows);

        List<ImportResult> results = race(() -> new ImportFromStaging(finance.context(), finance.postingSetup(),
                finance.numbers(), finance.rates(), new NoSalesTax(), BilledSalesImport.NONE, 20).run(LE));

        assertThat(results.stream().mapToInt(ImportResult::lines).sum()).isEqualTo(ROWS);
        assertThat(count("projintegrationjournalline")).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT actualid) FROM projintegrationjournalline", Integer.class))
                .isEqualTo(ROWS);
        assertThat(jdbc.queryForList("SELECT DISTINCT integrationcount FROM projcdsactualsimport", Integer.class))
                .containsExactly(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM projcdsactualsimport s JOIN projintegrationjournalline l "
                + "ON l.lineid = s.projadvancedjournalline AND l.actualid = s.actualid WHERE s.isprocessed", Integer.class))
                .isEqualTo(ROWS);
        // Journals: each run made its own per month, and none is empty.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM projintegrationjournal j WHERE NOT EXISTS (SELECT 1 FROM "
                + "projintegrationjournalline l WHERE l.journalid = j.journalid)", Integer.class)).isZero();
    }

    @RepeatedTest(3)
    void twoConcurrentPostingsOfOneJournalPostItOnce() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(cost((i + 1) + ".00", "USD", LocalDate.of(2026, 3, 2)));
        }
        finance.staging().upsert(rows);
        importAll();

        List<Object> outcomes = race(() -> {
            try {
                return journal().post(LE, "PIJ-000001");
            } catch (TandemException e) {
                return e;
            }
        });

        assertThat(outcomes).filteredOn(PostResult.class::isInstance).singleElement()
                .satisfies(r -> assertThat(((PostResult) r).postedLines()).isEqualTo(50));
        assertThat(outcomes).filteredOn(TandemException.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((TandemException) e).errorCode()).isEqualTo(FinanceError.STATE));
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT voucher) FROM generaljournalentry", Integer.class))
                .isEqualTo(50);
        assertThat(count("generaljournalentry")).isEqualTo(100);
    }

    @RepeatedTest(3)
    void redeliveriesDuringAnImportNeitherDeadlockNorLeaveALineThatDiffersFromItsStagingRow() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(cost((i + 1) + ".00", "USD", LocalDate.of(2026, 2, 1 + i % 28)));
        }
        finance.staging().upsert(rows);
        List<Map<String, Object>> changed = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> again = new LinkedHashMap<>(row);
            again.put("amount", ((BigDecimal) row.get("amount")).add(new BigDecimal("0.50")));
            changed.add(again);
        }
        Collections.shuffle(changed, new Random(42));
        ImportFromStaging importer = new ImportFromStaging(finance.context(), finance.postingSetup(), finance.numbers(),
                finance.rates(), new NoSalesTax(), BilledSalesImport.NONE, 20);

        List<Integer> done = race2(() -> importer.run(LE).lines(), () -> {
            for (int from = 0; from < changed.size(); from += 30) {
                finance.staging().upsert(changed.subList(from, from + 30));
            }
            return changed.size();
        });

        assertThat(done.get(0)).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM projintegrationjournalline l JOIN projcdsactualsimport s "
                + "ON s.actualid = l.actualid WHERE l.amount <> s.amount", Integer.class)).isZero();
        assertThat(count("projintegrationjournalline")).isEqualTo(ROWS);
    }

    @RepeatedTest(2)
    void aRedeliveryWhileTheImportHoldsTheClaimWaitsAndIsMarkedDuplicate() throws Exception {
        Map<String, Object> row = unbilled("1600.00", "USD", LocalDate.of(2026, 3, 2));
        finance.staging().upsert(List.of(row));
        Map<String, Object> changed = new LinkedHashMap<>(row);
        changed.put("amount", new BigDecimal("1200.00"));
        ExecutorService other = Executors.newSingleThreadExecutor();
        List<Future<StagingEntity.UpsertResult>> delivery = new ArrayList<>();
        // The tax group lookup runs after the claim, inside the import's transaction: the redelivery starts there.
        SalesTax startsRedelivery = new SalesTax() {
            @Override
            public String defaultTaxGroup(String dataAreaId, String projectId, String contractId, String customer) {
                delivery.add(other.submit(() -> finance.staging().upsert(List.of(changed))));
                return null;
            }

            @Override
            public TaxResult calculate(String dataAreaId, String taxGroup, String itemTaxGroup,
                                       BigDecimal amount, String currency, LocalDate date) {
                return TaxResult.none();
            }
        };
        try {
            new ImportFromStaging(finance.context(), finance.postingSetup(), finance.numbers(), finance.rates(),
                    startsRedelivery, BilledSalesImport.NONE).run(LE);

            assertThat(delivery.get(0).get(60, TimeUnit.SECONDS)).isEqualTo(new StagingEntity.UpsertResult(0, 0, 1));
        } finally {
            other.shutdownNow();
        }
        UUID actual = (UUID) row.get("actualid");
        assertThat(lineOf(actual).amount()).isEqualByComparingTo("1600.00");
        assertThat(staged(actual)).containsEntry("isduplicate", true).containsEntry("isprocessed", true);
        assertThat((BigDecimal) staged(actual).get("amount")).isEqualByComparingTo("1600.00");
    }

    /** Runs two actions on two threads released at the same moment; bounded wait. */
    private static List<Integer> race2(Callable<Integer> first, Callable<Integer> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> action : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return action.call();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs the action on two threads released at the same moment; bounded wait. */
    private static <T> List<T> race(Callable<T> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return action.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
