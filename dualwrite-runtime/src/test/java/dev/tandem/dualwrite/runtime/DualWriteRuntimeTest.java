package dev.tandem.dualwrite.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.dualwrite.DualWriteError;
import dev.tandem.dualwrite.map.MapLoadException;
import dev.tandem.dualwrite.runtime.Views.QueuedChange;
import dev.tandem.dualwrite.runtime.Views.ResumeResult;
import dev.tandem.dualwrite.runtime.Views.SyncError;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The runtime on two small apps, on H2 and on PostgreSQL (DESIGN §3; issue 5 acceptance 4, 5, 7). */
@ParameterizedClass(name = "[{0}]")
@EnumSource(DatabaseKind.class)
class DualWriteRuntimeTest {

    @Parameter
    DatabaseKind kind;

    private TwoApps apps;

    @AfterEach
    void close() {
        if (apps != null) {
            apps.close();
        }
    }

    private DualWriteRuntime start(DualWriteSettings settings) {
        apps = new TwoApps(kind);
        return apps.start(settings, true);
    }

    private UUID insertCustomer(String account, String name) {
        Map<String, Object> row = customer(account, name);
        apps.crm.inTransaction(() -> apps.crm.writer().insert(TwoApps.CUSTOMERS, List.of(row)));
        return (UUID) row.get("customerid");
    }

    private static Map<String, Object> customer(String account, String name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customerid", UUID.randomUUID());
        row.put("accountnumber", account);
        row.put("name", name);
        row.put("creditlimit", new BigDecimal("1000.50"));
        return row;
    }

    private void rename(UUID id, String name) {
        apps.crm.inTransaction(() -> apps.crm.writer().update(TwoApps.CUSTOMERS, List.of(id), Map.of("name", name)));
    }

    private String erpName(String account) {
        return apps.erp.jdbc().queryForList("SELECT name FROM custtable WHERE accountnum = ?", String.class, account)
                .stream().findFirst().orElse(null);
    }

    @Test
    void liveSyncAppliesTheTransactionToTheTargetBeforeTheSourceCommits() {
        DualWriteRuntime runtime = start(TwoApps.settings());
        insertCustomer("C-1", "Contoso");

        assertThat(erpName("C-1")).isEqualTo("Contoso");
        assertThat(apps.erp.jdbc().queryForObject("SELECT creditlimit FROM custtable", BigDecimal.class))
                .isEqualByComparingTo("1000.50");
        // Issue 13: once the source committed, the batch's bookkeeping has served and is gone; live sync writes no
        // outbox row at all.
        assertThat(runtime.awaitConfirmations(Duration.ofSeconds(10))).isTrue();
        assertThat(runtime.resolveInDoubt(Duration.ZERO)).isZero();
        assertNoBookkeeping();
    }

    /** No sync bookkeeping left in either database. */
    private void assertNoBookkeeping() {
        for (var app : List.of(apps.crm, apps.erp)) {
            for (String table : List.of("dw_outbox", "dw_delivery", "dw_inbox", "dw_inbox_image", "dw_queue")) {
                assertThat(apps.count(app, "SELECT COUNT(*) FROM " + table)).as(table).isZero();
            }
        }
    }

    /** Issue 13: a run of live batches leaves no bookkeeping rows behind, whatever their size. */
    @Test
    void liveSyncLeavesNoBookkeepingBehind() {
        DualWriteRuntime runtime = start(TwoApps.settings());
        for (int t = 0; t < 20; t++) {
            int n = t;
            apps.crm.inTransaction(() -> {
                for (int i = 0; i < 50; i++) {
                    insertCustomer("B-" + n + "-" + i, "Customer " + i);
                }
            });
        }
        apps.erp.inTransaction(() -> apps.erp.writer().update(TwoApps.ACCOUNTS, List.of("B-0-0"), Map.of("rating",
                "A")));

        assertThat(apps.count(apps.erp, "SELECT COUNT(*) FROM custtable")).isEqualTo(1000);
        assertThat(apps.crm.jdbc().queryForObject("SELECT rating FROM customer WHERE accountnumber = 'B-0-0'",
                String.class)).isEqualTo("A");
        assertThat(runtime.awaitConfirmations(Duration.ofSeconds(10))).isTrue();
        assertNoBookkeeping();
        assertThat(runtime.reconcile("customers").consistent()).isTrue();
    }

    /**
     * Issue 13: a transaction bigger than the part size is delivered in parts as it goes, so live sync holds a
     * bounded number of row images (a contract's invoice of 50,000 details ran a 1 GB heap out). Every row arrives
     * with its last value, a row changed in two parts included; the periodic resolver, run meanwhile from another
     * thread, leaves the parts of the running transaction alone (it sees no delivery row yet, and would undo them);
     * once committed, no bookkeeping is left.
     */
    @Test
    void aBigTransactionIsDeliveredInPartsAndLosesNothing() throws Exception {
        DualWriteRuntime runtime = start(TwoApps.settings());
        apps.crm.changeRecorder().setPartSize(7);
        List<UUID> ids = new ArrayList<>();
        int[] undoneMeanwhile = new int[1];
        apps.crm.inTransaction(() -> {
            for (int i = 0; i < 30; i++) {
                ids.add(insertCustomer("P-" + i, "Customer " + i));
            }
            assertThat(erpName("P-0")).as("the first part is in the ERP before the source commits").isNotNull();
            undoneMeanwhile[0] = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> runtime.resolveInDoubt(Duration.ZERO)).join();
            rename(ids.get(0), "Renamed in a later part");
        });

        assertThat(undoneMeanwhile[0]).isZero();
        for (int i = 1; i < 30; i++) {
            assertThat(erpName("P-" + i)).isEqualTo("Customer " + i);
        }
        assertThat(erpName("P-0")).isEqualTo("Renamed in a later part");
        assertThat(runtime.awaitConfirmations(Duration.ofSeconds(10))).isTrue();
        assertThat(runtime.resolveInDoubt(Duration.ZERO)).isZero();
        assertNoBookkeeping();
    }

    /**
     * Issue 13: a big transaction that rolls back after some of its parts were applied takes every part back, the
     * newest first, so a row two parts wrote is gone too; and a part the target refuses rolls the source back even
     * when the caller catches the refusal and tries to commit.
     */
    @Test
    void aBigTransactionThatRollsBackTakesEveryPartBack() {
        DualWriteRuntime runtime = start(TwoApps.settings());
        apps.crm.changeRecorder().setPartSize(5);
        assertThatThrownBy(() -> apps.crm.inTransaction(() -> {
            for (int i = 0; i < 12; i++) {
                UUID id = insertCustomer("R-" + i, "Customer " + i);
                if (i == 1) {
                    rename(id, "Renamed");
                }
            }
            assertThat(erpName("R-0")).isNotNull();
            throw new IllegalStateException("the business step fails after two parts");
        })).hasMessageContaining("after two parts");
        for (int i = 0; i < 12; i++) {
            assertThat(erpName("R-" + i)).isNull();
        }

        assertThatThrownBy(() -> apps.crm.inTransaction(() -> {
            for (int i = 0; i < 4; i++) {
                insertCustomer("S-" + i, "Customer " + i);
            }
            try {
                apps.crm.writer().insert(TwoApps.CUSTOMERS, List.of(customer("S-4", "BAD name")));
            } catch (TandemException refused) {
                // A caller that swallows the refusal must not commit what the ERP did not take.
            }
            insertCustomer("S-5", "Customer 5");
        })).isInstanceOf(TandemException.class).hasMessageContaining("is refused by the ERP");
        assertThat(apps.count(apps.crm, "SELECT COUNT(*) FROM customer WHERE accountnumber LIKE 'S-%'")).isZero();
        assertThat(apps.count(apps.erp, "SELECT COUNT(*) FROM custtable WHERE accountnum LIKE 'S-%'")).isZero();
        assertThat(runtime.resolveInDoubt(Duration.ZERO)).isZero();
    }

    @Test
    void aRefusalByTheTargetRollsTheSourceBackWithTheTargetsMessage() {
        DualWriteRuntime runtime = start(TwoApps.settings());

        assertThatThrownBy(() -> insertCustomer("C-2", "BAD name")).isInstanceOf(TandemException.class)
                .hasMessageContaining("Customer account C-2: the name 'BAD name' is refused by the ERP");

        assertThat(apps.count(apps.crm, "SELECT COUNT(*) FROM customer")).isZero();
        assertThat(apps.count(apps.crm, "SELECT COUNT(*) FROM dw_outbox")).isZero();
        assertThat(apps.count(apps.erp, "SELECT COUNT(*) FROM custtable")).isZero();
        assertThat(apps.count(apps.erp, "SELECT COUNT(*) FROM dw_inbox")).isZero();
        List<SyncError> errors = runtime.errors("customers", null, 0, 10).items();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(ErrorStatus.ROLLED_BACK);
            assertThat(e.retryable()).isFalse();
            assertThat(e.cause()).contains("BAD name");
        });
    }

    @Test
    void writeBackIsNotSentBackWhereItCameFrom() {
        start(TwoApps.settings());
        UUID id = insertCustomer("C-3", "Fabrikam");
        // The ERP rates the account: the change travels back to the CRM by the reverse leg.
        apps.erp.inTransaction(() -> apps.erp.writer().update(TwoApps.ACCOUNTS, List.of("C-3"), Map.of("rating", "A")));

        assertThat(apps.crm.jdbc().queryForObject("SELECT rating FROM customer WHERE customerid = ?", String.class, id))
                .isEqualTo("A");
        // The CRM's write-back change carries its origin and does not travel to the ERP again: one row went each
        // way, nothing came back.
        assertThat(apps.registry.get("tandem.dualwrite.applied.rows").tag("map", "customers").counters())
                .extracting(c -> c.count()).containsExactly(2.0);
        assertThat(apps.erpWrites).containsExactly("C-3=Fabrikam");
    }

    @Test
    void theResolverUndoesABatchWhoseSourceNeverCommitted() {
        DualWriteRuntime runtime = start(TwoApps.settings());
        UUID id = insertCustomer("C-4", "Northwind");
        // The source dies between the target's commit and its own: the rename reached the ERP, then the CRM's
        // commit fails while the ERP cannot be reached, so the rollback cannot take the rename back there.
        assertThatThrownBy(() -> apps.crm.inTransaction(() -> {
            rename(id, "Northwind Traders");
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    apps.erpDown.set(true);
                    throw new IllegalStateException("the source died before its commit");
                }
            });
        })).hasMessageContaining("the source died");
        apps.erpDown.set(false);
        assertThat(erpName("C-4")).isEqualTo("Northwind Traders");
        assertThat(apps.count(apps.erp, "SELECT COUNT(*) FROM dw_inbox WHERE status = 'IN_DOUBT'")).isEqualTo(1);

        assertThat(runtime.resolveInDoubt(Duration.ZERO)).isEqualTo(1);

        assertThat(erpName("C-4")).isEqualTo("Northwind");
        assertThat(apps.crm.jdbc().queryForObject("SELECT name FROM customer", String.class)).isEqualTo("Northwind");
        // The undone batch stays as the record of what the resolver did, without its images; the confirmed insert
        // left nothing.
        assertThat(apps.count(apps.erp, "SELECT COUNT(*) FROM dw_inbox WHERE status = 'UNDONE' AND undo_images IS "
                + "NULL")).isEqualTo(1);
        assertThat(apps.count(apps.erp, "SELECT COUNT(*) FROM dw_inbox")).isEqualTo(1);
        assertThat(runtime.activity("customers", 0, 50).items()).anySatisfy(a -> assertThat(a.event()).isEqualTo(ActivityEvent.BATCH_UNDONE));
    }

    @Test
    void aTargetThatDoesNotAnswerInTimeRollsTheSourceBackAndIsUndone() throws Exception {
        DualWriteRuntime runtime = start(TwoApps.settings().withLiveTimeout(Duration.ofMillis(300)));
        apps.erpDelayMillis.set(1500);

        assertThatThrownBy(() -> insertCustomer("C-5", "Slow")).isInstanceOf(TandemException.class)
                .satisfies(e -> assertThat(((TandemException) e).errorCode()).isEqualTo(DualWriteError.SYNC_TIMEOUT));
        assertThat(apps.count(apps.crm, "SELECT COUNT(*) FROM customer")).isZero();
        // The target finishes later and finds that the source gave up: it takes the batch back itself.
        for (int i = 0; i < 100 && apps.count(apps.erp, "SELECT COUNT(*) FROM dw_inbox WHERE status = 'UNDONE'") == 0;
             i++) {
            Thread.sleep(100);
        }
        assertThat(apps.count(apps.erp, "SELECT COUNT(*) FROM custtable")).isZero();
        assertThat(runtime.errors("customers", null, 0, 10).items()).anySatisfy(e -> assertThat(e.type().name())
                .isEqualTo("TIMEOUT"));
    }

    /** Acceptance 4: pause, 10,000 changes, then each resume option. */
    private List<UUID> pauseAndChange(DualWriteRuntime runtime, int customers, int renames) {
        List<UUID> ids = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            ids.add(insertCustomer("Q-" + c, "v0"));
        }
        apps.erpWrites.clear();
        runtime.pause("customers", "maintenance", "admin");
        for (int r = 1; r <= renames; r++) {
            for (UUID id : ids) {
                rename(id, "v" + r);
            }
        }
        assertThat(runtime.map("customers").queueDepth()).isEqualTo((long) customers * renames);
        assertThat(runtime.map("customers").state()).isEqualTo(MapState.PAUSED);
        assertThat(erpName("Q-0")).isEqualTo("v0");
        return ids;
    }

    private void assertAppliedInOrder(int customers, int renames) {
        for (int c = 0; c < customers; c++) {
            String account = "Q-" + c;
            List<String> seen = apps.erpWrites.stream().filter(w -> w.startsWith(account + "=")).toList();
            List<String> expected = new ArrayList<>();
            for (int r = 1; r <= renames; r++) {
                expected.add(account + "=v" + r);
            }
            assertThat(seen).as(account).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void resumeByDrainingAppliesEveryQueuedChangeInOrder() {
        DualWriteRuntime runtime = start(TwoApps.settings());
        pauseAndChange(runtime, 1000, 10);

        ResumeResult result = runtime.resume("customers", ResumeOption.DRAIN, false, "admin");

        assertThat(result.status().state()).isEqualTo(MapState.RUNNING);
        assertThat(result.drained()).isEqualTo(10_000);
        assertThat(result.status().queueDepth()).isZero();
        assertAppliedInOrder(1000, 10);
        assertThat(erpName("Q-999")).isEqualTo("v10");
        assertThat(runtime.reconcile("customers").consistent()).isTrue();
    }

    /**
     * Issue 12 acceptance 3: the target goes away in the middle of a drain and stays away for a while. Nothing queued
     * is marked FAILED for being unreachable, nothing is applied out of order, changes made meanwhile queue behind,
     * and once the target is back every row receives its changes in the order they were made. Three rows with their
     * changes interleaved, small chunks (so the outage hits after some chunks were applied), and one change the
     * target refuses (fatal for that batch only: it is the one FAILED, in the error log, and the row's later changes
     * still arrive).
     */
    @Test
    void whileTheTargetIsDownQueuedChangesWaitAndArriveInOrderOnceItIsBack() throws Exception {
        DualWriteRuntime runtime = start(new DualWriteSettings("crm", Duration.ofSeconds(30), 1_000_000,
                Duration.ofMinutes(5), 1000, 2, Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(200),
                Duration.ofDays(7)));
        List<UUID> ids = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            ids.add(insertCustomer("T-" + c, "v0"));
        }
        apps.erpWrites.clear();
        runtime.pause("customers", "maintenance", "admin");
        for (int r = 1; r <= 7; r++) {
            for (int c = 0; c < 3; c++) {
                rename(ids.get(c), c == 1 && r == 3 ? "BAD 3" : "v" + r);
            }
        }
        apps.erpWritesUntilDown.set(4);

        ResumeResult resumed = runtime.resume("customers", ResumeOption.DRAIN, false, "admin");

        assertThat(apps.erpDown).isTrue();
        // (The poller may have started the drain first: between the two of them, four batches reached the ERP.)
        assertThat(resumed.drained()).isBetween(0, 4);
        assertThat(resumed.status().state()).isEqualTo(MapState.RESUMING);
        // Changes made while the target is away queue behind the others.
        for (int c = 0; c < 3; c++) {
            rename(ids.get(c), "v8");
        }
        Thread.sleep(600);
        assertThat(runtime.map("customers").state()).isEqualTo(MapState.RESUMING);
        assertThat(runtime.map("customers").queueDepth()).isEqualTo(24 - 4);
        // (The ERP's own queue, of the write-back leg, cannot be listed while its database is away: count the CRM's.)
        assertThat(apps.count(apps.crm, "SELECT COUNT(*) FROM dw_queue WHERE status = 'FAILED'")).isZero();
        assertThat(runtime.errors("customers", null, 0, 10).total()).isZero();
        assertThat(apps.erpWrites).containsExactly("T-0=v1", "T-1=v1", "T-2=v1", "T-0=v2");
        assertThat(runtime.activity("customers", 0, 50).items()).anySatisfy(a -> assertThat(a.event())
                .isEqualTo(ActivityEvent.TARGET_UNAVAILABLE));
        assertThat(apps.registry.get("tandem.dualwrite.alerts").tag("map", "customers")
                .tag("kind", "TARGET_UNAVAILABLE").counter().count()).isEqualTo(1.0);

        apps.erpDown.set(false);
        for (int i = 0; i < 200 && runtime.map("customers").state() != MapState.RUNNING; i++) {
            Thread.sleep(50);
        }

        assertThat(runtime.map("customers").state()).isEqualTo(MapState.RUNNING);
        assertThat(runtime.map("customers").queueDepth()).isZero();
        for (int c = 0; c < 3; c++) {
            String account = "T-" + c;
            List<String> expected = new ArrayList<>();
            for (int r = 1; r <= 8; r++) {
                if (c != 1 || r != 3) {
                    expected.add(account + "=v" + r);
                }
            }
            assertThat(apps.erpWrites.stream().filter(w -> w.startsWith(account + "="))).as(account)
                    .containsExactlyElementsOf(expected);
            assertThat(erpName(account)).isEqualTo("v8");
        }
        assertThat(runtime.queue("customers", QueueStatus.FAILED, 0, 10).items()).singleElement()
                .satisfies(q -> assertThat(q.payload()).contains("BAD 3"));
        assertThat(runtime.errors("customers", ErrorStatus.OPEN, 0, 10).items()).singleElement().satisfies(e -> {
            assertThat(e.integrationKey()).isEqualTo(ids.get(1).toString());
            assertThat(e.cause()).contains("is refused by the ERP");
        });
        assertThat(runtime.activity("customers", 0, 50).items()).anySatisfy(a -> assertThat(a.event())
                .isEqualTo(ActivityEvent.TARGET_AVAILABLE));
        // Live again: a new change goes straight through.
        rename(ids.get(0), "live");
        assertThat(erpName("T-0")).isEqualTo("live");
    }

    /**
     * Issue 12 point 4 and issue 13: live sync writes no outbox row; a queued change's outbox row stays, however old,
     * until its batch is delivered; then it, the queue row and the target's inbox row are purged once past the
     * retention.
     */
    @Test
    void queuedBookkeepingStaysUntilDeliveredAndIsPurgedPastTheRetention() {
        DualWriteRuntime runtime = start(TwoApps.settings().withOutboxRetention(Duration.ofDays(7)));
        UUID id = insertCustomer("R-1", "v0");
        assertThat(apps.count(apps.crm, "SELECT COUNT(*) FROM dw_outbox")).isZero();
        runtime.pause("customers", null, "admin");
        rename(id, "queued");
        Timestamp eightDaysAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(8)));
        apps.crm.jdbc().update("UPDATE dw_outbox SET recorded_at = ?", eightDaysAgo);
        assertThat(apps.count(apps.crm, "SELECT COUNT(*) FROM dw_outbox WHERE payload LIKE '%queued%'")).isOne();

        assertThat(runtime.purgeOutbox()).isZero();
        assertThat(apps.count(apps.crm, "SELECT COUNT(*) FROM dw_outbox WHERE payload LIKE '%queued%'")).isOne();

        runtime.resume("customers", ResumeOption.DRAIN, false, "admin");
        assertThat(erpName("R-1")).isEqualTo("queued");
        assertThat(runtime.purgeOutbox()).isEqualTo(1);
        // The queue row and the inbox row that guards against a replay of the drain go once past the retention.
        assertThat(apps.count(apps.crm, "SELECT COUNT(*) FROM dw_queue WHERE status = 'DELIVERED'")).isOne();
        assertThat(apps.count(apps.erp, "SELECT COUNT(*) FROM dw_inbox WHERE status = 'CONFIRMED'")).isOne();
        apps.crm.jdbc().update("UPDATE dw_queue SET resolved_at = ?", eightDaysAgo);
        apps.erp.jdbc().update("UPDATE dw_inbox SET applied_at = ?", eightDaysAgo);
        runtime.purgeOutbox();
        assertThat(runtime.awaitConfirmations(Duration.ofSeconds(10))).isTrue();
        assertNoBookkeeping();
    }

    /** Issue 13: a delivery row a crash left after its target's inbox row went is purged; one in doubt stays. */
    @Test
    void deliveryRowsNoTargetHoldsInDoubtArePurged() {
        DualWriteRuntime runtime = start(TwoApps.settings().withOutboxRetention(Duration.ofDays(7)));
        insertCustomer("D-1", "v0");
        assertThat(runtime.awaitConfirmations(Duration.ofSeconds(10))).isTrue();
        Timestamp hourAgo = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
        UUID orphan = UUID.randomUUID();
        UUID inDoubt = UUID.randomUUID();
        for (UUID batch : List.of(orphan, inDoubt)) {
            apps.crm.jdbc().update("INSERT INTO dw_delivery (map_id, batch_id, delivered_at) VALUES ('customers', ?, ?)",
                    batch, hourAgo);
        }
        apps.erp.jdbc().update("INSERT INTO dw_inbox (map_id, batch_id, source_app, status, applied_at) VALUES "
                + "('customers', ?, 'crm', 'IN_DOUBT', ?)", inDoubt, Timestamp.from(Instant.now()));

        runtime.purgeOutbox();

        assertThat(apps.crm.jdbc().queryForList("SELECT batch_id FROM dw_delivery", UUID.class))
                .containsExactly(inDoubt);
    }

    /** Issue 12 point 4: a change no map carries leaves no outbox row while the runtime runs; without it, all do. */
    @Test
    void aChangeNoMapCarriesLeavesNoOutboxRow() {
        apps = new TwoApps(kind);
        apps.crm.inTransaction(() -> apps.crm.writer().insert(TwoApps.CONTACTS, List.of(Map.of("contactid", "P-1",
                "fullname", "Before the runtime"))));
        assertThat(apps.count(apps.crm, "SELECT COUNT(*) FROM dw_outbox WHERE entity = 'contacts'")).isOne();
        apps.start(TwoApps.settings(), true);

        apps.crm.inTransaction(() -> apps.crm.writer().insert(TwoApps.CONTACTS, List.of(Map.of("contactid", "P-2",
                "fullname", "Not carried"))));
        insertCustomer("P-3", "Carried");

        assertThat(apps.count(apps.crm, "SELECT COUNT(*) FROM contact")).isEqualTo(2);
        assertThat(apps.count(apps.crm, "SELECT COUNT(*) FROM dw_outbox WHERE entity = 'contacts'")).isOne();
        // Issue 13: a carried change synced live leaves no outbox row either.
        assertThat(apps.count(apps.crm, "SELECT COUNT(*) FROM dw_outbox WHERE entity = 'customers'")).isZero();
        assertThat(erpName("P-3")).isEqualTo("Carried");
    }

    @Test
    void resumeToTheRetryListGoesLiveAndLosesNothing() {
        DualWriteRuntime runtime = start(TwoApps.settings());
        List<UUID> ids = pauseAndChange(runtime, 1000, 10);

        ResumeResult result = runtime.resume("customers", ResumeOption.LIVE_RETRY_QUEUED, false, "admin");
        assertThat(result.movedToRetry()).isEqualTo(10_000);
        assertThat(runtime.map("customers").state()).isEqualTo(MapState.RUNNING);
        assertThat(runtime.queue("customers", QueueStatus.RETRY, 0, 10).total()).isEqualTo(10_000);

        runtime.retryQueue("customers", "admin");

        assertAppliedInOrder(1000, 10);
        assertThat(runtime.queue("customers", QueueStatus.RETRY, 0, 10).total()).isZero();
        // Live again: a new change goes straight through.
        rename(ids.get(0), "live");
        assertThat(erpName("Q-0")).isEqualTo("live");
    }

    @Test
    void resumeByDiscardingNeedsConfirmationAndListsWhatItDiscarded() {
        DualWriteRuntime runtime = start(TwoApps.settings());
        pauseAndChange(runtime, 1000, 10);

        assertThatThrownBy(() -> runtime.resume("customers", ResumeOption.LIVE_DISCARD_QUEUED, false, "admin"))
                .isInstanceOf(TandemException.class).hasMessageContaining("explicit confirmation");
        assertThat(runtime.map("customers").state()).isEqualTo(MapState.PAUSED);

        ResumeResult result = runtime.resume("customers", ResumeOption.LIVE_DISCARD_QUEUED, true, "admin");

        assertThat(result.discarded()).hasSize(10_000);
        assertThat(result.discarded()).extracting(QueuedChange::integrationKey).doesNotContainNull();
        assertThat(result.discarded().get(0).payload()).contains("\"name\":\"v1\"");
        assertThat(runtime.queue("customers", QueueStatus.DISCARDED, 0, 10).total()).isEqualTo(10_000);
        assertThat(erpName("Q-0")).isEqualTo("v0");
        assertThat(runtime.map("customers").queueDepth()).isZero();
    }

    @Test
    void aFullQueueBlocksWithAClearMessageAndLosesNothing() {
        DualWriteRuntime runtime = start(TwoApps.settings().withQueueLimit(3));
        UUID id = insertCustomer("L-1", "v0");
        runtime.pause("customers", null, "admin");
        rename(id, "v1");
        rename(id, "v2");
        rename(id, "v3");

        assertThatThrownBy(() -> rename(id, "v4")).isInstanceOf(TandemException.class)
                .satisfies(e -> assertThat(((TandemException) e).errorCode()).isEqualTo(DualWriteError.QUEUE_LIMIT))
                .hasMessageContaining("queue holds 3 changes; the limit is 3");
        assertThat(apps.crm.jdbc().queryForObject("SELECT name FROM customer", String.class)).isEqualTo("v3");

        runtime.resume("customers", ResumeOption.DRAIN, false, "admin");
        assertThat(erpName("L-1")).isEqualTo("v3");
    }

    /** Acceptance 7: 10 application errors within 15 minutes pause the map. */
    @Test
    void tenApplicationErrorsWithinFifteenMinutesPauseTheMap() throws Exception {
        DualWriteRuntime runtime = start(TwoApps.settings());
        for (int i = 0; i < 10; i++) {
            int n = i;
            assertThatThrownBy(() -> insertCustomer("E-" + n, "BAD " + n)).isInstanceOf(TandemException.class);
        }
        for (int i = 0; i < 100 && runtime.map("customers").state() != MapState.PAUSED; i++) {
            Thread.sleep(50);
        }
        assertThat(runtime.map("customers").state()).isEqualTo(MapState.PAUSED);
        assertThat(runtime.map("customers").reason()).contains("10 APPLICATION errors within PT15M");
        assertThat(runtime.activity("customers", 0, 50).items()).anySatisfy(a -> assertThat(a.event()).isEqualTo(ActivityEvent.ALERT));
        // Paused: the next change queues instead of failing.
        insertCustomer("E-ok", "Fine");
        assertThat(runtime.map("customers").queueDepth()).isEqualTo(1);
    }

    /** Acceptance 5: initial sync of 100,000 rows of which 10 are bad. */
    @Test
    void initialSyncSyncsEveryGoodRowAndLogsEachBadOneWithItsCause() {
        apps = new TwoApps(kind);
        int rows = 100_000;
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String name = i % 10_000 == 5 ? "BAD customer " + i : "Customer " + i;
            batch.add(new Object[] {UUID.randomUUID(), String.format("I-%06d", i), name, new BigDecimal("10.00")});
        }
        apps.crm.jdbc().batchUpdate("INSERT INTO customer (customerid, accountnumber, name, creditlimit) VALUES "
                + "(?, ?, ?, ?)", batch);
        DualWriteRuntime runtime = apps.start(TwoApps.settings(), false);

        runtime.run("customers", true, "admin");

        assertThat(runtime.map("customers").state()).isEqualTo(MapState.RUNNING);
        assertThat(apps.count(apps.erp, "SELECT COUNT(*) FROM custtable")).isEqualTo(99_990);
        List<SyncError> errors = runtime.errors("customers", ErrorStatus.OPEN, 0, 100).items();
        assertThat(errors).hasSize(10).allSatisfy(e -> {
            assertThat(e.cause()).contains("is refused by the ERP");
            assertThat(e.retryable()).isTrue();
        });
        assertThat(runtime.initialSyncRuns("customers")).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(InitialSyncStatus.COMPLETED_WITH_ERRORS);
            assertThat(r.synced()).isEqualTo(99_990);
            assertThat(r.failed()).isEqualTo(10);
        });

        // Fix the cause of one in the source, retry that row alone.
        SyncError one = errors.get(0);
        UUID id = UUID.fromString(one.integrationKey());
        apps.crm.jdbc().update("UPDATE customer SET name = 'Fixed' WHERE customerid = ?", id);
        assertThat(runtime.retry("customers", List.of(one.errorId()), "admin").succeeded()).isEqualTo(1);

        assertThat(apps.count(apps.erp, "SELECT COUNT(*) FROM custtable")).isEqualTo(99_991);
        assertThat(runtime.error(one.errorId()).status()).isEqualTo(ErrorStatus.RESOLVED);
        assertThat(runtime.errors("customers", ErrorStatus.OPEN, 0, 100).total()).isEqualTo(9);
        Views.Reconciliation reconciliation = runtime.reconcile("customers");
        assertThat(reconciliation.missing()).isEqualTo(9);
        assertThat(reconciliation.samples()).anySatisfy(s -> assertThat(s).contains("is missing"));
    }

    @Test
    void metricsShowQueueDepthAndLagPerMap() {
        DualWriteRuntime runtime = start(TwoApps.settings());
        UUID id = insertCustomer("M-1", "v0");
        runtime.pause("customers", null, "admin");
        rename(id, "v1");
        rename(id, "v2");

        assertThat(apps.registry.get("tandem.dualwrite.queue.depth").tag("map", "customers").gauge().value())
                .isEqualTo(2.0);
        assertThat(apps.registry.get("tandem.dualwrite.lag").tag("map", "customers").gauge().value())
                .isGreaterThanOrEqualTo(0.0);
        assertThat(apps.registry.get("tandem.dualwrite.applied.rows").tag("map", "customers").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void aMapCanOnlyBeEditedWhenStoppedAndAnInvalidOneIsRefusedWithFileLineAndRule() {
        DualWriteRuntime runtime = start(TwoApps.settings());
        String edited = TwoApps.MAP.replace("1.0.0.1", "1.0.0.2");

        assertThatThrownBy(() -> runtime.replace("customers", edited, "admin")).isInstanceOf(TandemException.class)
                .satisfies(e -> assertThat(((TandemException) e).errorCode()).isEqualTo(DualWriteError.MAP_STATE));
        runtime.stop("customers", "admin");
        assertThatThrownBy(() -> runtime.replace("customers", TwoApps.MAP.replace("name > name", "nmae > name"),
                "admin")).isInstanceOf(MapLoadException.class).hasMessageContaining("maps/customers.yaml:11")
                .hasMessageContaining("DIPV1021");
        assertThat(runtime.replace("customers", edited, "admin").version()).isEqualTo("1.0.0.2");
        runtime.run("customers", false, "admin");
        assertThat(runtime.map("customers").state()).isEqualTo(MapState.RUNNING);
    }
}
