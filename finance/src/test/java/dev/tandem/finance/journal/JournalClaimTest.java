package dev.tandem.finance.journal;

import static dev.tandem.finance.StagedActuals.cost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.common.claim.ClaimOwner;
import dev.tandem.common.claim.Claims;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.finance.Finance;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.journal.IntegrationJournal.PostResult;
import dev.tandem.finance.setup.PeriodStatus;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Issue 14, finding 3: a posting whose process dies leaves its journal PROCESSING, claimed by that process. The next
 * posting takes it over at once when the owner is gone (on H2 every other process is; on PostgreSQL once its session
 * advisory lock is released) and posts every line exactly once; a journal of a live owner is not taken over.
 *
 * <p>The other process is a second {@link Finance} with an owner of its own, on a database that "kills" it (throws
 * an {@link Error}, which no code of the posting catches, so nothing is cleaned up) at the n-th renewal of its claim:
 * the first is the first chunk's, the last is the final one of {@code finish}.
 */
class JournalClaimTest extends JournalTestBase {

    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);
    private static final LocalDate APRIL_10 = LocalDate.of(2026, 4, 10);

    /** Stands for {@code kill -9}: an error nobody catches. */
    static final class Killed extends Error {
        Killed() {
            super("killed");
        }
    }

    private Claims otherClaims;

    @AfterEach
    void releaseOther() {
        if (otherClaims != null) {
            otherClaims.close();
        }
    }

    /** Another process's Finance on the same database, killed at its {@code killAt}-th renewal of a claim. */
    private Finance otherProcess(int killAt) {
        AtomicInteger renewals = new AtomicInteger();
        DataSource real = dataSource();
        DataSource dying = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (p, m, a) -> {
                    Object result = m.invoke(real, a);
                    if (result instanceof Connection c) {
                        return connection(c, renewals, killAt);
                    }
                    return result;
                });
        otherClaims = Claims.on(dying, ClaimOwner.of("other-host", 4242));
        return new Finance(new FinanceContext(dying, new DataSourceTransactionManager(dying),
                finance.context().clock(), () -> "other@example.test", otherClaims));
    }

    private static Connection connection(Connection real, AtomicInteger renewals, int killAt) {
        return (Connection) Proxy.newProxyInstance(JournalClaimTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p, m, a) -> {
                    if (m.getName().equals("prepareStatement") && a != null && a[0] instanceof String sql
                            && sql.contains("SET claimrenewedon") && renewals.incrementAndGet() == killAt) {
                        throw new Killed();
                    }
                    try {
                        return m.invoke(real, a);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private String postKilled(Finance other, int killAt) {
        String journalId = journal().journals(LE, JournalStatus.DRAFT).getFirst().journalId();
        assertThatThrownBy(() -> other.integrationJournal().post(LE, journalId)).isInstanceOf(Killed.class);
        assertThat(journal().journal(LE, journalId).status()).isEqualTo(JournalStatus.PROCESSING);
        return journalId;
    }

    /** The other process is gone: on H2 it always was; on PostgreSQL its session lock goes with it. */
    private void otherProcessGone() {
        otherClaims.close();
    }

    private int vouchers() {
        return count("ledgervoucher");
    }

    @Test
    void aJournalWhoseOwnerDiedBeforeAnyLinePostedIsTakenOverAtOnceAndEveryLinePostsOnce() {
        List<UUID> ids = stage(cost("100.00", "USD", MARCH_2), cost("200.00", "USD", MARCH_2),
                cost("300.00", "USD", MARCH_2));
        importAll();
        String journalId = postKilled(otherProcess(1), 1);
        assertThat(vouchers()).isZero();
        otherProcessGone();

        assertThat(journal().abandonedClaims()).extracting(IntegrationJournal.JournalClaim::journalId)
                .containsExactly(journalId);
        List<PostResult> results = journal().postAll(LE);

        assertThat(results).containsExactly(new PostResult(journalId, JournalStatus.POSTED, 3, 0, null));
        assertThat(ids).allSatisfy(id -> assertThat(lineOf(id).status()).isEqualTo(JournalStatus.POSTED));
        assertThat(ids.stream().map(id -> lineOf(id).voucher()).distinct()).hasSize(3);
        assertThat(vouchers()).isEqualTo(3);
        assertThat(journal().abandonedClaims()).isEmpty();
        assertThat(trialBalanceTotal()).isZero();
    }

    @Test
    void aJournalWhoseOwnerDiedAfterItsLinesPostedIsFinishedWithoutPostingAnyLineTwice() {
        jdbc.update("UPDATE legal_entity SET journalperiodunit = 'YEARS'");
        UUID closed = stage(cost("500.00", "USD", MARCH_2)).get(0);
        UUID open = stage(cost("700.00", "USD", APRIL_10)).get(0);
        importAll();
        finance.setup().setPeriodStatus(LE, LocalDate.of(2026, 3, 1), PeriodStatus.CLOSED);
        // Renewal 1: the only chunk, which commits the posted and the failed line; renewal 2: finish, killed.
        String journalId = postKilled(otherProcess(2), 2);
        String voucher = lineOf(open).voucher();
        assertThat(voucher).isNotNull();
        otherProcessGone();

        PostResult result = journal().post(LE, journalId);

        assertThat(result.status()).isEqualTo(JournalStatus.POSTED);
        assertThat(result.postedLines()).isOne();
        assertThat(result.failedLines()).isOne();
        assertThat(lineOf(open).voucher()).isEqualTo(voucher);
        assertThat(lineOf(closed).journalId()).isEqualTo(result.errorJournalId());
        assertThat(lineOf(closed).status()).isEqualTo(JournalStatus.ERROR);
        assertThat(vouchers()).isOne();
        assertThat(journal().journal(LE, journalId).status()).isEqualTo(JournalStatus.POSTED);
    }

    @Test
    void aJournalOfALiveOwnerIsNeitherTakenOverNorSetBackToDraftNorReported() {
        stage(cost("100.00", "USD", MARCH_2), cost("200.00", "USD", MARCH_2));
        importAll();
        String journalId = postKilled(otherProcess(1), 1);
        UUID other = otherClaims.owner().id();
        if (database != DatabaseKind.POSTGRESQL) {
            // On an embedded H2 database only this process can be live: the claim is made this process's own, as
            // by a posting running in another of its threads.
            jdbc.update("UPDATE projintegrationjournal SET claimowner = ?", finance.context().claims().owner().id());
        }

        assertThat(journal().postAll(LE)).isEmpty();
        assertThatThrownBy(() -> journal().post(LE, journalId)).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.detail()).contains("being posted by", "still running"));
        assertThatThrownBy(() -> journal().resetToDraft(LE, journalId)).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.errorCode()).isEqualTo(FinanceError.STATE));
        assertThat(journal().abandonedClaims()).isEmpty();
        assertThat(vouchers()).isZero();

        jdbc.update("UPDATE projintegrationjournal SET claimowner = ?", other);
        otherProcessGone();
        assertThat(journal().postAll(LE)).extracting(PostResult::postedLines).containsExactly(2);
        assertThat(vouchers()).isEqualTo(2);
    }

    @Test
    void aJournalWhoseOwnerIsGoneCanBeSetBackToDraftAndPostedAgainAtOnce() {
        stage(cost("100.00", "USD", MARCH_2));
        importAll();
        String journalId = postKilled(otherProcess(1), 1);
        otherProcessGone();

        journal().resetToDraft(LE, journalId);

        assertThat(journal().journal(LE, journalId).status()).isEqualTo(JournalStatus.DRAFT);
        assertThat(journal().post(LE, journalId).postedLines()).isOne();
        assertThat(vouchers()).isOne();
    }

    @Test
    void theOwnerThatLostItsClaimWritesNothingMore() {
        stage(cost("100.00", "USD", MARCH_2));
        importAll();
        String journalId = journal().journals(LE, JournalStatus.DRAFT).getFirst().journalId();
        // This process claims it, then "loses" it to another owner before its first chunk.
        jdbc.update("UPDATE projintegrationjournal SET status = 'PROCESSING', claimowner = ?",
                ClaimOwner.of("other-host", 1).id());
        jdbc.update("UPDATE projintegrationjournalline SET status = 'PROCESSING'");
        var store = new JournalStore(finance.context(), finance.numbers());

        assertThat(finance.context().inTransaction(() -> store.renew(LE, journalId,
                finance.context().claims().owner().id()))).isFalse();
        assertThat(vouchers()).isZero();
    }
}
