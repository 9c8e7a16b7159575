package dev.tandem.operations.invoicing.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.claim.ClaimOwner;
import dev.tandem.common.claim.Claims;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.operations.OperationsContext;
import dev.tandem.operations.OperationsTestBase;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.invoicing.BulkConfirmationStatus;
import dev.tandem.operations.invoicing.InvoiceStatus;
import dev.tandem.operations.invoicing.bulk.BulkConfirmJob.JobInvoice;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Issue 14, finding 3: a bulk confirmation job whose process dies stays Processing, claimed by that process. A worker
 * takes it over at once when the owner is gone (on H2 every other process is; on PostgreSQL once its session
 * advisory lock is released) and confirms every invoice exactly once; a job of a live owner is left alone.
 *
 * <p>The other process is a second app with an owner of its own on a database that "kills" it (an {@link Error}
 * nobody catches) at its 4th renewal of the job's claim: renewals 1 and 2 mark the first invoice Processing and
 * confirm it, 3 marks the second Processing, so the kill leaves one invoice Complete, one Processing and one
 * Scheduled.
 */
class BulkConfirmationClaimTest extends OperationsTestBase {

    static final class Killed extends Error {
        Killed() {
            super("killed");
        }
    }

    private List<UUID> drafts;
    private Claims otherClaims;

    @BeforeEach
    void threeDrafts() {
        ops.contracts().confirm(contract);
        drafts = new ArrayList<>();
        for (String hours : List.of("8", "4", "2")) {
            readyTime(hours);
            drafts.addAll(ops.invoicing().creation().createForContract(contract, LocalDate.of(2026, 3, 31)));
        }
    }

    @AfterEach
    void releaseOther() {
        if (otherClaims != null) {
            otherClaims.close();
        }
    }

    private UUID jobKilledHalfway() {
        AtomicInteger renewals = new AtomicInteger();
        DataSource real = dataSource();
        DataSource dying = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (p, m, a) -> {
                    Object result = m.invoke(real, a);
                    return result instanceof Connection c ? connection(c, renewals) : result;
                });
        otherClaims = Claims.on(dying, ClaimOwner.of("other-host", 4242));
        ProjectOperations other = new ProjectOperations(new OperationsContext(dying,
                new DataSourceTransactionManager(dying), ops.context().clock(), () -> "pm@example.test", otherClaims));
        UUID jobId = ops.invoicing().bulkConfirmation().schedule(drafts);
        assertThatThrownBy(() -> other.invoicing().bulkConfirmation().process(jobId)).isInstanceOf(Killed.class);
        BulkConfirmJob left = bulk().job(jobId);
        assertThat(left.status()).isEqualTo(BulkConfirmationStatus.PROCESSING);
        assertThat(left.invoices()).extracting(JobInvoice::outcome).containsExactly(BulkConfirmationStatus.COMPLETE,
                null, null);
        assertThat(invoice(drafts.get(1)).bulkConfirmationStatus()).isEqualTo(BulkConfirmationStatus.PROCESSING);
        return jobId;
    }

    private static Connection connection(Connection real, AtomicInteger renewals) {
        return (Connection) Proxy.newProxyInstance(BulkConfirmationClaimTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p, m, a) -> {
                    if (m.getName().equals("prepareStatement") && a != null && a[0] instanceof String sql
                            && sql.contains("SET tdm_claimrenewedon") && renewals.incrementAndGet() == 4) {
                        throw new Killed();
                    }
                    try {
                        return m.invoke(real, a);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private dev.tandem.operations.invoicing.InvoiceRecords.Invoice invoice(UUID id) {
        return ops.invoicing().store().invoice(id);
    }

    private void readyTime(String hours) {
        UUID entry = submittedTime(hours, DAY);
        ops.workEntries().approve(entry);
        ops.backlog().markActuals(ops.actuals().bySource(entry).stream()
                .filter(a -> a.transactionType() == dev.tandem.operations.actuals.TransactionType.UNBILLED_SALES)
                .map(dev.tandem.operations.actuals.Actual::id).toList(), true);
    }

    private BulkConfirmation bulk() {
        return ops.invoicing().bulkConfirmation();
    }

    @Test
    void aJobWhoseOwnerDiedIsTakenOverAtOnceAndConfirmsEveryInvoiceOnce() {
        UUID jobId = jobKilledHalfway();
        otherClaims.close();

        assertThat(bulk().resumableJobs()).containsExactly(jobId);
        BulkConfirmJob done = bulk().process(jobId);

        assertThat(done.status()).isEqualTo(BulkConfirmationStatus.COMPLETE);
        assertThat(done.confirmedCount()).isEqualTo(3);
        assertThat(done.failedCount()).isZero();
        assertThat(drafts).map(this::invoice).allSatisfy(i -> {
            assertThat(i.status()).isEqualTo(InvoiceStatus.CONFIRMED);
            assertThat(i.bulkConfirmationStatus()).isEqualTo(BulkConfirmationStatus.COMPLETE);
        });
        assertThat(bulk().resumableJobs()).isEmpty();
        assertThat(bulk().claims()).isEmpty();
    }

    @Test
    void aJobOfALiveOwnerIsNotTakenOver() {
        UUID jobId = jobKilledHalfway();
        UUID other = otherClaims.owner().id();
        if (database != DatabaseKind.POSTGRESQL) {
            // On an embedded H2 database only this process can be live: the claim is made this process's own.
            ops.context().jdbc().update("UPDATE tdm_bulkconfirmjob SET tdm_claimowner = ?",
                    ops.context().claims().owner().id());
        }

        assertThat(bulk().resumableJobs()).isEmpty();
        assertThat(bulk().claims()).singleElement().satisfies(c -> assertThat(c.ownerGone()).isFalse());
        assertThat(bulk().process(jobId).status()).isEqualTo(BulkConfirmationStatus.PROCESSING);
        assertThat(invoice(drafts.get(2)).status()).isEqualTo(InvoiceStatus.DRAFT);

        ops.context().jdbc().update("UPDATE tdm_bulkconfirmjob SET tdm_claimowner = ?", other);
        otherClaims.close();
        assertThat(bulk().process(jobId).status()).isEqualTo(BulkConfirmationStatus.COMPLETE);
    }
}
